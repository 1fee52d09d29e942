package dev.cairn.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Log files of a small incident for report tests: an API, a worker and a database logging the
 * same requests (request_id and trace_id in JSON, traceparent in python-json-logger's layout,
 * trace_id in logfmt) over half an hour, with a burst of database failures that spread upwards.
 */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static void incident(Path dir) throws IOException {
        Random random = new Random(11);
        StringBuilder api = new StringBuilder();
        StringBuilder worker = new StringBuilder();
        StringBuilder db = new StringBuilder();
        for (int i = 0; i < 900; i++) {
            double t = i * 2.0;
            String trace = String.format("%016x%016x", random.nextLong(), random.nextLong());
            boolean fail = i >= 400 && i < 430 && i % 2 == 0 || i % 97 == 5;
            int duration = 20 + random.nextInt(200);
            api.append(json(t, "INFO", "api.http", "GET /orders/" + i, "req-" + i, trace, -1));
            worker.append(String.format(Locale.ROOT, "{\"asctime\":\"%s\",\"levelname\":\"INFO\",\"name\":\"worker.jobs\","
                    + "\"message\":\"loading order %d\",\"traceparent\":\"00-%s-00f067aa0ba902b7-01\"}%n",
                    time(t + 0.01).replace('T', ' ').replace("Z", "").replace('.', ','), i, trace));
            db.append(String.format(Locale.ROOT, "time=%s level=info msg=\"query orders id=%d\" trace_id=%s%n", time(t + 0.02), i, trace));
            if (fail) {
                db.append(String.format(Locale.ROOT, "time=%s level=error msg=\"connection refused to 10.0.0.%d:5432\" trace_id=%s%n",
                        time(t + 0.6), i % 4, trace));
                worker.append(String.format(Locale.ROOT, "{\"asctime\":\"%s\",\"levelname\":\"ERROR\",\"name\":\"worker.jobs\","
                        + "\"message\":\"order %d failed\",\"traceparent\":\"00-%s-00f067aa0ba902b7-01\",\"exc_info\":"
                        + "\"Traceback (most recent call last):\\n  File \\\"/app/jobs.py\\\", line 42, in load\\n"
                        + "ConnectionError: connection refused\"}%n",
                        time(t + 0.65).replace('T', ' ').replace("Z", "").replace('.', ','), i, trace));
                api.append(json(t + 0.7, "ERROR", "api.http", "GET /orders/" + i + " failed: 502", "req-" + i, trace, -1));
            } else {
                api.append(json(t + 0.05, i % 9 == 0 ? "WARNING" : "INFO", "api.http", "GET /orders/" + i + " 200",
                        "req-" + i, trace, duration));
            }
        }
        Files.writeString(dir.resolve("api.jsonl"), api);
        Files.writeString(dir.resolve("worker.jsonl"), worker);
        Files.writeString(dir.resolve("db.log"), db);
    }

    private static String json(double t, String level, String logger, String message, String request, String trace, int duration) {
        return String.format(Locale.ROOT, "{\"timestamp\":\"%s\",\"level\":\"%s\",\"logger\":\"%s\",\"message\":\"%s\","
                + "\"request_id\":\"%s\",\"trace_id\":\"%s\"%s}%n", time(t), level, logger, message, request, trace,
                duration < 0 ? "" : ",\"duration_ms\":" + duration);
    }

    private static String time(double seconds) {
        long millis = 1_714_564_800_000L + Math.round(seconds * 1000);
        return java.time.Instant.ofEpochMilli(millis).toString().replace("Z", "").concat(millis % 1000 == 0 ? ".000Z" : "Z");
    }
}
