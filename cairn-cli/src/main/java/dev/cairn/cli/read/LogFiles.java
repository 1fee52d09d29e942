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
 * {@code app.log.2.gz} are one set, read oldest first (highest number first, the live file last).
 * Folders are expanded to the files directly inside them.
 */
public final class LogFiles {

    private static final Pattern ROTATED = Pattern.compile("^(.*?)\\.(\\d+)(\\.gz|\\.zst)?$");

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
            set.sort(Comparator.comparingInt(LogFiles::rotation).reversed().thenComparing(Path::toString));
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
}
