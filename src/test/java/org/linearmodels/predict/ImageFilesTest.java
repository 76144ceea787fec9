package org.linearmodels.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.MnistLogistic;
import org.linearmodels.MnistPredictor;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.errors.BadInputException;

/** Pictures that are legal but cannot be read here: too large for the heap, or unreadable. */
class ImageFilesTest {

    @TempDir
    Path temp;

    /**
     * A legal 49-megapixel RGB PNG (150 KB, all white) under a 256 MB heap: decoding takes 147 MB
     * and DJL's tensor copy another 196 MB, which used to end in a raw OutOfMemoryError.
     */
    @Test
    void aPictureTooLargeForTheHeapLeftIsRefusedFromItsHeader() throws Exception {
        Path picture = writeWhitePng(temp.resolve("big.png"), 7000, 7000);
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("child"),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), MnistPredictor.class,
                "--model-dir", Path.of("models", MnistLogistic.NAME).toString(),
                picture.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), exit.code(), String.join("\n", exit.err()));
        assertEquals(1, exit.err().size(), String.join("\n", exit.err()));
        assertTrue(exit.err().get(0).startsWith("error: " + picture + " is 7000x7000 pixels,"
                + " which takes about "), exit.err().get(0));
        assertTrue(exit.err().get(0).endsWith(" of heap free, so scale the picture down (or give"
                + " Java more heap, e.g. JAVA_OPTS=-Xmx2g)."), exit.err().get(0));
    }

    @Test
    void aFileThatCannotBeOpenedIsNotCalledDamaged() throws IOException {
        Path picture = writeWhitePng(temp.resolve("locked.png"), 28, 28);
        Files.setPosixFilePermissions(picture, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(picture), "root reads every file");
        BadInputException error = assertThrows(BadInputException.class,
                () -> ImageFiles.readGray(picture));
        assertEquals(picture + " cannot be read: permission denied; check its permissions.",
                error.getMessage());
    }

    @Test
    void aPathThroughAFileSaysSoWithoutAClassName() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        Path picture = file.resolve("digit.png");
        BadInputException error = assertThrows(BadInputException.class,
                () -> ImageFiles.readGray(picture));
        assertEquals(picture + " cannot be read: not a directory; check the path.",
                error.getMessage());
    }

    /** A white RGB PNG, written row by row so that the test holds one row in memory. */
    static Path writeWhitePng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 2, 0, 0, 0});  // 8-bit RGB
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        byte[] row = new byte[1 + 3 * width];  // filter byte 0, then white
        Arrays.fill(row, 1, row.length, (byte) 0xFF);
        try (OutputStream deflated = new DeflaterOutputStream(pixels)) {
            for (int y = 0; y < height; y++) {
                deflated.write(row);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data)
            throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
