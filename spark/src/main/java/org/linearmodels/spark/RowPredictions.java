package org.linearmodels.spark;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.linearmodels.errors.Causes;
import org.linearmodels.model.ModelSpec;

/**
 * Answers one partition of feature rows with one DJL predictor: each row keeps its columns and
 * gains the answer (class and probability for a classifier, value for a regression) or why it
 * has none (an empty cell, an answer beyond float32), so one bad row does not fail the job. An
 * image model takes rows of its 784 framed pixels in [0, 1].
 */
public final class RowPredictions implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String modelDir;
    // The spec's parts the answers need, as the spec itself is not Serializable
    private final ModelSpec.Head head;
    private final String[] classNames;
    private final boolean image;

    public RowPredictions(String modelDir, ModelSpec spec) {
        this.modelDir = modelDir;
        this.head = spec.head();
        this.classNames = spec.classNames().toArray(String[]::new);
        this.image = spec.framing() != null;
    }

    /** The input's columns, then the answer's. */
    public static StructType schema(StructType input, ModelSpec spec) {
        StructType answer = spec.head() == ModelSpec.Head.IDENTITY
                ? input.add("value", DataTypes.DoubleType, true)
                : input.add("class", DataTypes.StringType, true)
                        .add("probability", DataTypes.DoubleType, true);
        return answer.add("error", DataTypes.StringType, true);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<Row> answers = new ArrayList<>();
        Class<?> output = image ? Classifications.class : float[].class;
        try (ZooModel<float[], ?> model = ModelLoading.load(modelDir, float[].class, output);
                Predictor<float[], ?> predictor = model.newPredictor()) {
            while (rows.hasNext()) {
                answers.add(answer(predictor, rows.next()));
            }
        }
        return answers.iterator();
    }

    private Row answer(Predictor<float[], ?> predictor, Row row) {
        List<Object> cells = new ArrayList<>(row.size() + 3);
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.get(i));
        }
        int answerColumns = head == ModelSpec.Head.IDENTITY ? 1 : 2;
        float[] features = new float[row.size()];
        for (int i = 0; i < row.size(); i++) {
            if (row.isNullAt(i)) {
                return failed(cells, answerColumns, "column " + (i + 1) + " is empty");
            }
            features[i] = ((Number) row.get(i)).floatValue();
        }
        Object answer;
        try {
            answer = predictor.predict(features);
        } catch (TranslateException e) {
            return failed(cells, answerColumns, "cannot answer: " + Causes.of(e));
        }
        if (answer instanceof Classifications classes) {
            Classifications.Classification best = classes.best();
            cells.add(best.getClassName());
            cells.add(best.getProbability());
        } else {
            float value = ((float[]) answer)[0];
            if (!Float.isFinite(value)) {
                return failed(cells, answerColumns, "the answer is " + value + ", beyond"
                        + " float32; give numbers of the size the model was trained on");
            }
            if (head == ModelSpec.Head.IDENTITY) {
                cells.add((double) value);
            } else {  // sigmoid: P(class 1)
                boolean one = value >= 0.5f;
                cells.add(classNames[one ? 1 : 0]);
                cells.add((double) (one ? value : 1 - value));
            }
        }
        cells.add(null);
        return RowFactory.create(cells.toArray());
    }

    private static Row failed(List<Object> cells, int answerColumns, String why) {
        for (int i = 0; i < answerColumns; i++) {
            cells.add(null);
        }
        cells.add(why);
        return RowFactory.create(cells.toArray());
    }
}
