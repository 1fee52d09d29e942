package dev.cairn.slf4j;

import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler keeping the records a logger receives, with a formatter that asks for the caller. */
final class Records extends Handler {
    final List<LogRecord> list = new CopyOnWriteArrayList<>();

    private Records() {
        setFormatter(new Formatter("%(levelname)s:%(name)s:%(funcName)s:%(message)s"));
    }

    /** Attaches a new collector to {@code loggerName} and sets that logger's level. */
    static Records on(String loggerName, int level) {
        Records records = new Records();
        Logger logger = Logging.getLogger(loggerName);
        logger.setLevel(level);
        logger.addHandler(records);
        return records;
    }

    @Override
    protected void emit(LogRecord record) {
        format(record);
        list.add(record);
    }

    LogRecord only() {
        if (list.size() != 1) throw new AssertionError("expected one record, got " + list);
        return list.get(0);
    }

    List<String> messages() {
        return list.stream().map(LogRecord::getMessage).toList();
    }
}
