package org.linearmodels.model;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes Java records through their canonical constructor and accessors, as Gson 2.10
 * and later do by themselves. Gson before 2.10 sets a record's final fields by reflection and
 * fails; a Jupyter kernel that bundles such a Gson unrelocated (IJava 1.3.0 bundles 2.8.5) puts
 * it ahead of the project's in the notebook's class loader, so the project brings its own.
 *
 * <p>The JSON is the one Gson's own record support writes: components in declaration order,
 * each through the adapter for its declared type, null components left out unless the writer
 * serializes nulls. Unknown names are skipped; missing ones, and JSON nulls, give the
 * component's default (null, or 0 / false for a primitive). Generic records are not supported.
 */
final class RecordAdapterFactory implements TypeAdapterFactory {

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isRecord()) {
            return null;
        }
        if (raw.getTypeParameters().length > 0) {
            throw new IllegalArgumentException("generic record " + raw.getName());
        }
        return new RecordAdapter<>(gson, raw);
    }

    private static final class RecordAdapter<T> extends TypeAdapter<T> {

        private final Class<? super T> type;
        private final RecordComponent[] components;
        private final TypeAdapter<?>[] adapters;
        private final Map<String, Integer> indexByName = new HashMap<>();
        private final Constructor<? super T> constructor;

        RecordAdapter(Gson gson, Class<? super T> type) {
            this.type = type;
            components = type.getRecordComponents();
            adapters = new TypeAdapter<?>[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                adapters[i] = gson.getAdapter(TypeToken.get(components[i].getGenericType()));
                parameterTypes[i] = components[i].getType();
                indexByName.put(components[i].getName(), i);
                components[i].getAccessor().setAccessible(true);
            }
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName()
                        + " has no canonical constructor", e);
            }
            constructor.setAccessible(true);
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            out.beginObject();
            for (int i = 0; i < components.length; i++) {
                Object component;
                try {
                    component = components[i].getAccessor().invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new JsonParseException("cannot read " + type.getSimpleName() + "."
                            + components[i].getName(), e);
                }
                out.name(components[i].getName());
                writeComponent(out, adapters[i], component);
            }
            out.endObject();
        }

        @SuppressWarnings("unchecked")
        private static <V> void writeComponent(JsonWriter out, TypeAdapter<V> adapter,
                Object component) throws IOException {
            adapter.write(out, (V) component);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            Object[] arguments = new Object[components.length];
            in.beginObject();
            while (in.hasNext()) {
                Integer index = indexByName.get(in.nextName());
                if (index == null) {
                    in.skipValue();
                } else {
                    arguments[index] = adapters[index].read(in);
                }
            }
            in.endObject();
            for (int i = 0; i < components.length; i++) {
                Class<?> componentType = components[i].getType();
                if (arguments[i] == null && componentType.isPrimitive()) {
                    // the primitive's zero: the only element of a new one-element array
                    arguments[i] = Array.get(Array.newInstance(componentType, 1), 0);
                }
            }
            try {
                return (T) constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new JsonParseException("not a valid " + type.getSimpleName() + ": "
                        + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new JsonParseException("cannot construct " + type.getSimpleName(), e);
            }
        }
    }
}
