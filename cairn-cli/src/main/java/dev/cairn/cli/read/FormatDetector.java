package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the format of a file from its first lines: each known format is tried on a sample and the
 * one that reads the most lines as records wins (structured formats first on a tie).
 */
public final class FormatDetector {

    /** Python formats seen in the wild, Python's own default first. */
    static final List<String> PYTHON_FORMATS = List.of(
            "%(levelname)s:%(name)s:%(message)s",
            "%(asctime)s - %(name)s - %(levelname)s - %(message)s",
            "%(asctime)s %(levelname)s %(name)s: %(message)s",
            "%(asctime)s %(levelname)s [%(name)s] %(message)s",
            "%(asctime)s [%(levelname)s] %(name)s: %(message)s",
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            "%(asctime)s %(levelname)s %(message)s",
            "[%(asctime)s] %(levelname)s in %(name)s: %(message)s");

    private static final int SAMPLE = 200;

    private final List<LineFormat> candidates = new ArrayList<>();

    /** A detector over JSON, logfmt and the common Python layouts. */
    public FormatDetector() {
        candidates.add(new JsonFormat());
        candidates.add(new LogfmtFormat());
        for (String format : PYTHON_FORMATS) {
            candidates.add(PatternFormat.python(format));
        }
    }

    /**
     * The best format for these first lines of a file; {@link PlainFormat} when nothing fits. Lines
     * that look like the continuation of a record (stack frames, tracebacks, indented text) are left
     * out: a file that opens with a long stack trace has few record lines among its first 200.
     */
    public LineFormat detect(List<String> lines) {
        List<String> sample = new ArrayList<>();
        for (String line : lines) {
            if (sample.size() < SAMPLE && !line.isBlank() && !PlainFormat.looksLikeContinuation(line)) {
                sample.add(line);
            }
        }
        LineFormat best = new PlainFormat();
        int bestScore = 0;
        for (LineFormat format : candidates) {
            int score = 0;
            for (String line : sample) {
                LogEntry entry = format.parse(line, "", 0);
                if (entry != null && plausible(entry, format)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = format;
                bestScore = score;
            }
        }
        // A format that reads only a few lines is a coincidence, not the file's format.
        return bestScore * 5 >= sample.size() ? best : new PlainFormat();
    }

    private static boolean plausible(LogEntry entry, LineFormat format) {
        if (format instanceof PatternFormat) {
            // Lazy fields can swallow anything: demand a real level and, where present, a time.
            boolean hasTime = format.name().contains("asctime");
            return entry.levelNo() > 0 && (!hasTime || entry.time() != LogEntry.NO_TIME)
                    && (entry.logger() == null || !entry.logger().contains(" "));
        }
        return true;
    }
}
