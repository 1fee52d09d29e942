package dev.cairn.cli.read;

import static dev.cairn.cli.read.ReadTestFiles.readAll;
import static dev.cairn.cli.read.ReadTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times written without a year or a date, placed by the file's last modification. */
class PartialTimesTest {

    @TempDir
    Path temp;

    @Test
    void syslogTimesTakeTheYearTheFileWasWritten() throws IOException {
        Path log = write(temp.resolve("auth.log"), """
                Dec 10 06:55:46 shop sshd[24200]: Accepted publickey for alice
                Dec 10 06:55:48 shop sshd[24200]: session opened for user alice
                """);
        modified(log, "2024-12-10T07:00:00Z");

        assertThat(times(log)).containsExactly("2024-12-10T06:55:46Z", "2024-12-10T06:55:48Z");
    }

    @Test
    void linesFromBeforeNewYearInAFileLastWrittenInJanuaryAreFromTheYearBefore() throws IOException {
        Path log = write(temp.resolve("syslog"), """
                Dec 31 23:59:58 shop cron[1]: (root) CMD (run-parts)
                Jan  1 00:00:01 shop cron[1]: (root) CMD (logrotate)
                Jan  2 08:00:00 shop kernel: eth0 up
                """);
        modified(log, "2025-01-02T08:00:05Z");

        assertThat(times(log)).containsExactly("2024-12-31T23:59:58Z", "2025-01-01T00:00:01Z", "2025-01-02T08:00:00Z");
    }

    @Test
    void timesOfDayGoOnTheDayTheFileWasWrittenAndBeforeMidnightOnTheDayBefore() throws IOException {
        // Logback's common pattern: %d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n
        Path log = write(temp.resolve("app.log"), """
                23:59:59.500 [main] INFO  com.shop.Orders - closing the day
                00:00:00.250 [main] INFO  com.shop.Orders - opening the day
                00:10:00.000 [main] WARN  com.shop.Orders - slow start
                """);
        modified(log, "2024-05-02T00:10:01Z");

        assertThat(times(log)).containsExactly("2024-05-01T23:59:59.500Z", "2024-05-02T00:00:00.250Z",
                "2024-05-02T00:10:00Z");
    }

    @Test
    void completeTimesAreLeftAsWritten() throws IOException {
        Path log = write(temp.resolve("app.log"), "1970-03-01 10:00:00,000 INFO app: epoch era\n"
                + "2024-05-01 12:00:00,000 INFO app: today\n");
        modified(log, "2024-05-01T12:00:01Z");

        assertThat(times(log)).last().isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void searchSinceFindsSyslogLinesOfTheFilesYear() throws IOException {
        Path log = write(temp.resolve("auth.log"), """
                Dec 10 06:55:46 shop sshd[24200]: Failed password for root from 10.0.0.7
                Dec 11 06:55:46 shop sshd[24201]: Failed password for root from 10.0.0.8
                """);
        modified(log, "2024-12-11T07:00:00Z");

        CliRun run = CliRun.of("search", "--since", "2024-12-11T00:00", log.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("10.0.0.8").doesNotContain("10.0.0.7");
    }

    private static void modified(Path file, String time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    private static List<String> times(Path file) throws IOException {
        return readAll(new Malformed(), file).stream().map(e -> Instant.ofEpochMilli(e.time()).toString()).toList();
    }
}
