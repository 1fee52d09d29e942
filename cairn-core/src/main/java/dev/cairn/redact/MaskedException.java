package dev.cairn.redact;

/**
 * Stands in for an exception whose message held something a {@link Redactor} masked: it shows
 * the original class name, the masked message, the original stack trace, and masked copies of
 * the causes and suppressed exceptions, so tracebacks, JSON exceptions and error fingerprints
 * read as they would have, without the secret. Never thrown.
 */
public final class MaskedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalClassName;

    MaskedException(String originalClassName, String maskedMessage, StackTraceElement[] trace) {
        super(maskedMessage);
        this.originalClassName = originalClassName;
        setStackTrace(trace);
    }

    /** The class of the exception this one replaces. */
    public String getOriginalClassName() {
        return originalClassName;
    }

    /** The name to show for {@code error}: the original class name for a masked copy. */
    public static String typeName(Throwable error) {
        return error instanceof MaskedException ? ((MaskedException) error).originalClassName : error.getClass().getName();
    }

    @Override
    public String toString() {
        String m = getLocalizedMessage();
        return m != null ? originalClassName + ": " + m : originalClassName;
    }
}
