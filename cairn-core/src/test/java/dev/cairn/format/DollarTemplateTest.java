package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DollarTemplateTest {
    static Stream<Arguments> cases() {
        return CaseTable.rows("dollar_template.jsonl");
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("cases")
    void validatesAndRendersLikeStringTemplateStyle(int line, String fmt, Map<?, ?> validation, Map<?, ?> rendering) {
        TemplateCases.check(line, fmt, validation, rendering, DollarTemplate::compile);
    }

    @Test
    void fieldNamesCoverBothPlaceholderForms() {
        DollarTemplate t = DollarTemplate.compile("$asctime ${levelname} $asctime $$notafield");
        assertThat(t.fieldNames()).containsExactly("asctime", "levelname");
    }

    @Test
    void badFormatIsRejectedWithTheFormatInTheMessage() {
        assertThatThrownBy(() -> DollarTemplate.compile("cost: $5 for $message"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessage("invalid format: bare '$' not allowed in format 'cost: $5 for $message'");
    }

    @Test
    void valuesPrintAsPythonStr() {
        assertThat(DollarTemplate.compile("$a|$b|$c").format(FieldLookup.of(Map.of("a", 1.0, "b", true, "c", "x"))))
                .isEqualTo("1.0|True|x");
    }
}
