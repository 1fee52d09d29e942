package dev.cairn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Python's {@code logging.StreamHandler}: writes each formatted record and a terminator
 * ({@code "\n"}) to a byte stream, encoded with a {@link TextEncoding}, and flushes after each
 * record as Python does. The default stream is {@code System.err} as it is when the handler is
 * made. Failures go to {@link #handleError}; the stream is never closed by this handler.
 */
public class StreamHandler extends Handler {
    /** The current stream; written under {@link #lock}. Subclasses that reopen files replace it. */
    protected OutputStream stream;
    private TextEncoding encoding = TextEncoding.UTF8;
    private volatile String terminator = "\n";

    /** A handler writing to {@code System.err}. */
    public StreamHandler() {
        this(System.err);
    }

    /** A handler writing to {@code stream}; null means {@code System.err}. */
    public StreamHandler(OutputStream stream) {
        this.stream = stream != null ? stream : System.err;
    }

    @Override
    protected void emit(LogRecord record) throws Exception {
        String text = format(record);
        OutputStream out = currentStream();
        if (out == null) return;
        out.write(encoding.encode(text + terminator));
        out.flush();
    }

    /** The stream records go to; subclasses that open lazily or follow System.err override it. */
    protected OutputStream currentStream() throws IOException {
        return stream;
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            OutputStream out = stream;
            if (out != null) out.flush();
        } catch (IOException e) {
            handleError(null, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Python's {@code setStream}: flushes the old stream and switches to {@code newStream};
     * returns the old stream, or null if it was the same.
     */
    public OutputStream setStream(OutputStream newStream) {
        lock.lock();
        try {
            if (newStream == stream) return null;
            OutputStream old = stream;
            flush();
            stream = newStream;
            return old;
        } finally {
            lock.unlock();
        }
    }

    public OutputStream getStream() {
        return stream;
    }

    /** Sets the encoding and errors policy used to turn text into bytes. */
    public void setEncoding(TextEncoding encoding) {
        this.encoding = encoding;
    }

    public TextEncoding getEncoding() {
        return encoding;
    }

    /** The text written after each record, {@code "\n"} by default. */
    public String getTerminator() {
        return terminator;
    }

    public void setTerminator(String terminator) {
        this.terminator = terminator == null ? "" : terminator;
    }

    /**
     * Python's {@code _StderrHandler}, the last resort: always writes to the current
     * {@code System.err}, so it follows redirection, with the bare message as format.
     */
    static final class StandardErrorHandler extends StreamHandler {
        StandardErrorHandler(int level) {
            super(System.err);
            setLevel(level);
        }

        @Override
        protected OutputStream currentStream() {
            PrintStream err = System.err;
            return err;
        }

        @Override
        public void flush() {
            System.err.flush();
        }
    }
}
