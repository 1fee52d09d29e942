package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BraceTemplateTest {
    static Stream<Arguments> cases() {
        return CaseTable.rows("brace_template.jsonl");
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("cases")
    void validatesAndRendersLikeStrFormatStyle(int line, String fmt, Map<?, ?> validation, Map<?, ?> rendering) {
        TemplateCases.check(line, fmt, validation, rendering, BraceTemplate::compile);
    }

    @Test
    void fieldNamesIncludeFieldsNestedInSpecs() {
        BraceTemplate t = BraceTemplate.compile("{asctime} {message:>{width}} {asctime}");
        assertThat(t.fieldNames()).containsExactly("asctime", "message", "width");
        assertThat(BraceTemplate.compile("{extra[k]}").fieldNames()).containsExactly("extra");
    }

    @Test
    void badFormatIsRejectedWithTheFormatInTheMessage() {
        assertThatThrownBy(() -> BraceTemplate.compile("{message:<<<8}"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessage("invalid format: bad specifier: '<<<8' in format '{message:<<<8}'");
        assertThatThrownBy(() -> BraceTemplate.compile("no fields"))
                .hasMessage("invalid format: no fields in format 'no fields'");
    }

    @Test
    void specIsParsedOnceAndReused() {
        BraceTemplate t = BraceTemplate.compile("{levelname:<8}|{lineno:>5,}");
        assertThat(t.format(FieldLookup.of(Map.of("levelname", "WARNING", "lineno", 12345))))
                .isEqualTo("WARNING |12,345");
        assertThat(t.format(FieldLookup.of(Map.of("levelname", "INFO", "lineno", 7))))
                .isEqualTo("INFO    |    7");
    }
}
