package dev.cairn.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.InputOptions;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Malformed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes-first pre-filter of search skips only records that cannot match: with it, search finds what a full parse finds. */
class SearchPrefilterTest {

    @TempDir
    Path temp;

    /** Lines that each read differently from their bytes: escapes, key order, nesting, numbers, duplicates. */
    private static final String LOG = String.join("\n",
            "{\"timestamp\":\"2024-05-01T12:00:00Z\",\"level\":\"ERROR\",\"logger\":\"app.db\",\"user\":\"alice\",\"duration_ms\":900,\"message\":\"plain\"}",
            "{\"level\":\"ERROR\",\"user\":\"al\\u0069ce\",\"logger\":\"app.web\",\"message\":\"escaped user\",\"timestamp\":\"2024-05-01T12:00:01Z\"}",
            "{\"user\":\"alice\",\"message\":\"keys in another order\",\"duration_ms\":\"650\",\"logger\":\"app.db.pool\",\"level\":\"error\",\"timestamp\":\"2024-05-01T12:00:02Z\"}",
            "{\"@timestamp\":\"2024-05-01T12:00:03Z\",\"log\":{\"level\":\"error\",\"logger\":\"app.db\"},\"user\":\"alice\",\"message\":\"nested ECS\"}",
            "{\"timestamp\":\"2024-05-01T12:00:04Z\",\"level\":\"INFO\",\"logger\":\"app.db\",\"user\":\"bob\",\"duration_ms\":501,\"message\":\"slow for bob\"}",
            "{\"timestamp\":\"2024-05-01T12:00:05Z\",\"level\":\"INFO\",\"level\":\"CRITICAL\",\"logger\":\"app\",\"user\":\"alice\",\"message\":\"duplicate key, last wins\"}",
            "{\"timestamp\":\"2024-05-01T12:00:06Z\",\"level\":\"WARNING\",\"logger\":\"app.web\",\"user\":\"alic\\u00e9\",\"message\":\"caf\\u00e9 timeout\"}",
            "{\"timestamp\":\"2024-05-01T12:00:07Z\",\"level\":\"ERROR\",\"logger\":\"app.web\",\"user\":\"carol\",\"message\":\"request failed\"}",
            "Traceback (most recent call last):",
            "  File \"app.py\", line 3, in handler",
            "TimeoutError: upstream timeout for alice",
            "{\"timestamp\":\"2024-05-01T12:00:08Z\",\"level\":\"ERROR\",\"logger\":\"app.web\",\"user\":\"dave\",\"message\":\"x\",\"exception\":{\"type\":\"KeyError\",\"message\":\"timeout\",\"frames\":[\"a.py:1\"]}}",
            "{\"timestamp\":\"2024-05-01T12:00:09Z\",\"level\":3,\"logger\":\"gelf\",\"user\":\"alice\",\"short_message\":\"syslog level 3\",\"duration_ms\":1e3}",
            "{\"timestamp\":\"2024-05-01T12:00:10Z\",\"level\":\"ERROR\",\"logger\":\"app.db\",\"user\":\"alice\",\"duration_ms\":\"n/a\",\"tags\":[\"a\",{\"b\":1}],\"message\":\"array with object\"}",
            "{\"timestamp\":\"2024-05-01T12:00:11Z\",\"level\":\"ERROR\",\"logger\":\"app.db\",\"user\":\"alice\" \"message\":\"missing comma\"}",
            "{\"timestamp\":\"2024-05-01T12:00:12Z\",\"level\":\"ERROR\",\"logger\":\"app.db\",\"user\":\"alice\",\"message\":\"ok\"} trailing",
            "{\"timestamp\":\"2024-05-01T12:00:13Z\",\"level\":\"DEBUG\",\"logger\":\"app.db\",\"user\":\"alice\",\"message\":\"for carol in 950 ms\"}",
            "{\"timestamp\":\"2024-05-01T12:00:14Z\",\"level\":\"INFO\",\"logger\":\"app.db\",\"user\":\"erin\",\"message\":\"second line follows\"}",
            "    at db.Pool.get(Pool.java:10) for carol in 951 ms",
            "{\"timestamp\":\"2024-05-01T12:00:15Z\",\"severity\":\"ERROR\",\"name\":\"app.db\",\"user\":\"alice\",\"msg\":\"other field names\"}",
            "{}",
            "") + "\n";

    private Path log() throws Exception {
        return Files.writeString(temp.resolve("app.jsonl"), LOG);
    }

    private static RecordFilter filter(int minLevel, String logger, String grep, String... where) {
        List<FieldExpression> expressions = new ArrayList<>();
        for (String w : where) {
            expressions.add(FieldExpression.parse(w));
        }
        return new RecordFilter(LogEntry.NO_TIME, LogEntry.NO_TIME, minLevel, logger, List.copyOf(expressions),
                grep == null ? null : Pattern.compile(grep));
    }

    /** The lines of the matching records and the malformed count, with or without the pre-filter. */
    private List<String> matches(RecordFilter filter, boolean prefilter, List<Long> malformed) throws Exception {
        List<String> out = new ArrayList<>();
        InputOptions input = InputOptions.of(List.of(log()), null);
        Malformed bad = input.readSkipping(prefilter ? filter.prefilter() : null, e -> {
            if (filter.test(e)) {
                out.add(e.line() + ": " + e.message() + (e.exception() == null ? "" : " | " + e.exception()));
            }
        });
        malformed.add(bad.count());
        return out;
    }

    private void assertSameWithPrefilter(RecordFilter filter) throws Exception {
        List<Long> counts = new ArrayList<>();
        List<String> full = matches(filter, false, counts);
        assertThat(matches(filter, true, counts)).as(filter.toString()).isEqualTo(full);
    }

    @Test
    void fieldEqualityFindsEscapedAndReorderedAndNestedValues() throws Exception {
        RecordFilter f = filter(40, null, null, "user=alice");
        assertSameWithPrefilter(f);
        List<String> found = matches(f, true, new ArrayList<>());
        assertThat(found).anySatisfy(l -> assertThat(l).contains("escaped user"))
                .anySatisfy(l -> assertThat(l).contains("keys in another order"))
                .anySatisfy(l -> assertThat(l).contains("nested ECS"))
                .anySatisfy(l -> assertThat(l).contains("duplicate key, last wins"))
                .anySatisfy(l -> assertThat(l).contains("syslog level 3"))
                .anySatisfy(l -> assertThat(l).contains("other field names"))
                .noneSatisfy(l -> assertThat(l).contains("missing comma"));
    }

    @Test
    void numericComparisonsAreDecidedAsTheFullParseDecidesThem() throws Exception {
        assertSameWithPrefilter(filter(0, null, null, "duration_ms>500"));
        assertSameWithPrefilter(filter(0, null, null, "duration_ms>=900"));
        assertSameWithPrefilter(filter(0, "app.db", null, "duration_ms<600"));
        assertSameWithPrefilter(filter(0, null, null, "duration_ms!=900"));
        assertThat(matches(filter(0, null, null, "duration_ms>500"), true, new ArrayList<>())).hasSize(4);
    }

    @Test
    void loggerLevelAndOtherFieldsAgree() throws Exception {
        assertSameWithPrefilter(filter(0, "app.db", null));
        assertSameWithPrefilter(filter(50, null, null));
        assertSameWithPrefilter(filter(10, "app", null, "user!=alice"));
        assertSameWithPrefilter(filter(0, null, null, "level=ERROR"));
        assertSameWithPrefilter(filter(0, null, null, "service=app"));
        assertSameWithPrefilter(filter(0, null, null, "user~^al"));
        assertSameWithPrefilter(filter(0, null, null, "tags~b"));
    }

    @Test
    void textConditionsSeeContinuationLinesOfRecordsThatLookUnmatched() throws Exception {
        // "timeout for alice" and "for carol in 951 ms" are only in lines that continue a record.
        assertSameWithPrefilter(filter(0, null, "timeout"));
        assertSameWithPrefilter(filter(0, null, "for carol in 9[0-9]{2} ms"));
        assertSameWithPrefilter(filter(0, null, "TimeoutError"));
        assertSameWithPrefilter(filter(0, null, null, "exception~KeyError"));
        assertSameWithPrefilter(filter(0, null, null, "message~second"));
        assertSameWithPrefilter(filter(40, null, "caf"));
        assertThat(matches(filter(0, null, "for carol in 9[0-9]{2} ms"), true, new ArrayList<>())).hasSize(2);
        assertThat(matches(filter(0, null, "TimeoutError"), true, new ArrayList<>())).singleElement().asString()
                .contains("request failed");
    }

    @Test
    void malformedLinesAreCountedAsWithoutThePrefilterWhenTextIsRead() throws Exception {
        List<Long> counts = new ArrayList<>();
        RecordFilter f = filter(0, null, "nothing matches this");
        matches(f, false, counts);
        matches(f, true, counts);
        assertThat(counts.get(1)).isEqualTo(counts.get(0)).isGreaterThan(0);
    }

    @Test
    void timeRangeIsReadFromTheBytes() throws Exception {
        long since = dev.cairn.cli.read.Timestamps.parse("2024-05-01T12:00:03Z");
        long until = dev.cairn.cli.read.Timestamps.parse("2024-05-01T12:00:10Z");
        RecordFilter f = new RecordFilter(since, until, 0, null, List.of(), null);
        assertSameWithPrefilter(f);
        assertThat(matches(f, true, new ArrayList<>())).hasSize(7);
    }

    @Test
    void skipsPlainLinesThatCannotMatchAndLeavesTheRestToTheParse() {
        var pre = filter(40, null, null, "user=alice").prefilter();
        assertThat(mayMatch(pre, "{\"level\":\"error\",\"user\":\"alice\"}")).isTrue();
        assertThat(mayMatch(pre, "{\"level\":\"info\",\"user\":\"alice\"}")).isFalse();
        assertThat(mayMatch(pre, "{\"level\":\"error\",\"user\":\"bob\"}")).isFalse();
        assertThat(mayMatch(pre, "{\"level\":\"error\",\"user\":\"\\u0061lice\"}")).isTrue();
        assertThat(mayMatch(pre, "{\"level\":\"error\",\"user\":\"alice\" \"x\":1}")).isTrue();
        var text = filter(0, null, "timeout").prefilter();
        assertThat(mayMatch(text, "{\"message\":\"a timeout\"}")).isTrue();
        assertThat(mayMatch(text, "{\"message\":\"fine\"}")).isFalse();
        assertThat(mayMatch(text, "{\"message\":\"fine\",}")).isTrue();
    }

    @Test
    void textOfARegexIsSoughtInMessageAndExceptionValuesOnly() throws Exception {
        var grep = filter(0, null, "timeout").prefilter();
        assertThat(mayMatch(grep, "{\"message\":\"fine\",\"user\":\"timeout\"}")).isFalse();
        assertThat(mayMatch(grep, "{\"timeout\":\"fine\",\"message\":\"ok\"}")).isFalse();
        assertThat(mayMatch(grep, "{\"msg\":\"a timeout\"}")).isTrue();
        assertThat(mayMatch(grep, "{\"message\":\"x\",\"exc_info\":\"TimeoutError: timeout\"}")).isTrue();
        var message = filter(0, null, null, "message~timeout").prefilter();
        assertThat(mayMatch(message, "{\"message\":\"fine\",\"user\":\"timeout\"}")).isFalse();
        assertThat(mayMatch(message, "{\"short_message\":\"timeout\"}")).isTrue();
    }

    private static boolean mayMatch(dev.cairn.cli.read.LinePrefilter pre, String line) {
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return pre.mayMatch(bytes, 0, bytes.length, "app.jsonl", 1);
    }

    @Test
    void requiredTextOfARegexIsConservative() {
        assertThat(RequiredText.of("for carol in 9[0-9]{2} ms")).isEqualTo("for carol in 9");
        assertThat(RequiredText.of("timeout|refused")).isNull();
        assertThat(RequiredText.of("(?i)error")).isNull();
        assertThat(RequiredText.of("colou?r")).isEqualTo("colo");
        assertThat(RequiredText.of("ab*c")).isEqualTo("a");
        assertThat(RequiredText.of("a\\.b{0,3}c")).isEqualTo("a.");
        assertThat(RequiredText.of("\\d+ ms")).isEqualTo(" ms");
        assertThat(RequiredText.of("(abc)?def")).isEqualTo("def");
        assertThat(RequiredText.of("x\\1")).isNull();
        assertThat(RequiredText.of(Pattern.compile("error", Pattern.CASE_INSENSITIVE))).isNull();
    }
}
