package org.linearmodels.cli;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.linearmodels.engine.PyTorch;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: this project's version and the DJL and PyTorch it runs on. */
public final class Versions implements IVersionProvider {

    /** This project's version, from the build. */
    public static String project() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/linearmodels.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "djl-linear-models " + project(),
            "DJL " + Engine.getDjlVersion() + ", PyTorch "
                    + PyTorch.engine().getVersion() + ", Java "
                    + System.getProperty("java.version")
        };
    }
}
