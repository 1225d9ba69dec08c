package org.exportguard.policy.pack;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value read from a pack file, with where it sits ({@code groups.E1.versions[0].members[3]}), so every problem
 * can be reported as {@code FILE: PATH: problem}.
 */
final class YamlNode {
    final String file;
    final String path;
    final Object value;

    YamlNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    PolicyFormatException error(String problem) {
        return PolicyFormatException.at(file, path, problem);
    }

    boolean isNull() {
        return value == null;
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The entries of a mapping, in file order; keys are read as text. */
    Map<String, YamlNode> map() throws PolicyFormatException {
        if (!(value instanceof Map<?, ?> m)) {
            throw error("expected a mapping (key: value), found " + describe());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            out.put(k, new YamlNode(file, childPath(k), e.getValue()));
        }
        return out;
    }

    /** A mapping whose keys must all be in {@code allowed} (a typo in a key is an error, not silently ignored). */
    Map<String, YamlNode> map(Set<String> allowed) throws PolicyFormatException {
        Map<String, YamlNode> m = map();
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw error("unknown field '" + k + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
        return m;
    }

    List<YamlNode> list() throws PolicyFormatException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw error("expected a list, found " + describe());
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    /** A list, or one scalar read as a one-element list ({@code source: "x"} and {@code source: [x, y]}). */
    List<YamlNode> listOrOne() throws PolicyFormatException {
        if (value instanceof List<?>) {
            return list();
        }
        return value == null ? List.of() : List.of(this);
    }

    String text() throws PolicyFormatException {
        if (value == null) {
            throw error("missing");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("expected a single value, found " + describe());
        }
        String s = String.valueOf(value).strip();
        if (s.isEmpty()) {
            throw error("empty");
        }
        return s;
    }

    LocalDate date() throws PolicyFormatException {
        String s = text();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw error("not a date '" + s + "' (expected YYYY-MM-DD)");
        }
    }

    boolean bool() throws PolicyFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("expected true or false, found " + describe());
    }

    private String describe() {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    /** A required child of a mapping. */
    static YamlNode required(Map<String, YamlNode> m, YamlNode parent, String key) throws PolicyFormatException {
        YamlNode n = m.get(key);
        if (n == null || n.isNull()) {
            throw PolicyFormatException.at(parent.file, parent.childPath(key), "missing");
        }
        return n;
    }

    /** An optional child: a null node (never a Java null) when absent. */
    static YamlNode optional(Map<String, YamlNode> m, YamlNode parent, String key) {
        YamlNode n = m.get(key);
        return n != null ? n : new YamlNode(parent.file, parent.childPath(key), null);
    }
}
