package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.data.IdxFile;
import org.linearmodels.data.ImageDataset;
import org.linearmodels.model.Manifest;

/** The inputs issue 6 lists that the other tests do not already cover, and more. */
class BadInputTest {

    @TempDir
    Path temp;

    private static CommandResult predict(Path... images) throws IOException {
        String[] args = new String[images.length + 2];
        args[0] = "--model-dir";
        args[1] = TrainedMnist.directory().toString();
        for (int i = 0; i < images.length; i++) {
            args[i + 2] = images[i].toString();
        }
        return CommandResult.run(new MnistPredictor(), args);
    }

    @Test
    void aHugeImageIsRefusedBeforeItIsDecoded() throws IOException {
        Path huge = temp.resolve("huge.png");
        Files.write(huge, pngHeader(30_000, 30_000));
        CommandResult run = predict(huge);
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertEquals(List.of("error: " + huge + " is 30000x30000 pixels; images up to 50"
                + " megapixels are read, so scale it down."), run.errLines());
    }

    @Test
    void anAnswerBeyondFloat32IsRefusedNotPrinted() {
        // y = 1.92x + 0.18 overflows for x = 3e38, a float the flag parser rightly takes.
        CommandResult run = CommandResult.run(new LinearPredictor(), "4", "3e38");
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.err());
        assertEquals(List.of("error: the model's answer for 3.0E38 is Infinity, beyond float32"
                + " (±3.4e38); give numbers of the size it was trained on."), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void oddColourModelsAreRead() throws IOException {
        BufferedImage digit = MnistImages.drawn(ImageDataset.MNIST, 0, 3, true);
        Path gray16 = temp.resolve("gray16.png");
        Path palette = temp.resolve("palette.png");
        Path alpha = temp.resolve("gray-alpha.png");
        Path bmp = temp.resolve("digit.bmp");
        Path gif = temp.resolve("digit.gif");
        ImageIO.write(convert(digit, BufferedImage.TYPE_USHORT_GRAY), "png", gray16.toFile());
        ImageIO.write(paletted(digit), "png", palette.toFile());
        ImageIO.write(convert(digit, BufferedImage.TYPE_INT_ARGB), "png", alpha.toFile());
        ImageIO.write(digit, "bmp", bmp.toFile());
        ImageIO.write(convert(digit, BufferedImage.TYPE_BYTE_INDEXED), "gif", gif.toFile());
        CommandResult run = predict(gray16, palette, alpha, bmp, gif);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        String firstDigit = lines.get(0).substring(lines.get(0).indexOf(": ") + 2).substring(0, 1);
        for (String line : lines) {
            assertEquals(firstDigit, line.substring(line.indexOf(": ") + 2).substring(0, 1), line);
        }
    }

    @Test
    void aTruncatedParameterFileIsRefused() throws IOException {
        Path copy = copyOfTrained();
        Manifest manifest = Manifest.read(copy.resolve(Manifest.FILE_NAME));
        Path params = copy.resolve(manifest.paramsFile());
        try (RandomAccessFile file = new RandomAccessFile(params.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        CommandResult run = CommandResult.run(new MnistPredictor(), "--model-dir",
                copy.toString());
        assertEquals(ExitCode.CHECKPOINT.code(), run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("error: " + params + " is damaged"),
                run.err());
    }

    @Test
    void anotherTutorialsCheckpointIsRefused() {
        CommandResult run = CommandResult.run(new MnistPredictor(), "--model-dir",
                Path.of("models", LinearRegression.NAME).toString());
        assertEquals(ExitCode.CHECKPOINT.code(), run.exitCode());
        assertTrue(run.errLines().get(0).contains("holds a 'linear-regression' checkpoint, not"
                + " 'mnist-logistic'"), run.err());
    }

    @Test
    void imagesAndLabelsThatDisagreeInNumberAreReported() throws IOException {
        Path data = temp.resolve("data");
        Path labels = TestData.copyOf(ImageDataset.MNIST, data)
                .file(ImageDataset.MNIST, IdxFile.TEST_LABELS);
        try (RandomAccessFile file = new RandomAccessFile(labels.toFile(), "rw")) {
            file.seek(4);
            file.writeInt(9999);
            file.setLength(file.length() - 1);
        }
        CommandResult run = CommandResult.run(new MnistPredictor(), "--data-dir",
                data.toString());
        assertEquals(ExitCode.DATA_CORRUPT.code(), run.exitCode());
        assertTrue(run.errLines().get(0).startsWith("error: t10k-images-idx3-ubyte of MNIST has"
                + " 10000 images but t10k-labels-idx1-ubyte has 9999 labels."), run.err());
    }

    private Path copyOfTrained() throws IOException {
        Path copy = temp.resolve("model");
        Files.createDirectories(copy);
        try (var files = Files.list(TrainedMnist.directory())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static BufferedImage convert(BufferedImage source, int type) {
        BufferedImage converted = new BufferedImage(source.getWidth(), source.getHeight(), type);
        if (type == BufferedImage.TYPE_INT_ARGB) {
            for (int y = 0; y < source.getHeight(); y++) {
                for (int x = 0; x < source.getWidth(); x++) {
                    int ink = 255 - (source.getRGB(x, y) & 0xFF);
                    converted.setRGB(x, y, new Color(0, 0, 0, ink).getRGB());
                }
            }
        } else {
            converted.getGraphics().drawImage(source, 0, 0, null);
        }
        return converted;
    }

    /** A 4-colour palette image, as small PNG encoders write for line art. */
    private static BufferedImage paletted(BufferedImage source) {
        byte[] levels = {0, (byte) 85, (byte) 170, (byte) 255};
        IndexColorModel model = new IndexColorModel(2, 4, levels, levels, levels);
        BufferedImage image = new BufferedImage(source.getWidth(), source.getHeight(),
                BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                raster.setSample(x, y, 0, (source.getRGB(x, y) & 0xFF) * 4 / 256);
            }
        }
        assertEquals(DataBuffer.TYPE_BYTE, raster.getDataBuffer().getDataType());
        return image;
    }

    /** The signature and IHDR chunk of a PNG declaring {@code width}×{@code height}, no pixels. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(chunk);
        ihdr.writeBytes("IHDR");
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 0, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        out.writeInt(body.length - 4);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
