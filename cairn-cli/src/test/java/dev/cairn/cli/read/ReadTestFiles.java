package dev.cairn.cli.read;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers that write small log files and read them back. */
final class ReadTestFiles {

    private ReadTestFiles() {
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static Path gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static Path zstd(Path file, String text) throws IOException {
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static List<LogEntry> readAll(Malformed malformed, Path... files) throws IOException {
        List<LogEntry> out = new ArrayList<>();
        try (Records records = Records.open(List.of(files), null, malformed)) {
            records.forEach(out::add);
        }
        return out;
    }
}
