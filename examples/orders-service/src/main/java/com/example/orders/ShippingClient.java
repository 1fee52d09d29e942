package com.example.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Books shipments over HTTP with the JDK's HttpClient. It logs through java.util.logging, as
 * code written before the service chose a logging library does; with the JUL bridge installed
 * those records are Cairn's, under the same logger name.
 */
public final class ShippingClient {
    private static final Logger LOG = Logger.getLogger(ShippingClient.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;

    public ShippingClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Asks for a shipment of the order; false (and a logged reason) when it was not booked. */
    public boolean book(long orderId, String sku, int quantity) {
        String body = "{\"order\": " + orderId + ", \"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}";
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                LOG.log(Level.FINE, "shipment for order {0} booked ({1})", new Object[] {orderId, response.statusCode()});
                return true;
            }
            LOG.log(Level.WARNING, "shipping refused order {0}: HTTP {1}", new Object[] {orderId, response.statusCode()});
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "shipping unreachable at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
