package dev.cairn.cli.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows live log files like {@code tail -F}: polls each file for new complete lines, and when a
 * file is replaced (rotation renames it and a new one appears) or truncated, starts reading the new
 * file from its beginning. Runs until the thread is interrupted.
 */
public final class Follower {

    private static final long POLL_MILLIS = 250;

    /** The read position in one followed file. */
    private static final class Tail {
        final Path path;
        Object fileKey;
        long position;

        Tail(Path path) {
            this.path = path;
        }
    }

    private final List<Tail> tails = new ArrayList<>();
    private final LineFormat format;
    private final Malformed malformed = new Malformed();

    /** Follows the live file of every rotated set under {@code paths}, from their current ends. */
    public Follower(List<Path> paths, LineFormat format) throws IOException {
        for (List<Path> set : LogFiles.rotatedSets(paths)) {
            Tail tail = new Tail(set.get(set.size() - 1));
            BasicFileAttributes attributes = Files.readAttributes(tail.path, BasicFileAttributes.class);
            tail.fileKey = attributes.fileKey();
            tail.position = attributes.size();
            tails.add(tail);
        }
        this.format = format;
    }

    /** Calls {@code action} with each new record until interrupted. */
    public void run(Consumer<LogEntry> action) throws IOException {
        while (!Thread.currentThread().isInterrupted()) {
            pollOnce(action);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads what was appended since the last poll; visible for tests. */
    public void pollOnce(Consumer<LogEntry> action) throws IOException {
        for (Tail tail : tails) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(tail.path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue;  // between rotation's rename and the new file's creation
            }
            if (!Objects.equals(attributes.fileKey(), tail.fileKey) || attributes.size() < tail.position) {
                tail.fileKey = attributes.fileKey();
                tail.position = 0;
            }
            if (attributes.size() > tail.position) {
                read(tail, attributes.size(), action);
            }
        }
    }

    private void read(Tail tail, long size, Consumer<LogEntry> action) throws IOException {
        try (FileChannel channel = FileChannel.open(tail.path, StandardOpenOption.READ)) {
            channel.position(tail.position);
            byte[] bytes;
            try (InputStream in = Channels.newInputStream(channel)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, size - tail.position));
            }
            int complete = bytes.length;
            while (complete > 0 && bytes[complete - 1] != '\n') {
                complete--;  // leave a half-written last line for the next poll
            }
            if (complete == 0) {
                return;
            }
            tail.position += complete;
            LineSource lines = new LineSource(new java.io.ByteArrayInputStream(bytes, 0, complete));
            try (LogReader reader = LogReader.of(lines, tail.path.toString(), format, malformed)) {
                PartialTimes partialTimes = new PartialTimes(System.currentTimeMillis());
                for (LogEntry e = reader.next(); e != null; e = reader.next()) {
                    action.accept(partialTimes.place(e));
                }
            }
        }
    }
}
