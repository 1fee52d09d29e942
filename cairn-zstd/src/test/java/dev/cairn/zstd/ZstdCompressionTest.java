package dev.cairn.zstd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.config.ConfigException;
import dev.cairn.handlers.Compression;
import dev.cairn.handlers.RotatingFileHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zstd through the same crash-safe compressor as gzip, found by name from a configuration. */
class ZstdCompressionTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Logging.reset();
    }

    @Test
    void theNameInAConfigurationFindsTheCodecOnTheClassPath() {
        assertThat(Compression.parse("zstd")).isInstanceOf(ZstdCompression.class);
        assertThat(Compression.parse("ZST").suffix()).isEqualTo(".zst");
        assertThat(Compression.parse("gzip")).isSameAs(Compression.GZIP);
        assertThatThrownBy(() -> Compression.parse("lz4"))
                .hasMessage("unknown compression 'lz4' (expected one of gzip, none, zstd)");
    }

    @Test
    void rotatedFilesFromDictConfigAreZstdFramesHoldingTheirLinesInOrder() throws IOException {
        Logging.dictConfig(Map.of("version", 1,
                "formatters", Map.of("m", Map.of("format", "%(message)s")),
                "handlers", Map.of("r", Map.of("class", "logging.handlers.RotatingFileHandler",
                        "filename", dir.resolve("app.log").toString(), "maxBytes", 40, "backupCount", 3,
                        "compression", "zstd", "formatter", "m")),
                "root", Map.of("level", "INFO", "handlers", List.of("r"))));
        Logger log = Logging.getLogger("app");
        for (int i = 0; i < 12; i++) log.info("record number %d", i);
        Logging.shutdown();

        assertThat(names()).containsExactly("app.log", "app.log.1.zst", "app.log.2.zst", "app.log.3.zst");
        List<String> all = new ArrayList<>();
        for (String name : new String[] {"app.log.3.zst", "app.log.2.zst", "app.log.1.zst"}) {
            byte[] raw = Files.readAllBytes(dir.resolve(name));
            // The zstd frame magic number, little-endian 0xFD2FB528.
            assertThat(raw).startsWith((byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD);
            all.addAll(unzstd(dir.resolve(name)).lines().collect(Collectors.toList()));
        }
        all.addAll(Files.readAllLines(dir.resolve("app.log")));
        // Three backups of two 17-byte lines each and the live file: the newest records, consecutive.
        assertThat(all).hasSizeGreaterThanOrEqualTo(4).last().isEqualTo("record number 11");
        for (int i = 1; i < all.size(); i++) {
            int previous = Integer.parseInt(all.get(i - 1).substring("record number ".length()));
            assertThat(all.get(i)).isEqualTo("record number " + (previous + 1));
        }
    }

    @Test
    void aCompressionCutShortByACrashIsFinishedAtStartUp() throws IOException {
        Files.writeString(dir.resolve("app.log.1.zst.pending"), "older line\n");
        Files.writeString(dir.resolve("app.log.1.zst.tmp"), "half a zstd fra");
        RotatingFileHandler h = new RotatingFileHandler(dir.resolve("app.log").toString(), 1000, 3);
        h.setCompression(ZstdCompression.INSTANCE);
        h.close();
        assertThat(names()).containsExactly("app.log", "app.log.1.zst");
        assertThat(unzstd(dir.resolve("app.log.1.zst"))).isEqualTo("older line\n");
    }

    @Test
    void anUnknownCompressionIsAConfigurationErrorWithItsKeyPath() {
        assertThatThrownBy(() -> Logging.dictConfig(Map.of("version", 1,
                "handlers", Map.of("r", Map.of("class", "logging.handlers.RotatingFileHandler",
                        "filename", dir.resolve("app.log").toString(), "compression", "brotli")))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).getPath()).isEqualTo("handlers.r.compression"))
                .hasMessageContaining("unknown compression 'brotli' (expected one of gzip, none, zstd)");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static String unzstd(Path file) throws IOException {
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
