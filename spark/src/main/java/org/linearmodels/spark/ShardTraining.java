package org.linearmodels.spark;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.linearmodels.MnistLogistic;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.data.ImageSplits;
import org.linearmodels.engine.PyTorch;

/**
 * One round on one worker: the lesson's model, loss and SGD ({@link MnistLogistic}) start from
 * the driver's parameters and take {@code steps} batches of the worker's shard, from batch
 * {@code first} of the epoch's shuffle; the worker returns how far its parameters moved.
 */
public final class ShardTraining implements FlatMapFunction<Iterator<Shard>, float[][]> {

    private static final long serialVersionUID = 1L;

    /**
     * DJL's PyTorch engine records gradients in one collector per process, so the tasks of one
     * executor (or of local mode, all of them) train one at a time; give executors one core
     * each to train shards in parallel.
     */
    private static final Object ONE_COLLECTOR = new Object();

    private final Broadcast<float[][]> start;
    private final float learningRate;
    private final int batchSize;
    private final int seed;
    private final int epoch;
    private final long first;
    private final long steps;

    public ShardTraining(Broadcast<float[][]> start, float learningRate, int batchSize,
            int seed, int epoch, long first, long steps) {
        this.start = start;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.first = first;
        this.steps = steps;
    }

    @Override
    public Iterator<float[][]> call(Iterator<Shard> shards) throws TranslateException {
        PyTorch.useThreads(1);  // one task per executor core
        List<float[][]> changes = new ArrayList<>();
        while (shards.hasNext()) {
            Shard shard = shards.next();
            synchronized (ONE_COLLECTOR) {
                changes.add(train(shard));
            }
        }
        return changes.iterator();
    }

    private float[][] train(Shard shard) throws TranslateException {
        Device cpu = Device.cpu();
        try (NDManager manager = NDManager.newBaseManager(cpu);
                Model model = MnistLogistic.model(cpu);
                Trainer trainer = MnistLogistic.trainer(model,
                        MnistLogistic.config(learningRate))) {
            float[][] before = start.value();
            Parameters.load(model, before);
            NDArray images = manager.create(ByteBuffer.wrap(shard.pixels()),
                    new Shape(shard.size(), ImageDataset.PIXELS), DataType.UINT8);
            NDArray labels = manager.create(ByteBuffer.wrap(shard.labels()),
                    new Shape(shard.size()), DataType.UINT8).toType(DataType.INT64, false);
            ArrayDataset data = ImageSplits.inBatches(images, labels, batchSize, false, cpu);
            List<Long> order = shuffled(shard);
            // A shard one row smaller than the largest may have one step fewer
            long last = Math.min(first + steps, (shard.size() + batchSize - 1) / batchSize);
            for (long step = first; step < last; step++) {
                int from = Math.toIntExact(step * batchSize);
                int to = Math.min(from + batchSize, shard.size());
                long[] rows = order.subList(from, to).stream().mapToLong(Long::longValue)
                        .toArray();
                // A batch closes its manager, as the dataset iterators' batches do
                try (Batch batch = data.getByIndices(manager.newSubManager(), rows)) {
                    EasyTrain.trainBatch(trainer, batch);
                    trainer.step();
                }
            }
            return Parameters.change(before, Parameters.of(model));
        }
    }

    /** The shard's rows in this epoch's order: the same for every round of the epoch. */
    private List<Long> shuffled(Shard shard) {
        List<Long> order = new ArrayList<>(shard.size());
        for (long i = 0; i < shard.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(Objects.hash(seed, epoch, shard.index())));
        return order;
    }
}
