package org.linearmodels.data;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.linearmodels.errors.CorruptDataException;

/** The small tables the tutorials train on: y = 2x, Iris, and the two exam scores. */
public final class TutorialTables {

    public static final String IRIS_FILE = "iris.csv";
    public static final String EXAMS_FILE = "two-exams.txt";

    // Iris's three species; T2 keeps setosa (0) and versicolor (1).
    private static final CsvTable.Layout IRIS = new CsvTable.Layout(1,
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "class"),
            List.of(0, 1, 2));
    private static final CsvTable.Layout EXAMS = new CsvTable.Layout(0,
            List.of("score1", "score2", "admitted"), List.of(0, 1));

    private TutorialTables() {}

    /** T1's three points on y = 2x. */
    public static TabularData lineYEqualsTwoX() {
        return new TabularData("y = 2x", "the tutorial's x = [1, 2, 3], y = [2, 4, 6]", "",
                List.of("x"), new float[] {1, 2, 3}, new float[] {2, 4, 6}, List.of());
    }

    /**
     * T2's data: the first 100 Iris rows (setosa = 0, versicolor = 1), raw measurements.
     *
     * @param file a CSV laid out as scikit-learn's iris.csv; null for the bundled copy
     */
    public static TabularData iris(Path file) {
        CsvTable table = file == null ? CsvTable.readResource(IRIS_FILE, IRIS)
                : CsvTable.read(file, IRIS);
        int[] binary = IntStream.range(0, table.rowCount())
                .filter(row -> table.value(row, 4) != 2).limit(100).toArray();
        requireBothClasses(table, binary, 4);
        return toData("Iris (setosa, versicolor)", table, binary, 4,
                List.of("setosa", "versicolor"));
    }

    /**
     * T3's data: two exam scores and whether the student was admitted, as given (the driver
     * scales each column by its maximum).
     *
     * @param file a CSV of score1,score2,admitted rows; null for the bundled copy
     */
    public static TabularData twoExams(Path file) {
        CsvTable table = file == null ? CsvTable.readResource(EXAMS_FILE, EXAMS)
                : CsvTable.read(file, EXAMS);
        int[] rows = IntStream.range(0, table.rowCount()).toArray();
        requireBothClasses(table, rows, 2);
        return toData("two exams", table, rows, 2, List.of("not admitted", "admitted"));
    }

    /** The labels were checked while parsing; both must occur. */
    private static void requireBothClasses(CsvTable table, int[] rows, int labelColumn) {
        boolean zero = false;
        boolean one = false;
        for (int row : rows) {
            float label = table.value(row, labelColumn);
            zero |= label == 0;
            one |= label == 1;
        }
        if (!zero || !one) {
            throw new CorruptDataException(table.source() + " holds only one class"
                    + " in its rows; a logistic regression needs examples of both 0 and 1.");
        }
    }

    private static TabularData toData(String name, CsvTable table, int[] rows, int labelColumn,
            List<String> classNames) {
        float[] features = new float[rows.length * labelColumn];
        float[] labels = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < labelColumn; j++) {
                features[i * labelColumn + j] = table.value(rows[i], j);
            }
            labels[i] = table.value(rows[i], labelColumn);
        }
        return new TabularData(name, table.source(), table.md5(),
                table.columns().subList(0, labelColumn), features, labels, classNames);
    }
}
