package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.cli.Cli;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.data.ImageDataset;

class MnistPredictorTest {

    private static final Pattern ANSWER = Pattern.compile(
            "^(.+): (\\d) \\((\\d+\\.\\d\\d) %\\), (\\d) \\((\\d+\\.\\d\\d) %\\),"
                    + " (\\d) \\((\\d+\\.\\d\\d) %\\)$");

    @TempDir
    Path temp;

    private static CommandResult predict(String... args) {
        return CommandResult.run(new MnistPredictor(), args);
    }

    @Test
    void withoutImagesItPrintsTheTrainersTestAccuracy() throws IOException {
        Path model = TrainedMnist.directory();
        CommandResult result = predict("--model-dir", model.toString());
        assertEquals(0, result.exitCode(), result.err());
        Matcher trainer = TrainedMnist.accuracyLine(TrainedMnist.result().out());
        assertEquals(trainer.group(), TrainedMnist.accuracyLine(result.out()).group());
    }

    @Test
    void classifiesPicturesOfDigitsOfAnySizeAndPolarity() throws IOException {
        Path model = TrainedMnist.directory();
        List<String> args = new ArrayList<>(List.of("--model-dir", model.toString()));
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean darkOnLight = i % 2 == 0;
            BufferedImage picture = MnistImages.drawn(ImageDataset.MNIST, i, 2 + i % 5,
                    darkOnLight);
            Path file = temp.resolve("digit-" + i + (i % 3 == 0 ? ".jpg" : ".png"));
            assertTrue(ImageIO.write(picture, i % 3 == 0 ? "jpg" : "png", file.toFile()));
            args.add(file.toString());
            labels.add(MnistImages.label(ImageDataset.MNIST, i));
        }
        CommandResult result = predict(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(labels.size(), lines.size(), result.out());
        int correct = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher answer = ANSWER.matcher(lines.get(i));
            assertTrue(answer.matches(), lines.get(i));
            assertTrue(answer.group(1).endsWith("digit-" + i + (i % 3 == 0 ? ".jpg" : ".png")));
            double first = Double.parseDouble(answer.group(3));
            double second = Double.parseDouble(answer.group(5));
            double third = Double.parseDouble(answer.group(7));
            assertTrue(first >= second && second >= third && first + second + third <= 100.01,
                    lines.get(i));
            if (Integer.parseInt(answer.group(2)) == labels.get(i)) {
                correct++;
            }
        }
        assertTrue(correct >= 32, correct + " of 40 pictures classified correctly");
    }

    @Test
    void aDigitOnATransparentCanvasIsReadAsInkOnWhitePaper() throws IOException {
        BufferedImage opaque = MnistImages.drawn(ImageDataset.MNIST, 0, 3, true);
        BufferedImage transparent = new BufferedImage(opaque.getWidth(), opaque.getHeight(),
                BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < opaque.getHeight(); y++) {
            for (int x = 0; x < opaque.getWidth(); x++) {
                int ink = 255 - (opaque.getRGB(x, y) & 0xFF);
                transparent.setRGB(x, y, new Color(0, 0, 0, ink).getRGB());
            }
        }
        Path opaqueFile = temp.resolve("opaque.png");
        Path transparentFile = temp.resolve("transparent.png");
        ImageIO.write(opaque, "png", opaqueFile.toFile());
        ImageIO.write(transparent, "png", transparentFile.toFile());
        CommandResult result = predict("--model-dir", TrainedMnist.directory().toString(),
                opaqueFile.toString(), transparentFile.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(lines.get(0).substring(opaqueFile.toString().length()),
                lines.get(1).substring(transparentFile.toString().length()));
    }

    @Test
    void anUnreadableImageIsOneLineAndExitFive() throws IOException {
        Path notImage = temp.resolve("notes.png");
        Files.writeString(notImage, "this is text, not a PNG");
        assertBadImage(notImage, notImage + " is not an image this JVM reads");
    }

    @Test
    void anEmptyImageIsOneLineAndExitFive() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.png"));
        assertBadImage(empty, empty + " is empty (0 bytes)");
    }

    @Test
    void aMissingImageIsOneLineAndExitFive() throws IOException {
        Path missing = temp.resolve("missing.png");
        assertBadImage(missing, missing + " cannot be read: it does not exist; check the path.");
    }

    @Test
    void aDamagedImageIsOneLineAndExitFive() throws IOException {
        BufferedImage picture = MnistImages.drawn(ImageDataset.MNIST, 1, 4, true);
        Path file = temp.resolve("cut.png");
        ImageIO.write(picture, "png", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertBadImage(file, file + " cannot be decoded as PNG");
    }

    @Test
    void aTruncatedJpegIsOneLineAndExitFive() throws IOException {
        BufferedImage picture = MnistImages.drawn(ImageDataset.MNIST, 2, 6, true);
        Path file = temp.resolve("cut.jpg");
        ImageIO.write(picture, "jpg", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertBadImage(file, file + " is truncated or damaged (");
    }

    @Test
    void aBlankOrOnePixelImageIsOneLineAndExitFive() throws IOException {
        for (int side : new int[] {1, 50}) {
            BufferedImage blank = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = blank.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, side, side);
            graphics.dispose();
            Path file = temp.resolve("blank-" + side + ".png");
            ImageIO.write(blank, "png", file.toFile());
            assertBadImage(file, "no digit found in " + file + ": the picture is blank.");
        }
    }

    @Test
    void aMissingCheckpointSaysHowToTrainOne() {
        Path empty = temp.resolve("no-model");
        CommandResult result = predict("--model-dir", empty.toString());
        assertEquals(ExitCode.CHECKPOINT.code(), result.exitCode());
        assertEquals(List.of("error: no checkpoint in " + empty + " (no manifest.json). Train one"
                + " first: " + Cli.command(MnistLogistic.class) + "."), result.errLines());
    }

    private void assertBadImage(Path image, String message) throws IOException {
        CommandResult result = predict("--model-dir", TrainedMnist.directory().toString(),
                image.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.errLines().get(0).startsWith("error: " + message), result.err());
        assertEquals("", result.out());
    }
}
