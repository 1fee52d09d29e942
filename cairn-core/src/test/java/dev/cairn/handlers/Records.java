package dev.cairn.handlers;

import dev.cairn.CallerLocation;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import java.util.Map;

/** Records made directly, with a fixed location and time, for handler tests. */
final class Records {
    static final CallerLocation WEB = CallerLocation.of("app.Web", "login", "Web.java", 12);
    static final double CREATED = 1700000000.042;

    private Records() {
    }

    static LogRecord record(int level, String msg, Object... args) {
        return new LogRecord("app.web", level, WEB, msg, args, null, null, null, CREATED);
    }

    static LogRecord info(String msg) {
        return record(Level.INFO, msg);
    }

    static LogRecord withExtra(String msg, Map<String, Object> extra) {
        return new LogRecord("app.web", Level.WARNING, WEB, msg, null, null, null, extra, CREATED);
    }
}
