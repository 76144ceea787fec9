import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linearmodels.engine.PyTorch;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.train.CorrectCount;

/**
 * What one T4 step costs, part by part, on random data of MNIST's size (microseconds, mean of
 * 5000 steps after 1000 of warm-up), with the alternatives docs/PERFORMANCE.md compares: the
 * batch gathered by DJL's advanced indexing or by the embedding lookup, and the correct count
 * as DJL's EvaluatorTrainingListener updates its Accuracy (a sync to the JVM per step) or as
 * the History listener does (CorrectCount added to a sum that stays on the device until the
 * epoch ends). Run with bench/step-costs.
 */
public class StepCosts {

    private static final String[] TRAIN = {"train"};

    public static void main(String[] args) {
        PyTorch.useThreads(1);
        int steps = 5000;
        int warmUp = 1000;
        Map<String, Long> nanos = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("steps", Device.cpu(), PyTorch.NAME)) {
            NDArray images = manager.randomUniform(0, 1, new Shape(60000, 784));
            NDArray pixels = images.mul(255f).toType(DataType.UINT8, false);
            NDArray labels = manager.randomInteger(0, 10, new Shape(60000), DataType.INT64);
            model.setBlock(new ModelSpec(List.of(1L, 28L, 28L), 10, ModelSpec.Head.SOFTMAX, null,
                    null).newBlock());
            Trainer trainer = model.newTrainer(new DefaultTrainingConfig(
                    new SoftmaxCrossEntropyLoss()).optOptimizer(Optimizer.sgd()
                    .setLearningRateTracker(Tracker.fixed(0.001f)).build()));
            trainer.initialize(new Shape(1, 784));
            Accuracy djlAccuracy = new Accuracy();
            djlAccuracy.addAccumulator(TRAIN[0]);
            NDArray correct = manager.zeros(new Shape());
            CorrectCount correctCount = CorrectCount.argmax();
            Random random = new Random(0);
            for (int step = 0; step < warmUp + steps; step++) {
                long[] rows = random.ints(100, 0, 60000).asLongStream().toArray();
                Map<String, Long> times = new LinkedHashMap<>();
                try (NDManager scope = manager.newSubManager()) {
                    NDArray index = scope.create(rows);
                    long t = System.nanoTime();
                    images.get(scope, new NDIndex("{}", index));
                    t = lap(times, "gather 100 images, advanced indexing (ArrayDataset)", t);
                    NDArray x = index.getNDArrayInternal().embedding(index, images,
                            SparseFormat.DENSE).singletonOrThrow();
                    NDArray y = labels.get(scope, new NDIndex("{}", index));
                    t = lap(times, "gather 100 images, embedding lookup of float rows", t);
                    x = index.getNDArrayInternal().embedding(index, pixels,
                            SparseFormat.DENSE).singletonOrThrow()
                            .toType(DataType.FLOAT32, false).divi(255f);
                    t = lap(times, "gather 100 images as bytes, then / 255f (RowGatherDataset)",
                            t);
                    NDList predictions;
                    NDArray loss;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        predictions = trainer.forward(new NDList(x));
                        t = lap(times, "forward (Linear 784 -> 10)", t);
                        loss = trainer.getLoss().evaluate(new NDList(y), predictions);
                        t = lap(times, "loss (SoftmaxCrossEntropyLoss)", t);
                        collector.backward(loss);
                    }
                    t = lap(times, "backward", t);
                    trainer.step();
                    t = lap(times, "optimiser step (Trainer.step, Sgd)", t);
                    djlAccuracy.updateAccumulators(TRAIN, new NDList(y), predictions);
                    t = lap(times, "correct count, DJL's Accuracy.updateAccumulators", t);
                    correct.addi(correctCount.count(predictions.singletonOrThrow(), y));
                    lap(times, "correct count, CorrectCount.argmax into a running sum", t);
                }
                if (step >= warmUp) {
                    times.forEach((part, value) -> nanos.merge(part, value, Long::sum));
                }
            }
            trainer.close();
        }
        nanos.forEach((part, total) -> System.out.printf("%-58s %7.1f us%n", part,
                total / 1e3 / steps));
    }

    private static long lap(Map<String, Long> times, String part, long start) {
        long now = System.nanoTime();
        times.put(part, now - start);
        return now;
    }
}
