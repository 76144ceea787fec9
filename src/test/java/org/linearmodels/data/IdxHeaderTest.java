package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxHeaderTest {

    /** An IDX file of unsigned bytes with the given dimensions and data length. */
    static byte[] idx(int[] dimensions, int dataBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(0x08);
        out.writeByte(dimensions.length);
        for (int size : dimensions) {
            out.writeInt(size);
        }
        out.write(new byte[dataBytes]);
        return bytes.toByteArray();
    }

    private static IdxHeader parse(byte[] file, int dimensions) throws IOException {
        return IdxHeader.parse(new ByteArrayInputStream(file), file.length, dimensions);
    }

    @Test
    void parsesImagesAndLabels() throws IOException {
        IdxHeader images = parse(idx(new int[] {3, 28, 28}, 3 * 784), 3);
        assertArrayEquals(new int[] {3, 28, 28}, images.dimensions());
        assertEquals(3, images.count());
        assertEquals(16 + 3 * 784, images.expectedFileSize());
        IdxHeader labels = parse(idx(new int[] {5}, 5), 1);
        assertEquals(5, labels.count());
        assertEquals(8 + 5, labels.expectedFileSize());
    }

    @Test
    void rejectsAWrongMagicNumber() throws IOException {
        byte[] file = idx(new int[] {2}, 2);
        file[2] = 0x0D;
        IdxHeader.FormatException e = assertThrows(IdxHeader.FormatException.class,
                () -> parse(file, 1));
        assertTrue(e.getMessage().contains("not an IDX file of bytes"), e.getMessage());
    }

    @Test
    void rejectsLabelsWhereImagesAreExpected() throws IOException {
        IdxHeader.FormatException e = assertThrows(IdxHeader.FormatException.class,
                () -> parse(idx(new int[] {4}, 4), 3));
        assertEquals("has 1 dimensions, expected 3", e.getMessage());
    }

    @Test
    void rejectsATruncatedBody() throws IOException {
        byte[] file = Arrays.copyOf(idx(new int[] {2, 28, 28}, 2 * 784), 16 + 784);
        IdxHeader.FormatException e = assertThrows(IdxHeader.FormatException.class,
                () -> parse(file, 3));
        assertEquals("truncated: its header promises 1584 bytes, the file has 800",
                e.getMessage());
    }

    @Test
    void rejectsATruncatedHeader() throws IOException {
        byte[] file = Arrays.copyOf(idx(new int[] {2, 28, 28}, 0), 9);
        IdxHeader.FormatException e = assertThrows(IdxHeader.FormatException.class,
                () -> parse(file, 3));
        assertTrue(e.getMessage().startsWith("truncated: 9 bytes"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        IdxHeader.FormatException e = assertThrows(IdxHeader.FormatException.class,
                () -> parse(idx(new int[] {2}, 3), 1));
        assertEquals("has 1 bytes beyond the data its header describes", e.getMessage());
    }

    @Test
    void rejectsANonPositiveDimension() throws IOException {
        IdxHeader.FormatException e = assertThrows(IdxHeader.FormatException.class,
                () -> parse(idx(new int[] {0, 28, 28}, 0), 3));
        assertEquals("dimension 0 has size 0", e.getMessage());
    }
}
