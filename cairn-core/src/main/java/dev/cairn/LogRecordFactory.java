package dev.cairn;

import dev.cairn.context.Fields;
import java.util.Map;

/**
 * Python's record factory ({@code logging.setLogRecordFactory}): what every {@link Logger}
 * calls to make a record, with the arguments of the full {@link LogRecord} constructor. A
 * replacement usually calls the previous factory and adjusts the record it returns (a
 * redactor returns a masked copy). Must be thread-safe and must not return null.
 */
@FunctionalInterface
public interface LogRecordFactory {
    LogRecord create(String name, int level, CallerLocation location, String msg, Object[] args, Throwable excInfo,
                     String stackInfo, Map<String, Object> extra, Fields fields, Fields context, double created);

    /** The default: a plain {@link LogRecord}. */
    LogRecordFactory DEFAULT = LogRecord::new;
}
