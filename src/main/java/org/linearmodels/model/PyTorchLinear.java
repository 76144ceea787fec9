package org.linearmodels.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linearmodels.errors.CheckpointException;

/**
 * One Linear layer's parameters as PyTorch names and lays them out: {@code nn.Linear}'s
 * {@code weight} (outputs, features) and {@code bias}, or the tensors a from-scratch tutorial
 * makes by hand: T2's {@code w} (outputs, features) and {@code b}, T5's {@code W} (features,
 * outputs) and {@code b}.
 *
 * @param weight (outputs, features), as DJL's Linear holds it
 * @param bias (outputs)
 * @param layout how the file named and laid them out
 */
public record PyTorchLinear(TorchTensor weight, TorchTensor bias, Layout layout) {

    /** The names and the weight's orientation of a state dict. */
    public enum Layout {
        /** {@code nn.Linear}'s state dict: {@code weight} (outputs, features), {@code bias}. */
        LINEAR("weight", "bias", false),
        /** T2's hand-made tensors: {@code w} (outputs, features), {@code b}. */
        HAND_MADE_ROWS("w", "b", false),
        /** T5's hand-made tensors: {@code W} (features, outputs), {@code b}. */
        HAND_MADE_COLUMNS("W", "b", true);

        private final String weightName;
        private final String biasName;
        private final boolean featuresFirst;

        Layout(String weightName, String biasName, boolean featuresFirst) {
            this.weightName = weightName;
            this.biasName = biasName;
            this.featuresFirst = featuresFirst;
        }

        public boolean handMade() {
            return this != LINEAR;
        }
    }

    private static final Set<String> WEIGHT_NAMES = Set.of("weight", "w", "W");
    private static final Set<String> BIAS_NAMES = Set.of("bias", "b");

    /**
     * The Linear layer of {@code spec} in a file's tensors: exactly one weight and one bias, by
     * the last part of their names (a module's {@code linear.weight} is a weight), of the
     * spec's shapes. Anything else is another model: a {@link CheckpointException} naming what
     * the file holds and what {@code modelName} needs.
     */
    public static PyTorchLinear find(Map<String, TorchTensor> tensors, ModelSpec spec,
            String modelName, Path file) {
        long outputs = spec.outputs();
        long features = spec.features();
        String needs = "the " + modelName + " model is one Linear layer: weight (" + outputs
                + ", " + features + ") and bias (" + outputs + ",), named as nn.Linear names them"
                + " or as the tutorial's hand-made w or W and b";
        List<String> weights = named(tensors, WEIGHT_NAMES);
        List<String> biases = named(tensors, BIAS_NAMES);
        if (tensors.size() != 2 || weights.size() != 1 || biases.size() != 1) {
            throw new CheckpointException(file + " holds " + describe(tensors) + "; " + needs
                    + ". Is it a file of another model?");
        }
        String weightKey = weights.get(0);
        TorchTensor weight = tensors.get(weightKey);
        TorchTensor bias = tensors.get(biases.get(0));
        String lastPart = weightKey.substring(weightKey.lastIndexOf('.') + 1);
        Layout layout = lastPart.equals("weight") ? Layout.LINEAR
                : weight.hasShape(outputs, features) ? Layout.HAND_MADE_ROWS
                : Layout.HAND_MADE_COLUMNS;
        TorchTensor rows = layout.featuresFirst && weight.shape().length == 2
                ? weight.transposed() : weight;
        if (!rows.hasShape(outputs, features) || !bias.hasShape(outputs)) {
            throw new CheckpointException(file + " holds " + describe(tensors) + "; " + needs
                    + ". Is it a file of another model?");
        }
        return new PyTorchLinear(rows, bias, layout);
    }

    /** The state dict of this layer in {@code layout}, as torch.save writes it. */
    public static Map<String, TorchTensor> stateDict(TorchTensor weight, TorchTensor bias,
            Layout layout) {
        Map<String, TorchTensor> dict = new LinkedHashMap<>();
        dict.put(layout.weightName, layout.featuresFirst ? weight.transposed() : weight);
        dict.put(layout.biasName, bias);
        return dict;
    }

    private static List<String> named(Map<String, TorchTensor> tensors, Set<String> names) {
        return tensors.keySet().stream()
                .filter(key -> names.contains(key.substring(key.lastIndexOf('.') + 1)))
                .toList();
    }

    private static String describe(Map<String, TorchTensor> tensors) {
        if (tensors.isEmpty()) {
            return "no float tensors";
        }
        return tensors.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue().shapeText())
                .collect(Collectors.joining(", "));
    }
}
