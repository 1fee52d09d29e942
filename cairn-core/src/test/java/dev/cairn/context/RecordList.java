package dev.cairn.context;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that keeps every record it is given, for tests that inspect records rather than text. */
public final class RecordList extends Handler {
    public final List<LogRecord> records = new CopyOnWriteArrayList<>();

    @Override
    protected void emit(LogRecord record) {
        records.add(record);
    }
}
