package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a PNG a command wrote is a real picture, not an empty or blank file. */
public final class Pictures {

    private Pictures() {}

    public static BufferedImage assertDrawn(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was written");
        assertTrue(Files.size(file) > 1000, file + " is not empty");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is a PNG");
        assertTrue(image.getWidth() >= 200 && image.getHeight() >= 100, file + " has a size");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 3, file + " is not blank");
        return image;
    }
}
