package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.DealQueue;
import org.exportguard.store.PartyWords;
import org.exportguard.store.Role;
import org.exportguard.store.Store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code GET /api/deals}: the deal queue the workbench shows (REVIEW first, then BLOCKED, LICENCE_REQUIRED,
 * CLEARED, or sorted by another column either way), filtered by outcome, destination, party, regime and export
 * date, paged by a cursor ({@link DealQueue}).
 */
public final class DealQueueApi {
    private final Store store;
    private final Supplier<List<String>> regimes;

    /**
     * @param regimes the regime ids of the policy in force (a regime filter must name one; null when the policy
     *                cannot be read, and then any well-formed id is taken)
     */
    public DealQueueApi(Store store, Supplier<List<String>> regimes) {
        this.store = store;
        this.regimes = regimes;
    }

    public DealQueueApi(Store store) {
        this(store, () -> null);
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/deals", Role.VIEWER, 0,
                "The deal queue: deals (status=open by default, or closed) in queue order (sort=queue, the "
                        + "default: REVIEW first, then BLOCKED, LICENCE_REQUIRED, CLEARED, each by export date) or "
                        + "by sort=date (export date), destination, party (the party names as listed) or updated "
                        + "(last change), each then by id; direction=asc (default) or desc reverses the order; "
                        + "filters outcome (comma-separated), destination (ISO code), party (every word must be a "
                        + "word of a party's name), regime (a regime of the policy in force, e.g. US-EAR: deals "
                        + "whose latest decision covers it; 'regimes' in the answer lists them), from and to (export "
                        + "dates, inclusive); limit (default 50, at most " + DealQueue.MAX_PAGE + "); 'next' is the "
                        + "'after' of the following page (null on the last), valid only with the same sort and "
                        + "direction. Paging is by key: a page deep in a million deals costs what the first costs; "
                        + "a deal that changes between two page loads is listed where it is at the next load",
                null, Schemas.parse("""
                        {"type":"object","properties":{
                          "deals":{"type":"array","items":{"type":"object","properties":{
                            "id":{"type":"string"},"exportDate":{"type":["string","null"]},
                            "destination":{"type":"string"},"parties":{"type":"array","items":{"type":"string"}},
                            "status":{"type":"string"},"outcome":{"type":["string","null"]},
                            "updatedAt":{"type":"string"}}}},
                          "next":{"type":["string","null"]},
                          "regimes":{"type":"array","items":{"type":"string"}}}}"""), this::page, false,
                Map.of(400, "a bad status, outcome, destination, party, regime, date, sort, direction, limit or "
                        + "cursor ('after'), named in 'field'")));
    }

    private ApiResponse page(Request r) throws ApiException {
        String status = r.query("status") == null ? "open" : r.query("status");
        if (!status.equals("open") && !status.equals("closed")) {
            throw ApiException.badField("status", "'status' must be open or closed, not '" + status + "'");
        }
        Set<String> outcomes = null;
        if (blank(r.query("outcome")) != null) {
            outcomes = new LinkedHashSet<>();
            for (String o : r.query("outcome").split(",")) {
                String u = o.strip().toUpperCase(Locale.ROOT);
                if (!DealQueue.ORDER.contains(u)) {
                    throw ApiException.badField("outcome", "'outcome' must be among " + DealQueue.ORDER + ", not '"
                            + o + "'");
                }
                outcomes.add(u);
            }
        }
        String destination = blank(r.query("destination"));
        if (destination != null) {
            destination = destination.toUpperCase(Locale.ROOT);
        }
        Set<String> words = null;
        if (blank(r.query("party")) != null) {
            words = PartyWords.of(r.query("party"));
            if (words.isEmpty()) {
                throw ApiException.badField("party", "'party' holds no word of two or more letters or digits");
            }
        }
        List<String> known = regimes.get();
        String regime = blank(r.query("regime"));
        if (regime != null) {
            String want = regime.toUpperCase(Locale.ROOT);
            regime = known == null ? want : known.stream().filter(k -> k.equalsIgnoreCase(want)).findFirst()
                    .orElse(null);
            if (regime == null || regime.contains("|") || regime.length() > 100) {
                throw ApiException.badField("regime", "'regime' must be " + (known == null
                        ? "a regime id" : "one of the policy's regimes " + known)
                        + ", not '" + r.query("regime") + "'");
            }
        }
        String sortName = blank(r.query("sort")) == null ? "queue" : r.query("sort").strip();
        DealQueue.Sort sort = DealQueue.Sort.of(sortName);
        if (sort == null) {
            throw ApiException.badField("sort", "'sort' must be one of " + Arrays.stream(DealQueue.Sort.values())
                    .map(DealQueue.Sort::id).toList() + ", not '" + sortName + "'");
        }
        String direction = blank(r.query("direction")) == null ? "asc" : r.query("direction").strip();
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.badField("direction", "'direction' must be asc or desc, not '" + direction + "'");
        }
        boolean descending = direction.equals("desc");
        DealQueue.Cursor after = null;
        if (blank(r.query("after")) != null) {
            after = DealQueue.Cursor.decode(r.query("after"));
            if (after == null) {
                throw ApiException.badField("after", "'after' is not a cursor this route gave as 'next'");
            }
            if (after.sort() != sort || after.descending() != descending) {
                throw ApiException.badField("after", "'after' is the cursor of another order (sort="
                        + after.sort().id() + ", direction=" + (after.descending() ? "desc" : "asc")
                        + "): start again from the first page");
            }
        }
        int limit = 50;
        if (blank(r.query("limit")) != null) {
            try {
                limit = Integer.parseInt(r.query("limit").strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > DealQueue.MAX_PAGE) {
                throw ApiException.badField("limit", "'limit' must be a whole number from 1 to " + DealQueue.MAX_PAGE
                        + ", not '" + r.query("limit") + "'");
            }
        }
        String from = date(r, "from");
        String to = date(r, "to");
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ApiException.badField("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        DealQueue.Page p = store.dealQueue().page(new DealQueue.Query(status, outcomes, destination, words, regime,
                from, to, sort, descending, after, limit));
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("deals");
        for (DealQueue.Row d : p.rows()) {
            ObjectNode e = a.addObject();
            e.put("id", d.id());
            e.put("exportDate", d.exportDate());
            e.put("destination", d.destination());
            ArrayNode names = e.putArray("parties");
            d.partyNames().forEach(names::add);
            e.put("status", d.status());
            e.put("outcome", d.outcome());
            e.put("updatedAt", d.updatedAt());
        }
        o.put("next", p.next() == null ? null : p.next().encode());
        ArrayNode rs = o.putArray("regimes");
        if (known != null) {
            known.forEach(rs::add);
        }
        return ApiResponse.ok(o);
    }

    private static String date(Request r, String name) throws ApiException {
        String s = blank(r.query(name));
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "'" + name + "' must be a date YYYY-MM-DD, not '" + s + "'");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
