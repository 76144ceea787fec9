package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.linearmodels.data.DataDirectory;
import org.linearmodels.data.DatasetCache;
import org.linearmodels.data.IdxFile;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Framing;
import org.linearmodels.predict.ImageClassifier;

/** Inputs for the Spark commands' tests, and their outputs read back. */
final class SparkTestData {

    private SparkTestData() {}

    /** The first {@code count} MNIST test images as grey PNGs in {@code dir}, in order. */
    static List<Path> mnistPictures(Path dir, int count) throws IOException {
        DatasetCache cache = new DatasetCache(DataDirectory.resolve(null));
        cache.ensure(ImageDataset.MNIST);
        List<Path> files = new ArrayList<>();
        try (RandomAccessFile images = new RandomAccessFile(
                cache.file(ImageDataset.MNIST, IdxFile.TEST_IMAGES).toFile(), "r")) {
            images.seek(16);
            for (int i = 0; i < count; i++) {
                byte[] pixels = new byte[784];
                images.readFully(pixels);
                BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setDataElements(0, 0, 28, 28, pixels);
                Path file = dir.resolve("digit-" + i + ".png");
                ImageIO.write(image, "png", file.toFile());
                files.add(file);
            }
        }
        return files;
    }

    /** A white picture: nothing for the framing to find. */
    static void blankPicture(Path file) throws IOException {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, 28, 28, new byte[784]);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                image.getRaster().setSample(x, y, 0, 255);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * Asserts that the rows SparkPredict wrote for {@code digits} hold the single-machine
     * predictor's answers: the same class, the same probability, no error.
     */
    static void assertSingleMachineAnswers(Map<String, Map<String, String>> rows,
            List<Path> digits, Path model) {
        try (ImageClassifier single = ImageClassifier.load(model, MnistLogistic.NAME, "train",
                Device.cpu(), Framing.MNIST)) {
            List<Classifications> expected = single.classifyFiles(digits);
            for (int i = 0; i < digits.size(); i++) {
                Map<String, String> row = rows.get(sparkPath(digits.get(i)));
                Classifications.Classification best = expected.get(i).best();
                assertEquals(best.getClassName(), row.get("class"), row.toString());
                assertEquals(best.getProbability(), Double.parseDouble(row.get("probability")),
                        1e-6, row.toString());
                assertNull(row.get("error"), row.toString());
            }
        }
    }

    /** How Spark's binaryFile source writes a local file's path: file:/tmp/x. */
    static String sparkPath(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /**
     * The rows of the CSV part files Spark wrote into {@code dir}, by their first column; an
     * empty cell (Spark's null) as null.
     */
    static Map<String, Map<String, String>> csvRowsByFirstColumn(Path dir) throws IOException {
        Map<String, Map<String, String>> rows = new HashMap<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList();
        }
        for (Path part : parts) {
            try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
                    CSVParser csv = CSVFormat.DEFAULT.builder().setHeader()
                            .setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord record : csv) {
                    Map<String, String> row = new HashMap<>();
                    record.toMap().forEach((k, v) -> row.put(k, v.isEmpty() ? null : v));
                    rows.put(record.get(0), row);
                }
            }
        }
        return rows;
    }
}
