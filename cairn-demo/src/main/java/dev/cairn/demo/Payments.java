package dev.cairn.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import dev.cairn.context.RequestContext;
import java.io.IOException;
import java.util.Map;

/**
 * The last service: {@code POST /payments} authorises a charge with the card issuer
 * ({@link Bank}), which may decline it or hang. Configured by a dictConfig built in code that
 * writes JSON lines with the ECS preset ({@code trace.id}, {@code error.type}, ...).
 */
final class Payments implements HttpHandler {

    private static final Logger log = Logging.getLogger("payments.api");

    private final Bank bank;

    Payments(FaultPlan faults, long seed) {
        this.bank = new Bank(faults, seed);
    }

    @Override
    @SuppressWarnings("try")  // the request's context scope is used by being open, never named
    public void handle(HttpExchange exchange) throws IOException {
        try (LogContext.Scope request = RequestContext.begin(exchange.getRequestHeaders())) {
            Map<String, String> form = Http.form(exchange);
            String order = form.get("order");
            double amount = Double.parseDouble(form.get("amount"));
            LogContext.put("order_id", order);
            log.atInfo().field("amount", amount).field("currency", "EUR")
                    .log("authorising %.2f EUR for order %s", amount, order);
            long start = System.nanoTime();
            try {
                String authorisation = bank.authorise(order, amount, form.get("card"),
                        (String) LogContext.get(RequestContext.REQUEST_ID));
                long millis = (System.nanoTime() - start) / 1_000_000;
                log.atInfo().field("duration_ms", millis).field("amount", amount)
                        .log("captured %.2f EUR for order %s (%s)", amount, order, authorisation);
                Http.respond(exchange, 200, authorisation);
            } catch (CardDeclinedException e) {
                log.atError().cause(e).field("decline_code", e.code()).log("payment for order %s declined", order);
                Http.respond(exchange, 402, "card declined: " + e.code());
            }
        }
    }
}
