package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8OutputTest {
    @Test
    void appendsStrictUtf8OrNothing() {
        Utf8Output out = new Utf8Output(16);
        assertThat(out.append("café ☕ 😀")).isTrue();
        assertThat(out.append("lone \ud800")).isFalse();
        assertThat(out.appendAscii("naïve", 5)).isFalse();
        assertThat(out.appendAscii("plain text", 5)).isTrue();
        out.repeat(' ', 2);
        out.repeat(' ', -1);
        assertThat(new String(out.array(), 0, out.size(), StandardCharsets.UTF_8)).isEqualTo("café ☕ 😀plain  ");
    }

    @Test
    void growsAsNeededAndKeepsItsStorageUnlessItGrewPastTheLimit() {
        Utf8Output out = new Utf8Output(80 * 1024);
        byte[] initial = out.array();
        out.write(new byte[70 * 1024]);
        out.shrink();
        assertThat(out.array()).as("a batch-sized buffer is kept across flushes").isSameAs(initial);
        out.write(new byte[100 * 1024]);
        assertThat(out.size()).isEqualTo(100 * 1024);
        out.shrink();
        assertThat(out.size()).isZero();
        assertThat(out.array()).hasSize(80 * 1024).isNotSameAs(initial);
    }

    @Test
    void writesNumbersAsTheTextPathDoes() {
        Utf8Output out = new Utf8Output(16);
        for (long v : new long[] {0, 7, -7, 10, 99, 100, 2_147_483_647L, 2_147_483_648L, 1234567890123L,
                999_999_999_999_999_999L, Long.MAX_VALUE, -Long.MAX_VALUE, Long.MIN_VALUE}) {
            out.reset();
            out.appendDecimal(v);
            assertThat(text(out)).isEqualTo(Long.toString(v));
        }
        for (int ms : new int[] {0, 7, 42, 100, 999, 1000, -5}) {
            out.reset();
            out.appendThreeDigits(ms);
            StringBuilder expected = new StringBuilder();
            if (ms < 100) expected.append('0');
            if (ms < 10) expected.append('0');
            assertThat(text(out)).isEqualTo(expected.append(ms).toString());
        }
    }

    private static String text(Utf8Output out) {
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    @Test
    void truncateUndoesAppendsOnly() {
        Utf8Output out = new Utf8Output(16);
        out.append("abc");
        out.truncate(1);
        assertThat(out.size()).isEqualTo(1);
        assertThatThrownBy(() -> out.truncate(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
