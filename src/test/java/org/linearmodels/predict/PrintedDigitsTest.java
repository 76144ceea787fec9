package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The printed digits a model can train on beside MNIST, drawn and framed as MNIST's are. */
class PrintedDigitsTest {

    private static void assumeTypefacesInstalled() {
        List<String> missing = PrintedDigits.missingTypefaces();
        assumeTrue(missing.isEmpty(), "install " + PrintedDigits.PACKAGE + " (./test does) for "
                + missing);
    }

    @Test
    void eachDigitInEachTypefaceIsFramedAsMnistFramesItsDigits() {
        assumeTypefacesInstalled();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList drawn = PrintedDigits.draw(1, 7, manager);
            assertEquals(new Shape(160, 784), drawn.get(0).getShape());
            assertEquals(DataType.UINT8, drawn.get(0).getDataType());
            long[] labels = drawn.get(1).toLongArray();
            for (int digit = 0; digit < 10; digit++) {
                int of = digit;
                assertEquals(16, Arrays.stream(labels).filter(l -> l == of).count());
            }
            byte[] pixels = drawn.get(0).toByteArray();
            for (int i = 0; i < labels.length; i++) {
                double mass = 0;
                double rows = 0;
                double columns = 0;
                int top = 28;
                int bottom = -1;
                for (int p = 0; p < 784; p++) {
                    int value = pixels[i * 784 + p] & 0xFF;
                    mass += value;
                    rows += value * (p / 28);
                    columns += value * (p % 28);
                    if (value > 0) {
                        top = Math.min(top, p / 28);
                        bottom = Math.max(bottom, p / 28);
                    }
                }
                // MNIST: the digit's larger side 20 pixels, its centre of mass at (14, 14)
                assertTrue(mass > 0, "picture " + i + " is blank");
                assertEquals(14, rows / mass, 1.0, "picture " + i + "'s centre row");
                assertEquals(14, columns / mass, 1.0, "picture " + i + "'s centre column");
                assertTrue(bottom - top + 1 <= 22, "picture " + i + " is " + (bottom - top + 1)
                        + " rows tall");
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSamePictures() {
        assumeTypefacesInstalled();
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] first = PrintedDigits.draw(1, 3, manager).get(0).toByteArray();
            assertArrayEquals(first, PrintedDigits.draw(1, 3, manager).get(0).toByteArray());
            assertFalse(Arrays.equals(first,
                    PrintedDigits.draw(1, 4, manager).get(0).toByteArray()));
        }
    }

    @Test
    void theMissingTypefacesAreNamed() {
        assertEquals(List.of("URW Bookman", "C059", "P052"),
                PrintedDigits.missing(Set.of("URW Gothic", "DejaVu Sans")));
        assertEquals(List.of(), PrintedDigits.missing(Set.copyOf(PrintedDigits.FAMILIES)));
    }
}
