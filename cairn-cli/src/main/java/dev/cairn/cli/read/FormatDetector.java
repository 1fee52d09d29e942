package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the format of a file from its first lines: each known format, and a {@link TextLayout}
 * learned from the same lines, is tried on a sample; the one that reads the most lines as records
 * wins, then the one that finds the most of time, level and logger in them, then the first listed
 * (structured formats first).
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

    /** Formats with a name, tried before a learned layout. */
    private final List<LineFormat> named = new ArrayList<>();
    /** Python's formats other than its default: guesses, tried after a learned layout. */
    private final List<LineFormat> guesses = new ArrayList<>();

    /** A detector over JSON, logfmt, syslog, access logs, glog and the common Python layouts. */
    public FormatDetector() {
        named.add(new JsonFormat());
        named.add(new LogfmtFormat());
        named.add(new Guessed(PatternFormat.python(PYTHON_FORMATS.get(0))));
        named.add(SyslogFormat.rfc5424());
        named.add(SyslogFormat.rfc3164());
        named.add(new AccessLogFormat());
        named.add(new GlogFormat());
        for (String format : PYTHON_FORMATS.subList(1, PYTHON_FORMATS.size())) {
            guesses.add(new Guessed(PatternFormat.python(format)));
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
        List<LineFormat> tried = new ArrayList<>(named);
        TextLayout layout = TextLayout.learn(sample);
        if (layout != null) {
            tried.add(layout);
        }
        tried.addAll(guesses);
        LineFormat best = new PlainFormat();
        int bestScore = 0;
        int bestRichness = 0;
        for (LineFormat format : tried) {
            int score = 0;
            int richness = 0;
            for (String line : sample) {
                LogEntry entry = format.parse(line, "", 0);
                if (entry != null) {
                    score++;
                    richness += (entry.time() != LogEntry.NO_TIME ? 1 : 0) + (entry.level() != null ? 1 : 0)
                            + (entry.logger() != null ? 1 : 0);
                }
            }
            // A layout learned from these lines must read nearly all of them: it fits some by construction.
            if (format == layout && score * 5 < sample.size() * 4) {
                continue;
            }
            // JSON is never a coincidence: a text layout that reads as many lines of a JSON file (a
            // Docker log whose messages are text lines) must not win by finding more in them.
            boolean richer = richness > bestRichness && !(best instanceof JsonFormat);
            if (score > bestScore || score == bestScore && richer) {
                best = format;
                bestScore = score;
                bestRichness = richness;
            }
        }
        // A format that reads only a few lines is a coincidence, not the file's format.
        return bestScore * 5 >= sample.size() ? best : new PlainFormat();
    }

    /**
     * A Python format guessed for a file rather than given: its lazy fields can swallow anything
     * ({@code %(levelname)s} takes the host of a syslog line in a mixed file), so a line is read only
     * when its level is a real one, its time (where the format has one) can be read and its logger
     * looks like a logger name; other lines are left to be counted.
     */
    private static final class Guessed implements LineFormat {
        private final PatternFormat format;
        private final boolean hasTime;

        Guessed(PatternFormat format) {
            this.format = format;
            this.hasTime = format.name().contains("%(asctime)");
        }

        @Override
        public String name() {
            return format.name();
        }

        @Override
        public LogEntry parse(String line, String source, long lineNumber) {
            LogEntry entry = format.parse(line, source, lineNumber);
            if (entry == null || entry.levelNo() == 0 || hasTime && entry.time() == LogEntry.NO_TIME) {
                return null;
            }
            String logger = entry.logger();
            boolean loggerLike = logger == null || !logger.contains(" ") && !logger.startsWith("[")
                    && !logger.endsWith(":") && logger.chars().anyMatch(Character::isLetter);
            return loggerLike ? entry : null;
        }
    }
}
