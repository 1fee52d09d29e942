package dev.cairn.cli.errors;

import dev.cairn.cli.patterns.MessageMasker;
import dev.cairn.cli.read.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes two errors "the same error", as Sentry decides it: the exception type and the
 * application's own stack frames (function names, not line numbers, not the message). Records
 * without a stack trace are grouped by level and message template instead.
 *
 * @param key    the grouping key
 * @param type   exception type, or the level for records without one
 * @param frames the in-app frames that went into the key, innermost last
 */
public record Fingerprint(String key, String type, List<String> frames) {

    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at\\s+([\\w$.<>/]+)\\(");
    private static final Pattern PYTHON_FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line \\d+, in (\\S+)");
    private static final Pattern JAVA_TYPE = Pattern.compile("^(?:Caused by: )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*)(?::.*)?$");
    private static final Pattern PYTHON_TYPE = Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Fault))(?::.*)?$");
    private static final String[] LIBRARY_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.",
        "scala.", "org.springframework.", "org.apache.", "org.junit.", "picocli.", "io.netty.", "reactor."};

    /** The fingerprint of an error record. */
    public static Fingerprint of(LogEntry entry) {
        String trace = entry.exception();
        if (trace == null || trace.isBlank()) {
            MessageMasker masker = new MessageMasker();
            masker.mask(entry.message());
            String level = entry.level() == null ? "ERROR" : entry.level();
            // The logger is left out: header formats often fold a thread or port into it.
            return new Fingerprint(level + "|" + masker.keyString(), level, List.of());
        }
        String type = null;
        List<String> frames = new ArrayList<>();
        for (String line : trace.split("\n")) {
            Matcher java = JAVA_FRAME.matcher(line);
            Matcher python = PYTHON_FRAME.matcher(line);
            if (java.find()) {
                String frame = java.group(1);
                if (isInApp(frame)) {
                    frames.add(frame);
                }
            } else if (python.find()) {
                String file = python.group(1);
                if (!file.contains("site-packages") && !file.contains("dist-packages") && !file.contains("/lib/python")) {
                    frames.add(file.substring(file.lastIndexOf('/') + 1) + ":" + python.group(2));
                }
            } else {
                String stripped = line.strip();
                Matcher t = JAVA_TYPE.matcher(stripped);
                Matcher p = PYTHON_TYPE.matcher(stripped);
                // Java names the thrown type first; Python names it last, after the frames.
                if (t.matches() && type == null) {
                    type = t.group(1);
                } else if (p.matches() && (type == null || !frames.isEmpty() && !stripped.startsWith("Caused by"))) {
                    type = p.group(1);
                }
            }
        }
        if (type == null) {
            type = "Exception";
        }
        return new Fingerprint(type + "|" + String.join(">", frames), type, List.copyOf(frames));
    }

    private static boolean isInApp(String frame) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (frame.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
