package org.linearmodels.spark;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.List;

/** A model's parameters as plain floats, in its block's order: what the driver and workers swap. */
public final class Parameters {

    private Parameters() {}

    public static float[][] of(Model model) {
        List<Parameter> parameters = model.getBlock().getParameters().values();
        float[][] values = new float[parameters.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).getArray().toFloatArray();
        }
        return values;
    }

    /** Overwrites {@code model}'s parameters (already initialized) with {@code values}. */
    public static void load(Model model, float[][] values) {
        List<Parameter> parameters = model.getBlock().getParameters().values();
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).getArray().set(FloatBuffer.wrap(values[i]));
        }
    }

    /** {@code into} += {@code values}, element by element. */
    public static float[][] add(float[][] into, float[][] values) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) {
                into[i][j] += values[i][j];
            }
        }
        return into;
    }

    /** {@code after} - {@code before}. */
    public static float[][] change(float[][] before, float[][] after) {
        float[][] change = new float[before.length][];
        for (int i = 0; i < before.length; i++) {
            change[i] = new float[before[i].length];
            for (int j = 0; j < before[i].length; j++) {
                change[i][j] = after[i][j] - before[i][j];
            }
        }
        return change;
    }
}
