package dev.cairn.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import dev.cairn.context.RequestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The edge service: {@code POST /checkout} from a client, checked and passed on to orders. Its
 * logging comes from a YAML file named by {@code CAIRN_CONFIG} at start-up (JSON lines, redaction
 * on), so the bearer token it logs by mistake is masked. Writes an access-log record with the
 * status and {@code duration_ms} of every request.
 */
final class Gateway implements HttpHandler {

    private static final Logger log = Logging.getLogger("gateway.http");
    private static final Logger access = Logging.getLogger("gateway.access");

    private final HttpClient client = Http.client();
    private final URI orders;

    Gateway(URI orders) {
        this.orders = orders;
    }

    @Override
    @SuppressWarnings("try")  // the request's context scope is used by being open, never named
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        try (LogContext.Scope request = RequestContext.begin(exchange.getRequestHeaders())) {
            Map<String, String> form = Http.form(exchange);
            RequestContext.user(form.getOrDefault("user", "anonymous"));
            // A careless debug line; the configuration's `redact: true` masks the credential.
            log.debug("%s %s authorization=%s", exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("authorization"));
            int status = checkout(exchange, form);
            long millis = (System.nanoTime() - start) / 1_000_000;
            access.atInfo().field("method", exchange.getRequestMethod()).field("path", path).field("status", status)
                    .field("duration_ms", millis).log("%s %s %d %d ms", exchange.getRequestMethod(), path, status, millis);
        }
    }

    private int checkout(HttpExchange exchange, Map<String, String> form) throws IOException {
        String qty = form.getOrDefault("qty", "");
        if (!qty.matches("[1-9][0-9]*")) {
            log.warning("rejected checkout: quantity %r is not a positive number", qty);
            Http.respond(exchange, 400, "quantity must be a positive number");
            return 400;
        }
        log.info("checkout of %s x %s for %s", qty, form.get("sku"), form.get("user"));
        int status;
        String answer;
        try {
            HttpResponse<String> response = Http.post(client, orders.resolve("/orders"), form, Duration.ofSeconds(10));
            status = response.statusCode();
            answer = response.body();
            if (status < 300) {
                log.info("checkout done: %s", answer);
            } else if (status < 500) {
                log.warning("checkout refused: orders answered %d %s", status, answer);
            } else {
                log.error("checkout failed: orders answered %d %s", status, answer);
            }
        } catch (IOException e) {
            log.exception(e, "checkout failed: orders unreachable");
            status = 502;
            answer = "orders unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            answer = "shutting down";
        }
        Http.respond(exchange, status, answer);
        return status;
    }
}
