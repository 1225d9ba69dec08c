package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Impact reports of changes ({@code change_report}), and storing a re-evaluation with its report atomically. */
public final class ChangeReports {
    private final Database db;
    private final AuditLog audit;
    private final Decisions decisions;

    ChangeReports(Database db, AuditLog audit, Decisions decisions) {
        this.db = db;
        this.audit = audit;
        this.decisions = decisions;
    }

    /**
     * Stores the re-decisions of a change and its report in ONE transaction (two audit records): either both are
     * there afterwards or neither. Returns the report's id.
     */
    public long recordReevaluation(List<NewDecision> redecided, String kind, Long listVersionId,
                                   Long policyVersionId, String reportJson, String actor) {
        return recordReevaluation(redecided, kind, listVersionId, null, policyVersionId, reportJson, actor);
    }

    /**
     * {@link #recordReevaluation(List, String, Long, Long, String, String)} for a list change: the report belongs to
     * the event ({@code listEventId}) that put the version in force.
     */
    public long recordReevaluation(List<NewDecision> redecided, String kind, Long listVersionId, Long listEventId,
                                   Long policyVersionId, String reportJson, String actor) {
        return recordReevaluation(redecided, Map.of(), kind, listVersionId, listEventId, policyVersionId, reportJson,
                actor, Reconcile.NONE);
    }

    /**
     * What a re-decision computed outside the write transaction checks inside it, where nothing else can be
     * written meanwhile.
     */
    public interface Reconcile {
        Reconcile NONE = new Reconcile() {
            @Override
            public void check() {
            }

            @Override
            public List<NewDecision> redecide(List<StoredDeal> changed) {
                return List.of();
            }
        };

        /** Throws (rolling everything back) when what the decisions were taken against is no longer in force. */
        void check();

        /** The open deals changed since they were read, decided again as they are now (inside the transaction). */
        List<NewDecision> redecide(List<StoredDeal> changed);
    }

    /**
     * {@link #recordReevaluation(List, String, Long, Long, Long, String, String)}, reconciled with what was written
     * since the decisions were taken: {@code reconcile.check()} runs first; then each deal whose revision is no
     * longer the one it was decided at ({@code decidedRevisions}) loses its decision, and if still open is decided
     * again as it is now ({@code reconcile.redecide}). So a deal's current decision is always of its stored JSON.
     */
    public long recordReevaluation(List<NewDecision> redecided, Map<String, Long> decidedRevisions, String kind,
                                   Long listVersionId, Long listEventId, Long policyVersionId, String reportJson,
                                   String actor, Reconcile reconcile) {
        return db.write(c -> {
            if (listEventId != null) {
                // another process (a second server's daily catch-up) may have recorded this change meanwhile: once
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM change_report WHERE list_event_id = ?")) {
                    ps.setLong(1, listEventId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return rs.getLong(1);
                        }
                    }
                }
            }
            reconcile.check();
            List<NewDecision> toWrite = redecided;
            if (!decidedRevisions.isEmpty()) {
                Set<String> moved = new HashSet<>();
                Sql.inChunks(c, "SELECT id, revision, status FROM deals WHERE id IN (%s)", List.of(),
                        decidedRevisions.keySet(), rs -> {
                            if (rs.getLong(2) != decidedRevisions.get(rs.getString(1))
                                    || !StoredDeal.OPEN.equals(rs.getString(3))) {
                                moved.add(rs.getString(1));
                            }
                        });
                if (!moved.isEmpty()) {
                    toWrite = new ArrayList<>();
                    for (NewDecision d : redecided) {
                        if (!moved.contains(d.dealId())) {
                            toWrite.add(d);
                        }
                    }
                    List<StoredDeal> now = new ArrayList<>();
                    Sql.inChunks(c, "SELECT " + DealRows.COLUMNS + " FROM deals WHERE id IN (%s)", List.of(), moved,
                            rs -> now.add(DealRows.deal(rs)));
                    toWrite.addAll(reconcile.redecide(now.stream().filter(StoredDeal::open).toList()));
                }
            }
            if (!toWrite.isEmpty()) {
                decisions.append(c, toWrite, actor);
            }
            long id = save(c, kind, listVersionId, policyVersionId, reportJson, actor);
            if (listEventId != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE change_report SET list_event_id = ? WHERE id = ?")) {
                    ps.setLong(1, listEventId);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Whether the change a list event made (the version it put in force) has its report. */
    public boolean existsForListEvent(long eventId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM change_report WHERE list_event_id = ?")) {
                ps.setLong(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Stores a report alone. */
    public long save(String kind, Long listVersionId, Long policyVersionId, String reportJson, String actor) {
        return db.write(c -> save(c, kind, listVersionId, policyVersionId, reportJson, actor));
    }

    private long save(Connection c, String kind, Long listVersionId, Long policyVersionId, String reportJson,
                      String actor) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM change_report");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_report (id, created_at, kind, "
                + "list_version_id, policy_version_id, report_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, db.now());
            ps.setString(3, kind);
            setLong(ps, 4, listVersionId);
            setLong(ps, 5, policyVersionId);
            ps.setString(6, reportJson);
            ps.executeUpdate();
        }
        ObjectNode d = AuditLog.details();
        d.put("kind", kind);
        d.put("listVersionId", listVersionId);
        d.put("policyVersionId", policyVersionId);
        d.put("reportSha256", Sha256.hex(reportJson));
        audit.append(c, actor, "impact.report", Long.toString(id), d);
        return id;
    }

    /** Whether a report of a change by list ({@code kind} "list") or policy version {@code versionId} is stored. */
    public boolean exists(String kind, long versionId) {
        String column = kind.equals("list") ? "list_version_id" : "policy_version_id";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM change_report WHERE " + column + " = ?")) {
                ps.setLong(1, versionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * The other reports of the import that recorded report {@code reportId}'s list event (one per source of a
     * multi-source import), oldest first; empty for a report of a policy change or of an import of one source.
     */
    public java.util.List<ChangeReport> othersOfSameImport(long reportId) {
        return db.read(c -> {
            java.util.List<ChangeReport> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.created_at, r.kind, r.list_version_id, "
                    + "r.policy_version_id, r.report_json FROM change_report r "
                    + "JOIN list_events e ON e.id = r.list_event_id "
                    + "WHERE e.import_id = (SELECT e2.import_id FROM change_report r2 "
                    + "JOIN list_events e2 ON e2.id = r2.list_event_id WHERE r2.id = ?) AND r.id <> ? ORDER BY r.id")) {
                ps.setLong(1, reportId);
                ps.setLong(2, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(report(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The newest report, if any. */
    public Optional<ChangeReport> latestChangeReport() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, kind, list_version_id, "
                    + "policy_version_id, report_json FROM change_report ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(report(rs));
            }
        });
    }

    /** The newest {@code limit} reports, newest first (the workbench's impact page). */
    public java.util.List<ChangeReport> recent(int limit) {
        return db.read(c -> {
            java.util.List<ChangeReport> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, kind, list_version_id, "
                    + "policy_version_id, report_json FROM change_report ORDER BY id DESC LIMIT " + limit);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(report(rs));
                }
            }
            return out;
        });
    }

    private static ChangeReport report(ResultSet rs) throws SQLException {
        long lv = rs.getLong(4);
        Long l = rs.wasNull() ? null : lv;
        long pv = rs.getLong(5);
        Long p = rs.wasNull() ? null : pv;
        return new ChangeReport(rs.getLong(1), rs.getString(2), rs.getString(3), l, p, rs.getString(6));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
