package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.function.Supplier;

/** Checks a Java call against a CPython outcome from the case tables: the text, or the error type and message. */
final class Outcome {
    private Outcome() {
    }

    static void check(Map<?, ?> expected, Supplier<String> call, String description) {
        if (expected.containsKey("out")) {
            String actual;
            try {
                actual = call.get();
            } catch (RuntimeException e) {
                throw new AssertionError(description + ": expected " + expected.get("out") + " but threw " + e, e);
            }
            assertThat(actual).as(description).isEqualTo(expected.get("out"));
            return;
        }
        Throwable thrown = catchThrowable(call::get);
        assertThat(thrown).as(description + " should raise " + expected).isInstanceOf(PyFormatException.class);
        PyFormatException error = (PyFormatException) thrown;
        assertThat(error.pythonType() + ": " + error.getMessage()).as(description)
                .isEqualTo(expected.get("error") + ": " + expected.get("message"));
    }
}
