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
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The middle service: {@code POST /orders} saves the order ({@link OrderStore}, which a database
 * outage can break) and asks payments to charge it, giving up after {@link #PAYMENT_TIMEOUT_MS}.
 * Configured by a dictConfig built in code that writes Python-style text lines carrying the trace
 * and request ids from the context.
 */
final class Orders implements HttpHandler {

    /** How long orders waits for payments. */
    static final int PAYMENT_TIMEOUT_MS = 800;

    private static final Logger log = Logging.getLogger("orders.api");
    private static final Logger inventory = Logging.getLogger("orders.inventory");
    private static final Map<String, Double> PRICES = Map.of("SKU-1042", 19.90, "SKU-2210", 4.50, "SKU-3307", 129.00,
            "SKU-4096", 54.25, "SKU-5150", 9.99);

    private final HttpClient client = Http.client();
    private final URI payments;
    private final OrderStore store;

    Orders(URI payments, FaultPlan faults, long seed) {
        this.payments = payments;
        this.store = new OrderStore(faults, seed);
    }

    @Override
    @SuppressWarnings("try")  // the request's context scope is used by being open, never named
    public void handle(HttpExchange exchange) throws IOException {
        try (LogContext.Scope request = RequestContext.begin(exchange.getRequestHeaders())) {
            Map<String, String> form = Http.form(exchange);
            RequestContext.user(form.get("user"));
            String requestId = (String) LogContext.get(RequestContext.REQUEST_ID);
            String order = "ord-" + requestId.substring(requestId.indexOf('-') + 1);
            LogContext.put("order_id", order);
            int qty = Integer.parseInt(form.get("qty"));
            String sku = form.get("sku");
            log.info("creating order %s: %d x %s", order, qty, sku);
            inventory.debug("reserved %d x %s", qty, sku);
            try {
                store.save(order, requestId);
            } catch (SQLException e) {
                log.atError().cause(e).log("could not save order %s", order);
                Http.respond(exchange, 503, "order database unavailable");
                return;
            }
            double amount = PRICES.getOrDefault(sku, 10.0) * qty;
            charge(exchange, order, amount, form.get("card"));
        }
    }

    private void charge(HttpExchange exchange, String order, double amount, String card) throws IOException {
        Map<String, String> payment = Map.of("order", order, "amount", String.format("%.2f", amount), "card", card);
        try {
            HttpResponse<String> response = Http.post(client, payments.resolve("/payments"), payment,
                    Duration.ofMillis(PAYMENT_TIMEOUT_MS));
            if (response.statusCode() == 200) {
                log.info("order %s placed: %.2f EUR, %s", order, amount, response.body());
                Http.respond(exchange, 201, "order " + order + " placed");
            } else if (response.statusCode() == 402) {
                log.warning("order %s not placed: %s", order, response.body());
                Http.respond(exchange, 402, response.body());
            } else {
                log.error("order %s not placed: payments answered %d", order, response.statusCode());
                Http.respond(exchange, 502, "payment failed");
            }
        } catch (HttpTimeoutException e) {
            log.atError().cause(e).field("timeout_ms", PAYMENT_TIMEOUT_MS)
                    .log("payment for order %s timed out after %d ms", order, PAYMENT_TIMEOUT_MS);
            Http.respond(exchange, 504, "payment timed out");
        } catch (IOException e) {
            log.exception(e, "payment for order %s failed: payments unreachable", order);
            Http.respond(exchange, 502, "payments unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Http.respond(exchange, 503, "shutting down");
        }
    }
}
