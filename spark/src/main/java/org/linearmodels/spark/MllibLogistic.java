package org.linearmodels.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.linearmodels.data.ImageDataset;

/**
 * Spark MLlib's own answer to the same task, for comparison: multinomial
 * {@link LogisticRegression} (L-BFGS on the whole data set, no regularisation) on the same
 * shards, scored on the same test images.
 */
public final class MllibLogistic {

    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("features", SQLDataTypes.VectorType(), false);

    /** Test accuracy and the fit's seconds. */
    public record Result(double accuracy, double seconds) {}

    private MllibLogistic() {}

    public static Result fitAndTest(SparkSession spark, JavaRDD<Shard> shards, Shard test,
            int iterations) {
        Dataset<Row> train = spark.createDataFrame(shards.flatMap(MllibLogistic::rows), SCHEMA)
                .cache();
        train.count();  // materialized outside the timing, as the shards are for SparkTrain
        long start = System.nanoTime();
        LogisticRegressionModel model = new LogisticRegression().setFamily("multinomial")
                .setMaxIter(iterations).setRegParam(0).fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> testRows = spark.createDataFrame(rowList(test), SCHEMA);
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(testRows));
        train.unpersist();
        return new Result(accuracy, seconds);
    }

    /** A shard's images as MLlib rows: the label, and the pixels in [0, 1] as ToTensor gives. */
    private static Iterator<Row> rows(Shard shard) {
        return rowList(shard).iterator();
    }

    private static List<Row> rowList(Shard shard) {
        List<Row> rows = new ArrayList<>(shard.size());
        for (int i = 0; i < shard.size(); i++) {
            double[] pixels = new double[ImageDataset.PIXELS];
            for (int j = 0; j < pixels.length; j++) {
                pixels[j] = (shard.pixels()[i * pixels.length + j] & 0xFF) / 255.0;
            }
            rows.add(RowFactory.create((double) shard.labels()[i], Vectors.dense(pixels)));
        }
        return rows;
    }
}
