package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatSpecTest {
    static Stream<Arguments> cases() {
        return CaseTable.rows("formatspec.jsonl");
    }

    @ParameterizedTest(name = "line {0}: format({2}, {1})")
    @MethodSource("cases")
    void matchesCPythonFormatBuiltin(int line, String spec, Object value, Map<?, ?> expected) {
        String description = "line " + line + ": format(" + PyObjects.repr(value) + ", " + PyObjects.repr(spec) + ")";
        Outcome.check(expected, () -> FormatSpec.format(value, spec), description);
    }

    @Test
    void parsedSpecIsReusableAndAppends() {
        FormatSpec spec = FormatSpec.parse(">8,");
        StringBuilder out = new StringBuilder("[");
        spec.apply(out, 1234567);
        spec.apply(out, 12L);
        assertThat(out.append(']').toString()).isEqualTo("[1,234,567      12]");
        assertThat(spec).hasToString(">8,");
    }

    @Test
    void malformedSpecsFailWhenAppliedAndAreVisibleEarly() {
        FormatSpec spec = FormatSpec.parse(".");
        assertThat(spec.error()).hasMessage("Format specifier missing precision");
        assertThatThrownBy(() -> spec.apply(new StringBuilder(), 1.5))
                .isInstanceOf(PyFormatException.class)
                .hasMessage("Format specifier missing precision");
        assertThat(FormatSpec.parse(",_").error()).hasMessage("Cannot specify both ',' and '_'.");
        assertThat(FormatSpec.parse(">10,.2f").error()).isNull();
    }

    @Test
    void javaTypesFormatAsTheirPythonCounterparts() {
        assertThat(FormatSpec.format('x', "^3")).isEqualTo(" x ");
        assertThat(FormatSpec.format(0.1f, "")).isEqualTo("0.1");
        assertThat(FormatSpec.format((short) 7, "03")).isEqualTo("007");
        assertThatThrownBy(() -> FormatSpec.format(new Object(), "5"))
                .hasMessage("unsupported format string passed to Object.__format__");
    }
}
