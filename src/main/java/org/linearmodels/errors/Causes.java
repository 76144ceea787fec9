package org.linearmodels.errors;

import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The cause of a failure in plain words, for the one line a {@link LinearModelsException}
 * says: "permission denied", "the file ends early (truncated)". Every message that quotes an
 * exception goes through here, so no class name (NoSuchFileException), null message or library
 * URL reaches a user.
 */
public final class Causes {

    private Causes() {}

    /** What went wrong, in a few lower-case words without a final full stop. */
    public static String of(Throwable e) {
        Throwable cause = e;
        // Wrappers say nothing of their own: their message is the cause's toString().
        while ((cause instanceof UncheckedIOException || isWrapperOf(cause))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (cause instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (cause instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (cause instanceof FileSystemLoopException) {
            return "its links form a loop";
        }
        if (cause instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() == null ? "the file system refused"
                    : lowerFirst(fileSystem.getReason());
        }
        if (cause instanceof EOFException) {
            return "the file ends early (truncated)";
        }
        if (cause instanceof MalformedJsonException) {
            return "it is not JSON";
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return words(cause.getClass().getSimpleName());
        }
        return clean(message);
    }

    private static boolean isWrapperOf(Throwable e) {
        return e.getCause() != null && e.getMessage() != null
                && e.getMessage().equals(e.getCause().toString());
    }

    /** The first line, without a "See https://…" pointer, a class-name prefix or a full stop. */
    private static String clean(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        int see = line.indexOf(" See http");
        if (see >= 0) {
            line = line.substring(0, see);
        }
        line = line.replaceFirst("^([a-z]+\\.)+[A-Z][A-Za-z]*(Exception|Error): ", "");
        line = line.strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** "EOFException" as "eof error", "MalformedJsonException" as "malformed json error". */
    private static String words(String className) {
        String name = className.replaceFirst("(Exception|Error)$", "");
        String spaced = name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? "an unknown error" : spaced + " error";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
