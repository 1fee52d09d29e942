package dev.cairn.cli.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 text read as UTF-8 bytes, so that {@link LineSource} finds lines and decodes them as it
 * does for any other file (Windows tools write UTF-16 logs). Invalid UTF-16 becomes U+FFFD. Not
 * thread safe.
 */
final class Utf16Input extends InputStream {

    private final Reader reader;
    private final char[] chars = new char[8192];
    private int held;  // a high surrogate kept from the last read, so a pair is never split
    private byte[] bytes = new byte[0];
    private int position;

    Utf16Input(InputStream in, Charset utf16) {
        this.reader = new InputStreamReader(in, utf16);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == bytes.length) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(length, bytes.length - position);
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        return n;
    }

    private boolean refill() throws IOException {
        int n = reader.read(chars, held, chars.length - held);
        if (n < 0) {
            if (held == 0) {
                return false;
            }
            n = 0;
        }
        int total = held + n;
        held = 0;
        if (n > 0 && total > 0 && Character.isHighSurrogate(chars[total - 1])) {
            held = 1;
            total--;
        }
        bytes = new String(chars, 0, total).getBytes(StandardCharsets.UTF_8);
        position = 0;
        if (held == 1) {
            chars[0] = chars[total];
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
