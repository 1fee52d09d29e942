package dev.cairn;

/**
 * Python's {@code logging.NullHandler}: accepts records and does nothing, so a library can
 * attach it to its top logger and stay silent (and keep the last resort away) until the
 * application configures logging.
 */
public class NullHandler extends Handler {
    @Override
    public boolean handle(LogRecord record) {
        return true;
    }

    @Override
    protected void emit(LogRecord record) {
    }
}
