package org.linearmodels.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.linearmodels.model.OptimizerChoice;
import org.linearmodels.model.Schedule;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A named set of hyper-parameters a driver offers with {@code --preset}; any of those flags
 * given beside it wins over the preset's value.
 */
public record Preset(String name, int epochs, int batchSize,
        float learningRate, OptimizerChoice optimizer, Schedule schedule) {

    /** The preset called {@code name} among {@code offered}, or a usage error listing them. */
    public static Preset named(String name, List<Preset> offered, CommandSpec spec) {
        return offered.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "'" + name
                        + "' is not a preset; use " + offered.stream().map(Preset::name)
                                .collect(Collectors.joining(" or "))));
    }

    /** Sets each hyper-parameter the command line left unset to this preset's value. */
    public void applyTo(TrainingOptions options, CommandSpec spec) {
        ParseResult given = spec.commandLine().getParseResult();
        if (!given.hasMatchedOption("--epochs")) {
            options.epochs = epochs;
        }
        if (!given.hasMatchedOption("--batch-size")) {
            options.batchSize = batchSize;
        }
        if (!given.hasMatchedOption("--lr")) {
            options.learningRate = learningRate;
        }
        if (!given.hasMatchedOption("--optimizer")) {
            options.optimizer = optimizer;
        }
        if (!given.hasMatchedOption("--schedule")) {
            options.schedule = schedule;
        }
    }
}
