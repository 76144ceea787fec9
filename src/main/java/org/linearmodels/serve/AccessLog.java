package org.linearmodels.serve;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request at INFO on the logger {@value #LOGGER}: the client's address,
 * method, path and query, status, body bytes, milliseconds and served model ({@code -} for
 * none). Whether it is written is the logging configuration's call ({@code Serve --access-log}).
 */
final class AccessLog {

    /** The logger's name. */
    static final String LOGGER = "org.linearmodels.serve.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {}

    static void answered(HttpExchange exchange, String model, int status, long bytes,
            long startNanos) {
        if (!log.isInfoEnabled()) {
            return;
        }
        // The raw path and query: percent-encoded, so a request cannot forge a line.
        String query = exchange.getRequestURI().getRawQuery();
        log.info("{} {} {}{} {} {} {} {}", exchange.getRemoteAddress().getAddress()
                .getHostAddress(), exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), query == null ? "" : "?" + query,
                status, bytes, String.format(Locale.ROOT, "%.3f",
                        (System.nanoTime() - startNanos) / 1e6), model);
    }
}
