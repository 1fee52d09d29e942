package dev.cairn.cli.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * All records of the files a command was given, merged in time order: each rotated set is read
 * oldest file first, and sets (different services, different files) are interleaved by timestamp.
 * A record without a time keeps its place after the record before it in its own file. Not thread safe.
 */
public final class Records implements Closeable {

    /** One rotated set read file after file. */
    private static final class SetReader {
        final List<Path> files;
        final LineFormat format;
        final Malformed malformed;
        int index;
        LogReader reader;
        LogEntry head;
        long orderTime = Long.MIN_VALUE;
        long finishedBytes;
        final int rank;
        LinePrefilter prefilter;
        PartialTimes partialTimes;
        /** Each file's size on disk when the command started: what progress counts against. */
        final long[] sizes;
        long size;
        double readPerDiskByte = 1;

        SetReader(List<Path> files, LineFormat format, Malformed malformed, int rank) throws IOException {
            this.files = files;
            this.format = format;
            this.malformed = malformed;
            this.rank = rank;
            sizes = new long[files.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = Files.size(files.get(i));
            }
        }

        long totalBytes() {
            return java.util.Arrays.stream(sizes).sum();
        }

        boolean advance() throws IOException {
            while (true) {
                if (reader == null) {
                    if (index >= files.size()) {
                        head = null;
                        return false;
                    }
                    Path file = files.get(index);
                    size = sizes[index++];
                    reader = LogReader.open(file, format, malformed);
                    if (prefilter != null) {
                        reader.skipRecordsUnless(prefilter);
                    }
                    partialTimes = new PartialTimes(Files.getLastModifiedTime(file).toMillis());
                    readPerDiskByte = CompressedSize.uncompressedPerDiskByte(file, size);
                }
                head = reader.next();
                if (head != null) {
                    head = partialTimes.place(head);
                    if (head.time() != LogEntry.NO_TIME) {
                        orderTime = head.time();
                    }
                    return true;
                }
                finishedBytes += size;
                reader.close();
                reader = null;
            }
        }

        /** Bytes of the files on disk read so far: compressed bytes for compressed files, as {@link #totalBytes} counts them. */
        long bytesRead() {
            return finishedBytes + (reader == null ? 0 : Math.min(size, (long) (reader.bytesRead() / readPerDiskByte)));
        }
    }

    private final PriorityQueue<SetReader> queue = new PriorityQueue<>((a, b) -> a.orderTime != b.orderTime
            ? Long.compare(a.orderTime, b.orderTime) : Integer.compare(a.rank, b.rank));
    private final List<SetReader> all = new ArrayList<>();
    private final long totalBytes;

    private Records(List<List<Path>> sets, LineFormat format, Malformed malformed,
                    LinePrefilter prefilter) throws IOException {
        long total = 0;
        int rank = 0;
        for (List<Path> set : sets) {
            SetReader reader = new SetReader(set, format, malformed, rank++);
            total += reader.totalBytes();
            reader.prefilter = prefilter;
            all.add(reader);
            if (reader.advance()) {
                queue.add(reader);
            }
        }
        totalBytes = total;
    }

    /** Opens every file under {@code paths}; {@code format} null means detect per file. */
    public static Records open(List<Path> paths, LineFormat format, Malformed malformed) throws IOException {
        return new Records(LogFiles.rotatedSets(paths), format, malformed, null);
    }

    /** As {@link #open}, skipping JSON records whose line fails {@code prefilter} unparsed (see {@link LogReader#skipRecordsUnless}). */
    public static Records open(List<Path> paths, LineFormat format, Malformed malformed,
                               LinePrefilter prefilter) throws IOException {
        return new Records(LogFiles.rotatedSets(paths), format, malformed, prefilter);
    }

    /** The next record in time order, or null when every file is read. */
    public LogEntry next() throws IOException {
        if (all.size() == 1) {
            // One set: no interleaving to do, so skip the queue.
            SetReader only = all.get(0);
            if (only.head == null) {
                return null;
            }
            LogEntry entry = only.head;
            only.advance();
            return entry;
        }
        SetReader first = queue.poll();
        if (first == null) {
            return null;
        }
        LogEntry entry = first.head;
        if (first.advance()) {
            queue.add(first);
        }
        return entry;
    }

    /** Calls {@code action} with every record in time order. */
    public void forEach(java.util.function.Consumer<LogEntry> action) throws IOException {
        for (LogEntry e = next(); e != null; e = next()) {
            action.accept(e);
        }
    }

    /** Bytes of the files on disk read so far, for progress against {@link #totalBytes}. */
    public long bytesRead() {
        long sum = 0;
        for (SetReader r : all) {
            sum += r.bytesRead();
        }
        return sum;
    }

    /** Total size of the files on disk. */
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SetReader r : all) {
            if (r.reader != null) {
                try {
                    r.reader.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }
}
