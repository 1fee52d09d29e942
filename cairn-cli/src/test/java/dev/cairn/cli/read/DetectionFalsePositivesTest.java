package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that is not in a log format, or not in one format, is not taken for one. */
class DetectionFalsePositivesTest {

    private static LineFormat detect(String text) {
        return new FormatDetector().detect(text.lines().toList());
    }

    @Test
    void proseIsPlainText() {
        LineFormat format = detect("""
                It was a bright cold day in April, and the clocks were striking thirteen.
                Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind,
                slipped quickly through the glass doors of Victory Mansions, though not quickly enough
                to prevent a swirl of gritty dust from entering along with him.
                Error: none of this is a log. INFO: neither is this, nor key=value pairs in a sentence.
                Dec 10 was a cold day too, and 12:00:00 was noon.
                """);
        assertThat(format.name()).isEqualTo("plain");
    }

    @Test
    void markdownAndCsvArePlainText() {
        assertThat(detect("""
                # Release notes
                - fixed: the INFO level was printed twice
                - added: [client] option
                | level | count |
                |-------|-------|
                | INFO  | 12    |
                """).name()).isEqualTo("plain");
        assertThat(detect("""
                time,level,message
                2024-05-01 12:00:00,INFO,started
                2024-05-01 12:00:01,WARN,slow
                """).name()).isNotIn("syslog (RFC 3164)", "access log", "glog", "logfmt");
    }

    @Test
    void jsonLinesStayJsonWhenTheyHoldTextOfOtherFormats() {
        LineFormat format = detect("""
                {"time":"2024-05-01T12:00:00Z","level":"INFO","message":"Dec 10 06:55:46 LabSZ sshd[24200]: forwarded"}
                {"time":"2024-05-01T12:00:01Z","level":"INFO","message":"127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \\"GET / HTTP/1.0\\" 200 1"}
                {"time":"2024-05-01T12:00:02Z","level":"ERROR","message":"I0501 12:00:00.123456 1 main.go:1] x"}
                """);
        assertThat(format.name()).isEqualTo("json");
    }

    @Test
    void dockerJsonLinesHoldingTextLogLinesAreJson() {
        // A learned layout reads these lines too, and finds a level and logger in each; JSON still wins.
        LineFormat format = detect("""
                {"log":"2024-05-01 12:00:00,123 INFO app: started\\n","stream":"stdout","time":"2024-05-01T12:00:00.123456789Z"}
                {"log":"2024-05-01 12:00:01,000 ERROR app: failed\\n","stream":"stderr","time":"2024-05-01T12:00:01.000000000Z"}
                """);
        assertThat(format.name()).isEqualTo("json");
        LogEntry e = format.parse("{\"log\":\"2024-05-01 12:00:01,000 ERROR app: failed\\n\",\"stream\":\"stderr\","
                + "\"time\":\"2024-05-01T12:00:01.000000000Z\"}", "f", 2);
        assertThat(e.message()).isEqualTo("2024-05-01 12:00:01,000 ERROR app: failed");
        assertThat(e.time()).isEqualTo(java.time.Instant.parse("2024-05-01T12:00:01Z").toEpochMilli());
        assertThat(e.fields()).containsEntry("stream", "stderr");
    }

    @Test
    void mysqlsErrorLogIsNotSyslog() {
        // A bare number (the thread) where syslog has its host.
        LineFormat format = detect("""
                2024-05-01T12:00:00.123456Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections.
                2024-05-01T12:00:01.456789Z 8 [Warning] [MY-010055] [Server] IP address '10.0.0.1' could not be resolved
                2024-05-01T12:00:02.789012Z 0 [ERROR] [MY-010119] [Server] Aborting
                """);
        assertThat(format.name()).isNotEqualTo("syslog (RFC 3164)");
        assertThat(format.parse("2024-05-01T12:00:02.789012Z 0 [ERROR] [MY-010119] [Server] Aborting", "f", 3).time())
                .isEqualTo(java.time.Instant.parse("2024-05-01T12:00:02.789Z").toEpochMilli());
    }

    @Test
    void aMixedFileIsReadByTheFormatOfMostOfItsLines() {
        // Mostly Python's default, with a few syslog lines pasted in: those are counted, not the file's format.
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("INFO:app.web:request " + i + " served");
        }
        lines.add("Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186");
        lines.add("Dec 10 06:55:47 LabSZ sshd[24200]: Connection closed by 173.234.31.186");
        LineFormat format = new FormatDetector().detect(lines);
        assertThat(format.name()).isEqualTo("%(levelname)s:%(name)s:%(message)s");
        assertThat(format.parse(lines.get(20), "f", 21)).isNull();
    }

    @Test
    void aGuessedPythonFormatDoesNotSwallowOtherLinesOfAMixedFile() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("2024-05-01 12:00:0" + i + ",123 INFO app.web request " + i + " served");
        }
        String syslog = "Dec 10 06:55:41 LabSZ sshd[24200]: Invalid user x1";
        lines.add(syslog);
        LineFormat format = new FormatDetector().detect(lines);
        assertThat(format.name()).isEqualTo("%(asctime)s %(levelname)s %(name)s %(message)s");
        assertThat(format.parse(lines.get(0), "f", 1).logger()).isEqualTo("app.web");
        // Its lazy fields would read the host as a level and "sshd[24200]:" as a logger.
        assertThat(format.parse(syslog, "f", 11)).isNull();
    }

    @Test
    void aFewHeaderLikeLinesAmongProseDoNotMakeALayout() {
        LineFormat format = detect("""
                2024-05-01 12:00:00 INFO meeting notes
                We talked about the release and decided to ship on Friday.
                Alice will write the announcement, Bob will check the build.
                The build failed twice last week because of a flaky test.
                Nobody knows why the test is flaky; Carol will look at it.
                Next meeting: same time next week.
                """);
        assertThat(format.name()).isEqualTo("plain");
    }

    @Test
    void aTextLayoutWithAnIsoTimeIsNotSyslog() {
        // "INFO" where syslog has its host: a level word is never taken for a host name.
        LineFormat format = detect("""
                2024-05-01T12:00:00.123Z INFO main: started
                2024-05-01T12:00:01.000Z WARN main: slow
                2024-05-01T12:00:02.000Z ERROR db: failed
                """);
        assertThat(format.name()).isNotEqualTo("syslog (RFC 3164)");
        LogEntry e = format.parse("2024-05-01T12:00:02.000Z ERROR db: failed", "f", 3);
        assertThat(e.level()).isEqualTo("ERROR");
        assertThat(e.logger()).isEqualTo("db");
        assertThat(e.message()).isEqualTo("failed");
    }

    @Test
    void plainLinesTakeOnlyATimeOfAKnownShapeAndAnUpperCaseLevel() {
        PlainFormat plain = new PlainFormat();
        LogEntry dated = plain.parse("2024-05-01T12:00:00Z something WARN happened", "f", 1);
        assertThat(dated.time()).isEqualTo(java.time.Instant.parse("2024-05-01T12:00:00Z").toEpochMilli());
        assertThat(dated.level()).isEqualTo("WARN");
        LogEntry bracketed = plain.parse("[12:00:01.500] <ERROR>: disk full", "f", 2);
        assertThat(bracketed.time()).isEqualTo(43_201_500L);
        assertThat(bracketed.level()).isEqualTo("ERROR");
        LogEntry prose = plain.parse("Room 101 on floor 2, desk 3 4 5 6: the error was an Info sign", "f", 3);
        assertThat(prose.time()).isEqualTo(LogEntry.NO_TIME);
        assertThat(prose.level()).isNull();
        assertThat(prose.message()).isEqualTo("Room 101 on floor 2, desk 3 4 5 6: the error was an Info sign");
        // Six numbers are not a time: this read as 2001-02-03T04:05:06 when any run of numbers could be one.
        assertThat(plain.parse("version 1.2.3 build 4.5.6 started", "f", 4).time()).isEqualTo(LogEntry.NO_TIME);
    }
}
