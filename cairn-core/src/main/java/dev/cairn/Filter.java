package dev.cairn;

/**
 * Decides whether a record goes on. Any predicate is a filter; {@link #named(String)} gives
 * Python's {@code logging.Filter(name)}, which passes records of one logger subtree. A filter
 * may also enrich the record it is given (as Python's context filters do) and return true.
 */
@FunctionalInterface
public interface Filter {
    /** True to let the record through. Must not throw; an exception is reported by the caller. */
    boolean filter(LogRecord record);

    /** Python's {@code logging.Filter(name)}: records from logger {@code name} and its descendants. */
    static Filter named(String name) {
        return new NameFilter(name);
    }
}
