package dev.cairn.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.read.LogEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static LogEntry entry(long time, String level, String message, String source, String exception) {
        return new LogEntry(time, level, null, message, null, null, exception, Map.of(), source, 1);
    }

    @Test
    void timelineMarksGapsDurationsAndTheFirstErrorEvenWhenAServiceHasNoTimes() {
        List<LogEntry> entries = List.of(
                entry(1000, "INFO", "a", "api.log", null),
                entry(1100, "INFO", "b", "db.log", null),
                entry(LogEntry.NO_TIME, "INFO", "untimed", "db.log", null),
                entry(3100, "ERROR", "c", "db.log", null),
                entry(3200, "CRITICAL", "d", "api.log", null));
        Timeline t = Timeline.of("x", entries, 1000);
        assertThat(t.duration()).isEqualTo(2200);
        assertThat(t.steps()).extracting(Timeline.Step::gap).containsExactly(false, false, false, true, false);
        assertThat(t.steps().get(3).delta()).isEqualTo(2000);
        assertThat(t.steps().get(2).offset()).isEqualTo(-1);
        assertThat(t.rootCause().message()).isEqualTo("c");
        assertThat(t.errorChain()).containsExactly("db", "api");
        assertThat(t.services()).extracting(Timeline.ServiceSpan::duration).containsExactly(2200L, 2000L);
    }

    @Test
    void rootExceptionIsTheInnermostJavaCauseOrTheFirstTypeLine() {
        String java = "java.lang.IllegalStateException: save\n\tat a.B.c(B.java:1)\nCaused by: java.io.IOException: disk\n"
                + "\tat a.D.e(D.java:2)\nCaused by: java.net.ConnectException: refused";
        assertThat(Timeline.of("x", List.of(entry(0, "ERROR", "m", "a.log", java)), 1000).rootException())
                .isEqualTo("java.net.ConnectException: refused");
        String python = "Traceback (most recent call last):\n  File \"a.py\", line 1, in f\n    g()\nKeyError: 'k'";
        assertThat(Timeline.of("x", List.of(entry(0, "ERROR", "m", "a.log", python)), 1000).rootException())
                .isEqualTo("KeyError: 'k'");
        assertThat(Timeline.of("x", List.of(entry(0, "INFO", "m", "a.log", null)), 1000).rootCause()).isNull();
    }
}
