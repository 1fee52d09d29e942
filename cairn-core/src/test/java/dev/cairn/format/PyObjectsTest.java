package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PyObjectsTest {
    static Stream<Arguments> cases() {
        return CaseTable.rows("pyobjects.jsonl");
    }

    @ParameterizedTest(name = "line {0}: {3}")
    @MethodSource("cases")
    void strReprAndAsciiMatchCPython(int line, Object value, String str, String repr, String ascii) {
        assertThat(PyObjects.str(value)).as("str").isEqualTo(str);
        assertThat(PyObjects.repr(value)).as("repr").isEqualTo(repr);
        assertThat(PyObjects.ascii(value)).as("ascii").isEqualTo(ascii);
        StringBuilder out = new StringBuilder("x");
        PyObjects.appendStr(out, value);
        assertThat(out.toString()).isEqualTo("x" + str);
    }

    @Test
    void javaOnlyTypesReadAsTheirPythonCounterparts() {
        assertThat(PyObjects.str('c')).isEqualTo("c");
        assertThat(PyObjects.repr('\'')).isEqualTo("\"'\"");
        assertThat(PyObjects.str((short) -3)).isEqualTo("-3");
        assertThat(PyObjects.str((byte) 7)).isEqualTo("7");
        assertThat(PyObjects.repr(new int[] {1, 2})).isEqualTo("[1, 2]");
        assertThat(PyObjects.repr(new Object[] {"a", null})).isEqualTo("['a', None]");
        assertThat(PyObjects.repr(new char[] {'x'})).isEqualTo("['x']");
        assertThat(PyObjects.str(new StringBuilder("sb"))).isEqualTo("sb");
        assertThat(PyObjects.repr(new StringBuilder("sb"))).isEqualTo("'sb'");
    }

    @Test
    void floatsPrintTheirShortestDecimalAsPythonDoes() {
        // 0.1f widened bit for bit would print 0.10000000149011612; Python never sees a float32.
        assertThat(PyObjects.str(0.1f)).isEqualTo("0.1");
        assertThat(PyObjects.str(1.0E23)).isEqualTo("1e+23");
        assertThat(PyObjects.str(2.0E-3)).isEqualTo("0.002");
        // A value where JDK 17's Double.toString gives 18 digits (2.0E-3 neighbourhood bug JDK-4511638).
        assertThat(PyObjects.str(1.0E-5)).isEqualTo("1e-05");
        assertThat(PyObjects.str(Float.NaN)).isEqualTo("nan");
    }

    @Test
    void exceptionsPrintTheirMessageAndSimpleClassName() {
        assertThat(PyObjects.str(new IllegalStateException("bad"))).isEqualTo("bad");
        assertThat(PyObjects.str(new IllegalStateException())).isEmpty();
        assertThat(PyObjects.repr(new IllegalStateException("it's"))).isEqualTo("IllegalStateException(\"it's\")");
        assertThat(PyObjects.repr(new IllegalStateException())).isEqualTo("IllegalStateException()");
    }

    @Test
    void selfContainingContainersPrintEllipsis() {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add(list);
        assertThat(PyObjects.repr(list)).isEqualTo("[1, [...]]");
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("a", map);
        assertThat(PyObjects.str(map)).isEqualTo("{'a': {...}}");
    }

    @Test
    void typeNamesAreThePythonOnes() {
        assertThat(PyObjects.typeName(null)).isEqualTo("NoneType");
        assertThat(PyObjects.typeName("s")).isEqualTo("str");
        assertThat(PyObjects.typeName(1L)).isEqualTo("int");
        assertThat(PyObjects.typeName(true)).isEqualTo("bool");
        assertThat(PyObjects.typeName(1.0)).isEqualTo("float");
        assertThat(PyObjects.typeName(Map.of())).isEqualTo("dict");
        assertThat(PyObjects.typeName(List.of())).isEqualTo("list");
    }
}
