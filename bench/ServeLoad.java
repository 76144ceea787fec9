import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for bench/serve: N clients, each on its own keep-alive loopback connection, POST one
 * picture to a path over and over for a bounded time; prints requests/s and latency
 * percentiles. Plain sockets, so the client costs little of the CPU the server shares.
 * Usage: java bench/ServeLoad.java PORT PATH PICTURE CLIENTS SECONDS
 */
public final class ServeLoad {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String path = args[1];
        byte[] picture = Files.readAllBytes(Path.of(args[2]));
        int clients = Integer.parseInt(args[3]);
        double seconds = Double.parseDouble(args[4]);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: image/png\r\nContent-Length: " + picture.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                    int n = 0;
                    while (System.nanoTime() < end && n < mine.length) {
                        long start = System.nanoTime();
                        out.write(head);
                        out.write(picture);
                        out.flush();
                        if (readResponse(in) != 200) {
                            failures.incrementAndGet();
                        }
                        mine[n++] = System.nanoTime() - start;
                    }
                    counts[client] = n;
                } catch (IOException e) {
                    failures.incrementAndGet();
                    System.err.println("client " + client + ": " + e);
                }
            });
            threads.add(thread);
        }
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "%d clients, %.1f s: %d requests, %.0f req/s, p50 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms, %d failed%n", clients, elapsed, total,
                total / elapsed, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures.get());
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
                Math.floor(q * sorted.length))] / 1e6;
    }

    /** Reads one response (status line, headers, Content-Length body); returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
