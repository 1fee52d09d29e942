package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Formatter;
import dev.cairn.Logging;
import dev.cairn.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JsonFormatter from dictConfig: '()' and class with options, python-json-logger's names, errors with paths. */
class JsonFormatterConfigTest {
    @AfterEach
    void reset() {
        Logging.reset();
    }

    private static Formatter configured(Map<String, Object> formatter) {
        Logging.dictConfig(Map.of("version", 1,
                "formatters", Map.of("json", formatter),
                "handlers", Map.of("h", Map.of("class", "logging.NullHandler", "formatter", "json")),
                "root", Map.of("handlers", List.of("h"))));
        return Logging.getLogger().getHandlers().get(0).getFormatter();
    }

    @Test
    void factoryKeyTakesTheLayoutOptions() {
        Formatter f = configured(Map.of("()", "dev.cairn.json.JsonFormatter", "preset", "ecs",
                "rename", Map.of("levelname", "severity"), "static", Map.of("service.name", "shop")));
        assertThat(f).isInstanceOf(JsonFormatter.class);
        assertThat(((JsonFormatter) f).getLayout().keys()).startsWith("@timestamp", "severity", "message", "ecs.version")
                .contains("service.name");
    }

    @Test
    void classKeyTakesTheLayoutOptionsToo() {
        Formatter f = configured(Map.of("class", "dev.cairn.json.JsonFormatter", "preset", "logstash",
                "fields", List.of("timestamp", "levelname", "message")));
        assertThat(((JsonFormatter) f).getLayout().keys()).containsExactly("@timestamp", "@version", "message", "level");
    }

    @Test
    void pythonJsonLoggerClassNamesBuildThePythonPreset() {
        Formatter f = configured(Map.of("()", "pythonjsonlogger.jsonlogger.JsonFormatter",
                "format", "%(asctime)s %(levelname)s %(message)s", "rename_fields", Map.of("levelname", "level")));
        assertThat(((JsonFormatter) f).getLayout().keys()).containsExactly("asctime", "level", "message");
        Formatter g = configured(Map.of("class", "pythonjsonlogger.json.JsonFormatter", "timestamp", true));
        assertThat(((JsonFormatter) g).getLayout().keys()).containsExactly("message", "timestamp");
    }

    @Test
    void badOptionsFailWithThePathOfTheFormatter() {
        assertThatThrownBy(() -> configured(Map.of("()", "dev.cairn.json.JsonFormatter", "preset", "nope")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("formatters.json").hasMessageContaining("nope");
        assertThatThrownBy(() -> configured(Map.of("class", "dev.cairn.json.JsonFormatter", "colour", "red")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("formatters.json").hasMessageContaining("colour");
        assertThatThrownBy(() -> new JsonFormatter(Map.of("rename", Map.of("levelname", "message"))))
                .hasMessageContaining("'message'");
    }
}
