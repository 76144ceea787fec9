package org.linearmodels.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A prediction sent over a plain socket whose body the test controls: the headers go at once,
 * the body when {@link #release} says, so that the worker reading it is held for as long as the
 * test wants, on any machine.
 */
final class HeldRequest implements AutoCloseable {

    /** One answer: its status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private final Socket socket;
    private final byte[] body;

    HeldRequest(int port, String model, String body) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        this.body = body.getBytes(StandardCharsets.UTF_8);
        // Far longer than any step of a test takes, so that only a hung server trips it.
        socket.setSoTimeout(120_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /predictions/" + model + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + this.body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Waits until {@code condition} holds, e.g. the server reporting the held requests taken;
     * the two minutes only stop a hung test, far above what any step takes.
     */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Sends the body. */
    void release() throws IOException {
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    /** Reads the answer. */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed after: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] content = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(content, StandardCharsets.UTF_8));
    }

    /** Whether the server has closed the connection (after its answer). */
    boolean closedByServer() throws IOException {
        return socket.getInputStream().read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
