package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void stringsBeforeBetweenAndAfterEscapedOnesReadAsWritten() {
        Map<String, String> fields = JsonLine.parse("{\"a\":\"plain\",\"b\":\"tab\\there \\\"q\\\"\",\"c\":\"after\","
                + "\"d\\u0065\":\"\\\\\",\"e\":\"last\"}");

        assertThat(fields).containsExactly(Map.entry("a", "plain"), Map.entry("b", "tab\there \"q\""),
                Map.entry("c", "after"), Map.entry("de", "\\"), Map.entry("e", "last"));
    }

    @Test
    void aBackslashOutsideStringsMakesTheLineMalformed() {
        assertThat(JsonLine.parse("{\"a\":\"x\",\\\"b\":\"y\"}")).isNull();
    }
}
