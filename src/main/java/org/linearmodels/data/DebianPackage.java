package org.linearmodels.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.linearmodels.errors.Causes;

/**
 * A package from Debian's archive, fetched over HTTPS from a Debian mirror and unpacked here in
 * Java, so it needs neither apt-get, dpkg nor root, and works on macOS and Windows too. The
 * suite's Packages index gives the .deb's path and sha256; the .deb is checked against it before
 * it is opened.
 */
public record DebianPackage(String name, URI mirror, String suite) implements RegistryPackage {

    /** Debian's own redirector to a nearby mirror, the one a fresh Debian install uses. */
    public static final URI DEBIAN_MIRROR = URI.create("https://deb.debian.org/debian/");

    /** "stable" rather than a release name, so a fetch keeps working after each release. */
    public DebianPackage(String name) {
        this(name, DEBIAN_MIRROR, "stable");
    }

    @Override
    public String describe() {
        return "Debian package " + name + " (" + suite + " at " + mirror + ")";
    }

    /**
     * The index of architecture-independent packages, where data packages are; xz, the one
     * compression every Debian suite publishes its indexes in.
     */
    public URI packagesIndex() {
        return mirror.resolve("dists/" + suite + "/main/binary-all/Packages.xz");
    }

    @Override
    public Path download(Path workDir) throws IOException {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Path index = get(http, packagesIndex(), workDir.resolve("Packages.xz"));
        Map<String, String> fields = stanza(index);
        String filename = fields.get("Filename");
        String sha256 = fields.get("SHA256");
        if (filename == null || sha256 == null) {
            throw new IOException(packagesIndex() + " gives no Filename and SHA256 for " + name);
        }
        URI debUri = mirror.resolve(filename);
        // Named without its version: a Debian version may hold characters Windows refuses.
        Path deb = get(http, debUri, workDir.resolve(name + ".deb"));
        String actual = Checksums.sha256(deb);
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new IOException(debUri + " has sha256 " + actual + ", not the " + sha256
                    + " that " + packagesIndex() + " gives: it was damaged or altered on the"
                    + " way; fetch again, or through another network");
        }
        return deb;
    }

    /** The fields of {@code name}'s entry in the Packages index. */
    private Map<String, String> stanza(Path index) throws IOException {
        try (InputStream file = Files.newInputStream(index);
                BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new XZCompressorInputStream(new BufferedInputStream(file)),
                        StandardCharsets.UTF_8))) {
            Map<String, String> fields = new HashMap<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (name.equals(fields.get("Package"))) {
                        return fields;
                    }
                    fields.clear();
                    continue;
                }
                int colon = line.indexOf(':');
                // Continuation lines (a description's) start with a space and name no field.
                if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
            if (name.equals(fields.get("Package"))) {
                return fields;
            }
        } catch (IOException e) {
            throw new IOException(packagesIndex() + " is not a readable Packages index: "
                    + Causes.of(e), e);
        }
        throw new IOException(packagesIndex() + " lists no package " + name
                + " (Debian may have dropped it from " + suite + ")");
    }

    /** Downloads {@code uri} into {@code target}; every failure names the URL. */
    private static Path get(HttpClient http, URI uri, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).build();
        CompletableFuture<HttpResponse<Path>> transfer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofFile(target));
        HttpResponse<Path> response;
        try {
            // A whole-transfer limit as well: the request's timeout ends at the headers.
            response = transfer.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IOException("cannot download " + uri + ": " + Causes.of(e.getCause()),
                    e.getCause());
        } catch (TimeoutException e) {
            transfer.cancel(true);
            throw new IOException("downloading " + uri + " took longer than 10 minutes", e);
        } catch (InterruptedException e) {
            transfer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        return target;
    }

    @Override
    public void extract(Path archive, Map<String, Path> members) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
                ArArchiveInputStream ar = new ArArchiveInputStream(file)) {
            ArArchiveEntry entry;
            while ((entry = ar.getNextEntry()) != null) {
                if (entry.getName().startsWith("data.tar")) {
                    try (TarArchiveInputStream tar = new TarArchiveInputStream(decompress(ar))) {
                        TarMembers.copy(tar, members, archive.getFileName().toString());
                    }
                    return;
                }
            }
        }
        throw new IOException(archive.getFileName() + " has no data.tar member");
    }

    /** data.tar is xz-compressed in Debian 12; the factory also reads gzip and bzip2. */
    private static InputStream decompress(InputStream member) throws IOException {
        try {
            return new CompressorStreamFactory().createCompressorInputStream(
                    new BufferedInputStream(member));
        } catch (CompressorException e) {
            throw new IOException("cannot decompress data.tar: " + e.getMessage(), e);
        }
    }
}
