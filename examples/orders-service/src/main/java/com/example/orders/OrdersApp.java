package com.example.orders;

import dev.cairn.jul.JulBridge;
import java.net.URI;

/**
 * Starts the service. Logging needs one line: Cairn configures itself from {@code cairn.yaml}
 * on the class path when first used, SLF4J finds Cairn's provider on the class path, and
 * {@link JulBridge#install()} sends java.util.logging to Cairn (or, without code,
 * {@code -Djava.util.logging.manager=dev.cairn.jul.CairnLogManager}).
 */
public final class OrdersApp {
    private OrdersApp() {}

    public static void main(String[] args) throws Exception {
        JulBridge.install();
        URI shipping = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8089/shipments");
        try (OrdersService orders = new OrdersService("jdbc:h2:mem:orders", shipping)) {
            orders.placeOrder("ann", "SKU-1", 2);
        }
    }
}
