package dev.cairn.config;

import java.util.Set;

/**
 * A file format that holds Python's dictConfig schema (or translates into it), found with
 * {@link java.util.ServiceLoader}: cairn-core reads JSON and INI itself, the {@code cairn-yaml}
 * module adds YAML. Implementations must be thread-safe and must not execute anything the file
 * names while reading it.
 */
public interface ConfigFormat {
    /** The file name extensions this format reads, lower case, without the dot ({@code "yaml"}). */
    Set<String> extensions();

    /**
     * Reads {@code text} into a document whose key paths carry the lines they were written on.
     *
     * @param source the file name for error messages
     * @throws ConfigException for text that is not valid in this format, with {@code source} and line
     */
    ConfigDocument read(String text, String source);
}
