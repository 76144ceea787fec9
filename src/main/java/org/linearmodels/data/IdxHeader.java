package org.linearmodels.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.linearmodels.errors.Causes;

/**
 * The header of an IDX file (the MNIST format): a magic number naming the element type and the
 * number of dimensions, then each dimension's size. DJL's readers skip the header unread, so this
 * is checked first: a file that fails here would otherwise load as garbage or crash natively.
 *
 * @param dimensions the size of each dimension, e.g. {60000, 28, 28} for training images
 * @param fileSize the file's actual length in bytes
 */
public record IdxHeader(int[] dimensions, long fileSize) {

    /** IDX type code of unsigned bytes, the only element type MNIST-style files use. */
    private static final int UNSIGNED_BYTE = 0x08;

    /** Thrown for a file that is not a well-formed IDX file of unsigned bytes. */
    public static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;

        FormatException(String reason) {
            super(reason);
        }
    }

    /** Reads and checks the header of {@code file}, expecting {@code expectedDimensions}. */
    public static IdxHeader read(Path file, int expectedDimensions) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, fileSize, expectedDimensions);
        }
    }

    /** Parses a header from {@code in}, a stream over a file of {@code fileSize} bytes. */
    public static IdxHeader parse(InputStream in, long fileSize, int expectedDimensions)
            throws FormatException {
        DataInputStream data = new DataInputStream(in);
        int[] dimensions;
        try {
            int zero = data.readUnsignedShort();
            int type = data.readUnsignedByte();
            int count = data.readUnsignedByte();
            if (zero != 0 || type != UNSIGNED_BYTE) {
                throw new FormatException(String.format(
                        "not an IDX file of bytes (magic 0x%04x%02x%02x, expected 0x000008%02x)",
                        zero, type, count, expectedDimensions));
            }
            if (count != expectedDimensions) {
                throw new FormatException("has " + count + " dimensions, expected "
                        + expectedDimensions);
            }
            dimensions = new int[count];
            for (int i = 0; i < count; i++) {
                dimensions[i] = data.readInt();
                if (dimensions[i] <= 0) {
                    throw new FormatException("dimension " + i + " has size " + dimensions[i]);
                }
            }
        } catch (EOFException e) {
            throw new FormatException("truncated: " + fileSize
                    + " bytes is shorter than its header");
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new FormatException("unreadable: " + Causes.of(e));
        }
        IdxHeader header = new IdxHeader(dimensions, fileSize);
        long expected = header.expectedFileSize();
        if (fileSize < expected) {
            throw new FormatException("truncated: its header promises " + expected
                    + " bytes, the file has " + fileSize);
        }
        if (fileSize > expected) {
            throw new FormatException("has " + (fileSize - expected)
                    + " bytes beyond the data its header describes");
        }
        return header;
    }

    /** The number of items: images or labels. */
    public int count() {
        return dimensions[0];
    }

    /** Header bytes plus one byte per element. */
    public long expectedFileSize() {
        long elements = 1;
        for (int size : dimensions) {
            elements *= size;
        }
        return 4L + 4L * dimensions.length + elements;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxHeader that && Arrays.equals(dimensions, that.dimensions)
                && fileSize == that.fileSize;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Long.hashCode(fileSize);
    }

    @Override
    public String toString() {
        return "IdxHeader" + Arrays.toString(dimensions);
    }
}
