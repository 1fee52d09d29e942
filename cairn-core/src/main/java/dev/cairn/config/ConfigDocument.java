package dev.cairn.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration read from a file or a socket: the dictConfig mapping plus where each key came
 * from, so that an error found later by {@link DictConfig} (which only knows key paths such as
 * {@code handlers.file.maxBytes}) can name the file and line. Formats that are not dictConfig
 * themselves (INI) also say how a key path is spelled in the original ({@code [handler_file] args}).
 * Immutable once built.
 */
public final class ConfigDocument {
    private final String source;
    private final Map<String, Object> config;
    private final Map<String, Integer> lines;
    private final Map<String, String> originalNames;

    /**
     * A document read from {@code source} (a file name, or a description such as
     * {@code "listen() on 127.0.0.1:9030"}) with the lines of its key paths (may be empty) and,
     * for formats that are translated, the original spelling of key paths (may be empty).
     */
    public ConfigDocument(String source, Map<String, Object> config, Map<String, Integer> lines,
                          Map<String, String> originalNames) {
        this.source = source;
        this.config = config;
        this.lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        this.originalNames = Collections.unmodifiableMap(new LinkedHashMap<>(originalNames));
    }

    /** Where the configuration came from, as errors name it. */
    public String source() {
        return source;
    }

    /** The dictConfig mapping. */
    public Map<String, Object> config() {
        return config;
    }

    Map<String, Integer> lines() {
        return lines;
    }

    Map<String, String> originalNames() {
        return originalNames;
    }

    /** The 1-based line of {@code path} or of its nearest enclosing key; 0 when unknown. */
    public int lineOf(String path) {
        for (String p = path; p != null; p = parentPath(p)) {
            Integer line = lines.get(p);
            if (line != null) return line;
        }
        return 0;
    }

    /** {@code path} as the user wrote it in the original format. */
    public String originalName(String path) {
        for (String p = path; p != null; p = parentPath(p)) {
            String name = originalNames.get(p);
            if (name != null) return p.equals(path) ? name : name + path.substring(p.length());
        }
        return path;
    }

    /** {@code error} located in this document: its file, the line of its key and the original key name. */
    public ConfigException locate(ConfigException error) {
        if (error.getSource() != null) return error;
        String path = error.getPath();
        ConfigException located = new ConfigException(originalName(path), error.getProblem(), source,
                lineOf(path), error.getCause());
        located.setStackTrace(error.getStackTrace());
        return located;
    }

    /** {@code a.b[2]} → {@code a.b}, {@code a.b} → {@code a}, {@code a} → {@code ""}, {@code ""} → null. */
    static String parentPath(String path) {
        if (path.isEmpty()) return null;
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
