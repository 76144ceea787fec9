package org.linearmodels.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The heap settings are made once per process, however often the engine is asked for. */
class NativeHeapTest {

    @Test
    void manyCallsForTheEngineApplyTheHeapSettingsOnce() {
        for (int i = 0; i < 1000; i++) {
            Engines.pytorch();
        }
        NativeHeap.keepBuffersInHeap();
        assertEquals(1, NativeHeap.timesApplied());
    }
}
