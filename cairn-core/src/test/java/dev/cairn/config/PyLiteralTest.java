package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Python literals of fileConfig's args and kwargs, read without evaluating anything. */
class PyLiteralTest {
    @Test
    void readsTheTuplesPythonConfigurationsUse() {
        assertThat(PyLiteral.parse("(sys.stdout,)")).isEqualTo(List.of("ext://sys.stdout"));
        assertThat(PyLiteral.parse("('app.log', 'a', 1024, 3)")).isEqualTo(List.of("app.log", "a", 1024, 3));
        assertThat(PyLiteral.parse("()")).isEqualTo(List.of());
        assertThat(PyLiteral.parse("('x')")).isEqualTo("x");
        assertThat(PyLiteral.parse("'a.log', 'w'")).isEqualTo(List.of("a.log", "w"));
        assertThat(PyLiteral.parse("(('localhost', handlers.SYSLOG_UDP_PORT), handlers.SysLogHandler.LOG_LOCAL0)"))
                .isEqualTo(List.of(List.of("localhost", 514), 16));
        assertThat(PyLiteral.parse("(10, ERROR, None, False)")).isEqualTo(Arrays.asList(10, 40, null, false));
        assertThat(PyLiteral.parse("(os.devnull,)")).isEqualTo(List.of("/dev/null"));
    }

    @Test
    void readsDictsNumbersAndStringsWithPythonSpelling() {
        assertThat(PyLiteral.parse("{'encoding': 'utf-8', \"delay\": True, 'n': -1_000, 'f': 2.5e-1}"))
                .isEqualTo(Map.of("encoding", "utf-8", "delay", true, "n", -1000, "f", 0.25));
        assertThat(PyLiteral.parse("'a' \"b\" r'\\d' 'tab\\there' '\\x41\\u00e9'")).isEqualTo("ab\\dtab\there" + "A\u00e9");
        assertThat(PyLiteral.parse("'''multi\nline'''")).isEqualTo("multi\nline");
        assertThat(PyLiteral.parse("[0x10, 0o10, 0b10, 5000000000]")).isEqualTo(List.of(16, 8, 2, 5000000000L));
        assertThat(PyLiteral.parse("'unknown \\q escape'")).isEqualTo("unknown \\q escape");
    }

    @Test
    void rejectsAnythingThatWouldNeedEvaluation() {
        assertThatThrownBy(() -> PyLiteral.parse("(open('/etc/passwd'),)")).hasMessageContaining("calls are not allowed: open(...)");
        assertThatThrownBy(() -> PyLiteral.parse("(__import__('os').system('x'),)")).hasMessageContaining("calls are not allowed");
        assertThatThrownBy(() -> PyLiteral.parse("(sys.argv,)")).hasMessageContaining("unknown name 'sys.argv'");
        assertThatThrownBy(() -> PyLiteral.parse("(f'{x}',)")).hasMessageContaining("f-strings are not allowed");
        assertThatThrownBy(() -> PyLiteral.parse("('open'")).hasMessageContaining("expected ',' or ')'");
        assertThatThrownBy(() -> PyLiteral.parse("('a' + 'b',)")).hasMessageContaining("character 6");
    }
}
