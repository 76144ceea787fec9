package org.linearmodels.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linearmodels.ChildJvm;
import org.linearmodels.FetchData;
import org.linearmodels.errors.DataUnavailableException;

class DebianPackageTest {

    private static final String NAME = "dataset-fashion-mnist";

    @TempDir
    Path dir;

    /**
     * The real fetch from Debian's mirror, in a child whose PATH is an empty directory: no
     * apt-get, no dpkg, as on macOS or Windows.
     */
    @Test
    void fetchesFashionMnistFromDebiansMirrorWithoutAptOrDpkg() throws Exception {
        Path emptyPath = Files.createDirectories(dir.resolve("bin"));
        Path cacheRoot = dir.resolve("cache");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ChildJvm.mainClassPath(), FetchData.class.getName(),
                "fashion-mnist", "--data-dir", cacheRoot.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("PATH", emptyPath.toString());
        Process child = builder.start();
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the fetch finishes in ten minutes");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, child.exitValue(), out);

        DatasetCache cache = new DatasetCache(cacheRoot);
        assertTrue(cache.isCached(ImageDataset.FASHION_MNIST), out);
        for (IdxFile file : IdxFile.values()) {
            assertEquals(ImageDataset.FASHION_MNIST.md5(file),
                    Checksums.md5(cache.file(ImageDataset.FASHION_MNIST, file)), file.fileName());
        }
        try (var leftovers = Files.list(cacheRoot)) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().startsWith(".fetch-")),
                    "the temporary fetch directory is removed");
        }
    }

    @Test
    void anUnreachableMirrorIsNamedWithTheCommandToRetry() throws IOException {
        // Port 1 on loopback: refused at once, with no traffic leaving the machine.
        DebianPackage source = new DebianPackage(NAME, URI.create("http://127.0.0.1:1/debian/"),
                "stable");
        DataUnavailableException e = fetchFrom(source);
        assertTrue(e.getMessage().contains("cannot download " + source.packagesIndex()),
                e.getMessage());
        assertTrue(e.getMessage().contains(
                DatasetCache.fetchCommand(ImageDataset.FASHION_MNIST, false)), e.getMessage());
    }

    @Test
    void aDebWhoseSha256DiffersFromTheIndexIsRefused() throws IOException {
        String wrong = "0".repeat(64);
        HttpServer mirror = mirror(Map.of(
                "/debian/dists/stable/main/binary-all/Packages.xz", xz("Package: other\n"
                        + "Filename: pool/other.deb\nSHA256: " + wrong + "\n\nPackage: " + NAME
                        + "\nDescription: a set\n more text: not a field\nFilename: pool/"
                        + NAME + ".deb\nSHA256: " + wrong + "\n"),
                "/debian/pool/" + NAME + ".deb", "not a deb".getBytes(StandardCharsets.UTF_8)));
        try {
            URI root = URI.create("http://127.0.0.1:" + mirror.getAddress().getPort() + "/debian/");
            DataUnavailableException e = fetchFrom(new DebianPackage(NAME, root, "stable"));
            assertTrue(e.getMessage().contains(root.resolve("pool/" + NAME + ".deb")
                    + " has sha256 " + Checksums.sha256("not a deb".getBytes(
                            StandardCharsets.UTF_8)) + ", not the " + wrong), e.getMessage());
        } finally {
            mirror.stop(0);
        }
        assertFalse(new DatasetCache(dir).isCached(ImageDataset.FASHION_MNIST));
    }

    @Test
    void aPackageMissingFromTheIndexSaysSo() throws IOException {
        HttpServer mirror = mirror(Map.of("/debian/dists/stable/main/binary-all/Packages.xz",
                xz("Package: other\nFilename: pool/other.deb\n")));
        try {
            URI root = URI.create("http://127.0.0.1:" + mirror.getAddress().getPort() + "/debian/");
            DebianPackage source = new DebianPackage(NAME, root, "stable");
            DataUnavailableException e = fetchFrom(source);
            assertTrue(e.getMessage().contains(source.packagesIndex() + " lists no package "
                    + NAME), e.getMessage());
        } finally {
            mirror.stop(0);
        }
    }

    private DataUnavailableException fetchFrom(DebianPackage source) {
        DatasetCache cache = new DatasetCache(dir, dataset -> source);
        return assertThrows(DataUnavailableException.class,
                () -> cache.fetch(ImageDataset.FASHION_MNIST, false));
    }

    /** A mirror on loopback that serves {@code files} by path and answers 404 otherwise. */
    private static HttpServer mirror(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    private static byte[] xz(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZCompressorOutputStream out = new XZCompressorOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
