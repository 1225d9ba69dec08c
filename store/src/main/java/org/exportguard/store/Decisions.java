package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Deals' decision history ({@code decisions}): appending decisions, and setting each deal's latest outcome and
 * decision count to follow its last one (and reading a deal's history for {@link Deals#get}). Used on its own, or
 * inside another write's transaction (a deal added with its first decisions, a change's re-decisions with its
 * report, a disposition confirmed with its re-decision).
 */
public final class Decisions {
    /** Deals per UPDATE on PostgreSQL: large enough to drop round trips, small enough for a modest statement. */
    private static final int PG_UPDATE_CHUNK = 5000;

    private final Database db;
    private final AuditLog audit;

    Decisions(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Appends decisions (several for one deal are appended in the given order), all or none, in one transaction
     * with one audit record. Each deal's latest outcome follows its last decision.
     */
    public void append(List<NewDecision> decisions, String actor) {
        if (decisions.isEmpty()) {
            return;
        }
        db.write(c -> {
            append(c, decisions, actor);
            return null;
        });
    }

    /** {@link #append(List, String)} inside the caller's write transaction. */
    void append(Connection c, List<NewDecision> decisions, String actor) throws SQLException {
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
        Map<String, String> lastRegimes = new HashMap<>();
        String now = db.now();
        List<AuditContent> content = new ArrayList<>(decisions.size());
        try (PreparedStatement pi = c.prepareStatement("INSERT INTO decisions (deal_id, seq, as_of, outcome, "
                + "decision_json, list_version_ids, policy_version_id, reason, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (NewDecision d : decisions) {
                int seq = seqs.merge(d.dealId(), 1, Integer::sum);
                lastOutcome.put(d.dealId(), d.outcome());
                lastRegimes.put(d.dealId(), DealRegimes.column(d.regimes()));
                content.add(AuditContent.decision(d.dealId(), seq, d.outcome(), d.decisionJson()));
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
        updateOutcomes(c, lastOutcome, lastRegimes, seqs);
        List<String> dealIds = new ArrayList<>(lastOutcome.keySet());
        ObjectNode det = DealRows.idDetails(dealIds);
        det.put("decisions", decisions.size());
        Map<String, Long> byOutcome = decisions.stream().collect(
                Collectors.groupingBy(NewDecision::outcome, TreeMap::new, Collectors.counting()));
        ObjectNode oc = det.putObject("outcomes");
        byOutcome.forEach(oc::put);
        Set<String> reasons = decisions.stream().map(NewDecision::reason).collect(Collectors.toCollection(
                TreeSet::new));
        ArrayNode rs = det.putArray("reasons");
        reasons.stream().limit(20).forEach(rs::add);
        audit.append(c, actor, "decisions.append", DealRows.subject(dealIds), det, content);
    }

    /** A deal's decisions, oldest first, read inside the caller's transaction. */
    static List<StoredDecision> history(Connection c, String dealId) throws SQLException {
        List<StoredDecision> history = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, seq, as_of, outcome, decision_json, "
                + "list_version_ids, policy_version_id, reason, created_at FROM decisions WHERE deal_id = ? "
                + "ORDER BY seq")) {
            ps.setString(1, dealId);
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
        return history;
    }

    private static List<Long> versionIds(String s) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(Long::valueOf).toList();
    }

    /** Sets each deal's current outcome, regimes and decision count. */
    private static void updateOutcomes(Connection c, Map<String, String> outcomes, Map<String, String> regimes,
                                       Map<String, Integer> seqs)
            throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            // PostgreSQL runs a batch of UPDATEs one statement at a time (only INSERTs are rewritten into one), so
            // a re-decision of 300,000 deals spent seconds on round trips: send each chunk as arrays in ONE UPDATE.
            List<Map.Entry<String, String>> all = new ArrayList<>(outcomes.entrySet());
            try (PreparedStatement pu = c.prepareStatement("UPDATE deals SET decision_seq = v.seq, outcome = v.outcome, "
                    + "regimes = v.regimes FROM (SELECT unnest(?::text[]) AS id, unnest(?::int[]) AS seq, "
                    + "unnest(?::text[]) AS outcome, unnest(?::text[]) AS regimes) v WHERE deals.id = v.id")) {
                for (int from = 0; from < all.size(); from += PG_UPDATE_CHUNK) {
                    List<Map.Entry<String, String>> chunk = all.subList(from, Math.min(all.size(), from + PG_UPDATE_CHUNK));
                    pu.setArray(1, c.createArrayOf("text", chunk.stream().map(Map.Entry::getKey).toArray()));
                    pu.setArray(2, c.createArrayOf("integer", chunk.stream().map(e -> seqs.get(e.getKey())).toArray()));
                    pu.setArray(3, c.createArrayOf("text", chunk.stream().map(Map.Entry::getValue).toArray()));
                    pu.setArray(4, c.createArrayOf("text", chunk.stream().map(e -> regimes.get(e.getKey())).toArray()));
                    pu.executeUpdate();
                }
            }
            return;
        }
        try (PreparedStatement pu = c.prepareStatement("UPDATE deals SET decision_seq = ?, outcome = ?, regimes = ? "
                + "WHERE id = ?")) {
            int n = 0;
            for (Map.Entry<String, String> e : outcomes.entrySet()) {
                pu.setInt(1, seqs.get(e.getKey()));
                pu.setString(2, e.getValue());
                pu.setString(3, regimes.get(e.getKey()));
                pu.setString(4, e.getKey());
                pu.addBatch();
                if (++n % Sql.BATCH == 0) {
                    pu.executeBatch();
                }
            }
            pu.executeBatch();
        }
    }
}
