package dev.cairn.config;

import java.util.Map;

/** Configurations written as JSON text, parsed by Cairn's own reader, as users write them. */
final class ConfigFixtures {
    private ConfigFixtures() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text.replace('\'', '"'), "test");
    }
}
