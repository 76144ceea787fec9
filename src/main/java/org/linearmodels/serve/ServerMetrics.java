package org.linearmodels.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * One server's metrics in Prometheus' text format, in a registry of its own so that two servers
 * in one process count apart. A request costs a counter increment and a histogram observation;
 * the gauges are read from the server only when scraped.
 */
final class ServerMetrics {

    /** The {@code model} label of a request that names no served model (ping, list, page, 404). */
    static final String NO_MODEL = "-";

    /** Predictions take well under a millisecond, so the buckets start there. */
    private static final double[] SECONDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
        0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;

    /**
     * @param queued predictions waiting for a worker
     * @param busy workers working on a prediction
     * @param inFlight requests taken and not yet answered
     */
    ServerMetrics(IntSupplier queued, IntSupplier busy, IntSupplier inFlight) {
        requests = Counter.builder().name("serve_requests_total")
                .help("Requests answered, by served model (- for none) and HTTP status.")
                .labelNames("model", "status").withoutExemplars().register(registry);
        latency = Histogram.builder().name("serve_request_duration_seconds")
                .help("Seconds from a request's headers to its answer, by served model.")
                .labelNames("model").classicOnly().classicUpperBounds(SECONDS)
                .withoutExemplars().register(registry);
        gauge("serve_queue_depth", "Predictions waiting for a worker.", queued);
        gauge("serve_workers_busy", "Workers reading, predicting or answering.", busy);
        gauge("serve_requests_in_flight", "Requests taken and not yet answered, this scrape"
                + " included.", inFlight);
    }

    private void gauge(String name, String help, IntSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(callback -> callback.call(value.getAsInt())).register(registry);
    }

    /** Counts an answer about to be sent, {@code startNanos} being when its request came. */
    void answered(String model, int status, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        requests.labelValues(model, Integer.toString(status)).inc();
        latency.labelValues(model).observe(nanos / 1e9);
    }

    /** The media type of {@link #scrape}. */
    String contentType() {
        return writer.getContentType();
    }

    /** Every metric now, in Prometheus' text format. */
    byte[] scrape() {
        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
        try {
            writer.write(text, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toByteArray();
    }
}
