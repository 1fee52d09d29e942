package dev.cairn.config;

/**
 * A configuration that cannot be applied, with where the problem is: the path of the key in the
 * configuration ({@code handlers.file.maxBytes}) and, when the configuration came from a file,
 * the file and line. Nothing was changed when this is thrown.
 */
public class ConfigException extends IllegalArgumentException {
    private final String path;
    private final String problem;
    private final String source;
    private final int line;

    /** A problem at {@code path} (may be empty for the whole configuration). */
    public ConfigException(String path, String problem) {
        this(path, problem, null, 0, null);
    }

    public ConfigException(String path, String problem, Throwable cause) {
        this(path, problem, null, 0, cause);
    }

    /** A problem at {@code path} in file {@code source} at {@code line} (0 when unknown). */
    public ConfigException(String path, String problem, String source, int line, Throwable cause) {
        super(render(path, problem, source, line), cause);
        this.path = path == null ? "" : path;
        this.problem = problem;
        this.source = source;
        this.line = line;
    }

    private static String render(String path, String problem, String source, int line) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (line > 0) sb.append(':').append(line);
            sb.append(": ");
        }
        if (path != null && !path.isEmpty()) sb.append(path).append(": ");
        return sb.append(problem).toString();
    }

    /** The same problem, located in a file (and line, 0 if unknown). */
    public ConfigException inFile(String file, int atLine) {
        ConfigException located = new ConfigException(path, problem, file, atLine, getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** The dotted key path of the offending entry, empty for the configuration as a whole. */
    public String getPath() {
        return path;
    }

    /** What is wrong, without the location. */
    public String getProblem() {
        return problem;
    }

    /** The file the configuration came from, or null. */
    public String getSource() {
        return source;
    }

    /** The line in {@link #getSource()}, or 0 when unknown. */
    public int getLine() {
        return line;
    }
}
