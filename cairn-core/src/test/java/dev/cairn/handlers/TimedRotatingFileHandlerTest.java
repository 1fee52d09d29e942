package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Formatter;
import dev.cairn.Logging;
import dev.cairn.config.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * TimedRotatingFileHandler against CPython 3.11: rollover times, rotated names and deletions
 * recorded from CPython by {@code handlers/timed_rotation_cases.py} (zones with DST included),
 * plus the start-up rule and the error cases.
 */
class TimedRotatingFileHandlerTest {
    private static final TimeZone DEFAULT_ZONE = TimeZone.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        TimeZone.setDefault(DEFAULT_ZONE);
        Logging.setClock(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cases() throws IOException {
        try (var in = TimedRotatingFileHandlerTest.class.getResourceAsStream("/handlers/timed_rotation_cases.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "timed_rotation_cases.json");
        }
    }

    private static long asLong(Object n) {
        return ((Number) n).longValue();
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> rolloverTimesAndNamesMatchCPython() throws IOException {
        List<Map<String, Object>> schedules = (List<Map<String, Object>>) cases().get("schedules");
        return schedules.stream().map(c -> DynamicTest.dynamicTest(c.get("zone") + " " + c.get("start") + " "
                + c.get("when") + "x" + c.get("interval") + (c.get("atTime") != null ? " at " + c.get("atTime") : "")
                + (Boolean.TRUE.equals(c.get("utc")) ? " utc" : ""), () -> replay(c)));
    }

    @SuppressWarnings("unchecked")
    private void replay(Map<String, Object> c) throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone((String) c.get("zone")));
        Path caseDir = Files.createTempDirectory(dir, "case");
        LogFiles.FakeClock clock = new LogFiles.FakeClock(asLong(c.get("start"))).install();
        String at = (String) c.get("atTime");
        TimedRotatingFileHandler h = new TimedRotatingFileHandler(caseDir.resolve("app.log").toString(),
                (String) c.get("when"), ((Number) c.get("interval")).intValue(), 0, null, true,
                (Boolean) c.get("utc"), at == null ? null : LocalTime.parse(at), null);
        try {
            assertThat(h.getRolloverAt()).as("rolloverAt after the constructor").isEqualTo(asLong(c.get("rolloverAt")));
            int i = 0;
            for (Map<String, Object> step : (List<Map<String, Object>>) c.get("steps")) {
                clock.set(((Number) step.get("time")).doubleValue());
                Set<String> before = LogFiles.names(caseDir);
                log(h, "record " + i++);
                TreeSet<String> created = LogFiles.names(caseDir);
                created.removeAll(before);
                created.remove("app.log");
                assertThat(created.isEmpty() ? null : created.first()).as("rotated at step " + i).isEqualTo(step.get("rotatedTo"));
                assertThat(h.getRolloverAt()).as("rolloverAt after step " + i).isEqualTo(asLong(step.get("rolloverAt")));
            }
        } finally {
            h.close();
        }
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> filesToDeleteMatchCPython() throws IOException {
        Map<String, Object> all = cases();
        List<String> listing = (List<String>) all.get("listing");
        List<Map<String, Object>> deletions = (List<Map<String, Object>>) all.get("deletions");
        return deletions.stream().map(c -> DynamicTest.dynamicTest(c.get("when") + " backupCount " + c.get("backupCount")
                + " namer " + c.get("namer"), () -> {
            Path caseDir = Files.createTempDirectory(dir, "del");
            for (String name : listing) {
                if (!name.equals("app.log")) Files.createFile(caseDir.resolve(name));
            }
            TimedRotatingFileHandler h = new TimedRotatingFileHandler(caseDir.resolve("app.log").toString(),
                    (String) c.get("when"), 1, ((Number) c.get("backupCount")).intValue(), null, true, false, null, null);
            if ("gz".equals(c.get("namer"))) h.setNamer(n -> n + ".gz");
            if ("infix".equals(c.get("namer"))) h.setNamer(n -> n.replace("app.log.", "app.") + ".log");
            List<String> names = new ArrayList<>();
            for (String f : h.getFilesToDelete()) names.add(Path.of(f).getFileName().toString());
            names.sort(null);
            h.close();
            assertThat(names).isEqualTo(c.get("delete"));
        }));
    }

    @Test
    void firstRolloverComesFromTheExistingFilesModificationTime() throws Exception {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "earlier run\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_699_999_000_500L));
        new LogFiles.FakeClock(1_700_000_000).install();
        TimedRotatingFileHandler h = new TimedRotatingFileHandler(file.toString(), "M", 5, 0);
        assertThat(h.getRolloverAt()).isEqualTo(1_699_999_000 + 300);
        h.close();
    }

    @Test
    void rotatesOnTheClockAndKeepsBackupCount() throws Exception {
        LogFiles.FakeClock clock = new LogFiles.FakeClock(1_700_000_000).install();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        TimedRotatingFileHandler h = new TimedRotatingFileHandler(dir.resolve("t.log").toString(), "S", 10, 2, null, true,
                false, null, null);
        h.setFormatter(new Formatter("%(message)s"));
        for (int i = 0; i < 12; i++) {
            clock.set(1_700_000_000 + 4 * i);
            log(h, "tick " + i);
        }
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("t.log", "t.log.2023-11-14_22-13-32", "t.log.2023-11-14_22-13-44");
        assertThat(LogFiles.lines(dir.resolve("t.log"))).containsExactly("tick 9", "tick 10", "tick 11");
    }

    @Test
    void badWhenIsRejectedWithPythonsMessages() {
        String file = dir.resolve("x.log").toString();
        assertThatThrownBy(() -> new TimedRotatingFileHandler(file, "fortnight", 1, 0))
                .hasMessage("Invalid rollover interval specified: FORTNIGHT");
        assertThatThrownBy(() -> new TimedRotatingFileHandler(file, "W7", 1, 0))
                .hasMessage("Invalid day specified for weekly rollover: W7");
        assertThatThrownBy(() -> new TimedRotatingFileHandler(file, "W", 1, 0))
                .hasMessage("You must specify a day for weekly rollover from 0 to 6 (0 is Monday): W");
        assertThatThrownBy(() -> new TimedRotatingFileHandler(file, "S", 0, 0))
                .hasMessageContaining("interval must be 1 or more");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsNeverRotated() throws Exception {
        LogFiles.FakeClock clock = new LogFiles.FakeClock(1_700_000_000).install();
        Path base = dir.resolve("d.log");
        TimedRotatingFileHandler h = new TimedRotatingFileHandler(base.toString(), "S", 1, 0, null, true, false, null, null);
        Files.createDirectory(base);
        clock.set(1_700_000_005);
        assertThat(h.shouldRollover(LogFiles.record("x"))).isFalse();
        assertThat(h.getRolloverAt()).isEqualTo(1_700_000_006);
        h.close();
    }

    @Test
    void inMultiProcessModeAFileRotatedByAnotherWriterIsAdoptedNotRotatedAgain() throws Exception {
        LogFiles.FakeClock clock = new LogFiles.FakeClock(1_700_000_000).install();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path file = dir.resolve("shared.log");
        // Both start from the existing file's time (Python's rule), the test clock's start.
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        TimedRotatingFileHandler a = new TimedRotatingFileHandler(file.toString(), "S", 10, 0, null, false, false, null, null);
        TimedRotatingFileHandler b = new TimedRotatingFileHandler(file.toString(), "S", 10, 0, null, false, false, null, null);
        a.setMultiProcess(true);
        b.setMultiProcess(true);
        a.setFormatter(new Formatter("%(message)s"));
        b.setFormatter(new Formatter("%(message)s"));
        clock.set(1_700_000_001);
        log(a, "a1");
        log(b, "b1");
        clock.set(1_700_000_011);
        log(a, "a2 rotates");
        // The file modification time is the wall clock's; make it the test clock's, as it would be in real use.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_011_000L));
        clock.set(1_700_000_012);
        log(b, "b2 adopts");
        a.close();
        b.close();
        assertThat(LogFiles.names(dir)).containsExactly("shared.log", "shared.log.2023-11-14_22-13-20", "shared.log.lock");
        assertThat(LogFiles.lines(dir.resolve("shared.log.2023-11-14_22-13-20"))).containsExactly("a1", "b1");
        assertThat(LogFiles.lines(file)).containsExactly("a2 rotates", "b2 adopts");
        assertThat(b.getRolloverAt()).isEqualTo(1_700_000_021);
    }

    @Test
    void aCustomSuffixAndExtMatchNameAndFindTheBackups() throws Exception {
        LogFiles.FakeClock clock = new LogFiles.FakeClock(1_700_000_000).install();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        TimedRotatingFileHandler h = new TimedRotatingFileHandler(dir.resolve("c.log").toString(), "M", 1, 1, null, true,
                false, null, null);
        h.setSuffix("%Y%m%d%H%M");
        h.setExtMatch(java.util.regex.Pattern.compile("^\\d{12}$"));
        for (int i = 0; i < 3; i++) {
            clock.set(1_700_000_000 + 60 * i);
            log(h, "minute " + i);
        }
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("c.log", "c.log.202311142214");
    }
}
