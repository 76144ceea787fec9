package org.linearmodels.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The commands' logging, set up in code through logback's {@link Configurator} service
 * (META-INF/services) rather than a logback.xml, whose parsing cost about 0.1 s of every start
 * (T4's JVM phase 0.56-0.65 -> 0.48-0.49 s; issue 14, docs/PERFORMANCE.md).
 * {@code -Dlogback.configurationFile=FILE} still wins.
 */
public final class ConsoleLogs extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Results and logs share stdout so they interleave in order, as the tutorials' prints do.
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();

        context.getLogger("org.linearmodels").setLevel(Level.INFO);
        // DJL narrates native-library extraction and thread counts at INFO; shown with --verbose.
        context.getLogger("ai.djl").setLevel(Level.WARN);
        // A CUDA toolkit without a GPU driver makes DJL warn at every GPU probe; the drivers log
        // the device they train on instead.
        context.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(Level.ERROR);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stdout);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
