package dev.cairn.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Loghub 2k dataset with ground truth: the {@code Content} message and the true
 * {@code EventId} of each line of {@code NAME_2k.log_structured.csv}.
 *
 * @param name     the dataset's folder name, such as {@code HDFS}
 * @param messages the messages in file order
 * @param eventIds the true event id of each message
 */
public record LoghubSample(String name, List<String> messages, List<String> eventIds) {

    /** Loads every dataset folder under {@code loghub} that has a structured CSV, by name. */
    public static List<LoghubSample> loadAll(Path loghub) throws IOException {
        List<LoghubSample> samples = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(loghub)) {
            for (Path dir : dirs.sorted().toList()) {
                Path csv = dir.resolve(dir.getFileName() + "_2k.log_structured.csv");
                if (Files.isRegularFile(csv)) {
                    samples.add(load(dir.getFileName().toString(), csv));
                }
            }
        }
        return samples;
    }

    /** Loads one structured CSV. */
    public static LoghubSample load(String name, Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int content = header.indexOf("Content");
        int eventId = header.indexOf("EventId");
        if (content < 0 || eventId < 0) {
            throw new IOException(csv + ": no Content or EventId column");
        }
        List<String> messages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            messages.add(row.get(content));
            ids.add(row.get(eventId));
        }
        return new LoghubSample(name, List.copyOf(messages), List.copyOf(ids));
    }
}
