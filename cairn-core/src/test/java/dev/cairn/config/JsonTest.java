package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesWhatPythonsJsonModuleWould() {
        Object v = Json.parse("{\"a\": [1, -2.5, 1e3, true, false, null, \"x\\n\\u00e9\"], \"big\": 12345678901, "
                + "\"huge\": 123456789012345678901234567890, \"o\": {}}", null);
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1, -2.5, 1000.0, true, false, null, "x\n\u00e9"),
                "big", 12345678901L, "huge", new BigInteger("123456789012345678901234567890"), "o", Map.of()));
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) Json.parse("{\"z\": 1, \"a\": 2}", null)).keySet())).containsExactly("z", "a");
        assertThat(Json.parse("[]", null)).isEqualTo(List.of());
    }

    @Test
    void errorsGiveFileLineAndColumn() {
        ConfigException e = catchThrowableOfType(() -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "app.json"), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo("app.json:3: invalid JSON at line 3, column 7: expected ':'");
        assertThat(e.getLine()).isEqualTo(3);
        assertThat(catchThrowableOfType(() -> Json.parse("[1, 2", null), ConfigException.class))
                .hasMessageContaining("unexpected end of text");
        assertThat(catchThrowableOfType(() -> Json.parse("{\"a\": 01}", null), ConfigException.class))
                .hasMessageContaining("expected ',' or '}' in an object");
        assertThat(catchThrowableOfType(() -> Json.parse("\"tab\there\"", null), ConfigException.class))
                .hasMessageContaining("control character");
        assertThat(catchThrowableOfType(() -> Json.parse("{} x", null), ConfigException.class))
                .hasMessageContaining("unexpected text after the value");
    }
}
