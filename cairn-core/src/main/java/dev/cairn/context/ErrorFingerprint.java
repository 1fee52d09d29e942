package dev.cairn.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A stable hash of a failure, so the same bug groups together across processes, hosts and
 * releases: SHA-256 over the exception's class name and its in-app stack frames (class and
 * method, never line numbers or messages), then the same for each cause, shown as 16 hex
 * digits. Every ERROR or higher record with an exception carries one
 * ({@code LogRecord.getErrorFingerprint()}, {@code %(error_fingerprint)s}, and the JSON presets).
 *
 * <p>A frame is in-app when its class starts with one of the {@link #setAppPackages app
 * packages}; when none are set, when it is outside the JDK ({@code java.}, {@code javax.},
 * {@code jdk.}, {@code sun.}, {@code com.sun.}) and outside Cairn's own runtime
 * ({@code dev.cairn.}). Generated names (lambda and proxy classes) are normalised, since their
 * numbers change from run to run. Thread-safe.
 */
public final class ErrorFingerprint {
    /** The record attribute name under which text formats find the fingerprint. */
    public static final String ATTRIBUTE = "error_fingerprint";

    private static final List<String> EXCLUDED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.cairn.");
    private static final int MAX_CAUSES = 16;
    private static volatile List<String> appPackages = List.of();

    private ErrorFingerprint() {}

    /**
     * Declares the packages that count as the application's (for example {@code "com.example."});
     * frames elsewhere are ignored. No arguments restores the default (everything but the JDK
     * and Cairn).
     */
    public static void setAppPackages(String... prefixes) {
        appPackages = List.of(prefixes);
    }

    /** The fingerprint of {@code error}: 16 lowercase hex digits. */
    public static String of(Throwable error) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        StringBuilder text = new StringBuilder(256);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> app = appPackages;
        int depth = 0;
        for (Throwable t = error; t != null && seen.add(t) && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            text.append(dev.cairn.redact.MaskedException.typeName(t)).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            int kept = 0;
            for (StackTraceElement frame : frames) {
                if (inApp(frame.getClassName(), app)) {
                    appendFrame(text, frame);
                    kept++;
                }
            }
            // A failure entirely inside libraries still has a place where it happened.
            if (kept == 0 && frames.length > 0) appendFrame(text, frames[0]);
            text.append("--\n");
        }
        byte[] digest = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
        }
        return hex.toString();
    }

    private static boolean inApp(String className, List<String> app) {
        if (!app.isEmpty()) {
            for (String p : app) {
                if (className.startsWith(p)) return true;
            }
            return false;
        }
        for (String p : EXCLUDED) {
            if (className.startsWith(p)) return false;
        }
        return true;
    }

    private static void appendFrame(StringBuilder text, StackTraceElement frame) {
        text.append("  ").append(normalise(frame.getClassName())).append('.').append(frame.getMethodName()).append('\n');
    }

    /** {@code Foo$$Lambda$14/0x0000...} and {@code $Proxy12} carry run-specific numbers. */
    static String normalise(String className) {
        int lambda = className.indexOf("$$Lambda");
        if (lambda >= 0) return className.substring(0, lambda) + "$$Lambda";
        int proxy = className.indexOf("$Proxy");
        if (proxy >= 0) return className.substring(0, proxy) + "$Proxy";
        return className;
    }
}
