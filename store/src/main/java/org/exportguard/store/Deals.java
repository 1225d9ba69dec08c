package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deals, their party words and their decision history. Every write is one transaction with its audit record;
 * bulk writes use prepared statements in JDBC batches.
 */
public final class Deals {
    private static final String DEAL_COLUMNS = "id, json, export_date, destination, party_names, status, outcome, "
            + "decision_seq, created_at, updated_at";

    /** A write at least this big refreshes PostgreSQL's planner statistics. */
    static final int BULK = 10_000;

    private final Database db;

    Deals(Database db) {
        this.db = db;
    }

    /** Adds new deals (status open), all or none; any id already stored, or given twice, refuses the whole batch. */
    public void add(List<DealRecord> deals, String actor) {
        add(deals, List.of(), actor);
    }

    /**
     * Adds new deals with their first decisions in ONE transaction: a deal is never stored undecided. All or none;
     * any id already stored, or given twice, refuses the whole batch.
     */
    public void add(List<DealRecord> deals, List<NewDecision> decisions, String actor) {
        if (deals.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (DealRecord d : deals) {
            if (!ids.add(d.id())) {
                throw new ConflictException("deal " + d.id() + " is given twice");
            }
        }
        db.write(c -> {
            Set<String> existing = new HashSet<>();
            Sql.inChunks(c, "SELECT id FROM deals WHERE id IN (%s)", List.of(), ids, rs -> existing.add(rs.getString(1)));
            if (!existing.isEmpty()) {
                throw new ConflictException("deal " + existing.iterator().next() + " already exists"
                        + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more)" : ""));
            }
            String now = now();
            try (PreparedStatement pd = c.prepareStatement("INSERT INTO deals (" + DEAL_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, 'open', NULL, 0, ?, ?)");
                 PreparedStatement pw = c.prepareStatement("INSERT INTO deal_words (word, deal_id) VALUES (?, ?)")) {
                int n = 0;
                for (DealRecord d : deals) {
                    bindDeal(pd, d);
                    pd.setString(6, now);
                    pd.setString(7, now);
                    pd.addBatch();
                    addWords(pw, d);
                    if (++n % Sql.BATCH == 0) {
                        pd.executeBatch();
                        pw.executeBatch();
                    }
                }
                pd.executeBatch();
                pw.executeBatch();
            }
            AuditLog.append(c, actor, "deals.add", subject(deals.stream().map(DealRecord::id).toList()),
                    idDetails(deals.stream().map(DealRecord::id).toList()));
            if (!decisions.isEmpty()) {
                appendDecisions(c, decisions, actor);
            }
            return null;
        });
        if (deals.size() >= BULK) {
            db.analyze("deals", "deal_words");
        }
    }

    /** Replaces an open deal's JSON and columns (its decisions stay). */
    public void update(DealRecord d, String actor) {
        db.write(c -> {
            StoredDeal old = dealRow(c, d.id()).orElseThrow(() -> new NotFoundException("no deal " + d.id()));
            if (!old.open()) {
                throw new ConflictException("deal " + d.id() + " is closed: a closed deal cannot be changed");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE deals SET json = ?, export_date = ?, "
                    + "destination = ?, party_names = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, d.json());
                ps.setString(2, d.exportDate() == null ? null : d.exportDate().toString());
                ps.setString(3, d.destination());
                ps.setString(4, String.join("\n", d.partyNames()));
                ps.setString(5, now());
                ps.setString(6, d.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM deal_words WHERE word = ? AND deal_id = ?")) {
                for (String w : words(old.deal())) {
                    ps.setString(1, w);
                    ps.setString(2, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement pw = c.prepareStatement("INSERT INTO deal_words (word, deal_id) VALUES (?, ?)")) {
                addWords(pw, d);
                pw.executeBatch();
            }
            ObjectNode det = AuditLog.details();
            det.put("destination", d.destination());
            det.put("exportDate", d.exportDate() == null ? null : d.exportDate().toString());
            det.put("jsonSha256", Sha256.hex(d.json()));
            AuditLog.append(c, actor, "deals.update", d.id(), det);
            return null;
        });
    }

    /** Closes a deal: it is no longer re-decided on changes. Closing a closed deal is refused. */
    public void close(String id, String actor) {
        db.write(c -> {
            StoredDeal old = dealRow(c, id).orElseThrow(() -> new NotFoundException("no deal " + id));
            if (!old.open()) {
                throw new ConflictException("deal " + id + " is already closed");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE deals SET status = 'closed', updated_at = ? "
                    + "WHERE id = ?")) {
                ps.setString(1, now());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, actor, "deals.close", id, AuditLog.details());
            return null;
        });
    }

    /** A deal with its whole decision history, oldest first. */
    public Optional<StoredDeal> get(String id) {
        return db.read(c -> {
            Optional<StoredDeal> d = dealRow(c, id);
            if (d.isEmpty()) {
                return d;
            }
            List<StoredDecision> history = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, seq, as_of, outcome, decision_json, "
                    + "list_version_ids, policy_version_id, reason, created_at FROM decisions WHERE deal_id = ? "
                    + "ORDER BY seq")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pv = rs.getLong(7);
                        Long policyVersion = rs.wasNull() ? null : pv; // wasNull speaks of the last column read
                        history.add(new StoredDecision(rs.getString(1), rs.getInt(2), LocalDate.parse(rs.getString(3)),
                                rs.getString(4), rs.getString(5), versionIds(rs.getString(6)),
                                policyVersion, rs.getString(8), rs.getString(9)));
                    }
                }
            }
            StoredDeal s = d.get();
            return Optional.of(new StoredDeal(s.deal(), s.status(), s.outcome(), s.decisionCount(), s.createdAt(),
                    s.updatedAt(), history));
        });
    }

    /** The deals with these ids (those that exist), without decision history, in id order. */
    public List<StoredDeal> getMany(Collection<String> ids) {
        return db.read(c -> {
            List<StoredDeal> out = new ArrayList<>();
            Sql.inChunks(c, "SELECT " + DEAL_COLUMNS + " FROM deals WHERE id IN (%s)", List.of(),
                    new LinkedHashSet<>(ids), rs -> out.add(deal(rs)));
            out.sort((a, b) -> a.deal().id().compareTo(b.deal().id()));
            return out;
        });
    }

    /**
     * Appends decisions (several for one deal are appended in the given order), all or none, in one transaction
     * with one audit record. Each deal's latest outcome follows its last decision.
     */
    public void appendDecisions(List<NewDecision> decisions, String actor) {
        if (decisions.isEmpty()) {
            return;
        }
        db.write(c -> {
            appendDecisions(c, decisions, actor);
            return null;
        });
    }

    static void appendDecisions(Connection c, List<NewDecision> decisions, String actor) throws SQLException {
        Set<String> ids = decisions.stream().map(NewDecision::dealId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Integer> seqs = new HashMap<>();
        Sql.inChunks(c, "SELECT id, decision_seq FROM deals WHERE id IN (%s)", List.of(), ids,
                rs -> seqs.put(rs.getString(1), rs.getInt(2)));
        for (String id : ids) {
            if (!seqs.containsKey(id)) {
                throw new NotFoundException("no deal " + id + ": cannot record a decision for it");
            }
        }
        Map<String, String> lastOutcome = new LinkedHashMap<>();
        String now = now();
        try (PreparedStatement pi = c.prepareStatement("INSERT INTO decisions (deal_id, seq, as_of, outcome, "
                + "decision_json, list_version_ids, policy_version_id, reason, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (NewDecision d : decisions) {
                int seq = seqs.merge(d.dealId(), 1, Integer::sum);
                lastOutcome.put(d.dealId(), d.outcome());
                pi.setString(1, d.dealId());
                pi.setInt(2, seq);
                pi.setString(3, d.asOf().toString());
                pi.setString(4, d.outcome());
                pi.setString(5, d.decisionJson());
                pi.setString(6, d.listVersionIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
                if (d.policyVersionId() == null) {
                    pi.setNull(7, java.sql.Types.BIGINT);
                } else {
                    pi.setLong(7, d.policyVersionId());
                }
                pi.setString(8, d.reason());
                pi.setString(9, now);
                pi.addBatch();
                if (++n % Sql.BATCH == 0) {
                    pi.executeBatch();
                }
            }
            pi.executeBatch();
        }
        updateOutcomes(c, lastOutcome, seqs);
        List<String> dealIds = new ArrayList<>(lastOutcome.keySet());
        ObjectNode det = idDetails(dealIds);
        det.put("decisions", decisions.size());
        Map<String, Long> byOutcome = decisions.stream().collect(
                Collectors.groupingBy(NewDecision::outcome, java.util.TreeMap::new, Collectors.counting()));
        ObjectNode oc = det.putObject("outcomes");
        byOutcome.forEach(oc::put);
        Set<String> reasons = decisions.stream().map(NewDecision::reason).collect(Collectors.toCollection(
                java.util.TreeSet::new));
        ArrayNode rs = det.putArray("reasons");
        reasons.stream().limit(20).forEach(rs::add);
        AuditLog.append(c, actor, "decisions.append", subject(dealIds), det);
    }

    /** Sets each deal's current outcome and decision count. */
    private static void updateOutcomes(Connection c, Map<String, String> outcomes, Map<String, Integer> seqs)
            throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            // PostgreSQL runs a batch of UPDATEs one statement at a time (only INSERTs are rewritten into one), so
            // a re-decision of 300,000 deals spent seconds on round trips: send each chunk as arrays in ONE UPDATE.
            List<Map.Entry<String, String>> all = new ArrayList<>(outcomes.entrySet());
            try (PreparedStatement pu = c.prepareStatement("UPDATE deals SET decision_seq = v.seq, outcome = v.outcome "
                    + "FROM (SELECT unnest(?::text[]) AS id, unnest(?::int[]) AS seq, unnest(?::text[]) AS outcome) v "
                    + "WHERE deals.id = v.id")) {
                for (int from = 0; from < all.size(); from += PG_UPDATE_CHUNK) {
                    List<Map.Entry<String, String>> chunk = all.subList(from, Math.min(all.size(), from + PG_UPDATE_CHUNK));
                    pu.setArray(1, c.createArrayOf("text", chunk.stream().map(Map.Entry::getKey).toArray()));
                    pu.setArray(2, c.createArrayOf("integer", chunk.stream().map(e -> seqs.get(e.getKey())).toArray()));
                    pu.setArray(3, c.createArrayOf("text", chunk.stream().map(Map.Entry::getValue).toArray()));
                    pu.executeUpdate();
                }
            }
            return;
        }
        try (PreparedStatement pu = c.prepareStatement("UPDATE deals SET decision_seq = ?, outcome = ? WHERE id = ?")) {
            int n = 0;
            for (Map.Entry<String, String> e : outcomes.entrySet()) {
                pu.setInt(1, seqs.get(e.getKey()));
                pu.setString(2, e.getValue());
                pu.setString(3, e.getKey());
                pu.addBatch();
                if (++n % Sql.BATCH == 0) {
                    pu.executeBatch();
                }
            }
            pu.executeBatch();
        }
    }

    /** Deals per UPDATE on PostgreSQL: large enough to drop round trips, small enough for a modest statement. */
    private static final int PG_UPDATE_CHUNK = 5000;

    /** Open deals whose destination is one of {@code destinations}. */
    public Set<String> openDealIdsByDestinations(Set<String> destinations) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            Sql.inChunks(c, "SELECT id FROM deals WHERE status = ? AND destination IN (%s)", List.of(StoredDeal.OPEN),
                    destinations, rs -> out.add(rs.getString(1)));
            return out;
        });
    }

    /**
     * Open deals with a party whose name holds any of {@code words} (each normalised by {@link PartyWords}, so a
     * list entry's names can be passed as they are: every word of each is used).
     */
    public Set<String> openDealIdsByPartyWords(Set<String> words) {
        Set<String> norm = new LinkedHashSet<>();
        words.forEach(w -> norm.addAll(PartyWords.of(w)));
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            Sql.inChunks(c, "SELECT DISTINCT w.deal_id FROM deal_words w JOIN deals d ON d.id = w.deal_id "
                            + "WHERE d.status = ? AND w.word IN (%s)", List.of(StoredDeal.OPEN), norm,
                    rs -> out.add(rs.getString(1)));
            return out;
        });
    }

    /** Up to {@code limit} open deals with ids after {@code afterId} (null: from the start), in id order. */
    public List<StoredDeal> openDealsPage(String afterId, int limit) {
        return db.read(c -> {
            List<StoredDeal> out = new ArrayList<>(limit);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DEAL_COLUMNS + " FROM deals WHERE status = ? "
                    + "AND id > ? ORDER BY id LIMIT ?")) {
                ps.setString(1, StoredDeal.OPEN);
                ps.setString(2, afterId == null ? "" : afterId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(deal(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Streams every open deal, a page (its own read transaction) at a time; returns how many. */
    public long forEachOpenDealPage(int pageSize, Consumer<List<StoredDeal>> page) {
        String after = null;
        long n = 0;
        while (true) {
            List<StoredDeal> p = openDealsPage(after, pageSize);
            if (p.isEmpty()) {
                return n;
            }
            page.accept(p);
            n += p.size();
            after = p.get(p.size() - 1).deal().id();
        }
    }

    /** A deal's id, destination and party names: what change impact needs to find the deals a change touches. */
    public record Parties(String id, String destination, List<String> names) {
    }

    /** Streams the id, destination and party names of every open deal, in one read, without the deals' JSON. */
    public long forEachOpenParties(Consumer<Parties> each) {
        return db.read(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, destination, party_names FROM deals "
                    + "WHERE status = ?")) {
                ps.setFetchSize(10_000);
                ps.setString(1, StoredDeal.OPEN);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String names = rs.getString(3);
                        each.accept(new Parties(rs.getString(1), rs.getString(2),
                                names.isEmpty() ? List.of() : Arrays.asList(names.split("\n", -1))));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /**
     * Streams the open deals to {@code destinations} (null: every open deal) in pages, in one read, with their JSON
     * and current outcome: what a re-decision after a policy change reads. Returns how many.
     */
    public long forEachOpenDealTo(Set<String> destinations, int pageSize, Consumer<List<StoredDeal>> page) {
        if (destinations != null && destinations.isEmpty()) {
            return 0;
        }
        return db.read(c -> {
            String sql = "SELECT " + DEAL_COLUMNS + " FROM deals WHERE status = ?"
                    + (destinations == null ? "" : " AND destination IN (" + Sql.marks(destinations.size()) + ")");
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(pageSize);
                ps.setString(1, StoredDeal.OPEN);
                if (destinations != null) {
                    int i = 2;
                    for (String d : destinations) {
                        ps.setString(i++, d);
                    }
                }
                List<StoredDeal> buffer = new ArrayList<>(pageSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        buffer.add(deal(rs));
                        if (buffer.size() == pageSize) {
                            page.accept(buffer);
                            n += buffer.size();
                            buffer = new ArrayList<>(pageSize);
                        }
                    }
                }
                if (!buffer.isEmpty()) {
                    page.accept(buffer);
                    n += buffer.size();
                }
            }
            return n;
        });
    }

    /** Open deals whose current outcome is one of {@code outcomes}. */
    public Set<String> openDealIdsByOutcome(Set<String> outcomes) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            Sql.inChunks(c, "SELECT id FROM deals WHERE status = ? AND outcome IN (%s)", List.of(StoredDeal.OPEN),
                    outcomes, rs -> out.add(rs.getString(1)));
            return out;
        });
    }

    public long countOpen() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deals WHERE status = ?")) {
                ps.setString(1, StoredDeal.OPEN);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void bindDeal(PreparedStatement ps, DealRecord d) throws SQLException {
        ps.setString(1, d.id());
        ps.setString(2, d.json());
        ps.setString(3, d.exportDate() == null ? null : d.exportDate().toString());
        ps.setString(4, d.destination());
        ps.setString(5, String.join("\n", d.partyNames()));
    }

    private static Set<String> words(DealRecord d) {
        Set<String> words = new LinkedHashSet<>();
        d.partyNames().forEach(n -> words.addAll(PartyWords.of(n)));
        return words;
    }

    private static void addWords(PreparedStatement pw, DealRecord d) throws SQLException {
        for (String w : words(d)) {
            pw.setString(1, w);
            pw.setString(2, d.id());
            pw.addBatch();
        }
    }

    static Optional<StoredDeal> dealRow(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DEAL_COLUMNS + " FROM deals WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(deal(rs)) : Optional.empty();
            }
        }
    }

    private static StoredDeal deal(ResultSet rs) throws SQLException {
        String date = rs.getString(3);
        String names = rs.getString(5);
        DealRecord d = new DealRecord(rs.getString(1), rs.getString(2), date == null ? null : LocalDate.parse(date),
                rs.getString(4), names.isEmpty() ? List.of() : Arrays.asList(names.split("\n", -1)));
        return new StoredDeal(d, rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                List.of());
    }

    private static List<Long> versionIds(String s) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(Long::valueOf).toList();
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** One id as the subject; several as "N deals". */
    static String subject(List<String> ids) {
        return ids.size() == 1 ? ids.get(0) : ids.size() + " deals";
    }

    /** {count, ids (the first 100), idsSha256 (over all ids, one a line)}: what a bulk write touched. */
    static ObjectNode idDetails(List<String> ids) {
        ObjectNode d = AuditLog.details();
        d.put("count", ids.size());
        ArrayNode a = d.putArray("ids");
        ids.stream().limit(100).forEach(a::add);
        d.put("idsSha256", Sha256.hex(String.join("\n", ids)));
        return d;
    }
}
