package org.exportguard.lists.diff;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of the restricted-party lists: entries added, removed and changed, matched by
 * list id and the list's own id ({@code sourceId}), with the fields that changed.
 *
 * <p>Change impact re-screens open deals against {@link #addedOrChanged()} only, so this is the one place that
 * decides what counts as a change. Repeated fields (aliases, addresses, ...) compare as collections without regard to
 * order: a list re-published in another row order has not changed.
 */
public record ListDiff(List<ListedParty> added, List<ListedParty> removed, List<Change> changed, int unchanged) {

    /** One entry present in both versions whose content differs. */
    public record Change(ListedParty before, ListedParty after, List<String> fields) {
    }

    public ListDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** The fields compared, by the name used in reports, in report order. */
    private static final Map<String, Function<ListedParty, Object>> FIELDS = fields();

    private static Map<String, Function<ListedParty, Object>> fields() {
        Map<String, Function<ListedParty, Object>> f = new LinkedHashMap<>();
        f.put("type", ListedParty::type);
        f.put("primaryName", ListedParty::primaryName);
        f.put("aliases", ListedParty::aliases);
        f.put("sourceList", ListedParty::sourceList);
        f.put("addresses", ListedParty::addresses);
        f.put("datesOfBirth", ListedParty::datesOfBirth);
        f.put("placesOfBirth", ListedParty::placesOfBirth);
        f.put("nationalities", ListedParty::nationalities);
        f.put("identifiers", ListedParty::identifiers);
        f.put("titles", ListedParty::titles);
        f.put("programs", ListedParty::programs);
        f.put("listedOn", ListedParty::listedOn);
        f.put("listingEnd", ListedParty::listingEnd);
        f.put("licenceRequirement", ListedParty::licenceRequirement);
        f.put("licencePolicy", ListedParty::licencePolicy);
        f.put("remarks", ListedParty::remarks);
        return f;
    }

    /** Compares every entry of {@code before} with every entry of {@code after} (each may hold several lists). */
    public static ListDiff between(Collection<PartyList> before, Collection<PartyList> after) {
        Map<String, ListedParty> old = byKey(before);
        Map<String, ListedParty> now = byKey(after);
        List<ListedParty> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, ListedParty> e : now.entrySet()) {
            ListedParty was = old.get(e.getKey());
            if (was == null) {
                added.add(e.getValue());
                continue;
            }
            List<String> fields = changedFields(was, e.getValue());
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new Change(was, e.getValue(), fields));
            }
        }
        List<ListedParty> removed = new ArrayList<>();
        old.forEach((k, p) -> {
            if (!now.containsKey(k)) {
                removed.add(p);
            }
        });
        return new ListDiff(added, removed, changed, unchanged);
    }

    /** The entries an open deal must be re-screened against: added ones and the new form of changed ones. */
    public List<ListedParty> addedOrChanged() {
        List<ListedParty> out = new ArrayList<>(added);
        changed.forEach(c -> out.add(c.after()));
        return out;
    }

    /**
     * Every entry a change can make or unmake a hit with: added, removed, and both forms of changed ones (a deal that
     * matched only the old form of a changed entry must be re-decided too). Store impact and the Spark impact job
     * both screen against exactly these.
     */
    public List<ListedParty> touched() {
        List<ListedParty> out = addedOrChanged();
        out.addAll(removed);
        changed.forEach(c -> out.add(c.before()));
        return out;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    static List<String> changedFields(ListedParty a, ListedParty b) {
        List<String> out = new ArrayList<>();
        FIELDS.forEach((name, get) -> {
            if (!same(get.apply(a), get.apply(b))) {
                out.add(name);
            }
        });
        return out;
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof List<?> lx && y instanceof List<?> ly) {
            return lx.size() == ly.size() && new HashSet<>(lx).equals(new HashSet<>(ly));
        }
        return Objects.equals(x, y);
    }

    /**
     * Entries by list id and sourceId, in list order. A list that repeats an id (it happens in real files) keeps each
     * occurrence apart by its position among the repeats, so nothing is silently dropped.
     */
    private static Map<String, ListedParty> byKey(Collection<PartyList> lists) {
        Map<String, ListedParty> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PartyList l : lists) {
            for (ListedParty p : l.parties()) {
                String key = p.source() + "\u0000" + p.sourceId();
                int n = seen.merge(key, 1, Integer::sum);
                out.put(n == 1 ? key : key + "\u0000" + n, p);
            }
        }
        return out;
    }
}
