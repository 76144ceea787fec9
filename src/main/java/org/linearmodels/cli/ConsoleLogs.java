package org.linearmodels.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.linearmodels.serve.ModelServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands' logging, set up in code by their entry ({@link Cli#run}) rather than from a
 * logback.xml, whose parsing cost about 0.1 s of every start (T4's JVM phase 0.56-0.65 ->
 * 0.48-0.49 s; docs/PERFORMANCE.md). {@code -Dlogback.configurationFile=FILE} still wins. A
 * program that uses the library keeps its own logging: nothing here runs unless it asks.
 */
public final class ConsoleLogs {

    private ConsoleLogs() {}

    /**
     * Replaces logback's configuration with the commands' (logback has by then found no file
     * and logs everything at DEBUG in its default format); with another SLF4J binding, or a
     * file named by {@code -Dlogback.configurationFile}, leaves it alone.
     */
    public static void install() {
        if (System.getProperty("logback.configurationFile") == null && isLogback()) {
            Logback.install();
        }
    }

    /**
     * Turns on the server's access log ({@code Serve --access-log}), a line per request that
     * {@link #install} leaves off.
     */
    public static void accessLog() {
        if (isLogback()) {
            Logback.accessLog();
        }
    }

    /** {@code --verbose}: the project's debug lines and DJL's engine messages. */
    static void verbose() {
        if (isLogback()) {
            Logback.verbose();
        }
    }

    /**
     * Whether SLF4J logs through logback, asked by the class's name: logback is an optional
     * dependency, and a program using the library may have another binding and no logback.
     */
    private static boolean isLogback() {
        return LoggerFactory.getILoggerFactory().getClass().getName()
                .equals("ch.qos.logback.classic.LoggerContext");
    }

    /** The calls into logback, in a class of their own that loads only where logback is. */
    private static final class Logback {

        static void install() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            // Results and logs share stdout so they interleave in order, as the tutorials'
            // prints do.
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
            // A line per request: only when asked for, and then at INFO whatever --verbose.
            context.getLogger(ModelServer.ACCESS_LOG).setLevel(Level.OFF);
            // DJL narrates native-library extraction and thread counts at INFO; shown with
            // --verbose.
            context.getLogger("ai.djl").setLevel(Level.WARN);
            // A CUDA toolkit without a GPU driver makes DJL warn at every GPU probe; the drivers
            // log the device they train on instead.
            context.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(Level.ERROR);
            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.WARN);
            root.addAppender(stdout);
        }

        static void accessLog() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger(ModelServer.ACCESS_LOG).setLevel(Level.INFO);
        }

        static void verbose() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger("org.linearmodels").setLevel(Level.DEBUG);
            context.getLogger("ai.djl").setLevel(Level.INFO);
        }
    }
}
