package org.linearmodels.serve;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served models by name, in the order they came. Requests read an immutable snapshot
 * without a lock; registering and unregistering, which are rare, replace it under one. Each
 * model is counted out to the predictions using it, so one unregistered mid-prediction is
 * closed by the last of them, never under one.
 */
final class ModelRegistry {

    private static final Logger logger = LoggerFactory.getLogger(ModelRegistry.class);

    /** A served model and its users: the registry itself while listed, plus each prediction. */
    static final class Entry {

        private final Served model;
        private final AtomicInteger users = new AtomicInteger(1);

        private Entry(Served model) {
            this.model = model;
        }

        Served model() {
            return model;
        }

        /** Takes a use of the model; false once it is closed or closing. */
        boolean acquire() {
            for (;;) {
                int now = users.get();
                if (now == 0) {
                    return false;
                }
                if (users.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
        }

        /** Gives a use back; the last one closes the model. */
        void release() {
            if (users.decrementAndGet() == 0) {
                try {
                    model.close();
                } catch (RuntimeException e) {
                    logger.warn("closing the model {} failed", model.name(), e);
                }
            }
        }
    }

    private final Object changes = new Object();
    private volatile Map<String, Entry> models;
    private boolean cleared;

    ModelRegistry(List<? extends Served> served) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Served model : served) {
            if (map.putIfAbsent(model.name(), new Entry(model)) != null) {
                throw new IllegalArgumentException("two models are named '" + model.name()
                        + "'");
            }
        }
        models = Collections.unmodifiableMap(map);
    }

    /** The model named {@code name}, taken for one prediction; release it when done. */
    Entry acquire(String name) {
        Entry entry = models.get(name);
        if (entry == null || !entry.acquire()) {
            throw unknown(name);
        }
        return entry;
    }

    /** The model named {@code name}, to describe. */
    Served get(String name) {
        Entry entry = models.get(name);
        if (entry == null) {
            throw unknown(name);
        }
        return entry.model;
    }

    Collection<Entry> all() {
        return models.values();
    }

    boolean contains(String name) {
        return models.containsKey(name);
    }

    /** Adds {@code model}, or refuses it (409) if its name is taken; then it stays the caller's. */
    void register(Served model) {
        synchronized (changes) {
            if (cleared) {
                throw new ApiError(503, "shutting_down", "the server is stopping.");
            }
            if (models.containsKey(model.name())) {
                throw taken(model.name());
            }
            Map<String, Entry> map = new LinkedHashMap<>(models);
            map.put(model.name(), new Entry(model));
            models = Collections.unmodifiableMap(map);
        }
    }

    /** Stops serving {@code name}; it is closed once the predictions using it have finished. */
    void unregister(String name) {
        Entry entry;
        synchronized (changes) {
            Map<String, Entry> map = new LinkedHashMap<>(models);
            entry = map.remove(name);
            if (entry == null) {
                throw unknown(name);
            }
            models = Collections.unmodifiableMap(map);
        }
        entry.release();
    }

    /** Unregisters every model, and refuses to register more. */
    void clear() {
        Collection<Entry> entries;
        synchronized (changes) {
            cleared = true;
            entries = models.values();
            models = Map.of();
        }
        entries.forEach(Entry::release);
    }

    static ApiError taken(String name) {
        return new ApiError(409, "model_exists", "a model named '" + name + "' is already"
                + " served; DELETE /models/" + name + " first, or register it under another"
                + " model_name.");
    }

    private ApiError unknown(String name) {
        return new ApiError(404, "unknown_model", "no model named '" + name
                + "'; GET /models lists them: " + String.join(", ", models.keySet()) + ".");
    }
}
