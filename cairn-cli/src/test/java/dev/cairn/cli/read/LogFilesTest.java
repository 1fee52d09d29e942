package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void numberedBackupsAreReadHighestNumberFirstAndTheLiveFileLast() throws IOException {
        touch("app.log", "app.log.1", "app.log.10.gz", "app.log.2.zst", "app.log.9");

        assertThat(names(LogFiles.rotatedSets(List.of(dir))))
                .containsExactly(List.of("app.log.10.gz", "app.log.9", "app.log.2.zst", "app.log.1", "app.log"));
    }

    @Test
    void datedBackupsOfTimedRotationJoinTheirSetOldestDateFirst() throws IOException {
        // The suffixes Python's TimedRotatingFileHandler writes for when='midnight', 'H' and 'M'.
        touch("app.log", "app.log.2024-05-02", "app.log.2024-04-30.gz", "app.log.2024-05-01",
                "worker.log.2024-05-01_10", "worker.log.2024-05-01_09.gz", "worker.log",
                "web.log.2024-05-01_10-05-00", "web.log.2024-05-01_10-04-59", "web.log");

        assertThat(names(LogFiles.rotatedSets(List.of(dir)))).containsExactly(
                List.of("app.log.2024-04-30.gz", "app.log.2024-05-01", "app.log.2024-05-02", "app.log"),
                List.of("web.log.2024-05-01_10-04-59", "web.log.2024-05-01_10-05-00", "web.log"),
                List.of("worker.log.2024-05-01_09.gz", "worker.log.2024-05-01_10", "worker.log"));
    }

    @Test
    void aFileNamedAloneIsReadAloneAndSetsKeepTheOrderTheyWereGiven() throws IOException {
        touch("b.log", "b.log.1", "a.log", "a.log.1");

        assertThat(names(LogFiles.rotatedSets(List.of(dir.resolve("b.log")))))
                .containsExactly(List.of("b.log"));
        assertThat(names(LogFiles.rotatedSets(List.of(dir.resolve("b.log.1"), dir.resolve("a.log"), dir.resolve("b.log")))))
                .containsExactly(List.of("b.log.1", "b.log"), List.of("a.log"));
    }

    @Test
    void namesThatOnlyLookLikeBackupsStayApart() throws IOException {
        touch("app.log", "app.2024-05-01.log", "app.log.old", "access.log.gz");

        assertThat(names(LogFiles.rotatedSets(List.of(dir)))).containsExactly(
                List.of("access.log.gz"), List.of("app.2024-05-01.log"), List.of("app.log"), List.of("app.log.old"));
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> LogFiles.rotatedSets(List.of(dir.resolve("nope.log"))))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.log");
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name), name + "\n");
        }
    }

    private static List<List<String>> names(List<List<Path>> sets) {
        return sets.stream()
                .map(set -> set.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }
}
