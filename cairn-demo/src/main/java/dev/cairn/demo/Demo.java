package dev.cairn.demo;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.LoggerAdapter;
import dev.cairn.Logging;
import dev.cairn.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Cairn's main demonstration: a Python-style dictConfig (the same JSON would configure a Python
 * service) sends a small shop's records to the console and to a file, then shows the hierarchy,
 * lazy %-formatting, extra fields, an exception and what the file received.
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) throws IOException {
        Path logFile = Path.of(args.length > 0 ? args[0] : "demo.log").toAbsolutePath();
        configure(logFile);

        Logger shop = Logging.getLogger("shop");
        Logger payments = Logging.getLogger("shop.payments");
        Logger noisy = Logging.getLogger("thirdparty.http");

        shop.info("shop starting with %d products", 3);
        shop.debug("cache warmed in %.1f ms", 12.345);
        payments.debug("hidden: shop.payments is at INFO");
        payments.info("charged %(user)s %(amount).2f EUR", Map.of("user", "alice", "amount", 42.5));
        noisy.info("hidden: the root logger is at WARNING");
        noisy.warning("retrying %s (attempt %d of %d)", "GET /stock", 2, 3);

        LoggerAdapter request = new LoggerAdapter(shop.getChild("web"), Map.of("request_id", "r-7f3a"));
        request.warning("slow request: %dms", 1234);

        try {
            Integer.parseInt("forty-two");
        } catch (NumberFormatException e) {
            payments.exception(e, "could not parse amount %r", "forty-two");
        }
        shop.log(Level.CRITICAL, "out of %s", "coffee");

        Logging.shutdown();
        System.out.println();
        System.out.println("--- " + logFile + " (only the shop subtree, with caller location) ---");
        System.out.print(Files.readString(logFile, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static void configure(Path logFile) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("/demo-logging.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("$LOGFILE", logFile.toString().replace("\\", "\\\\"));
            Logging.dictConfig((Map<String, Object>) Json.parse(text, "demo-logging.json"));
        }
    }
}
