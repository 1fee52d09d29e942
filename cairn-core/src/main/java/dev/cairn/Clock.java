package dev.cairn;

/**
 * Where record times come from: seconds since the epoch as a double, like Python's
 * {@code time.time()}. Tests replace it with {@link Logging#setClock}; implementations must be
 * thread-safe and cheap, since every record reads it once.
 */
@FunctionalInterface
public interface Clock {
    /** The current time in seconds since 1970-01-01T00:00:00Z. */
    double time();

    /** The system clock, with the JDK's best sub-millisecond precision. */
    Clock SYSTEM = () -> {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    };

    /** A clock stopped at {@code seconds}, for tests. */
    static Clock fixed(double seconds) {
        return () -> seconds;
    }
}
