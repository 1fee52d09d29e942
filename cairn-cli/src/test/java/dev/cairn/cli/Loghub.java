package dev.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
}
