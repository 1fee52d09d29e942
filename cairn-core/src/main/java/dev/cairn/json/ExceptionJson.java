package dev.cairn.json;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An exception as a JSON object: {@code type}, {@code message} (left out when null),
 * {@code frames} (each frame's {@code StackTraceElement} text, at most {@code maxFrames},
 * {@code frames_omitted} counting the rest), {@code frames_common} (frames shared with the
 * enclosing trace, left out as Java's {@code ... n more} does), {@code cause} and
 * {@code suppressed}. A cause cycle stops at the first repeat. Stateless.
 */
final class ExceptionJson {
    private static final int MAX_NESTING = 16;

    private ExceptionJson() {}

    static void append(StringBuilder out, Throwable error, int maxFrames) {
        append(out, error, null, maxFrames, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static void append(StringBuilder out, Throwable t, StackTraceElement[] enclosing, int maxFrames,
                               Set<Throwable> seen, int depth) {
        seen.add(t);
        out.append("{\"type\":");
        JsonText.appendString(out, dev.cairn.redact.MaskedException.typeName(t));
        String message = safeMessage(t);
        if (message != null) {
            out.append(",\"message\":");
            JsonText.appendString(out, message);
        }
        StackTraceElement[] frames = t.getStackTrace();
        int common = enclosing == null ? 0 : commonFrames(frames, enclosing);
        int own = frames.length - common;
        int shown = Math.min(own, maxFrames);
        out.append(",\"frames\":[");
        for (int i = 0; i < shown; i++) {
            if (i > 0) out.append(',');
            JsonText.appendString(out, frames[i].toString());
        }
        out.append(']');
        if (shown < own) out.append(",\"frames_omitted\":").append(own - shown);
        if (common > 0) out.append(",\"frames_common\":").append(common);
        Throwable cause = t.getCause();
        if (cause != null && !seen.contains(cause) && depth < MAX_NESTING) {
            out.append(",\"cause\":");
            append(out, cause, frames, maxFrames, seen, depth + 1);
        }
        Throwable[] suppressed = t.getSuppressed();
        if (suppressed.length > 0 && depth < MAX_NESTING) {
            out.append(",\"suppressed\":[");
            boolean first = true;
            for (Throwable s : suppressed) {
                if (seen.contains(s)) continue;
                if (!first) out.append(',');
                first = false;
                append(out, s, frames, maxFrames, seen, depth + 1);
            }
            out.append(']');
        }
        out.append('}');
    }

    /** How many frames at the bottom of {@code frames} equal those of the enclosing trace (Throwable.printEnclosedStackTrace). */
    private static int commonFrames(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return frames.length - 1 - m;
    }

    static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException e) {
            return "<getMessage() failed: " + e.getClass().getName() + ">";
        }
    }
}
