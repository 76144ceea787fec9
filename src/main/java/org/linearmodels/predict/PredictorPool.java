package org.linearmodels.predict;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * DJL Predictors over one model, lent one per call so any number of threads can predict at
 * once (a Predictor is not thread-safe) without paying to build a new one every call.
 */
public final class PredictorPool<I, O> implements AutoCloseable {

    private final Model model;
    private final Translator<I, O> translator;
    private final ConcurrentLinkedQueue<Predictor<I, O>> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Predictor<I, O>> all = new ConcurrentLinkedQueue<>();

    public PredictorPool(Model model, Translator<I, O> translator) {
        this.model = model;
        this.translator = translator;
    }

    /** The answer for one input, on a Predictor no other thread holds meanwhile. */
    public O predict(I input) throws TranslateException {
        return predict(List.of(input)).get(0);
    }

    /** The answers for a batch of inputs, on a Predictor no other thread holds meanwhile. */
    public List<O> predict(List<I> inputs) throws TranslateException {
        Predictor<I, O> predictor = idle.poll();
        if (predictor == null) {
            predictor = model.newPredictor(translator);
            all.add(predictor);
        }
        try {
            return predictor.batchPredict(inputs);
        } finally {
            idle.add(predictor);
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
        all.clear();
        idle.clear();
    }
}
