package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

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
            if (!redecided.isEmpty()) {
                decisions.append(c, redecided, actor);
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

    /** The newest report, if any. */
    public Optional<ChangeReport> latestChangeReport() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, kind, list_version_id, "
                    + "policy_version_id, report_json FROM change_report ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long lv = rs.getLong(4);
                Long l = rs.wasNull() ? null : lv;
                long pv = rs.getLong(5);
                Long p = rs.wasNull() ? null : pv;
                return Optional.of(new ChangeReport(rs.getLong(1), rs.getString(2), rs.getString(3), l, p,
                        rs.getString(6)));
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
                    long lv = rs.getLong(4);
                    Long l = rs.wasNull() ? null : lv;
                    long pv = rs.getLong(5);
                    Long p = rs.wasNull() ? null : pv;
                    out.add(new ChangeReport(rs.getLong(1), rs.getString(2), rs.getString(3), l, p,
                            rs.getString(6)));
                }
            }
            return out;
        });
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
