package org.exportguard.lists.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.ListedParty;

import java.util.function.Function;

/**
 * A {@link ListDiff} as JSON, the one shape `lists diff --json` and {@code GET /api/lists/diff} share: {@code summary}
 * (counts), then {@code added}, {@code removed} and {@code changed} entries (a changed one in its new form, with the
 * {@code fields} that changed). Each caller says how much of an entry it shows.
 */
public final class ListDiffJson {
    private ListDiffJson() {
    }

    /** Writes {@code d} into {@code o} after whatever the caller put there (the two versions compared). */
    public static void write(ObjectNode o, ListDiff d, Function<ListedParty, ObjectNode> entry) {
        ObjectNode s = o.putObject("summary");
        s.put("added", d.added().size());
        s.put("removed", d.removed().size());
        s.put("changed", d.changed().size());
        s.put("unchanged", d.unchanged());
        ArrayNode added = o.putArray("added");
        d.added().forEach(p -> added.add(entry.apply(p)));
        ArrayNode removed = o.putArray("removed");
        d.removed().forEach(p -> removed.add(entry.apply(p)));
        ArrayNode changed = o.putArray("changed");
        for (ListDiff.Change c : d.changed()) {
            ObjectNode e = entry.apply(c.after());
            ArrayNode f = e.putArray("fields");
            c.fields().forEach(f::add);
            changed.add(e);
        }
    }
}
