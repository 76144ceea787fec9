package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.cli.ExitCode;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.errors.DataUnavailableException;

/** CSV cells the tutorials' tables refuse or accept, and a large file read in bounded memory. */
class CsvTableTest {

    /** Rows in the large file: 7 MB of text, 6 MB as floats. */
    private static final int LARGE_ROWS = 500_000;

    @TempDir
    Path temp;

    private CorruptDataException refusedExams(String text) throws IOException {
        Path csv = temp.resolve("exams.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return assertThrows(CorruptDataException.class, () -> TutorialTables.twoExams(csv));
    }

    @Test
    void aNumberBeyondFloatRangeIsRefusedWhereItIs() throws IOException {
        CorruptDataException error = refusedExams("34.6,78.0,0\n30.2,1e39,1\n");
        assertEquals(temp.resolve("exams.csv") + " line 2, column score2: 1e39 is beyond the"
                + " float range (±3.4e38) the model computes in.", error.getMessage());
    }

    @Test
    void aLabelOtherThanZeroOrOneIsRefusedWithItsLine() throws IOException {
        CorruptDataException error = refusedExams("34.6,78.0,0\n30.2,43.8,1\n35.8,72.9,2\n");
        assertEquals(temp.resolve("exams.csv") + " line 3, column admitted: the label 2 is not"
                + " one of 0, 1.", error.getMessage());
    }

    @Test
    void anIrisLabelOutsideTheThreeSpeciesIsRefusedNotDropped() throws IOException {
        Path csv = temp.resolve("iris.csv");
        Files.writeString(csv, "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n"
                + "7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n4.9,3.0,1.4,0.2,0.5\n");
        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> TutorialTables.iris(csv));
        assertEquals(csv + " line 5, column class: the label 0.5 is not one of 0, 1, 2.",
                error.getMessage());
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheFirstNumber() throws IOException {
        Path csv = temp.resolve("exams.csv");
        Files.writeString(csv, "\uFEFF34.62,78.02,0\n30.28,43.89,1\n", StandardCharsets.UTF_8);
        TabularData data = TutorialTables.twoExams(csv);
        assertEquals(2, data.rows());
        assertEquals(34.62f, data.features()[0]);
    }

    @Test
    void theMd5IsTheWholeFilesAsBefore() throws IOException {
        byte[] bytes = "34.62,78.02,0\n30.28,43.89,1\n\n\n".getBytes(StandardCharsets.UTF_8);
        Path csv = Files.write(temp.resolve("exams.csv"), bytes);
        assertEquals(Checksums.md5(bytes), TutorialTables.twoExams(csv).md5());
    }

    @Test
    void aDirectoryIsNotCalledUnreadable() {
        DataUnavailableException error = assertThrows(DataUnavailableException.class,
                () -> TutorialTables.twoExams(temp));
        assertEquals(temp + " is a directory, not a CSV file; give the file's path.",
                error.getMessage());
    }

    @Test
    void aMissingFileSaysSoInWords() {
        Path csv = temp.resolve("nowhere.csv");
        DataUnavailableException error = assertThrows(DataUnavailableException.class,
                () -> TutorialTables.twoExams(csv));
        assertEquals(csv + " cannot be read: it does not exist; check the path.",
                error.getMessage());
    }

    /**
     * Half a million rows under a 40 MB heap: the file read whole as bytes and text, with a Java
     * object a row, does not fit there (the old reader ran out of memory); the numbers (6 MB) do.
     */
    @Test
    void aLargeFileIsStreamedInMemoryProportionalToItsNumbers() throws Exception {
        Path csv = temp.resolve("large.csv");
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int i = 0; i < LARGE_ROWS; i++) {
                int a = 30 + random.nextInt(70);
                int b = 30 + random.nextInt(70);
                out.write(a + "." + random.nextInt(10) + "," + b + "." + random.nextInt(10) + ","
                        + (a + b > 130 ? 1 : 0) + "\n");
            }
        }
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("child"),
                List.of("-Xmx40m", "-XX:TieredStopAtLevel=1"), ReadTwoExams.class,
                csv.toString());
        assertEquals(0, exit.code(), String.join("\n", exit.err()));
        assertEquals(LARGE_ROWS + " rows", exit.out().strip());
    }

    @Test
    void aFileLargerThanTheHeapIsRefusedWithOneLine() throws Exception {
        Path csv = temp.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int i = 0; i < 400_000; i++) {
                out.write("1,2,0\n3,4,1\n");
            }
        }
        ChildJvm.Exit exit = ChildJvm.run(temp.resolve("child"),
                List.of("-Xmx8m", "-XX:TieredStopAtLevel=1"), ReadTwoExams.class,
                csv.toString());
        assertEquals(ExitCode.DATA_CORRUPT.code(), exit.code(), String.join("\n", exit.err()));
        assertEquals(1, exit.err().size(), String.join("\n", exit.err()));
        assertTrue(exit.err().get(0).startsWith("error: " + csv + " holds more numbers than"
                + " this JVM's heap of "), exit.err().get(0));
    }

    /** Reads a two-exams file in a child JVM whose heap a test bounds. */
    public static final class ReadTwoExams {

        private ReadTwoExams() {}

        public static void main(String[] args) {
            try {
                System.out.println(TutorialTables.twoExams(Path.of(args[0])).rows() + " rows");
            } catch (CorruptDataException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(ExitCode.DATA_CORRUPT.code());
            }
        }
    }
}
