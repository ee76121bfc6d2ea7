package io.toktik.server.deploy;

import java.util.List;
import java.util.Map;

/** Reading parsed YAML (maps and lists) by dotted path, without casts at every step. */
final class Nodes {
    private Nodes() {}

    static Object at(Object node, String path) {
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) return null;
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    static Map<String, Object> map(Object node, String path) {
        return map(at(node, path));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String path) {
        return at(node, path) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String string(Object node, String path) {
        Object v = at(node, path);
        return v == null ? null : String.valueOf(v);
    }
}
