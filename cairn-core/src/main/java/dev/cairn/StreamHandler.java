package dev.cairn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.cairn.format.Utf8Output;

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
    /** emit's reused buffer (under the lock). */
    private final Utf8Output bytes = new Utf8Output(1024);
    private static final Formatter DEFAULT_TEXT = new Formatter();

    /**
     * Handler classes whose {@link #emit} may take the garbage-free path: those that do not
     * override {@link Handler#format}, so the formatter alone decides the text.
     */
    private static final ClassValue<Boolean> PLAIN_FORMAT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("format", LogRecord.class).getDeclaringClass() == Handler.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /** Exactly Python's StreamHandler and FileHandler (and the last resort) let go of records in emit. */
    @Override
    public boolean retainsRecords() {
        Class<?> c = getClass();
        return !(c == StreamHandler.class || c == FileHandler.class || c == StandardErrorHandler.class);
    }

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
        if (encoding.charset() == StandardCharsets.UTF_8 && PLAIN_FORMAT.get(getClass())) {
            Formatter f = getFormatter();
            if (f == null || f.formatsIntoBuilder()) {
                emitUtf8(record, f);
                return;
            }
        }
        String text = format(record);
        OutputStream out = currentStream();
        if (out == null) return;
        out.write(encoding.encode(text + terminator));
        out.flush();
    }

    /**
     * The garbage-free form of {@link #emit}: the formatter writes the record's UTF-8 bytes into
     * this handler's reused buffer (or, when it cannot, formats into the buffer's text and the
     * text is encoded there), and the bytes are written, making no String on the way. Runs under
     * {@link #lock}, which guards the buffer. The bytes are the same as emit's; text with a lone
     * surrogate, which strict UTF-8 refuses, goes through the encoding's policy.
     */
    private void emitUtf8(LogRecord record, Formatter f) throws Exception {
        Formatter formatter = f != null ? f : DEFAULT_TEXT;
        Utf8Output buffer = bytes;
        buffer.reset();
        String end = terminator;
        boolean encoded = formatter.formatUtf8(record, buffer) && buffer.append(end);
        StringBuilder text = null;
        if (!encoded) {
            buffer.reset();
            text = buffer.scratch();
            text.setLength(0);
            formatter.format(record, text);
            text.append(end);
        }
        OutputStream out = currentStream();
        if (out == null) return;
        if (encoded || buffer.append(text)) out.write(buffer.array(), 0, buffer.size());
        else out.write(encoding.encode(text.toString()));
        out.flush();
        // One huge record must not keep its buffers for the handler's life.
        buffer.shrink();
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
