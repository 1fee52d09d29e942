package dev.cairn.demo;

import dev.cairn.context.TraceContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small shop of three services, each in its own JVM, that log through Cairn into one folder:
 * a client sends checkouts to the gateway, which calls orders over loopback HTTP, which calls
 * payments, each passing the W3C {@code traceparent} and the request id on. The {@link FaultPlan}
 * drawn from the seed declines some cards, stalls the bank past the orders timeout, takes the
 * orders database down for a stretch, and so on, so the logs hold something to find.
 *
 * <p>Everything the client chooses (users, items, trace ids) comes from the seed, so two runs
 * with the same seed log the same records (times and thread names aside) and the same requests
 * fail the same way. What {@link #run} writes under its folder: {@code logs/} (every service's
 * rotating file and gzipped backups), {@code config/gateway.yaml} (the file the gateway was
 * configured from) and, if a service wrote anything to stderr, {@code NAME.stderr}.
 */
public final class SimulatedSystem {

    /** The services, in the order a request passes through them. */
    public static final List<String> SERVICES = List.of("gateway", "orders", "payments");

    private static final List<String> SKUS = List.of("SKU-1042", "SKU-2210", "SKU-3307", "SKU-4096", "SKU-5150");

    /**
     * What to run.
     *
     * @param seed        where the fault plan and every client choice come from
     * @param requests    how many checkouts the client sends
     * @param concurrency how many it keeps in flight at once
     */
    public record Options(long seed, int requests, int concurrency) {
        /** The demonstration's run: 150 checkouts, four at a time. */
        public static final Options DEFAULT = new Options(42, 150, 4);
    }

    /**
     * One checkout as the client saw it.
     *
     * @param number  1-based position in the run
     * @param id      the request id the client sent ({@code req-0042})
     * @param traceId the W3C trace id the client started
     * @param fault   what the fault plan did to it
     * @param status  the gateway's HTTP status
     * @param millis  how long the client waited
     */
    public record Request(int number, String id, String traceId, FaultPlan.Fault fault, int status, long millis) {
        /** True when the checkout did not succeed. */
        public boolean failed() {
            return status >= 300;
        }
    }

    /**
     * What a run did.
     *
     * @param dir      the folder it wrote under
     * @param logs     the folder of the services' log files
     * @param requests every checkout, in order
     * @param millis   how long the run took, start-up and shut-down included
     */
    public record Run(Path dir, Path logs, List<Request> requests, long millis) {
        /** How many checkouts ended with {@code status}. */
        public long count(int status) {
            return requests.stream().filter(r -> r.status() == status).count();
        }

        /** The first checkout that met {@code fault}, or null. */
        public Request first(FaultPlan.Fault fault) {
            return requests.stream().filter(r -> r.fault() == fault).findFirst().orElse(null);
        }
    }

    private SimulatedSystem() {
    }

    /**
     * Starts the three services, sends the checkouts, stops the services (which closes their
     * files and finishes compressing their backups) and returns what happened.
     *
     * @throws IOException when a service cannot be started or fails (its stderr is in the message)
     */
    public static Run run(Path dir, Options options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Path config = dir.resolve("config").resolve("gateway.yaml");
        Files.createDirectories(config.getParent());
        try (InputStream yaml = SimulatedSystem.class.getResourceAsStream("/gateway-logging.yaml")) {
            Files.copy(yaml, config, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        try {
            for (String name : SERVICES) {
                Map<String, String> env = new LinkedHashMap<>();
                env.put("DEMO_LOG_DIR", logs.toString());
                if (name.equals("gateway")) {
                    env.put("CAIRN_CONFIG", config.toString());
                }
                services.put(name, ServiceProcess.start(name, dir, env, logs.toString(), String.valueOf(options.seed()),
                        String.valueOf(options.requests())));
            }
            for (ServiceProcess s : services.values()) {
                s.awaitReady();
            }
            // Each learns where the next one listens; the last calls nobody.
            services.get("payments").tell("-");
            services.get("orders").tell(services.get("payments").url());
            services.get("gateway").tell(services.get("orders").url());
            for (ServiceProcess s : services.values()) {
                s.expect("serving");
            }
            URI gateway = URI.create(services.get("gateway").url());
            checkHealth(gateway);
            List<Request> requests = drive(gateway, options);
            for (ServiceProcess s : services.values()) {
                s.tell("stop");
            }
            for (ServiceProcess s : services.values()) {
                s.awaitStopped();
            }
            return new Run(dir, logs, requests, (System.nanoTime() - start) / 1_000_000);
        } finally {
            for (ServiceProcess s : services.values()) {
                s.destroy();
            }
        }
    }

    /** Probes the gateway's {@code /health}, which asks orders, which asks payments. */
    private static void checkHealth(URI gateway) throws IOException, InterruptedException {
        HttpResponse<String> health = Http.post(Http.client(), gateway.resolve("/health"), Map.of(), Duration.ofSeconds(60));
        if (health.statusCode() != 200) {
            throw new IOException("the services are not healthy: " + health.statusCode() + " " + health.body());
        }
    }

    /** Sends every checkout to the gateway, {@code concurrency} at a time, and returns them in order. */
    private static List<Request> drive(URI gateway, Options options) throws IOException, InterruptedException {
        FaultPlan plan = FaultPlan.draw(options.seed(), options.requests());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(Math.max(1, options.concurrency()));
        try {
            List<Future<Request>> sent = new ArrayList<>();
            for (int n = 1; n <= options.requests(); n++) {
                int number = n;
                sent.add(clients.submit(() -> checkout(client, gateway.resolve("/checkout"), plan, options.seed(), number)));
            }
            List<Request> done = new ArrayList<>();
            for (Future<Request> f : sent) {
                done.add(f.get());
            }
            return done;
        } catch (ExecutionException e) {
            throw new IOException("a checkout failed in the client: " + e.getCause(), e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    private static Request checkout(HttpClient client, URI uri, FaultPlan plan, long seed, int number)
            throws IOException, InterruptedException {
        Random random = new Random(seed * 7919 + number);
        byte[] ids = new byte[24];
        random.nextBytes(ids);
        String hex = HexFormat.of().formatHex(ids);
        TraceContext trace = TraceContext.of(hex.substring(0, 32), hex.substring(32, 48), 1, null);
        FaultPlan.Fault fault = plan.at(number);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("user", String.format("u%02d", 1 + random.nextInt(24)));
        form.put("sku", SKUS.get(random.nextInt(SKUS.size())));
        form.put("qty", fault == FaultPlan.Fault.BAD_REQUEST ? "0" : String.valueOf(1 + random.nextInt(3)));
        form.put("card", String.format("%04d", random.nextInt(10_000)));
        String id = FaultPlan.requestId(number);
        HttpRequest request = trace.stampOn(HttpRequest.newBuilder(uri))
                .timeout(Duration.ofSeconds(20))
                .header("x-request-id", id)
                .header("authorization", "Bearer demo-token-" + Integer.toHexString(random.nextInt()))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.encode(form)))
                .build();
        long start = System.nanoTime();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        return new Request(number, id, trace.getTraceId(), fault, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
    }
}
