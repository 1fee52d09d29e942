package dev.cairn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What loggers and handlers share in Python: a list of filters, all of which must pass.
 * The list is copy-on-write, so filtering takes no lock.
 */
public abstract class Filterer {
    private final List<Filter> filters = new CopyOnWriteArrayList<>();

    /** Adds {@code filter} unless it is already there (by identity), as Python's {@code addFilter}. */
    public void addFilter(Filter filter) {
        if (filter == null) throw new IllegalArgumentException("filter must not be null");
        if (!filters.contains(filter)) filters.add(filter);
        // Loggers cache whether their path has filters (see Handler.retainsRecords).
        Logging.configurationChanged();
    }

    public void removeFilter(Filter filter) {
        filters.remove(filter);
        Logging.configurationChanged();
    }

    /** The filters in order; a read-only snapshot. */
    public List<Filter> getFilters() {
        return List.copyOf(filters);
    }

    /** True if every filter passes the record; stops at the first that rejects it. */
    public boolean filter(LogRecord record) {
        // No iterator object in the common case of no filters (the async writer asks per record).
        if (filters.isEmpty()) return true;
        for (Filter f : filters) {
            if (!f.filter(record)) return false;
        }
        return true;
    }

    /** Whether any filter is installed; lets hot paths skip the loop. */
    protected boolean hasFilters() {
        return !filters.isEmpty();
    }

    void clearFilters() {
        filters.clear();
        Logging.configurationChanged();
    }
}
