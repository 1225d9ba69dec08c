package org.exportguard.lists.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One FollowTheMoney entity as read from a line: {@code id}, {@code schema}, {@code caption}, the properties kept
 * (values are strings, or nested entities in the nested form), {@code datasets}, {@code target} (null when the line
 * does not say) and the line it was read from.
 */
final class FtmEntity {
    final String id;
    final String schema;
    final String caption;
    final Map<String, List<Object>> properties;
    final List<String> datasets;
    final Boolean target;
    final long line;

    FtmEntity(String id, String schema, String caption, Map<String, List<Object>> properties, List<String> datasets,
              Boolean target, long line) {
        this.id = id;
        this.schema = schema;
        this.caption = caption;
        this.properties = properties == null ? new LinkedHashMap<>() : properties;
        this.datasets = datasets == null ? List.of() : datasets;
        this.target = target;
        this.line = line;
    }

    /** The string values of a property, in order (nested entities left out). */
    List<String> strings(String property) {
        List<String> out = new ArrayList<>();
        for (Object v : properties.getOrDefault(property, List.of())) {
            if (v instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first string value of a property, or null. */
    String first(String property) {
        List<String> v = strings(property);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Every entity nested in any property (the nested form), in order. */
    List<FtmEntity> nested() {
        List<FtmEntity> out = new ArrayList<>();
        for (List<Object> values : properties.values()) {
            for (Object v : values) {
                if (v instanceof FtmEntity e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** True when the entity belongs to the dataset, or says nothing about datasets. */
    boolean in(String dataset) {
        return datasets.isEmpty() || datasets.contains(dataset);
    }
}
