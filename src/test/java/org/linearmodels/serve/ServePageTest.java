package org.linearmodels.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.FashionPredictor;
import org.linearmodels.MnistImages;
import org.linearmodels.MnistPredictor;
import org.linearmodels.Serve;
import org.linearmodels.cli.Cli;
import org.linearmodels.data.ImageDataset;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser (Debian's chromium, headless, through chromium-driver): strokes
 * drawn on the canvas get the digit MnistPredictor gives a PNG of the same strokes; a
 * Fashion-MNIST test picture picked in the file input gets FashionPredictor's garment; Iris and
 * Exam answer as the API does. Leaves a screenshot in docs/serve-page.png for the README.
 */
@ExtendWith(ChromiumPresent.class)
class ServePageTest {

    /** A 7 in canvas pixels (280×280): the top bar, then the downstroke. */
    private static final List<int[][]> SEVEN = List.of(
            new int[][] {{80, 70}, {200, 70}},
            new int[][] {{200, 70}, {165, 145}, {130, 220}});

    @Test
    void thePageAnswersAsThePredictorsDo(@TempDir Path dir) throws Exception {
        Path strokes = dir.resolve("seven.png");
        ImageIO.write(draw(SEVEN), "png", strokes.toFile());
        String digit = topClass(new MnistPredictor(), strokes, "--model-dir",
                Path.of("models", Serve.PAGE_MODEL).toString());
        assertEquals("7", digit, "MnistPredictor reads the strokes as " + digit);
        Path garment = dir.resolve("boot.png");
        ImageIO.write(MnistImages.drawn(ImageDataset.FASHION_MNIST, 0, 4, true), "png",
                garment.toFile());
        String fashion = topClass(new FashionPredictor(), garment);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumPresent.BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumPresent.DRIVER.toFile()).usingAnyFreePort()
                .build();
        try (RunningServer served = new RunningServer()) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                driver.get(served.uri("/").toString());
                WebElement canvas = driver.findElement(By.id("digit-canvas"));
                for (int[][] stroke : SEVEN) {
                    Actions actions = new Actions(driver)
                            .moveToElement(canvas, stroke[0][0] - 140, stroke[0][1] - 140)
                            .clickAndHold();
                    for (int i = 1; i < stroke.length; i++) {
                        actions.moveByOffset(stroke[i][0] - stroke[i - 1][0],
                                stroke[i][1] - stroke[i - 1][1]);
                    }
                    actions.release().perform();
                }
                assertEquals(digit, answer(driver, "digit-result", SEVEN.size()),
                        "the page's digit");
                assertTrue(driver.findElement(By.id("digit-frame")).getAttribute("src")
                        .startsWith("data:image/png;base64,"));

                new Select(driver.findElement(By.id("picture-model")))
                        .selectByValue("fashion-mnist-softmax");
                driver.findElement(By.id("picture-input"))
                        .sendKeys(garment.toAbsolutePath().toString());
                assertEquals(fashion, answer(driver, "picture-result", 1), "the page's garment");

                fill(driver, Map.of("iris-0", "7.0", "iris-1", "3.2", "iris-2", "4.7",
                        "iris-3", "1.4"));
                driver.findElement(By.id("iris-submit")).click();
                assertEquals(apiTop(served, "iris-logistic", "[7.0, 3.2, 4.7, 1.4]"),
                        awaitTop(driver, "iris-result", "versicolor"));
                fill(driver, Map.of("exam-0", "30", "exam-1", "40"));
                driver.findElement(By.id("exam-submit")).click();
                String exam = apiTop(served, "exam-logistic", "[30, 40]");
                assertEquals(exam, awaitTop(driver, "exam-result", exam));
                assertEquals("7.8612", driver.findElement(By.id("line-result"))
                        .getAttribute("data-top"));

                byte[] screenshot = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
                Files.createDirectories(Path.of("docs"));
                Files.write(Path.of("docs", "serve-page.png"), screenshot);
            } finally {
                driver.quit();
            }
        }
    }

    /** The strokes as the page draws them: black, 18 px wide, round ends, on white. */
    private static BufferedImage draw(List<int[][]> strokes) {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 280, 280);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int[][] stroke : strokes) {
            for (int i = 1; i < stroke.length; i++) {
                graphics.drawLine(stroke[i - 1][0], stroke[i - 1][1], stroke[i][0],
                        stroke[i][1]);
            }
        }
        graphics.dispose();
        return image;
    }

    /** The top class the predictor command prints for {@code picture}. */
    private static String topClass(Object command, Path picture, String... flags) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(List.of(flags));
            args.addAll(List.of("--top", "1", picture.toString()));
            code = Cli.execute(command, args.toArray(String[]::new));
        } finally {
            System.setOut(out);
        }
        String line = printed.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, code, line);
        // e.g. ".../seven.png: 7 (61.20 %)"
        String answer = line.substring(line.lastIndexOf(": ") + 2);
        return answer.substring(0, answer.lastIndexOf(" ("));
    }

    private static String apiTop(RunningServer served, String model, String row)
            throws Exception {
        String body = served.post("/predictions/" + model, "application/json",
                row.getBytes(StandardCharsets.UTF_8)).body();
        return JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("predictions")
                .get(0).getAsJsonObject().get("className").getAsString();
    }

    private static void fill(WebDriver driver, Map<String, String> values) {
        values.forEach((id, value) -> {
            WebElement field = driver.findElement(By.id(id));
            field.clear();
            field.sendKeys(value);
        });
    }

    /** The top class of a result once it has shown {@code answers} answers. */
    private static String answer(WebDriver driver, String id, int answers) {
        WebElement result = driver.findElement(By.id(id));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String seq = result.getAttribute("data-seq");
            return seq != null && Integer.parseInt(seq) >= answers;
        });
        assertEquals("done", result.getAttribute("data-state"), result.getText());
        return result.getAttribute("data-top");
    }

    private static String awaitTop(WebDriver driver, String id, String expected) {
        WebElement result = driver.findElement(By.id(id));
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> expected.equals(result.getAttribute("data-top")));
        } catch (org.openqa.selenium.TimeoutException e) {
            return result.getAttribute("data-top") + " / " + result.getText();
        }
        return result.getAttribute("data-top");
    }
}
