package org.linearmodels.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File digests: md5 because the data sets publish it, sha256 for our own checkpoints. */
public final class Checksums {

    private Checksums() {}

    public static String md5(Path file) throws IOException {
        return hex(file, "MD5");
    }

    public static String sha256(Path file) throws IOException {
        return hex(file, "SHA-256");
    }

    public static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5").digest(bytes));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE ships " + algorithm, e);
        }
    }

    private static String hex(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
