package dev.cairn.handlers;

import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.format.Strftime;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's {@code logging.handlers.TimedRotatingFileHandler}: rotates the file at fixed
 * intervals ({@code when} S, M, H, D; or at {@code MIDNIGHT}, or weekly on {@code W0}-{@code W6},
 * optionally at {@code atTime}), naming each rotated file after the start of its interval
 * ({@code app.log.2023-11-14_22-13-20}) and keeping the newest {@code backupCount}. Ported from
 * CPython 3.11, including the first rollover time taken from an existing file's modification
 * time and the DST corrections. "Now" is {@link Logging#clock()}, so a test clock drives it.
 */
public class TimedRotatingFileHandler extends BaseRotatingHandler {
    private final RolloverSchedule schedule;
    private final int backupCount;
    private volatile String suffix;
    private volatile Strftime suffixFormat;
    private volatile Pattern extMatch;
    private long rolloverAt;

    /** Rotates {@code filename} every hour, keeping every rotated file. */
    public TimedRotatingFileHandler(String filename) {
        this(filename, "h", 1, 0, null, false, false, null, null);
    }

    /** Rotates {@code filename} as {@code when} and {@code interval} say, keeping {@code backupCount} files (0: all). */
    public TimedRotatingFileHandler(String filename, String when, int interval, int backupCount) {
        this(filename, when, interval, backupCount, null, false, false, null, null);
    }

    /**
     * Python's full constructor, in Python's argument order. {@code atTime} (null for midnight)
     * applies to MIDNIGHT and weekly rollovers.
     *
     * @throws IllegalArgumentException for a bad {@code when} (Python's messages) or an interval below 1
     * @throws java.io.UncheckedIOException if the file cannot be opened and {@code delay} is false
     */
    public TimedRotatingFileHandler(String filename, String when, int interval, int backupCount, String encoding,
                                    boolean delay, boolean utc, LocalTime atTime, String errors) {
        super(filename, "a", encoding, delay, errors);
        try {
            this.schedule = new RolloverSchedule(when, interval, utc, atTime);
        } catch (IllegalArgumentException e) {
            super.close();
            throw e;
        }
        this.backupCount = backupCount;
        this.suffix = schedule.suffix;
        this.suffixFormat = Strftime.compile(suffix);
        this.extMatch = schedule.extMatch;
        this.rolloverAt = schedule.computeRollover(startTime());
    }

    /** Python's start-up rule: the existing file's modification time, else now. */
    private long startTime() {
        Path base = Path.of(getBaseFilename());
        try {
            if (Files.exists(base)) return Files.getLastModifiedTime(base).toMillis() / 1000;
        } catch (IOException e) {
            // Gone since the check: start from now, as for a new file.
        }
        return now();
    }

    private static long now() {
        return (long) Logging.clock().time();
    }

    /** Python's {@code computeRollover(currentTime)}: the next rollover after {@code currentTime} (epoch seconds). */
    public long computeRollover(long currentTime) {
        return schedule.computeRollover(currentTime);
    }

    @Override
    protected boolean shouldRollover(LogRecord record, Text formatted) {
        long t = now();
        if (t < rolloverAt) return false;
        Path base = Path.of(getBaseFilename());
        if (Files.exists(base) && !Files.isRegularFile(base)) {
            // Python's #89564: never roll over anything but a regular file, and do not ask again until the next time.
            rolloverAt = schedule.computeRollover(t);
            return false;
        }
        return true;
    }

    /**
     * Python's {@code doRollover}: renames the file after the start of the interval that ends
     * now, deletes the oldest beyond {@code backupCount}, and computes the next rollover time.
     */
    @Override
    public void doRollover() throws IOException {
        beforeRollover();
        closeStream();
        long currentTime = now();
        String dfn = rotationFilename(getBaseFilename() + "."
                + suffixFormat.format(schedule.nameTime(rolloverAt, currentTime)));
        if (Files.exists(Path.of(dfn))) {
            // Another process may have written this name in multi-process mode: keep it, use a new one.
            if (isMultiProcess()) {
                dfn = unusedName(dfn);
            } else {
                remove(Path.of(dfn));
            }
        }
        rotate(getBaseFilename(), dfn);
        if (backupCount > 0) {
            for (String s : getFilesToDelete()) remove(Path.of(s));
        }
        reopenAfterRollover();
        long newRolloverAt = schedule.computeRollover(currentTime);
        while (newRolloverAt <= currentTime) newRolloverAt += schedule.interval;
        if (schedule.isTimeOfDay() && !schedule.utc) {
            newRolloverAt += schedule.dstCorrection(schedule.isDst(currentTime), newRolloverAt);
        }
        rolloverAt = newRolloverAt;
        afterRollover();
    }

    private static String unusedName(String name) {
        for (int i = 1; ; i++) {
            String candidate = name + "." + i;
            if (!Files.exists(Path.of(candidate))) return candidate;
        }
    }

    /**
     * After another process rotated the file, take the schedule from the file found, as Python
     * does at start-up, so this process does not rotate it a second time.
     */
    @Override
    protected void adoptedFile() {
        rolloverAt = schedule.computeRollover(startTime());
    }

    /**
     * Python's {@code getFilesToDelete()}: the rotated files beyond the newest
     * {@code backupCount}, found by matching names against {@link #getExtMatch()}; empty when
     * there are not more than {@code backupCount}.
     */
    public List<String> getFilesToDelete() throws IOException {
        List<String> result = matchingFiles();
        if (result.size() < backupCount) return new ArrayList<>();
        Collections.sort(result);
        return new ArrayList<>(result.subList(0, result.size() - backupCount));
    }

    @Override
    protected List<Path> rotatedFiles() throws IOException {
        List<String> names = matchingFiles();
        names.sort(Collections.reverseOrder());
        List<Path> files = new ArrayList<>();
        for (String name : names) files.add(Path.of(name));
        return files;
    }

    /** The candidate loop of CPython 3.11's getFilesToDelete, including its namer heuristics (bpo-44753, bpo-45628). */
    private List<String> matchingFiles() throws IOException {
        Path base = Path.of(getBaseFilename());
        Path dir = base.getParent();
        String baseName = base.getFileName().toString();
        String n = Compressor.stem(baseName);
        String e = baseName.substring(n.length());
        String prefix = n + ".";
        int plen = prefix.length();
        Pattern match = extMatch;
        List<String> result = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (getNamer() == null) {
                    if (!fileName.startsWith(baseName)) continue;
                } else if (!fileName.startsWith(baseName) && fileName.endsWith(e)
                        && fileName.length() > plen + 1 && !Character.isDigit(fileName.charAt(plen + 1))) {
                    continue;
                }
                if (!fileName.startsWith(prefix)) continue;
                for (String part : fileName.substring(plen).split("\\.", -1)) {
                    if (match.matcher(part).lookingAt()) {
                        result.add(entry.toString());
                        break;
                    }
                }
            }
        }
        return result;
    }

    /** The time (epoch seconds) of the next rollover, Python's {@code rolloverAt}. */
    public long getRolloverAt() {
        return rolloverAt;
    }

    public void setRolloverAt(long rolloverAt) {
        this.rolloverAt = rolloverAt;
    }

    /** Python's {@code when}, upper-cased. */
    public String getWhen() {
        return schedule.when;
    }

    /** The rollover interval in seconds (Python's {@code interval} attribute after construction). */
    public long getInterval() {
        return schedule.interval;
    }

    public boolean isUtc() {
        return schedule.utc;
    }

    public LocalTime getAtTime() {
        return schedule.atTime;
    }

    public int getBackupCount() {
        return backupCount;
    }

    /** The strftime pattern appended to rotated names, Python's {@code suffix}. */
    public String getSuffix() {
        return suffix;
    }

    /** Changes the suffix; change {@link #setExtMatch extMatch} to match, or old files will not be found. */
    public void setSuffix(String suffix) {
        this.suffixFormat = Strftime.compile(suffix);
        this.suffix = suffix;
    }

    /** The pattern a part of a rotated name must match to count as a backup, Python's {@code extMatch}. */
    public Pattern getExtMatch() {
        return extMatch;
    }

    public void setExtMatch(Pattern extMatch) {
        this.extMatch = extMatch;
    }
}
