package dev.cairn.test;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that keeps the messages it is given: the "real" handlers a capture must leave alone. */
final class ListHandler extends Handler {
    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    protected void emit(LogRecord record) {
        messages.add(record.getMessage());
    }
}
