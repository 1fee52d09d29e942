package dev.cairn.text;

import dev.cairn.text.SafeText.Multiline;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A stack trace in {@code Throwable.printStackTrace}'s layout (causes, suppressed exceptions,
 * {@code ... n more}), but with each exception's text escaped by {@link SafeText}, so a message
 * holding a line feed cannot add a line that looks like a record. Stateless.
 */
final class TraceText {
    private TraceText() {}

    static void append(StringBuilder out, Throwable error, Multiline mode, String indent) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(error);
        SafeText.append(out, describe(error), mode, indent);
        StackTraceElement[] trace = error.getStackTrace();
        for (StackTraceElement frame : trace) frame(out, "\tat ", frame, mode, indent);
        for (Throwable s : error.getSuppressed()) enclosed(out, s, trace, "Suppressed: ", "\t", seen, mode, indent);
        Throwable cause = error.getCause();
        if (cause != null) enclosed(out, cause, trace, "Caused by: ", "", seen, mode, indent);
    }

    /** Throwable.printEnclosedStackTrace. */
    private static void enclosed(StringBuilder out, Throwable t, StackTraceElement[] enclosing, String caption,
                                 String prefix, Set<Throwable> seen, Multiline mode, String indent) {
        SafeText.lineBreak(out, mode, indent);
        if (!seen.add(t)) {
            out.append(prefix).append(caption).append("[CIRCULAR REFERENCE: ");
            SafeText.append(out, describe(t), mode, indent);
            out.append(']');
            return;
        }
        StackTraceElement[] trace = t.getStackTrace();
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        out.append(prefix).append(caption);
        SafeText.append(out, describe(t), mode, indent);
        for (int i = 0; i <= m; i++) frame(out, prefix + "\tat ", trace[i], mode, indent);
        if (inCommon != 0) {
            SafeText.lineBreak(out, mode, indent);
            out.append(prefix).append("\t... ").append(inCommon).append(" more");
        }
        for (Throwable s : t.getSuppressed()) enclosed(out, s, trace, "Suppressed: ", prefix + "\t", seen, mode, indent);
        Throwable cause = t.getCause();
        if (cause != null) enclosed(out, cause, trace, "Caused by: ", prefix, seen, mode, indent);
    }

    private static void frame(StringBuilder out, String lead, StackTraceElement frame, Multiline mode, String indent) {
        SafeText.lineBreak(out, mode, indent);
        out.append(lead);
        SafeText.append(out, frame.toString(), mode, indent);
    }

    private static String describe(Throwable t) {
        try {
            return t.toString();
        } catch (RuntimeException e) {
            return t.getClass().getName() + " (toString() failed: " + e.getClass().getName() + ")";
        }
    }
}
