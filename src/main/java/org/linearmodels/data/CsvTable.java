package org.linearmodels.data;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.linearmodels.errors.Causes;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.errors.DataUnavailableException;

/**
 * A numeric CSV file, streamed into one float array: commons-csv parses it record by record, so
 * memory grows with the numbers (4 bytes a cell) and not with the text or a Java object a row.
 * Every cell is checked here, so a bad file fails with its name, line and column rather than a
 * NumberFormatException, an infinity or a dropped row.
 *
 * @param source how errors name the file, e.g. its path
 * @param md5 the md5 of the file's bytes
 * @param rowCount the data rows read
 * @param cells the numeric cells, row after row, {@code columns.size()} a row
 */
public record CsvTable(String source, String md5, List<String> columns, int rowCount,
        float[] cells) {

    /** Excel and Notepad start UTF-8 files with it; it is not part of the first number. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Where a table comes from and what it must hold.
     *
     * @param labels the values the last column may take (class indices); empty for any number
     */
    public record Layout(int skipLines, List<String> columns, List<Integer> labels) {}

    /** Reads a file given by the user. */
    public static CsvTable read(Path file, Layout layout) {
        if (Files.isDirectory(file)) {
            throw new DataUnavailableException(file + " is a directory, not a CSV"
                    + " file; give the file's path.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in, layout);
        } catch (IOException e) {
            throw new DataUnavailableException(file + " cannot be read: "
                    + Causes.of(e) + "; check the path.", e);
        }
    }

    /** Reads a data set bundled with the project. */
    public static CsvTable readResource(String name, Layout layout) {
        try (InputStream in = CsvTable.class.getResourceAsStream("/datasets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the bundled data set " + name);
            }
            return parse(name + " (bundled)", in, layout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled data set " + name, e);
        }
    }

    static CsvTable parse(String source, byte[] bytes, Layout layout) {
        try {
            return parse(source, new ByteArrayInputStream(bytes), layout);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array cannot fail to read", e);
        }
    }

    /**
     * Parses {@code in} to its end.
     *
     * @throws IOException when reading fails (not when the text is bad: that is a
     *     {@link CorruptDataException})
     */
    private static CsvTable parse(String source, InputStream in, Layout layout)
            throws IOException {
        MessageDigest md5 = newMd5();
        DigestInputStream digested = new DigestInputStream(in, md5);
        int width = layout.columns().size();
        Cells cells = new Cells(source);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(digested,
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                        .setTrim(true).get().parse(skipByteOrderMark(reader))) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.getRecordNumber() <= layout.skipLines()) {
                    continue;
                }
                if (record.size() != width) {
                    throw bad(source, "line " + line + " has " + record.size() + " columns,"
                            + " expected " + width + " (" + String.join(", ", layout.columns())
                            + ")");
                }
                for (int column = 0; column < width; column++) {
                    cells.add(number(source, line, layout, column, record.get(column)));
                }
            }
            // The md5 covers the whole file, also what follows the last record.
            digested.transferTo(OutputStream.nullOutputStream());
        } catch (CharacterCodingException e) {
            throw bad(source, "is not a text file (not UTF-8)");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw bad(source, "is not a text file (not UTF-8)");
            }
            throw bad(source, "is not valid CSV: " + Causes.of(e));
        }
        if (cells.size == 0) {
            throw bad(source, "has no data rows; expected columns "
                    + String.join(", ", layout.columns()));
        }
        return new CsvTable(source, HexFormat.of().formatHex(md5.digest()), layout.columns(),
                cells.size / width, cells.toArray());
    }

    private static BufferedReader skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static float number(String source, long line, Layout layout, int column,
            String cell) {
        String where = "line " + line + ", column " + layout.columns().get(column) + ": ";
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw bad(source, where + "'" + cell + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw bad(source, where + cell + " is not a finite number");
        }
        // Training is in float32: beyond its range a number would become infinite there.
        if (Math.abs(value) > Float.MAX_VALUE) {
            throw bad(source, where + cell + " is beyond the float range (±3.4e38) the"
                    + " model computes in");
        }
        boolean lastColumn = column == layout.columns().size() - 1;
        if (lastColumn && !layout.labels().isEmpty()
                && layout.labels().stream().noneMatch(label -> label == value)) {
            throw bad(source, where + "the label " + cell + " is not one of "
                    + layout.labels().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")));
        }
        return (float) value;
    }

    /** The value in {@code column} of data row {@code row}. */
    public float value(int row, int column) {
        return cells[row * columns.size() + column];
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE ships MD5", e);
        }
    }

    private static CorruptDataException bad(String source, String problem) {
        return new CorruptDataException(source + " " + problem + ".");
    }

    /** A growing float array: a row costs its cells, not a boxed list entry. */
    private static final class Cells {
        private final String source;
        private float[] values = new float[1024];
        private int size;

        Cells(String source) {
            this.source = source;
        }

        void add(float value) {
            if (size == values.length) {
                grow();
            }
            values[size++] = value;
        }

        /**
         * Half as large again, refused with one line when the heap cannot hold it: the one
         * large allocation fails whole, so nothing is left half done.
         */
        private void grow() {
            long length = Math.min(Integer.MAX_VALUE - 8L, values.length + (values.length >> 1));
            if (length == values.length) {
                throw tooLarge();
            }
            try {
                values = Arrays.copyOf(values, (int) length);
            } catch (OutOfMemoryError e) {
                values = null;
                throw tooLarge();
            }
        }

        private CorruptDataException tooLarge() {
            return new CorruptDataException(String.format(Locale.ROOT,
                    "%s holds more numbers than this JVM's heap of %d MB takes (%d read); give"
                            + " a smaller file, or more heap (e.g. JAVA_OPTS=-Xmx4g).", source,
                    Runtime.getRuntime().maxMemory() >> 20, size));
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
