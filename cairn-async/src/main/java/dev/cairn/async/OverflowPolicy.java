package dev.cairn.async;

import java.util.Locale;

/**
 * What an {@link AsyncHandler} does with a record when its queue is full (or, for
 * {@link #DROP}, filling up). Every record not queued is either written by the caller or
 * counted as dropped; none disappears silently.
 */
public enum OverflowPolicy {
    /** The caller waits (spinning, then yielding, then parking) until the writer makes room. Nothing is lost. */
    BLOCK,
    /**
     * Lowest levels go first: past the drop threshold DEBUG records are refused, then INFO, then
     * WARNING as the queue fills further; when it is completely full any record that does not fit
     * is refused. The caller never waits; each refused record is counted by level and reported.
     */
    DROP,
    /**
     * The caller writes the record itself, through the target's lock, as if there were no queue.
     * Nothing is lost and the caller never waits for the queue, but such a record can appear
     * before older records still queued.
     */
    SYNC;

    /** The policy named in configuration: {@code block}, {@code drop} or {@code sync} (any case). */
    public static OverflowPolicy parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "block": return BLOCK;
            case "drop": return DROP;
            case "sync": case "synchronous": case "caller": return SYNC;
            default:
                throw new IllegalArgumentException("unknown overflow policy '" + name + "' (expected block, drop or sync)");
        }
    }
}
