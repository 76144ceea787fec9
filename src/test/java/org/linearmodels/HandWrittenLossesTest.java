package org.linearmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lessons' hand-written losses and softmax, against values worked out by hand. */
class HandWrittenLossesTest {

    private static final float TOLERANCE = 1e-5f;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray of(float... values) {
        return manager.create(values);
    }

    @Test
    void binaryCrossEntropyIsMinusTheMeanLogOfTheTrueClassesProbability() {
        // -(ln 0.9 + ln 0.8) / 2 = (0.1053605 + 0.2231436) / 2
        assertEquals(0.1642520f,
                IrisLogistic.binaryCrossEntropy(of(0.9f, 0.2f), of(1, 0)).getFloat(),
                TOLERANCE);
        assertEquals(0.6931472f, IrisLogistic.binaryCrossEntropy(of(0.5f), of(1)).getFloat(),
                TOLERANCE);
    }

    @Test
    void binaryCrossEntropyClampsEachLogAtMinusAHundredAsPyTorchDoes() {
        // Both rows wholly wrong: log(0) would be -inf; PyTorch's clamp makes each -100.
        assertEquals(100f, IrisLogistic.binaryCrossEntropy(of(0, 1), of(1, 0)).getFloat(),
                TOLERANCE);
        assertEquals(0f, IrisLogistic.binaryCrossEntropy(of(1, 0), of(1, 0)).getFloat(), TOLERANCE);
    }

    @Test
    void clampedBinaryCrossEntropyKeepsProbabilitiesAtOrAboveOneInATrillion() {
        // -ln(1e-12) = 12 ln 10 = 27.631021 for each wholly wrong row.
        assertEquals(27.631021f, ExamLogistic.binaryLoss(of(0, 1), of(1, 0))
                .getFloat(), 1e-4f);
        // Away from 0 and 1 the clamp changes nothing: -(ln 0.5 + ln 0.2) / 2.
        assertEquals(1.1512925f, ExamLogistic.binaryLoss(of(0.5f, 0.8f), of(1, 0))
                .getFloat(), TOLERANCE);
    }

    @Test
    void crossEntropyPicksEachRowsProbabilityOfItsTrueClass() {
        // d2l's example: y_hat = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2].
        NDArray yHat = of(0.1f, 0.3f, 0.6f, 0.3f, 0.2f, 0.5f).reshape(2, 3);
        NDArray loss = FashionMnistSoftmax.crossEntropy(yHat, manager.create(new long[] {0, 2}));
        assertEquals(new Shape(2), loss.getShape(), "one loss per example, not reduced");
        assertArrayEquals(new float[] {2.3025851f, 0.6931472f}, loss.toFloatArray(), TOLERANCE);
    }

    @Test
    void softmaxDividesEachRowsExponentialsByTheirSum() {
        // e, e^2, e^3 = 2.7182818, 7.3890561, 20.0855369; their sum 30.1928748.
        NDArray p = FashionMnistSoftmax.softmax(of(1, 2, 3, 0, 0, 0).reshape(2, 3));
        assertArrayEquals(new float[] {0.0900306f, 0.2447285f, 0.6652410f,
            1 / 3f, 1 / 3f, 1 / 3f}, p.toFloatArray(), TOLERANCE);
        // The same shift of every logit of a row leaves its probabilities as they were.
        assertArrayEquals(new float[] {0.0900306f, 0.2447285f, 0.6652410f},
                FashionMnistSoftmax.softmax(of(-9, -8, -7).reshape(1, 3)).toFloatArray(),
                TOLERANCE);
    }

    @Test
    void softmaxIsNaiveAsTheTutorialWritesIt() {
        // exp(100) overflows a float: inf / inf. DJL's fused softmax would give [1, 0].
        float[] p = FashionMnistSoftmax.softmax(of(100, 0).reshape(1, 2)).toFloatArray();
        assertTrue(Float.isNaN(p[0]), "exp(100) / (exp(100) + 1) in floats: " + p[0]);
        assertEquals(0f, p[1]);
    }

    @Test
    void theClampedLossAsADjlLossAppliesSigmoidToTheLogitsFirst() {
        // sigmoid(0) = 0.5, sigmoid(ln 4) = 0.8: -(ln 0.5 + ln 0.2) / 2 = 1.1512925.
        NDArray logits = of(0, (float) Math.log(4)).reshape(2, 1);
        NDArray labels = of(1, 0);
        float loss = ExamLogistic.binaryLossOnLogits()
                .evaluate(new NDList(labels), new NDList(logits)).getFloat();
        assertEquals(1.1512925f, loss, TOLERANCE);
        // A logit so large its sigmoid is exactly 1 in floats, labelled 0: the clamp's 27.63.
        float clamped = ExamLogistic.binaryLossOnLogits()
                .evaluate(new NDList(of(0)), new NDList(of(100).reshape(1, 1))).getFloat();
        assertEquals(27.631021f, clamped, 1e-4f);
    }
}
