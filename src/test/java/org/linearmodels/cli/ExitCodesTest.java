package org.linearmodels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.linearmodels.errors.BadInputException;
import org.linearmodels.errors.CheckpointException;
import org.linearmodels.errors.CorruptDataException;
import org.linearmodels.errors.DataUnavailableException;
import org.linearmodels.errors.DeviceException;
import org.linearmodels.errors.DivergedException;
import org.linearmodels.errors.OutputException;

/** Each kind of failure the library throws leaves a command with the code docs list. */
class ExitCodesTest {

    @Test
    void eachKindHasItsCode() {
        assertEquals(3, Cli.exitCode(new DataUnavailableException("x")).code());
        assertEquals(4, Cli.exitCode(new CorruptDataException("x")).code());
        assertEquals(5, Cli.exitCode(new BadInputException("x")).code());
        assertEquals(6, Cli.exitCode(new CheckpointException("x")).code());
        assertEquals(7, Cli.exitCode(new DivergedException("x")).code());
        assertEquals(8, Cli.exitCode(new DeviceException("x")).code());
        assertEquals(9, Cli.exitCode(new OutputException("x")).code());
        assertEquals(2, Cli.exitCode(new UsageException("x")).code());
    }

    @Test
    void aNarrowerKindTakesItsParentsCodeAndAnythingElseIsABug() {
        assertEquals(ExitCode.BAD_INPUT, Cli.exitCode(new BadInputException("blank") { }));
        assertEquals(ExitCode.INTERNAL, Cli.exitCode(new IllegalStateException("x")));
        assertEquals(ExitCode.INTERNAL,
                Cli.exitCode(new UncheckedIOException(new IOException("x"))));
    }
}
