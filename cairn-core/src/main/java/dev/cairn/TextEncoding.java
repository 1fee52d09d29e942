package dev.cairn;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A charset plus Python's {@code errors=} policy for characters it cannot encode:
 * {@code strict} (fail, so the handler reports the record), {@code ignore}, {@code replace}
 * ({@code ?}) and {@code backslashreplace} ({@code \ud800}, {@code \xe9}). Immutable; encoding
 * makes a new encoder per call only on the rare path where the text does not encode cleanly.
 */
public final class TextEncoding {
    /** UTF-8, strict. */
    public static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, "strict");

    private final Charset charset;
    private final String errors;

    private TextEncoding(Charset charset, String errors) {
        this.charset = charset;
        this.errors = errors;
    }

    /**
     * The encoding named as in Python ({@code "utf-8"}, {@code "latin-1"}, {@code "ascii"}; null
     * means UTF-8) with an errors policy (null means strict).
     *
     * @throws IllegalArgumentException naming the unknown encoding or errors policy
     */
    public static TextEncoding of(String encoding, String errors) {
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(pythonAlias(encoding));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding: " + encoding);
        }
        String policy = errors == null ? "strict" : errors;
        switch (policy) {
            case "strict": case "ignore": case "replace": case "backslashreplace":
                break;
            default:
                throw new IllegalArgumentException("unknown error handler name '" + policy
                        + "' (expected strict, ignore, replace or backslashreplace)");
        }
        return new TextEncoding(charset, policy);
    }

    private static String pythonAlias(String encoding) {
        switch (encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "latin-1": case "latin1": case "l1": return "ISO-8859-1";
            case "utf8": return "UTF-8";
            default: return encoding;
        }
    }

    public Charset charset() {
        return charset;
    }

    public String errors() {
        return errors;
    }

    /**
     * The bytes of {@code text}.
     *
     * @throws CharacterCodingException under {@code strict} when a character cannot be encoded
     */
    public byte[] encode(String text) throws CharacterCodingException {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            if (errors.equals("strict")) throw e;
            return encodeLeniently(text);
        }
    }

    private byte[] encodeLeniently(String text) {
        CharsetEncoder encoder = charset.newEncoder();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String unit = text.substring(i, i + n);
            boolean pairedOrPlain = !(n == 1 && Character.isSurrogate(text.charAt(i)));
            if (pairedOrPlain && encoder.canEncode(unit)) {
                byte[] b = unit.getBytes(charset);
                out.write(b, 0, b.length);
            } else if (errors.equals("replace")) {
                out.write('?');
            } else if (errors.equals("backslashreplace")) {
                byte[] b = escape(cp).getBytes(StandardCharsets.US_ASCII);
                out.write(b, 0, b.length);
            }
            i += n;
        }
        return out.toByteArray();
    }

    /** Python's backslashreplace spelling of one code point. */
    private static String escape(int cp) {
        if (cp <= 0xff) return String.format("\\x%02x", cp);
        if (cp <= 0xffff) return String.format("\\u%04x", cp);
        return String.format("\\U%08x", cp);
    }
}
