package dev.cairn;

import dev.cairn.format.ConversionSpec;
import dev.cairn.format.PercentTemplate;
import dev.cairn.format.Utf8Output;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Formatter}'s {@code %}-format compiled a step further, into the UTF-8 bytes it
 * writes: literals encoded once, and per conversion a writer that takes its value straight from
 * the record (the message, the default time, the level name, the logger name...) into a
 * {@link Utf8Output}, with no name lookup, String or char buffer per record. Conversions it has
 * no writer for go through the template's own rendering, into the output's scratch text. The
 * bytes are exactly those of {@code formatter.format(record)} encoded as strict UTF-8; when a
 * record's text would not encode (a lone surrogate) it writes nothing and says so, and the
 * caller takes the general path. Immutable; used by any number of threads.
 */
final class Utf8Layout {
    // What each conversion writes; one switch instead of a writer object per conversion, so
    // the JIT sees a single call site it can inline (interface writers measured slower).
    private static final int GENERAL = 0;
    private static final int MESSAGE = 1;
    private static final int ASCTIME = 2;
    private static final int LEVELNAME = 3;
    private static final int NAME = 4;
    private static final int THREAD_NAME = 5;
    private static final int LEVELNO = 6;
    private static final int THREAD = 7;
    private static final int PROCESS = 8;

    private final Formatter formatter;
    private final PercentTemplate template;
    private final byte[][] literals;
    private final int[] kinds;
    /** Per conversion: the width, precision and {@code -} flag of text attributes. */
    private final int[] widths;
    private final int[] precisions;
    private final boolean[] lefts;

    private Utf8Layout(Formatter formatter, PercentTemplate template, byte[][] literals, int[] kinds) {
        this.formatter = formatter;
        this.template = template;
        this.literals = literals;
        this.kinds = kinds;
        int n = kinds.length;
        this.widths = new int[n];
        this.precisions = new int[n];
        this.lefts = new boolean[n];
        for (int i = 0; i < n; i++) {
            ConversionSpec spec = template.conversionSpec(i);
            widths[i] = spec.width();
            precisions[i] = spec.precision();
            lefts[i] = spec.has(ConversionSpec.LEFT);
        }
    }

    /** The layout of {@code formatter}'s template, or null when the template cannot be written this way. */
    static Utf8Layout compile(Formatter formatter, PercentTemplate template) {
        if (template.failsWhenRendered()) return null;
        int n = template.conversionCount();
        byte[][] literals = new byte[n + 1][];
        for (int i = 0; i <= n; i++) {
            String literal = template.literal(i);
            // A lone surrogate in the format itself: leave the whole format to the general path.
            if (literal.chars().anyMatch(c -> Character.isSurrogate((char) c))) return null;
            literals[i] = literal.getBytes(StandardCharsets.UTF_8);
        }
        int[] kinds = new int[n];
        for (int i = 0; i < n; i++) kinds[i] = kind(template.conversionField(i), template.conversionSpec(i));
        return new Utf8Layout(formatter, template, literals, kinds);
    }

    private static int kind(String name, ConversionSpec spec) {
        boolean plain = spec.flags() == 0 && spec.width() == ConversionSpec.NONE && spec.precision() == ConversionSpec.NONE;
        char c = spec.conversion();
        if (c == 's') {
            switch (name) {
                case "message": return plain ? MESSAGE : GENERAL;
                case "asctime": return plain ? ASCTIME : GENERAL;
                case "levelname": return LEVELNAME;
                case "name": return NAME;
                case "threadName": return THREAD_NAME;
                default: return GENERAL;
            }
        }
        if ((c == 'd' || c == 'i') && plain) {
            switch (name) {
                case "levelno": return LEVELNO;
                case "thread": return THREAD;
                case "process": return PROCESS;
                default: return GENERAL;
            }
        }
        return GENERAL;
    }

    /**
     * Appends the record's formatted text (without exception or stack text) and returns true, or
     * returns false (or throws) having appended nothing. The message must be computed and asctime set, as
     * {@link Formatter#format(LogRecord, StringBuilder)} does before rendering.
     *
     * @throws dev.cairn.format.PyFormatException where rendering the template raises
     */
    boolean write(LogRecord record, Utf8Output out) {
        int mark = out.size();
        int[] kinds = this.kinds;
        try {
            for (int i = 0; i < kinds.length; i++) {
                out.write(literals[i]);
                if (!conversion(kinds[i], i, record, out)) {
                    out.truncate(mark);
                    return false;
                }
            }
        } catch (RuntimeException | Error e) {
            // A field that fails half-way (KeyError) must not leave part of a line in a buffer
            // that gathers several records (the asynchronous writer's batch).
            out.truncate(mark);
            throw e;
        }
        out.write(literals[kinds.length]);
        return true;
    }

    /** Writes conversion {@code i}; false when its value does not encode as strict UTF-8. */
    private boolean conversion(int kind, int i, LogRecord record, Utf8Output out) {
        switch (kind) {
            case MESSAGE:
                // Only once computed, as Python's record.message: else the general path's KeyError.
                return record.hasMessage() ? out.append(record.getMessageText()) : general(i, record, out);
            case ASCTIME:
                return formatter.getDatefmt() == null && record.asctimeDeferredTo(formatter)
                        ? formatter.writeDefaultTime(record, out) : general(i, record, out);
            case LEVELNAME: return text(record.getLevelname(), i, record, out);
            case NAME: return text(record.getName(), i, record, out);
            case THREAD_NAME: return text(record.getThreadName(), i, record, out);
            case LEVELNO:
                out.appendDecimal(record.getLevelno());
                return true;
            case THREAD:
                out.appendDecimal(record.getThread());
                return true;
            case PROCESS:
                out.appendDecimal(record.getProcess());
                return true;
            default:
                return general(i, record, out);
        }
    }

    /**
     * A text attribute with Python's {@code %s} rules: cut to the precision, then padded with
     * spaces to the width (on the right with the {@code -} flag; other flags do nothing for
     * {@code %s}). Widths count code points, which for ASCII text are chars; other text goes the
     * general way.
     */
    private boolean text(String value, int i, LogRecord record, Utf8Output out) {
        if (value == null) return general(i, record, out);
        int precision = precisions[i];
        int length = precision == ConversionSpec.NONE ? value.length() : Math.min(precision, value.length());
        int pad = widths[i] - length;
        boolean left = lefts[i];
        if (!left) out.repeat(' ', pad);
        if (!out.appendAscii(value, length)) {
            if (!left && pad > 0) out.truncate(out.size() - pad);
            return general(i, record, out);
        }
        if (left) out.repeat(' ', pad);
        return true;
    }

    /** Any other conversion: rendered by the template into the scratch text, then encoded. */
    private boolean general(int i, LogRecord record, Utf8Output out) {
        StringBuilder text = out.scratch();
        text.setLength(0);
        formatter.appendField(template, i, record, text);
        return out.append(text);
    }
}
