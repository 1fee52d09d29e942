package dev.cairn.cli.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands the paths a user gives into rotated sets: {@code app.log}, {@code app.log.1},
 * {@code app.log.2.gz} are one set, read oldest first (highest number first, the live file last);
 * so are the dated backups of a timed rotation, {@code app.log.2024-05-01} or
 * {@code app.log.2024-05-01_10-00.gz} (Python's {@code TimedRotatingFileHandler} suffixes), oldest
 * date first. Folders are expanded to the files directly inside them. A file named alone is read
 * alone: {@code app.log*} or the folder names the whole set.
 */
public final class LogFiles {

    private static final Pattern ROTATED = Pattern.compile("^(.*?)\\.(\\d+)(\\.gz|\\.zst)?$");
    /** Python's timed suffixes: %Y-%m-%d, then _%H, _%H-%M or _%H-%M-%S for hourly and finer rotation. */
    private static final Pattern DATED = Pattern.compile(
            "^(.*?)\\.(\\d{4}-\\d{2}-\\d{2}(?:_\\d{2}(?:-\\d{2}){0,2})?)(\\.gz|\\.zst)?$");
    /** Dated backups first (by date), then numbered ones (highest number, the oldest, first), then the live file. */
    private static final Comparator<Path> OLDEST_FIRST = Comparator.<Path>comparingInt(LogFiles::kind)
            .thenComparing(Comparator.comparingInt(LogFiles::rotation).reversed())
            .thenComparing(LogFiles::date)
            .thenComparing(Path::toString);

    private LogFiles() {
    }

    /** The files of each rotated set among {@code paths}, each set in time order. */
    public static List<List<Path>> rotatedSets(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
        }
        Map<String, List<Path>> sets = new LinkedHashMap<>();
        for (Path file : files) {
            sets.computeIfAbsent(setName(file), k -> new ArrayList<>()).add(file);
        }
        List<List<Path>> ordered = new ArrayList<>();
        for (List<Path> set : sets.values()) {
            set.sort(OLDEST_FIRST);
            ordered.add(List.copyOf(set));
        }
        return ordered;
    }

    /** The live file's name that a rotated file belongs to: {@code logs/app.log} for {@code logs/app.log.3.gz}. */
    static String setName(Path file) {
        String name = file.toString();
        Matcher m = ROTATED.matcher(name);
        if (m.matches()) {
            return m.group(1);
        }
        Matcher dated = DATED.matcher(name);
        if (dated.matches()) {
            return dated.group(1);
        }
        return name.replaceFirst("\\.(gz|zst)$", "");
    }

    /** The rotation number, 0 for the live file. */
    static int rotation(Path file) {
        Matcher m = ROTATED.matcher(file.toString());
        if (!m.matches()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** 0 for a dated backup, 1 for a numbered one, 2 for the live file. */
    private static int kind(Path file) {
        String name = file.toString();
        return DATED.matcher(name).matches() ? 0 : ROTATED.matcher(name).matches() ? 1 : 2;
    }

    /** The date suffix of a dated backup ({@code 2024-05-01_10-00}), which sorts as text; "" for others. */
    private static String date(Path file) {
        Matcher m = DATED.matcher(file.toString());
        return m.matches() ? m.group(2) : "";
    }
}
