package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.MnistImages;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.model.Framing;
import org.linearmodels.predict.Framer;
import org.linearmodels.predict.ImageFiles;

/**
 * Seeded random corruption of valid inputs for the IDX, CSV and image readers: every input ends
 * in a parse or in the reader's clean error, never another exception or a hang.
 */
class ReaderFuzzTest {

    private static final int CASES = 400;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    /** A copy of {@code valid} with one of a few kinds of damage, chosen by {@code random}. */
    static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                byte[] tail = new byte[1 + random.nextInt(64)];
                random.nextBytes(tail);
                byte[] longer = Arrays.copyOf(bytes, bytes.length + tail.length);
                System.arraycopy(tail, 0, longer, bytes.length, tail.length);
                bytes = longer;
            }
            case 3 -> {
                int at = random.nextInt(bytes.length);
                bytes[at] = (byte) random.nextInt(256);
                if (at + 1 < bytes.length) {
                    bytes[at + 1] = (byte) 0xFF;
                }
            }
            case 4 -> {
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(32));
                Arrays.fill(bytes, from, to, (byte) random.nextInt(256));
            }
            default -> {
                int cut = random.nextInt(bytes.length);
                byte[] spliced = new byte[bytes.length - cut + random.nextInt(cut + 1)];
                System.arraycopy(bytes, cut, spliced, 0, bytes.length - cut);
                bytes = spliced;
            }
        }
        return bytes;
    }

    /** The "append" damage appends random bytes, not zeros (a copy once took the random ones). */
    @Test
    void appendedBytesAreRandom() {
        byte[] valid = new byte[16];
        Random random = new Random(7);
        int appended = 0;
        int zeros = 0;
        for (int i = 0; i < 600; i++) {
            byte[] damaged = mutate(valid, random);
            for (int at = valid.length; at < damaged.length; at++) {
                appended++;
                zeros += damaged[at] == 0 ? 1 : 0;
            }
        }
        assertTrue(appended > 1000, "the append case ran: " + appended + " bytes");
        assertTrue(zeros < appended / 20, zeros + " of " + appended + " appended bytes are 0");
    }

    @Test
    void idxHeadersParseOrFailCleanly() throws IOException {
        byte[] valid = idxImages(3);
        Random random = new Random(20261122);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] input = mutate(valid, random);
                try (InputStream in = new ByteArrayInputStream(input)) {
                    IdxHeader header = IdxHeader.parse(in, input.length, 3);
                    assertTrue(header.expectedFileSize() == input.length, "case " + i);
                    outcomes[0]++;
                } catch (IdxHeader.FormatException expected) {
                    assertTrue(!expected.getMessage().isBlank());
                    outcomes[1]++;
                } catch (Exception e) {
                    fail("case " + i + " of " + Arrays.toString(Arrays.copyOf(input, 16))
                            + " threw " + e, e);
                }
            }
        });
        assertBothOutcomes(outcomes);
    }

    /** The corruption must reach both the parse and the error path to test either. */
    private static void assertBothOutcomes(int[] outcomes) {
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, outcomes[0] + " parsed, " + outcomes[1]
                + " refused");
    }

    @Test
    void csvTablesParseOrFailCleanly() {
        byte[] valid = ("150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n"
                + "4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n\"6.4\",3.2,4.5,1.5,1\n")
                .getBytes(StandardCharsets.UTF_8);
        CsvTable.Layout layout = new CsvTable.Layout(1, List.of("a", "b", "c", "d", "class"),
                List.of());
        Random random = new Random(7);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] input = mutate(valid, random);
                try {
                    CsvTable table = CsvTable.parse("fuzz.csv", input, layout);
                    assertEquals(table.rowCount() * 5, table.cells().length);
                    outcomes[0]++;
                } catch (CorruptDataException expected) {
                    outcomes[1]++;
                    assertTrue(expected.getMessage().startsWith("fuzz.csv "),
                            expected.getMessage());
                } catch (Exception e) {
                    fail("case " + i + " '" + new String(input, StandardCharsets.ISO_8859_1)
                            + "' threw " + e, e);
                }
            }
        });
        assertBothOutcomes(outcomes);
    }

    @Test
    void imagesDecodeAndNormaliseOrFailCleanly() throws IOException {
        List<byte[]> valid = List.of(encode(MnistImages.drawn(
                ImageDataset.MNIST, 0, 2, true), "png"),
                encode(MnistImages.drawn(ImageDataset.MNIST, 1, 2, false),
                        "jpg"),
                encode(MnistImages.drawn(ImageDataset.MNIST, 2, 1, true),
                        "bmp"),
                encode(MnistImages.drawn(ImageDataset.MNIST, 3, 1, true),
                        "gif"));
        Random random = new Random(11);
        Path file = temp.resolve("fuzz.img");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(LIMIT, () -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                for (int i = 0; i < CASES; i++) {
                    byte[] input = mutate(valid.get(i % valid.size()), random);
                    Files.write(file, input);
                    try (NDManager scope = manager.newSubManager()) {
                        Image image = ImageFiles.readGray(file);
                        Framer.frame(image.toNDArray(scope, Image.Flag.GRAYSCALE),
                                Framing.MNIST);
                        outcomes[0]++;
                    } catch (BadInputException expected) {
                        outcomes[1]++;
                        assertTrue(expected.getMessage().startsWith(file.toString()),
                                expected.getMessage());
                    } catch (Exception e) {
                        fail("case " + i + " (" + input.length + " bytes) threw " + e, e);
                    }
                }
            }
        });
        assertBothOutcomes(outcomes);
    }

    private static byte[] idxImages(int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 8, 3});
        for (int size : new int[] {count, 28, 28}) {
            out.write(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8),
                (byte) size});
        }
        out.write(new byte[count * 784]);
        return out.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("bmp") || format.equals("gif")) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(),
                    format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED
                            : BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            image = rgb;
        }
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }
}
