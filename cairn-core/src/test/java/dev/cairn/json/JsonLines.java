package dev.cairn.json;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.StreamHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A logger whose records go through one formatter into memory, read back as lines. */
final class JsonLines {
    final Logger logger;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    JsonLines(String name, Formatter formatter) {
        logger = Logging.getLogger(name);
        logger.setLevel(Level.DEBUG);
        logger.setPropagate(false);
        StreamHandler h = new StreamHandler(bytes);
        h.setFormatter(formatter);
        logger.addHandler(h);
    }

    List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) return List.of();
        List<String> all = List.of(text.split("\n", -1));
        return all.subList(0, all.size() - 1);
    }

    String last() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        int end = text.length() - 1;
        return text.substring(text.lastIndexOf('\n', end - 1) + 1, end);
    }
}
