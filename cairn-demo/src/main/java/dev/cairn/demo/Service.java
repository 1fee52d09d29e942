package dev.cairn.demo;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.ErrorFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One service of the simulated system, run in its own JVM by {@link SimulatedSystem}:
 * {@code Service NAME LOG_DIR SEED REQUESTS}. It configures its logging, listens on a free
 * loopback port and speaks a line protocol with the driver on stdin/stdout: it prints
 * {@code ready PORT}, reads the base URL of the service it calls ({@code -} for none), prints
 * {@code serving} (the driver then checks {@code /health} through all three, which also warms
 * them up before the traffic), and on {@code stop} (or end of input) finishes the requests in flight, shuts
 * logging down (closing the files and finishing their compression) and prints {@code stopped}.
 */
public final class Service {

    private Service() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String name = args[0];
        Path logDir = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        FaultPlan faults = FaultPlan.draw(seed, Integer.parseInt(args[3]));
        ErrorFingerprint.setAppPackages("dev.cairn.demo.");
        ServiceLogging.configure(name, logDir);
        Logger log = Logging.getLogger(name);

        PrintStream control = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader driver = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ExecutorService workers = Executors.newFixedThreadPool(8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        int port = server.getAddress().getPort();
        control.println("ready " + port);
        String downstream = driver.readLine();
        server.createContext("/", handler(name, downstream, faults, seed));
        server.createContext("/health", new HealthCheck(name, downstream));
        server.start();
        log.info("%s listening on 127.0.0.1:%d (pid %d)%s", name, port, ProcessHandle.current().pid(),
                downstream == null || downstream.equals("-") ? "" : ", calling " + downstream);
        control.println("serving");

        driver.readLine();  // "stop", or null if the driver went away
        server.stop(0);
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        log.info("%s stopped", name);
        Logging.shutdown();
        control.println("stopped");
    }

    private static HttpHandler handler(String name, String downstream, FaultPlan faults, long seed) {
        return switch (name) {
            case "gateway" -> new Gateway(URI.create(downstream));
            case "orders" -> new Orders(URI.create(downstream), faults, seed);
            case "payments" -> new Payments(faults, seed);
            default -> throw new IllegalArgumentException("no service " + name);
        };
    }
}
