package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures inside logging are reported Python's way and never reach the application. */
class HandlerErrorsTest {
    @BeforeEach
    void reset() {
        Logging.reset();
        Logging.raiseExceptions = true;
    }

    private static final class BrokenStream extends OutputStream {
        @Override public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
        @Override public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @Test
    void streamThatThrowsIsReportedAndCounted() {
        StreamHandler handler = new StreamHandler(new BrokenStream());
        Logger logger = Logging.getLogger("e1");
        logger.addHandler(handler);
        String err = Capture.stderrOf(() -> logger.error("disk %s", "full"));
        assertThat(err).startsWith("--- Logging error ---\njava.io.IOException: No space left on device\n");
        assertThat(err).contains("\nCall stack:\n");
        assertThat(err).contains("at dev.cairn.HandlerErrorsTest.lambda$streamThatThrowsIsReportedAndCounted");
        assertThat(err).endsWith("Message: 'disk %s'\nArguments: ('full',)\n");
        assertThat(handler.getErrorCount()).isEqualTo(1);
    }

    @Test
    void badMessageArgumentsAreReportedNotThrown() {
        Capture out = Capture.handler("%(message)s");
        Logger logger = Logging.getLogger("e2");
        logger.addHandler(out);
        String err = Capture.stderrOf(() -> {
            logger.error("%d items", "many");
            logger.error("%s and %s", "one");
            logger.error("no placeholder", 1);
        });
        assertThat(err).contains("%d format: a real number is required, not str");
        assertThat(err).contains("not enough arguments for format string");
        assertThat(err).contains("not all arguments converted during string formatting");
        assertThat(err).contains("Message: 'no placeholder'\nArguments: (1,)\n");
        assertThat(out.text()).isEmpty();
        assertThat(out.getErrorCount()).isEqualTo(3);
    }

    @Test
    void missingFormatFieldIsReportedWithPythonsWording() {
        Capture out = Capture.handler("%(user)s %(message)s");
        Logger logger = Logging.getLogger("e3");
        logger.addHandler(out);
        String err = Capture.stderrOf(() -> logger.error("hello"));
        assertThat(err).contains("Formatting field not found in record: 'user'");
        assertThat(out.getErrorCount()).isEqualTo(1);
    }

    @Test
    void throwingFilterAndToStringDoNotEscape() {
        Logger logger = Logging.getLogger("e4");
        Capture out = Capture.handler("%(message)s");
        out.addFilter(r -> { throw new IllegalStateException("filter bug"); });
        logger.addHandler(out);
        logger.addFilter(r -> true);
        Object hostile = new Object() {
            @Override public String toString() {
                throw new UnsupportedOperationException("toString bug");
            }
        };
        Capture second = Capture.handler("%(message)s");
        logger.addHandler(second);
        String err = Capture.stderrOf(() -> {
            logger.error("x");
            logger.error("%s", hostile);
        });
        assertThat(err).contains("filter bug").contains("toString bug");
        assertThat(out.getErrorCount()).isEqualTo(2);
    }

    @Test
    void raiseExceptionsFalseOnlyCounts() {
        Logging.raiseExceptions = false;
        try {
            StreamHandler handler = new StreamHandler(new BrokenStream());
            Logger logger = Logging.getLogger("e5");
            logger.addHandler(handler);
            String err = Capture.stderrOf(() -> logger.error("lost"));
            assertThat(err).isEmpty();
            assertThat(handler.getErrorCount()).isEqualTo(1);
        } finally {
            Logging.raiseExceptions = true;
        }
    }

    @Test
    void strictEncodingFailureIsReportedAndBackslashReplaceEscapes() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StreamHandler strict = new StreamHandler(bytes);
        strict.setEncoding(TextEncoding.of("ascii", "strict"));
        Logger logger = Logging.getLogger("e6");
        logger.addHandler(strict);
        String err = Capture.stderrOf(() -> logger.error("caf\u00e9"));
        assertThat(err).contains("--- Logging error ---");
        strict.setEncoding(TextEncoding.of("ascii", "backslashreplace"));
        logger.error("caf\u00e9 \ud83d\ude00");
        assertThat(bytes.toString("US-ASCII")).isEqualTo("caf\\xe9 \\U0001f600\n");
    }
}
