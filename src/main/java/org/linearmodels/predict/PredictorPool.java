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
final class PredictorPool<I, O> implements AutoCloseable {

    private final Model model;
    private final Translator<I, O> translator;
    private final ConcurrentLinkedQueue<Predictor<I, O>> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Predictor<I, O>> all = new ConcurrentLinkedQueue<>();

    PredictorPool(Model model, Translator<I, O> translator) {
        this.model = model;
        this.translator = translator;
    }

    List<O> predict(List<I> inputs) throws TranslateException {
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
