package org.linearmodels.spark;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
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
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.Causes;
import org.linearmodels.predict.BlankPictureException;
import org.linearmodels.predict.ImageFiles;

/**
 * Classifies one partition of Spark's {@code binaryFile} rows (path, content) with one DJL
 * predictor: a row per file, with the most probable class and its probability, or why the file
 * could not be classified (not a picture, blank), so one bad file does not fail the job.
 */
public final class PicturePredictions implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    public static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("class", DataTypes.StringType, true)
            .add("probability", DataTypes.DoubleType, true)
            .add("error", DataTypes.StringType, true);

    private final String modelDir;

    public PicturePredictions(String modelDir) {
        this.modelDir = modelDir;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        List<Row> answers = new ArrayList<>();
        try (ZooModel<Image, Classifications> model = ModelLoading.load(modelDir, Image.class,
                Classifications.class);
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            while (files.hasNext()) {
                Row file = files.next();
                answers.add(classify(predictor, file.getString(0), (byte[]) file.get(1)));
            }
        }
        return answers.iterator();
    }

    private static Row classify(Predictor<Image, Classifications> predictor, String path,
            byte[] content) {
        try {
            Classifications.Classification best = predictor.predict(
                    ImageFiles.readGray(content, path)).best();
            return RowFactory.create(path, best.getClassName(), best.getProbability(), null);
        } catch (BadInputException e) {
            return RowFactory.create(path, null, null, e.getMessage());
        } catch (TranslateException e) {
            String why = BlankPictureException.causing(e)
                    .map(blank -> blank.naming(path).getMessage())
                    .orElseGet(() -> "cannot classify " + path + ": " + Causes.of(e) + ".");
            return RowFactory.create(path, null, null, why);
        }
    }
}
