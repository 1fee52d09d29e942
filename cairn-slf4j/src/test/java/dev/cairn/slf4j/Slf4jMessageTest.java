package dev.cairn.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/** Messages are SLF4J's {@code {}} formatting, exactly, and a trailing throwable is the exception. */
class Slf4jMessageTest {
    private Records records;
    private final Logger logger = LoggerFactory.getLogger("message");

    @BeforeEach
    void attach() {
        records = Records.on("message", Level.DEBUG);
    }

    @AfterEach
    void reset() {
        Logging.reset();
    }

    @Test
    void placeholdersAreFilledAsMessageFormatterFillsThem() {
        Object[][] cases = {
                {"plain"},
                {"one {}", "a"},
                {"two {} and {}", "a", "b"},
                {"too few {} {} {}", "a"},
                {"too many {}", "a", "b", "c"},
                {"escaped \\{} then {}", "a"},
                {"double escaped \\\\{}", "a"},
                {"null {}", null},
                {"arrays {} {} {}", new int[] {1, 2}, new String[] {"x", "y"}, new Object[] {new long[] {3}, "z"}},
                {"100% sure {}", "%s"},
                {"{}{}{}", 1, 2, 3},
                {"brace {not a placeholder} {}", "a"},
        };
        for (Object[] c : cases) {
            String pattern = (String) c[0];
            Object[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            logger.info(pattern, args);
            String expected = MessageFormatter.arrayFormat(pattern, args).getMessage();
            assertThat(records.list.get(records.list.size() - 1).getMessage()).as(pattern).isEqualTo(expected);
        }
        assertThat(records.messages()).contains(
                "one a", "too few a {} {}", "escaped {} then a", "double escaped \\a", "null null",
                "arrays [1, 2] [x, y] [[3], z]", "100% sure %s", "123", "brace {not a placeholder} a");
    }

    @Test
    void aTrailingThrowableIsTheExceptionNotAnArgument() {
        IOException error = new IOException("disk");
        logger.warn("failed {} times", 3, error);
        logger.warn("no placeholder left", error);
        logger.warn("placeholder not filled by it {}", error);
        assertThat(records.messages()).containsExactly(
                "failed 3 times", "no placeholder left", "placeholder not filled by it {}");
        assertThat(records.list).extracting(LogRecord::getExcInfo).containsOnly(error);
    }

    @Test
    void percentSignsAreNotFormattedAgainByCairn() {
        logger.info("%s %d %(name)s {}", "x");
        assertThat(records.only().getMessage()).isEqualTo("%s %d %(name)s x");
        assertThat(records.only().getArgs()).isEmpty();
    }
}
