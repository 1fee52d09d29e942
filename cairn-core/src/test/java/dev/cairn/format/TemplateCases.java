package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;

/** The record of the template tables and the check shared by the three style tests. */
final class TemplateCases {
    /** The record dict every template row was rendered against in CPython. */
    @SuppressWarnings("unchecked")
    static final Map<String, Object> RECORD = (Map<String, Object>) CaseTable.parse(resource("record.json").trim());

    private TemplateCases() {
    }

    private static String resource(String name) {
        try (InputStream in = TemplateCases.class.getResourceAsStream("/format/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks validation ({@code compile(fmt, true)} against {@code Style(fmt).validate()}) and
     * rendering ({@code compile(fmt, false)} against Python's unvalidated formatting).
     */
    static void check(int line, String fmt, Map<?, ?> validation, Map<?, ?> rendering,
            BiFunction<String, Boolean, RecordTemplate> compiler) {
        String description = "line " + line + ": " + PyObjects.repr(fmt);
        if (validation.containsKey("out")) {
            assertThat(compiler.apply(fmt, true).pattern()).isEqualTo(fmt);
        } else {
            Throwable thrown = catchThrowable(() -> compiler.apply(fmt, true));
            assertThat(thrown).as(description).isInstanceOf(InvalidFormatException.class);
            assertThat(((InvalidFormatException) thrown).pythonMessage()).as(description)
                    .isEqualTo(validation.get("message"));
            assertThat(thrown.getMessage()).as("message quotes the format").containsAnyOf(fmt, PyObjects.repr(fmt));
        }
        RecordTemplate template = compiler.apply(fmt, false);
        Outcome.check(rendering, () -> template.format(FieldLookup.of(RECORD)), description);
    }
}
