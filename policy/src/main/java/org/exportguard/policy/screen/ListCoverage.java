package org.exportguard.policy.screen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.policy.pack.ListRule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a screener screens against, source by source ({@link ScreenedList}), how old each stored source is by the
 * desk's clock, and the staleness limits it is held to: what every screen answer and decision names as its
 * {@code lists}, and what tells the evaluator whether a list rule's source (and sub-list) was screened, and was
 * current. Immutable.
 */
public final class ListCoverage {
    private final Map<String, ScreenedList> bySource;
    private final Clock clock;
    private final Staleness staleness;

    public ListCoverage(List<ScreenedList> lists, Clock clock, Staleness staleness) {
        Map<String, ScreenedList> m = new TreeMap<>();
        lists.forEach(l -> m.put(l.source(), l));
        this.bySource = Collections.unmodifiableMap(m);
        this.clock = clock;
        this.staleness = staleness;
    }

    /**
     * Lists the caller gave (files, or the shipped samples): not stored, so no version, import time or age, and no
     * staleness check; each list id credited with the sub-lists its rows hold.
     *
     * @param listVersions list id to its content hash ({@code sha256:HEX}, as {@code ListHash} gives it)
     */
    public static ListCoverage given(List<PartyList> lists, Map<String, String> listVersions) {
        Map<String, List<PartyList>> byId = new LinkedHashMap<>();
        lists.forEach(l -> byId.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l));
        List<ScreenedList> out = new ArrayList<>();
        byId.forEach((id, ls) -> out.add(new ScreenedList(id, null, hash(listVersions.get(id)), null, null, null,
                ScreenedList.subListsOf(ls))));
        return new ListCoverage(out, Clock.systemUTC(), Staleness.DEFAULT);
    }

    private static String hash(String version) {
        return version == null ? null : version.replace("sha256:", "");
    }

    /** The sources screened, by source. */
    public Map<String, ScreenedList> lists() {
        return bySource;
    }

    public Clock clock() {
        return clock;
    }

    public Staleness staleness() {
        return staleness;
    }

    /** The same lists held to other limits. */
    public ListCoverage withStaleness(Staleness other) {
        return new ListCoverage(List.copyOf(bySource.values()), clock, other);
    }

    /** Whether the selector's source was screened, and (when it names one) its sub-list is among the source's rows. */
    public boolean covers(ListRule.Selector s) {
        ScreenedList l = bySource.get(s.source());
        return l != null && (s.sourceList() == null || l.subLists().contains(s.sourceList()));
    }

    /** How long ago the store last confirmed {@code l} current, as of {@code now} (null: not stored). */
    public static Duration age(ScreenedList l, Instant now) {
        if (l.confirmedAt() == null) {
            return null;
        }
        Duration d = Duration.between(l.confirmedAt(), now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether stored list {@code l} is older than its limit as of {@code now} (a list given by the caller never is). */
    public boolean stale(ScreenedList l, Instant now) {
        Duration age = age(l, now);
        return age != null && age.compareTo(staleness.limitOf(l.source())) > 0;
    }

    /** Age in days, to 2 decimals (null: not stored). */
    public static Double ageDays(ScreenedList l, Instant now) {
        Duration age = age(l, now);
        return age == null ? null : Math.round(age.toMillis() / 864_000d) / 100d;
    }

    /**
     * {@code [{"source","version","sha256","effective","importedAt","ageDays"}, ...]} in source order, with
     * {@code "subLists"} after them for a list that has sub-lists; age as of {@code now}.
     */
    public ArrayNode toJson(Instant now) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (ScreenedList l : bySource.values()) {
            ObjectNode o = a.addObject();
            o.put("source", l.source());
            if (l.version() == null) {
                o.putNull("version");
            } else {
                o.put("version", l.version());
            }
            o.put("sha256", l.sha256());
            o.put("effective", l.effective() == null ? null : l.effective().toString());
            o.put("importedAt", l.importedAt() == null ? null : l.importedAt().toString());
            Double age = ageDays(l, now);
            if (age == null) {
                o.putNull("ageDays");
            } else {
                o.put("ageDays", age);
            }
            if (!l.subLists().isEmpty()) {
                ArrayNode s = o.putArray("subLists");
                l.subLists().forEach(s::add);
            }
        }
        return a;
    }

    /** {@link #toJson(Instant)} as of the clock's now. */
    public ArrayNode toJson() {
        return toJson(clock.instant());
    }
}
