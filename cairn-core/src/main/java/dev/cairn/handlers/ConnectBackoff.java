package dev.cairn.handlers;

/**
 * CPython's {@code SocketHandler.createSocket} schedule: after a failed connection wait
 * {@code retryStart} seconds, then multiply the wait by {@code retryFactor} after each further
 * failure up to {@code retryMax}; a success resets it. The settings are Python's public
 * attributes of the same names. Not thread safe: used under the owning handler's lock.
 */
final class ConnectBackoff {
    private volatile double retryStart = 1.0;
    private volatile double retryMax = 30.0;
    private volatile double retryFactor = 2.0;
    private boolean waiting;
    private double retryPeriod;
    private long retryTime;

    /** Whether a connection may be attempted at {@code now} (System.nanoTime). */
    boolean due(long now) {
        return !waiting || now - retryTime >= 0;
    }

    /** Seconds until the next attempt, 0 when one is due. */
    double secondsLeft(long now) {
        return due(now) ? 0 : (retryTime - now) / 1e9;
    }

    void succeeded() {
        waiting = false;
    }

    void failed(long now) {
        if (!waiting) {
            retryPeriod = retryStart;
        } else {
            retryPeriod = Math.min(retryPeriod * retryFactor, retryMax);
        }
        waiting = true;
        retryTime = now + (long) (retryPeriod * 1e9);
    }

    double getRetryStart() {
        return retryStart;
    }

    void setRetryStart(double seconds) {
        this.retryStart = requireNonNegative(seconds, "retryStart");
    }

    double getRetryMax() {
        return retryMax;
    }

    void setRetryMax(double seconds) {
        this.retryMax = requireNonNegative(seconds, "retryMax");
    }

    double getRetryFactor() {
        return retryFactor;
    }

    void setRetryFactor(double factor) {
        if (!(factor >= 1)) throw new IllegalArgumentException("retryFactor must be at least 1, got " + factor);
        this.retryFactor = factor;
    }

    private static double requireNonNegative(double value, String name) {
        if (!(value >= 0)) throw new IllegalArgumentException(name + " must be a number of seconds >= 0, got " + value);
        return value;
    }
}
