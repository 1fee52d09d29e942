package dev.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the shared Loghub samples (../shared/loghub beside the repository) for tests that use them. */
public final class Loghub {

    private Loghub() {
    }

    /** The Loghub folder, searched from the working directory upwards, if it exists. */
    public static Optional<Path> directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("loghub");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Each dataset's header layout in {@code <Field>} notation, read from the folder's {@code formats.json}. */
    public static Map<String, String> formats(Path loghub) throws java.io.IOException {
        String json = Files.readString(loghub.resolve("formats.json"));
        Map<String, String> formats = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(\\w+)\":\\s*\\{\\s*\"log_format\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (m.find()) {
            formats.put(m.group(1), m.group(2).replace("\\\\", "\\"));
        }
        return formats;
    }
}
