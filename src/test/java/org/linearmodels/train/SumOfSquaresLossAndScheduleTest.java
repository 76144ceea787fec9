package org.linearmodels.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.linearmodels.LinearRegression.SumOfSquares;
import org.linearmodels.model.Schedule;

/** T1's loss and the --schedule trackers, against values worked out by hand. */
class SumOfSquaresLossAndScheduleTest {

    @Test
    void theLossIsTheSumOfSquaredErrorsNotTheirMean() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Errors 1, 2, 4: squares 1, 4, 16, sum 21 (MSELoss(reduction='sum')).
            NDList predictions = new NDList(manager.create(new float[] {1, 2, 3}).reshape(3, 1));
            NDList labels = new NDList(manager.create(new float[] {2, 4, 7}).reshape(3, 1));
            assertEquals(21f, new SumOfSquares().evaluate(labels, predictions).getFloat(),
                    1e-5f);
            // T1's data at its start, w = b = 0: y = 2, 4, 6 give 4 + 16 + 36 = 56.
            NDList zeros = new NDList(manager.zeros(new Shape(3, 1)));
            NDList tutorial = new NDList(manager.create(new float[] {2, 4, 6}).reshape(3, 1));
            assertEquals(56f, new SumOfSquares().evaluate(tutorial, zeros).getFloat(), 1e-5f);
            // One row: the sum is that row's square.
            NDList one = new NDList(manager.create(new float[] {0.5f}).reshape(1, 1));
            NDList target = new NDList(manager.create(new float[] {2f}).reshape(1, 1));
            assertEquals(2.25f, new SumOfSquares().evaluate(target, one).getFloat(), 1e-6f);
        }
    }

    @Test
    void aConstantScheduleKeepsTheRate() {
        Tracker tracker = Schedule.CONSTANT.tracker(0.05f, 100);
        for (int update : new int[] {0, 1, 50, 100, 1000}) {
            assertEquals(0.05f, tracker.getNewValue(update), update + " updates");
        }
    }

    @Test
    void aCosineScheduleFallsFromTheRateToZeroOverTheRun() {
        // lr (1 + cos(pi t / T)) / 2 with lr 0.1 and T 100 updates.
        Tracker tracker = Schedule.COSINE.tracker(0.1f, 100);
        assertEquals(0.1f, tracker.getNewValue(0), 1e-6f);
        assertEquals(0.0853553f, tracker.getNewValue(25), 1e-6f);   // (1 + 0.7071068) / 2
        assertEquals(0.05f, tracker.getNewValue(50), 1e-6f);
        assertEquals(0.0146447f, tracker.getNewValue(75), 1e-6f);   // (1 - 0.7071068) / 2
        assertEquals(0f, tracker.getNewValue(100), 1e-6f);
        assertEquals(0f, tracker.getNewValue(150), 1e-6f, "and stays there");
    }

    @Test
    void theFlagNamesAreLowerCase() {
        assertEquals("cosine", Schedule.COSINE.toString());
        assertEquals("constant", Schedule.CONSTANT.toString());
    }
}
