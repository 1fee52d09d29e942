package dev.cairn.cli.read;

import static dev.cairn.cli.read.ReadTestFiles.readAll;
import static dev.cairn.cli.read.ReadTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {

    @TempDir
    Path temp;

    @Test
    void cairnAndPythonJsonLoggerFields() throws Exception {
        Path file = write(temp.resolve("a.jsonl"),
                "{\"timestamp\":\"2024-05-01T12:00:00.250Z\",\"level\":\"ERROR\",\"logger\":\"app.db\","
                        + "\"message\":\"query failed\",\"trace_id\":\"abc\",\"duration_ms\":812,"
                        + "\"exception\":\"Traceback (most recent call last):\\n  File \\\"x.py\\\"\\nValueError: bad\"}\n"
                        + "{\"asctime\":\"2024-05-01 12:00:01,000\",\"levelname\":\"INFO\",\"name\":\"app\",\"message\":\"ok\"}\n");
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries).hasSize(2);
        LogEntry first = entries.get(0);
        assertThat(first.time()).isEqualTo(java.time.Instant.parse("2024-05-01T12:00:00.250Z").toEpochMilli());
        assertThat(first.level()).isEqualTo("ERROR");
        assertThat(first.logger()).isEqualTo("app.db");
        assertThat(first.traceId()).isEqualTo("abc");
        assertThat(first.fields()).containsEntry("duration_ms", "812");
        assertThat(first.exception()).endsWith("ValueError: bad");
        assertThat(entries.get(1).time()).isEqualTo(java.time.Instant.parse("2024-05-01T12:00:01Z").toEpochMilli());
    }

    @Test
    void ecsAndGelfFields() throws Exception {
        Path file = write(temp.resolve("ecs.json"),
                "{\"@timestamp\":\"2024-05-01T12:00:00+02:00\",\"log\":{\"level\":\"warn\",\"logger\":\"svc\"},"
                        + "\"message\":\"slow\",\"trace\":{\"id\":\"t1\"},\"error\":{\"stack_trace\":\"java.lang.X\"}}\n"
                        + "{\"version\":\"1.1\",\"host\":\"h\",\"short_message\":\"gelf hi\",\"timestamp\":1714564800.5,\"level\":3}\n");
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries.get(0).level()).isEqualTo("WARN");
        assertThat(entries.get(0).logger()).isEqualTo("svc");
        assertThat(entries.get(0).traceId()).isEqualTo("t1");
        assertThat(entries.get(0).exception()).isEqualTo("java.lang.X");
        assertThat(entries.get(0).time()).isEqualTo(java.time.Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
        assertThat(entries.get(1).message()).isEqualTo("gelf hi");
        assertThat(entries.get(1).levelNo()).isEqualTo(40);
        assertThat(entries.get(1).time()).isEqualTo(1714564800500L);
    }

    @Test
    void cairnAndOpenTelemetryExceptionObjectsBecomeStackTraceText() throws Exception {
        Path file = write(temp.resolve("x.jsonl"),
                "{\"timestamp\":\"2024-05-01T12:00:00Z\",\"level\":\"ERROR\",\"message\":\"failed\","
                        + "\"exception\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"no\","
                        + "\"frames\":[\"com.acme.A.b(A.java:3)\",\"java.base/java.lang.Thread.run(Thread.java:1)\"],"
                        + "\"cause\":{\"type\":\"java.io.IOException\",\"frames\":[]}}}\n"
                        + "{\"Timestamp\":\"2024-05-01T12:00:01Z\",\"SeverityText\":\"ERROR\",\"Body\":\"x\","
                        + "\"exception.type\":\"KeyError\",\"exception.stacktrace\":\"Traceback ...\\nKeyError: 'k'\"}\n");
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries.get(0).exception()).isEqualTo("java.lang.IllegalStateException: no\n\tat com.acme.A.b(A.java:3)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:1)\nCaused by: java.io.IOException");
        assertThat(entries.get(1).exception()).isEqualTo("Traceback ...\nKeyError: 'k'");
    }

    @Test
    void logfmt() throws Exception {
        Path file = write(temp.resolve("l.log"),
                "time=2024-05-01T12:00:00Z level=info msg=\"user logged in\" user=alice duration_ms=12\n"
                        + "time=2024-05-01T12:00:02Z level=error msg=\"boom\" user=bob\n");
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries).extracting(LogEntry::message).containsExactly("user logged in", "boom");
        assertThat(entries.get(0).fields()).containsEntry("user", "alice");
    }

    @Test
    void pythonDefaultFormatWithTraceback() throws Exception {
        Path file = write(temp.resolve("py.log"), """
                INFO:app.web:started
                ERROR:app.db:query failed
                Traceback (most recent call last):
                  File "db.py", line 3, in run
                    cursor.execute(q)
                ValueError: bad value
                WARNING:app:slow
                """);
        Malformed malformed = new Malformed();
        List<LogEntry> entries = readAll(malformed, file);
        assertThat(entries).extracting(LogEntry::level).containsExactly("INFO", "ERROR", "WARNING");
        assertThat(entries.get(1).logger()).isEqualTo("app.db");
        assertThat(entries.get(1).exception()).startsWith("Traceback").endsWith("ValueError: bad value");
        assertThat(malformed.count()).isZero();
    }

    @Test
    void givenPythonFormatStringIsParsedTheSameWay() throws Exception {
        PatternFormat format = PatternFormat.of("%(asctime)s | %(levelname)-8s | %(name)s | %(message)s");
        LogEntry e = format.parse("2024-05-01 12:00:00,123 | WARNING  | app.x | disk 91% full", "f", 1);
        assertThat(e.level()).isEqualTo("WARNING");
        assertThat(e.logger()).isEqualTo("app.x");
        assertThat(e.message()).isEqualTo("disk 91% full");
        assertThat(e.time()).isEqualTo(java.time.Instant.parse("2024-05-01T12:00:00.123Z").toEpochMilli());
    }

    @Test
    void loghubHeaderNotation() {
        PatternFormat format = PatternFormat.of("<Date> <Time> <Pid> <Level> <Component>: <Content>");
        LogEntry e = format.parse("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating", "f", 1);
        assertThat(e.level()).isEqualTo("INFO");
        assertThat(e.logger()).isEqualTo("dfs.DataNode$PacketResponder");
        assertThat(e.message()).isEqualTo("PacketResponder 1 terminating");
        assertThat(e.fields()).containsEntry("Pid", "148");
        assertThat(e.time()).isEqualTo(java.time.Instant.parse("2008-11-09T20:36:15Z").toEpochMilli());
        PatternFormat apache = PatternFormat.of("\\[<Time>\\] \\[<Level>\\] <Content>");
        LogEntry a = apache.parse("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/x", "f", 1);
        assertThat(a.level()).isEqualTo("NOTICE");
        assertThat(a.time()).isEqualTo(java.time.Instant.parse("2005-12-04T04:47:44Z").toEpochMilli());
    }

    @Test
    void unknownTextFallsBackToPlainLines() throws Exception {
        Path file = write(temp.resolve("p.log"), "2024-05-01 12:00:00 something ERROR happened\nfree text\n");
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).level()).isEqualTo("ERROR");
        assertThat(entries.get(0).time()).isNotEqualTo(LogEntry.NO_TIME);
    }
}
