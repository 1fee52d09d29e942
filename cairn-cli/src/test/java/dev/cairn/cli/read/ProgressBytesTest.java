package dev.cairn.cli.read;

import static dev.cairn.cli.read.ReadTestFiles.gzip;
import static dev.cairn.cli.read.ReadTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress counts bytes on disk, so a gzipped file is not "done" when a fraction of it is read. */
class ProgressBytesTest {

    @TempDir
    Path temp;

    @Test
    void halfwayThroughAGzippedFileIsAboutHalfOfItsSizeOnDisk() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(String.format("2024-05-01 12:%02d:%02d,000 INFO app.web: request %d served in %d ms%n",
                    i / 60 % 60, i % 60, i, i % 97));
        }
        Path gz = gzip(temp.resolve("app.log.1.gz"), text.toString());
        Path live = write(temp.resolve("app.log"), "2024-05-01 13:00:00,000 INFO app.web: live\n");
        long total = Files.size(gz) + Files.size(live);

        try (Records records = Records.open(List.of(temp), null, new Malformed())) {
            assertThat(records.totalBytes()).isEqualTo(total);
            for (int i = 0; i < 10_000; i++) {
                records.next();
            }
            // The text is about 15 times its gzipped size: counting text bytes read 100 % here.
            assertThat((double) records.bytesRead() / Files.size(gz)).isBetween(0.4, 0.6);
            while (records.next() != null) {
                assertThat(records.bytesRead()).isLessThanOrEqualTo(total);
            }
            assertThat(records.bytesRead()).isEqualTo(total);
        }
    }

    @Test
    void aGzipTrailerGivesTheTextPerByteOnDisk() throws IOException {
        String text = "same line again\n".repeat(10_000);
        Path gz = gzip(temp.resolve("a.gz"), text);

        double ratio = CompressedSize.uncompressedPerDiskByte(gz, Files.size(gz));

        assertThat(ratio * Files.size(gz)).isCloseTo(text.length(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(CompressedSize.uncompressedPerDiskByte(write(temp.resolve("plain.log"), text), text.length()))
                .isEqualTo(1.0);
    }
}
