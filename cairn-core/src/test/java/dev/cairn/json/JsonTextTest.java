package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How values are written: escaping of every string, JSON types for numbers, booleans, maps and lists. */
class JsonTextTest {
    private static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        JsonText.appendValue(sb, v);
        return sb.toString();
    }

    @Test
    void controlCharactersQuotesAndLineSeparatorsAreEscaped() {
        assertThat(json("a\"b\\c\n\r\t\b\f\u0000\u001b[31m\u007f\u0085\u2028\u2029/"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001b[31m\\u007f\\u0085\\u2028\\u2029/\"");
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
        assertThat(json("x\ud800y\udc00z\ud83d\ude00")).isEqualTo("\"x\\ufffdy\\ufffdz\ud83d\ude00\"");
        assertThat(json("\ude00\ud83d")).isEqualTo("\"\\ufffd\\ufffd\"");
        assertThat(json("end\ud800")).isEqualTo("\"end\\ufffd\"");
    }

    @Test
    void nonAsciiTextIsWrittenAsIs() {
        assertThat(json("zürich 東京 ✓")).isEqualTo("\"zürich 東京 ✓\"");
    }

    @Test
    void numbersBooleansAndNullKeepTheirJsonTypes() {
        assertThat(json(12)).isEqualTo("12");
        assertThat(json(-9_000_000_000L)).isEqualTo("-9000000000");
        assertThat(json(0.5)).isEqualTo("0.5");
        assertThat(json(1e16)).isEqualTo("1e+16");
        assertThat(json(2.5f)).isEqualTo("2.5");
        assertThat(json(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
        assertThat(json(true)).isEqualTo("true");
        assertThat(json(null)).isEqualTo("null");
        assertThat(json(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    }

    @Test
    void mapsListsAndArraysNest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, "two", false));
        m.put("b", new int[] {1, 2});
        m.put("c", Map.of("d", 'x'));
        assertThat(json(m)).isEqualTo("{\"a\":[1,\"two\",false],\"b\":[1,2],\"c\":{\"d\":\"x\"}}");
    }

    @Test
    void cyclesAndDeepNestingEndInText() {
        List<Object> self = new java.util.ArrayList<>();
        self.add(self);
        String out = json(self);
        assertThat(out).startsWith("[[[[").endsWith("]]]]");
        assertThat(JsonLogParser.parseValue(out)).isNotNull();
    }

    @Test
    void aThrowingToStringDoesNotFailTheRecord() {
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertThat(json(bad)).contains("toString() failed: java.lang.IllegalStateException");
    }
}
