package org.linearmodels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.Versions;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.model.CheckpointFiles;
import org.linearmodels.model.Manifest;
import org.linearmodels.model.ModelSpec;
import org.linearmodels.spark.ModelLoading;
import org.linearmodels.spark.PicturePredictions;
import org.linearmodels.spark.RowPredictions;
import org.linearmodels.spark.SparkJobs;
import org.linearmodels.spark.SparkOptions;
import org.linearmodels.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Batch prediction on Spark: reads pictures or feature rows, answers them on the executors with
 * one DJL predictor per partition, loaded through the model directory's Criteria, and writes one
 * row per input.
 */
@Command(name = "SparkPredict", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Versions.class,
        description = {"Predicts on Apache Spark with a model directory: one row per input.",
            "--input is a directory of pictures (read recursively through Spark's binaryFile"
                    + " source; each row: path, class, probability, error), or feature rows in"
                    + " a .csv file with a header or in .parquet (each row: its columns, then"
                    + " class and probability, or value for a regression, and error). A file"
                    + " that cannot be answered gets its reason in the error column; the job"
                    + " goes on."})
public final class SparkPredict implements Callable<Integer> {

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--model-dir", paramLabel = "DIR", required = true,
            description = "The model directory (a trainer's --output-dir), at a path every"
                    + " executor reads.")
    Path modelDir;

    @Option(names = "--input", paramLabel = "PATH", required = true,
            description = "A directory of pictures, a .csv or a .parquet of feature rows.")
    String input;

    @Option(names = "--output", paramLabel = "PATH", required = true,
            description = "Where the answers go: Parquet if it ends in .parquet, else CSV with a"
                    + " header; a directory of part files, one per partition. Must not exist.")
    String output;


    public static void main(String[] args) {
        Cli.run(new SparkPredict(), args);
    }

    @Override
    public Integer call() {
        Path directory = modelDir.toAbsolutePath();
        Manifest manifest = CheckpointFiles.readManifest(directory,
                "train one, e.g. ./run MnistLogistic --output-dir " + modelDir);
        ModelSpec spec = manifest.model();
        SparkJobs.requireNew(output, "--output");
        // Loaded and verified here once, so that a damaged model stops before the job: an
        // executor's failure would reach this process only as a failed stage.
        ModelLoading.verify(directory.toString());
        String format = inputFormat();
        if (format.equals("pictures") && spec.framing() == null) {
            throw new BadInputException(directory + " holds a tabular model ('"
                    + manifest.name() + "'); --input " + input + " is a directory of"
                    + " pictures. Give rows of " + spec.features() + " numbers in a .csv or"
                    + " .parquet, or an image model's directory.");
        }
        try (SparkSession spark = sparkOptions.start("SparkPredict",
                SparkSessions.jarsOf(SparkPredict.class, Manifest.class))) {
            Dataset<Row> answers = predict(spark, format, directory, spec).cache();
            write(answers);
            long rows = answers.count();
            long failed = answers.filter(functions.col("error").isNotNull()).count();
            System.out.printf(Locale.ROOT, "Wrote %d row%s to %s: %d answered, %d not (the"
                    + " error column says why).%n", rows, rows == 1 ? "" : "s", output,
                    rows - failed, failed);
        }
        return 0;
    }

    private Dataset<Row> predict(SparkSession spark, String format, Path directory,
            ModelSpec spec) {
        if (format.equals("pictures")) {
            Dataset<Row> files = spark.read().format("binaryFile")
                    .option("recursiveFileLookup", "true").load(input)
                    .select("path", "content");
            return files.mapPartitions(new PicturePredictions(directory.toString()),
                    Encoders.row(PicturePredictions.SCHEMA));
        }
        Dataset<Row> rows = format.equals("csv")
                ? spark.read().option("header", "true").option("inferSchema", "true").csv(input)
                : spark.read().parquet(input);
        requireFeatures(rows.schema(), spec);
        return rows.mapPartitions(new RowPredictions(directory.toString(), spec),
                Encoders.row(RowPredictions.schema(rows.schema(), spec)));
    }

    /** pictures, csv or parquet, from --input's name; a local path must exist. */
    private String inputFormat() {
        String name = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        boolean local = !input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        if (local && !Files.exists(Path.of(input))) {
            throw new BadInputException("--input " + input + " does not exist; give a"
                    + " directory of pictures, a .csv or a .parquet.");
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".parquet")) {
            return "parquet";
        }
        if (local && !Files.isDirectory(Path.of(input))) {
            throw new BadInputException("--input " + input + " is neither a directory of"
                    + " pictures nor a .csv or .parquet file; rename it or give its directory.");
        }
        return "pictures";
    }

    /** Every column a number, as many as the model's features. */
    private void requireFeatures(StructType schema, ModelSpec spec) {
        List<String> notNumbers = Arrays.stream(schema.fields())
                .filter(f -> !(f.dataType() instanceof NumericType))
                .map(StructField::name).toList();
        if (schema.size() != spec.features() || !notNumbers.isEmpty()) {
            throw new BadInputException("--input " + input + " has " + schema.size()
                    + " column" + (schema.size() == 1 ? "" : "s")
                    + (notNumbers.isEmpty() ? "" : ", not all numbers (" + String.join(", ",
                            notNumbers) + ")")
                    + "; the model takes " + spec.features() + " numbers per row, one"
                    + " column each.");
        }
    }

    private void write(Dataset<Row> answers) {
        if (output.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet")) {
            answers.write().parquet(output);
        } else {
            answers.write().option("header", "true").csv(output);
        }
    }
}
