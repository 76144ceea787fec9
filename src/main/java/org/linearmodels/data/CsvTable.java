package org.linearmodels.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;

/**
 * A small numeric CSV file read whole: commons-csv parses it; every cell is checked here, so a
 * bad file fails with its name, line and column rather than a NumberFormatException.
 *
 * @param source how errors name the file, e.g. its path
 * @param md5 the md5 of the file's bytes
 * @param rows the numeric cells, row by row
 */
public record CsvTable(String source, String md5, List<String> columns, List<double[]> rows) {

    /** Where a table comes from and what it must hold. */
    public record Layout(int skipLines, List<String> columns) {}

    /** Reads a file given by the user. */
    public static CsvTable read(Path file, Layout layout) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(ExitCode.DATA_UNAVAILABLE, file + " cannot be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check the path.",
                    e);
        }
        return parse(file.toString(), bytes, layout);
    }

    /** Reads a data set bundled with the project. */
    public static CsvTable readResource(String name, Layout layout) {
        try (InputStream in = CsvTable.class.getResourceAsStream("/datasets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the bundled data set " + name);
            }
            return parse(name + " (bundled)", in.readAllBytes(), layout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled data set " + name, e);
        }
    }

    static CsvTable parse(String source, byte[] bytes, Layout layout) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad(source, "is not a text file (not UTF-8)");
        }
        int width = layout.columns().size();
        List<double[]> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text);
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                        .setTrim(true).get().parse(reader)) {
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
                double[] row = new double[width];
                for (int column = 0; column < width; column++) {
                    row[column] = number(source, line, layout.columns().get(column),
                            record.get(column));
                }
                rows.add(row);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw bad(source, "is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw bad(source, "has no data rows; expected columns "
                    + String.join(", ", layout.columns()));
        }
        return new CsvTable(source, Checksums.md5(bytes), layout.columns(), rows);
    }

    private static double number(String source, long line, String column, String cell) {
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw bad(source, "line " + line + ", column " + column + ": '" + cell
                    + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw bad(source, "line " + line + ", column " + column + ": " + cell
                    + " is not a finite number");
        }
        return value;
    }

    /** The values of one column. */
    public double[] column(int index) {
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }

    private static UserError bad(String source, String problem) {
        return new UserError(ExitCode.DATA_CORRUPT, source + " " + problem + ".");
    }
}
