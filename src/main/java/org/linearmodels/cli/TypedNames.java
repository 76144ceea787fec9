package org.linearmodels.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A flag named in an error as the user typed it: told about --learning-rate after typing --lr,
 * a user looks for a flag they never gave. Picocli names an option by its longest name.
 */
final class TypedNames {

    private TypedNames() {}

    /**
     * The name the user typed for {@code option}, which may be another of its names (--lr for
     * --learning-rate); {@code option} itself where none was typed.
     */
    static String of(CommandSpec spec, String option) {
        ParseResult result = spec.commandLine().getParseResult();
        return result == null ? option
                : typed(spec.findOption(option), result.originalArgs()).orElse(option);
    }

    /** Picocli's {@code message} with each option quoted in it by the name typed in args. */
    static String inMessage(String message, CommandSpec spec, String[] args) {
        String named = message;
        for (OptionSpec option : spec.options()) {
            Optional<String> typed = typed(option, List.of(args));
            for (String name : option.names()) {
                if (typed.isPresent() && !name.equals(typed.get())) {
                    named = named.replace("'" + name + "'", "'" + typed.get() + "'");
                }
            }
        }
        return named;
    }

    /** The last of {@code option}'s names in {@code args}, alone or as name=value. */
    private static Optional<String> typed(OptionSpec option, List<String> args) {
        for (int i = args.size() - 1; i >= 0; i--) {
            for (String name : option.names()) {
                if (args.get(i).equals(name) || args.get(i).startsWith(name + "=")) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }
}
