package dev.cairn.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Reads configuration files by their extension: {@code .json} (dictConfig in JSON),
 * {@code .ini}/{@code .conf}/{@code .cfg} (Python's fileConfig format), and whatever a
 * {@link ConfigFormat} on the class path adds ({@code .yaml}/{@code .yml} with cairn-yaml).
 * Then replaces {@code ${NAME}} and {@code ${NAME:-default}} in string values from the
 * environment. Every error names the file, the line where known and the key path.
 */
public final class ConfigFiles {
    private static final ConfigFormat JSON = new ConfigFormat() {
        @Override public java.util.Set<String> extensions() {
            return java.util.Set.of("json");
        }

        @Override public ConfigDocument read(String text, String source) {
            Map<String, Integer> lines = new LinkedHashMap<>();
            Object value = Json.parse(text, source, lines);
            if (!(value instanceof Map)) {
                throw new ConfigException("", "the file must hold a JSON object (a dictConfig dictionary)", source, 1, null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) value;
            return new ConfigDocument(source, config, lines, Map.of());
        }
    };
    private static final ConfigFormat INI = new ConfigFormat() {
        @Override public java.util.Set<String> extensions() {
            return java.util.Set.of("ini", "conf", "cfg");
        }

        @Override public ConfigDocument read(String text, String source) {
            return IniConfig.read(text, source, Map.of());
        }
    };

    private ConfigFiles() {}

    /**
     * Reads {@code file} in the format its extension names and substitutes {@code ${...}} from
     * {@code environment}.
     *
     * @throws ConfigException if the file cannot be read, has an unknown extension, is invalid in
     *     its format or names an unset variable; located in the file
     */
    public static ConfigDocument read(Path file, Map<String, String> environment) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read the configuration file: " + e, source, 0, e);
        }
        ConfigDocument document = formatFor(source).read(text, source);
        return Substitution.apply(document, environment);
    }

    /**
     * Reads configuration text received without a file name, as Python's {@code listen()} does:
     * a JSON object is a dictConfig, anything else is tried as fileConfig INI text. Nothing is
     * substituted: text from a socket must not be able to copy the process's environment
     * (secrets included) into log output.
     */
    public static ConfigDocument readText(String text, String source) {
        return text.stripLeading().startsWith("{") ? JSON.read(text, source) : INI.read(text, source);
    }

    /** The format for a file name, by its extension. */
    static ConfigFormat formatFor(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        List<ConfigFormat> formats = formats();
        for (ConfigFormat f : formats) {
            if (f.extensions().contains(extension)) return f;
        }
        TreeSet<String> known = new TreeSet<>();
        formats.forEach(f -> known.addAll(f.extensions()));
        String hint = extension.equals("yaml") || extension.equals("yml")
                ? " (YAML needs the cairn-yaml module on the class path)" : "";
        throw new ConfigException("", "unknown configuration file type '." + extension + "'; known: ."
                + String.join(", .", known) + hint, fileName, 0, null);
    }

    private static List<ConfigFormat> formats() {
        List<ConfigFormat> formats = new ArrayList<>(List.of(JSON, INI));
        java.util.Iterator<ConfigFormat> found = ServiceLoader.load(ConfigFormat.class, ConfigFiles.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!found.hasNext()) break;
                formats.add(found.next());
            } catch (java.util.ServiceConfigurationError e) {
                // A broken module must not take JSON and INI down with it; its own files will say what is missing.
                RunningConfiguration.report("ignored a configuration format: " + e.getMessage());
            }
        }
        return formats;
    }
}
