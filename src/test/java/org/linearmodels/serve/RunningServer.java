package org.linearmodels.serve;

import ai.djl.Device;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.linearmodels.Serve;

/**
 * The committed models served on a free loopback port, as {@code ./run Serve} does, with
 * {@code models/} as the model store.
 */
final class RunningServer implements AutoCloseable {

    final ModelServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .build();

    RunningServer() throws IOException {
        List<ServedModel> models = new ArrayList<>();
        for (String name : Serve.DEFAULT_MODELS) {
            models.add(ServedModel.load(Path.of("models", name), Device.cpu(), name));
        }
        server = ModelServer.start(models,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ModelServer.Limits(4, 64, Duration.ofSeconds(30)),
                new ModelStore(Path.of("models"), Device.cpu()), () -> { });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
