package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PercentFormatTest {
    static Stream<Arguments> cases() {
        return CaseTable.rows("percent.jsonl");
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("cases")
    void matchesCPythonPercentOperator(int line, String template, Object args, Map<?, ?> expected) {
        String description = "line " + line + ": " + PyObjects.repr(template) + " % " + PyObjects.repr(args);
        if (args instanceof Object[]) {
            Outcome.check(expected, () -> PercentFormat.format(template, (Object[]) args), description);
        } else {
            Outcome.check(expected, () -> PercentFormat.format(template, (Map<?, ?>) args), description);
        }
    }

    @Test
    void booleansAreIntsForNumericConversionsOnly() {
        assertThat(PercentFormat.format("%s %d %r", new Object[] {true, true, false})).isEqualTo("True 1 False");
    }

    @Test
    void appendConversionFormatsOneValue() {
        StringBuilder out = new StringBuilder(">");
        PercentFormat.appendConversion(out, ConversionSpec.parse("%-8.3f"), 3.14159);
        PercentFormat.appendConversion(out, ConversionSpec.plain('d'), 42L);
        PercentFormat.appendConversion(out, ConversionSpec.of(ConversionSpec.ZERO | ConversionSpec.ALTERNATE, 8, -1, 'x'), 255);
        assertThat(out.toString()).isEqualTo(">3.142   420x0000ff");
    }

    @Test
    void conversionSpecRoundTripsItsText() {
        assertThat(ConversionSpec.parse("%-+ #012.5g")).hasToString("%-+ #012.5g");
        assertThat(ConversionSpec.parse("s")).isSameAs(ConversionSpec.plain('s'));
        assertThatThrownBy(() -> ConversionSpec.parse("%5y"))
                .isInstanceOf(PyFormatException.class)
                .hasMessage("unsupported format character 'y' (0x79) at index 2");
        assertThatThrownBy(() -> ConversionSpec.of(0, -1, -1, '%')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsCarryThePythonTypeAndText() {
        assertThatThrownBy(() -> PercentFormat.format("%s %s", new Object[] {1}))
                .isInstanceOfSatisfying(PyFormatException.class,
                        e -> assertThat(e.pythonType()).isEqualTo("TypeError"))
                .hasMessage("not enough arguments for format string");
        PyFormatException missing = PyFormatException.keyError("user");
        assertThat(missing.isKeyError()).isTrue();
        assertThat(missing.asRecordFormatError().getMessage()).isEqualTo("Formatting field not found in record: 'user'");
        assertThat(missing.asRecordFormatError().pythonType()).isEqualTo("ValueError");
    }
}
