package dev.cairn.yaml;

import dev.cairn.config.ConfigDocument;
import dev.cairn.config.ConfigException;
import dev.cairn.config.ConfigFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * {@code .yaml} and {@code .yml} configuration files for {@code Logging.configure}, read as
 * Python's {@code yaml.safe_load} reads them (see {@link PyYamlScalars}): only mappings,
 * sequences, strings, numbers, booleans and null, never objects named by tags. The file is
 * composed into nodes first so that every key keeps its line for error messages. Registered
 * with {@link java.util.ServiceLoader}; thread-safe.
 */
public final class YamlFormat implements ConfigFormat {
    private static final int MAX_DEPTH = 64;

    @Override
    public Set<String> extensions() {
        return Set.of("yaml", "yml");
    }

    @Override
    public ConfigDocument read(String text, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source == null ? "yaml" : source)
                .setSchema(new PyYamlScalars()).setAllowDuplicateKeys(true).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            int line = mark == null ? 0 : mark.getLine() + 1;
            String where = mark == null ? "" : " at line " + line + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigException("", "invalid YAML" + where + ": " + (e.getContext() != null && e.getProblem() != null
                    ? e.getContext() + ", " + problem : problem), source, line, e);
        } catch (YamlEngineException e) {
            throw new ConfigException("", "invalid YAML: " + e.getMessage(), source, 0, e);
        }
        if (root.isEmpty()) throw new ConfigException("", "the file is empty (expected a dictConfig mapping)", source, 1, null);
        Map<String, Integer> lines = new LinkedHashMap<>();
        Reader reader = new Reader(source, lines);
        Object value = reader.value(root.get(), "", 0);
        if (!(value instanceof Map)) {
            throw new ConfigException("", "the file must hold a mapping (a dictConfig dictionary)", source, lineOf(root.get()), null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) value;
        return new ConfigDocument(source, config, lines, Map.of());
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** Turns nodes into Maps, Lists and scalars, recording the line of every key path. */
    private static final class Reader {
        private final String source;
        private final Map<String, Integer> lines;

        Reader(String source, Map<String, Integer> lines) {
            this.source = source;
            this.lines = lines;
        }

        Object value(Node node, String path, int depth) {
            if (depth > MAX_DEPTH) throw error(node, path, "nested more than " + MAX_DEPTH + " levels deep (a recursive alias?)");
            if (node instanceof ScalarNode) return scalar((ScalarNode) node, path);
            if (node instanceof SequenceNode) {
                checkTag(node, Tag.SEQ, path);
                List<Object> list = new ArrayList<>();
                for (Node item : ((SequenceNode) node).getValue()) {
                    String itemPath = path + "[" + list.size() + "]";
                    lines.put(itemPath, lineOf(item));
                    list.add(value(item, itemPath, depth + 1));
                }
                return list;
            }
            checkTag(node, Tag.MAP, path);
            return mapping((MappingNode) node, path, depth);
        }

        /** A mapping with PyYAML's merge keys: merged entries first, explicit keys win. */
        private Map<Object, Object> mapping(MappingNode node, String path, int depth) {
            Map<Object, Object> merged = new LinkedHashMap<>();
            Map<Object, Object> explicit = new LinkedHashMap<>();
            for (NodeTuple t : node.getValue()) {
                Node keyNode = t.getKeyNode();
                if (keyNode.getTag().equals(PyYamlScalars.MERGE)) {
                    merge(t.getValueNode(), merged, path, depth);
                    continue;
                }
                Object key = keyNode instanceof ScalarNode ? scalar((ScalarNode) keyNode, path) : null;
                if (key == null && !(keyNode instanceof ScalarNode)) throw error(keyNode, path, "a key must be a plain value, not a list or mapping");
                String keyPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                lines.put(keyPath, lineOf(keyNode));
                explicit.remove(key);
                explicit.put(key, value(t.getValueNode(), keyPath, depth + 1));
            }
            for (Map.Entry<Object, Object> e : explicit.entrySet()) {
                merged.remove(e.getKey());
                merged.put(e.getKey(), e.getValue());
            }
            return merged;
        }

        private void merge(Node value, Map<Object, Object> into, String path, int depth) {
            List<Node> sources = value instanceof SequenceNode ? ((SequenceNode) value).getValue() : List.of(value);
            for (Node n : sources) {
                if (!(n instanceof MappingNode)) throw error(n, path, "'<<' merges mappings only");
                for (Map.Entry<Object, Object> e : mapping((MappingNode) n, path, depth + 1).entrySet()) {
                    into.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }

        private Object scalar(ScalarNode node, String path) {
            String v = node.getValue();
            Tag tag = node.getTag();
            try {
                if (tag.equals(Tag.STR)) return v;
                if (tag.equals(Tag.NULL)) return null;
                if (tag.equals(Tag.BOOL)) return PyYamlScalars.bool(v);
                if (tag.equals(Tag.INT)) return PyYamlScalars.integer(v);
                if (tag.equals(Tag.FLOAT)) return PyYamlScalars.floating(v);
            } catch (IllegalArgumentException e) {
                throw error(node, path, "cannot read '" + v + "' as " + tag + ": " + e.getMessage());
            }
            if (tag.equals(PyYamlScalars.MERGE)) return v;
            throw error(node, path, "the tag " + tag + " is not allowed (safe_load reads only plain data)");
        }

        private void checkTag(Node node, Tag expected, String path) {
            if (!node.getTag().equals(expected)) {
                throw error(node, path, "the tag " + node.getTag() + " is not allowed (safe_load reads only plain data)");
            }
        }

        private ConfigException error(Node node, String path, String problem) {
            return new ConfigException(path, problem, source, lineOf(node), null);
        }
    }
}
