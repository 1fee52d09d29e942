package dev.cairn.handlers;

import java.nio.file.Path;

/** Starting test JVMs: the same java and class path as the test, with a quick start. */
final class ChildProcesses {
    private ChildProcesses() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
