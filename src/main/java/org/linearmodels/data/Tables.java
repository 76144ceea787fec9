package org.linearmodels.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.errors.ExitCode;
import org.linearmodels.errors.UserError;

/** The small tables the tutorials train on: y = 2x, Iris, and the two exam scores. */
public final class Tables {

    public static final String IRIS_FILE = "iris.csv";
    public static final String EXAMS_FILE = "two-exams.txt";

    private static final CsvTable.Layout IRIS = new CsvTable.Layout(1,
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "class"));
    private static final CsvTable.Layout EXAMS = new CsvTable.Layout(0,
            List.of("score1", "score2", "admitted"));

    private Tables() {}

    /** T1's three points on y = 2x. */
    public static TabularData lineYEqualsTwoX() {
        return new TabularData("y = 2x", "the tutorial's x = [1, 2, 3], y = [2, 4, 6]", "",
                List.of("x"), new float[][] {{1}, {2}, {3}}, new float[] {2, 4, 6}, List.of());
    }

    /**
     * T2's data: the first 100 Iris rows (setosa = 0, versicolor = 1), raw measurements.
     *
     * @param file a CSV laid out as scikit-learn's iris.csv; null for the bundled copy
     */
    public static TabularData iris(Path file) {
        CsvTable table = file == null ? CsvTable.readResource(IRIS_FILE, IRIS)
                : CsvTable.read(file, IRIS);
        List<double[]> binary = new ArrayList<>();
        for (double[] row : table.rows()) {
            if (row[4] == 0 || row[4] == 1) {
                binary.add(row);
            }
        }
        List<double[]> rows = binary.subList(0, Math.min(100, binary.size()));
        requireBothClasses(table, rows, 4);
        return toData("Iris (setosa, versicolor)", table, rows, 4,
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
        requireBothClasses(table, table.rows(), 2);
        return toData("two exams", table, table.rows(), 2, List.of("not admitted", "admitted"));
    }

    private static void requireBothClasses(CsvTable table, List<double[]> rows, int labelColumn) {
        boolean zero = false;
        boolean one = false;
        for (double[] row : rows) {
            double label = row[labelColumn];
            if (label != 0 && label != 1) {
                throw new UserError(ExitCode.DATA_CORRUPT, table.source() + " has the label "
                        + label + " in column " + table.columns().get(labelColumn)
                        + "; labels must be 0 or 1.");
            }
            zero |= label == 0;
            one |= label == 1;
        }
        if (!zero || !one) {
            throw new UserError(ExitCode.DATA_CORRUPT, table.source() + " holds only one class"
                    + " in its rows; a logistic regression needs examples of both 0 and 1.");
        }
    }

    private static TabularData toData(String name, CsvTable table, List<double[]> rows,
            int labelColumn, List<String> classNames) {
        float[][] features = new float[rows.size()][labelColumn];
        float[] labels = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < labelColumn; j++) {
                features[i][j] = (float) rows.get(i)[j];
            }
            labels[i] = (float) rows.get(i)[labelColumn];
        }
        return new TabularData(name, table.source(), table.md5(),
                table.columns().subList(0, labelColumn), features, labels, classNames);
    }
}
