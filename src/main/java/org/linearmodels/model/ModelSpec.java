package org.linearmodels.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to rebuild a checkpoint's block before DJL loads its parameters: one
 * {@link Linear} layer (flattening first when examples are images) and how to read its output.
 *
 * @param inputShape the shape of one example, e.g. [1, 28, 28] or [4]
 * @param outputs the Linear layer's units
 * @param head how outputs become answers
 * @param inputScale each feature is divided by this before the model sees it (T3 divides each
 *     exam score by its column maximum); empty when inputs are used as they are
 * @param classNames the label of each output class; empty for regression
 * @param framing for image models, how the training images framed their object, so that a
 *     loader frames a user's picture alike; null for tabular models
 */
public record ModelSpec(List<Long> inputShape, int outputs, Head head, List<Float> inputScale,
        List<String> classNames, Framing framing) {

    /** How the raw outputs of the Linear layer are read. */
    public enum Head {
        /** Outputs are the prediction itself (linear regression). */
        IDENTITY,
        /** One output, a logit: sigmoid gives the probability of class 1. */
        SIGMOID,
        /** One output per class, logits: softmax gives the class probabilities. */
        SOFTMAX
    }

    /** The shape of one picture a framed image model takes: 1 channel of 28x28. */
    public static final List<Long> FRAMED_PICTURE = List.of(1L, 28L, 28L);
    public ModelSpec {
        inputShape = List.copyOf(inputShape);
        inputScale = inputScale == null ? List.of() : List.copyOf(inputScale);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /** A tabular model's spec, or an image model's whose pictures need no framing. */
    public ModelSpec(List<Long> inputShape, int outputs, Head head, List<Float> inputScale,
            List<String> classNames) {
        this(inputShape, outputs, head, inputScale, classNames, null);
    }

    /**
     * What is wrong with this spec, or null when nothing is: the head must fit the outputs and
     * the class names, the scale the features. Checked before a directory is loaded.
     */
    public String problem() {
        if (inputShape.isEmpty() || inputShape.stream().anyMatch(d -> d == null || d < 1)) {
            return "input shape " + inputShape + " is not a shape";
        }
        if (outputs < 1) {
            return "outputs " + outputs + " must be at least 1";
        }
        if (head == null) {
            return "the head is missing or unknown (IDENTITY, SIGMOID or SOFTMAX)";
        }
        if (!inputScale.isEmpty() && inputScale.size() != features()) {
            return inputScale.size() + " input scales for " + features() + " features";
        }
        // Both framings (MNIST, Fashion-MNIST) make 28x28 grey pictures of one class among many.
        if (framing != null && (!inputShape.equals(FRAMED_PICTURE) || head != Head.SOFTMAX)) {
            return "a framed image model takes " + FRAMED_PICTURE + " pictures into a SOFTMAX"
                    + " head, not " + inputShape + " into " + head;
        }
        return switch (head) {
            case IDENTITY -> classNames.isEmpty() ? null
                    : "an IDENTITY head answers numbers, yet class names are given";
            case SIGMOID -> outputs == 1 && classNames.size() == 2 ? null
                    : "a SIGMOID head needs 1 output and 2 class names, not " + outputs + " and "
                            + classNames.size();
            case SOFTMAX -> classNames.size() == outputs ? null
                    : "a SOFTMAX head needs one class name per output: " + outputs
                            + " outputs, " + classNames.size() + " names";
        };
    }

    /**
     * How this spec differs from what a command needs, or null when it does not: the input
     * shape, the head and, unless {@code outputs} is 0, the number of outputs.
     */
    public String mismatch(List<Long> wantedShape, int wantedOutputs, Head wantedHead) {
        if (inputShape.equals(wantedShape) && head == wantedHead
                && (wantedOutputs == 0 || outputs == wantedOutputs)) {
            return null;
        }
        return "it takes " + inputShape + " into " + outputs + " " + head + " output"
                + (outputs == 1 ? "" : "s") + ", this command needs " + wantedShape + " into "
                + (wantedOutputs == 0 ? "" : wantedOutputs + " ") + wantedHead;
    }

    /** The shape of a batch of one, which DJL's {@code initialize} takes. */
    public Shape batchShape(long batchSize) {
        long[] dims = new long[inputShape.size() + 1];
        dims[0] = batchSize;
        for (int i = 0; i < inputShape.size(); i++) {
            dims[i + 1] = inputShape.get(i);
        }
        return new Shape(dims);
    }

    /** The number of features an example flattens to. */
    public long features() {
        return inputShape.stream().reduce(1L, (a, b) -> a * b);
    }

    /** The shape each parameter of {@link #newBlock()} must have, by the end of its name. */
    public Map<String, Shape> parameterShapes() {
        return Map.of("weight", new Shape(outputs, features()), "bias", new Shape(outputs));
    }

    /**
     * A new, uninitialised block. Weights and bias start as PyTorch's {@code nn.Linear} starts
     * them, uniform in ±1/√fan_in, so a tutorial's run begins where the original's does.
     */
    public Block newBlock() {
        Linear linear = Linear.builder().setUnits(outputs).build();
        UniformInitializer pytorchDefault =
                new UniformInitializer((float) (1 / Math.sqrt(features())));
        linear.setInitializer(pytorchDefault, Parameter.Type.WEIGHT);
        linear.setInitializer(pytorchDefault, Parameter.Type.BIAS);
        if (inputShape.size() == 1) {
            return linear;
        }
        return new SequentialBlock().add(Blocks.batchFlattenBlock(features())).add(linear);
    }
}
