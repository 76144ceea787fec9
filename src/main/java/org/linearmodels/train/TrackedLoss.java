package org.linearmodels.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.PairList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/**
 * A loss that keeps the value it computed last, so that {@link History} and {@link StepLog} read
 * a training batch's loss instead of computing it again: DJL's {@code EasyTrain} evaluates the
 * loss but hands listeners only the labels and predictions, and a second softmax cross-entropy
 * is four more native calls in a step of about twenty.
 */
public final class TrackedLoss extends Loss {

    private final Loss loss;
    private NDArray last;

    /**
     * {@code config} as it is, but for its loss, tracked: a lesson builds its config with the
     * tutorial's loss, and a command trains with it through this view.
     */
    public static TrainingConfig in(TrainingConfig config) {
        TrackedLoss tracked = new TrackedLoss(config.getLossFunction());
        return new TrainingConfig() {
            @Override
            public Device[] getDevices() {
                return config.getDevices();
            }

            @Override
            public PairList<Initializer, Predicate<Parameter>> getInitializers() {
                return config.getInitializers();
            }

            @Override
            public Optimizer getOptimizer() {
                return config.getOptimizer();
            }

            @Override
            public Loss getLossFunction() {
                return tracked;
            }

            @Override
            public ExecutorService getExecutorService() {
                return config.getExecutorService();
            }

            @Override
            public List<Evaluator> getEvaluators() {
                return config.getEvaluators();
            }

            @Override
            public List<TrainingListener> getTrainingListeners() {
                return config.getTrainingListeners();
            }
        };
    }

    public TrackedLoss(Loss loss) {
        super(loss.getName());
        this.loss = loss;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        last = loss.evaluate(labels, predictions);
        return last;
    }

    /**
     * The loss of the training batch a listener hears about: the value the trainer's loss kept,
     * when it is a {@link TrackedLoss}, else computed from the batch's predictions.
     */
    static NDArray ofBatch(Trainer trainer, NDList labels, NDList predictions) {
        if (trainer.getLoss() instanceof TrackedLoss tracked && tracked.last != null) {
            return tracked.last;
        }
        return trainer.getLoss().evaluate(labels, predictions);
    }
}
