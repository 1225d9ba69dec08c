package org.exportguard.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The tamper-evident audit chain in {@code audit_log}. Records are appended only inside the write transaction of
 * the change they describe ({@link #append}), so a change and its record commit together or not at all; the
 * writer holds the store's write lock (see {@link Database#write}), so appends from every process form one chain.
 */
public final class AuditLog {
    static final ObjectMapper JSON = Json.MAPPER;

    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    /** Appends a record, timed by the store's clock, inside the caller's write transaction; returns it. */
    AuditRecord append(Connection c, String actor, String action, String subject, ObjectNode details)
            throws SQLException {
        return append(c, actor, action, subject, details, List.of());
    }

    /**
     * Appends a record that vouches for {@code content}: each item is stored in {@code audit_content} under the
     * record's seq, and the record's details carry {@code contentSha256} (their digest) and {@code contentItems}.
     */
    AuditRecord append(Connection c, String actor, String action, String subject, ObjectNode details,
                       List<AuditContent> content) throws SQLException {
        if (!content.isEmpty()) {
            details = details == null ? details() : details;
            details.put("contentSha256", AuditContent.digest(content));
            details.put("contentItems", content.size());
        }
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("the store's audit_head row is missing: the store was altered");
            }
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        String at = db.now();
        String det = details == null ? "{}" : details.toString();
        AuditRecord unsigned = new AuditRecord(seq, at, actor, action, subject == null ? "" : subject, det, prev, null);
        AuditRecord r = new AuditRecord(seq, at, unsigned.actor(), action, unsigned.subject(), det, prev,
                unsigned.computeHash());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, action, subject, "
                + "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.seq());
            ps.setString(2, r.at());
            ps.setString(3, r.actor());
            ps.setString(4, r.action());
            ps.setString(5, r.subject());
            ps.setString(6, r.details());
            ps.setString(7, r.prevHash());
            ps.setString(8, r.hash());
            ps.executeUpdate();
        }
        if (!content.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_content (audit_seq, kind, item, sha256) "
                    + "VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (AuditContent a : content) {
                    ps.setLong(1, r.seq());
                    ps.setString(2, a.kind());
                    ps.setString(3, a.item());
                    ps.setString(4, a.sha256());
                    ps.addBatch();
                    if (++n % Sql.BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, r.seq());
            ps.setString(2, r.hash());
            ps.executeUpdate();
        }
        return r;
    }

    public static ObjectNode details() {
        return JSON.createObjectNode();
    }

    /** Reads the chain in seq order and reports the first record that does not fit. */
    public AuditVerification verify() {
        return db.read(c -> {
            long expected = 1;
            String prevHash = AuditRecord.GENESIS;
            Map<Long, String> digests = new HashMap<>(); // seq -> contentSha256 of the records that carry one
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, subject, details, "
                    + "prev_hash, hash FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord r = record(rs);
                        if (r.seq() != expected) {
                            return new AuditVerification(expected - 1, r.seq(), r.seq() > expected
                                    ? "record " + expected + (r.seq() == expected + 1 ? " is" : " to " + (r.seq() - 1)
                                    + " are") + " missing before record " + r.seq()
                                    : "seq " + r.seq() + " out of order (expected " + expected + ")", prevHash);
                        }
                        if (!r.prevHash().equals(prevHash)) {
                            return new AuditVerification(expected - 1, r.seq(), "prev_hash does not match the hash "
                                    + "of record " + (r.seq() - 1) + " (a record was changed, removed or moved)",
                                    prevHash);
                        }
                        if (!r.computeHash().equals(r.hash())) {
                            return new AuditVerification(expected - 1, r.seq(),
                                    "hash does not match the record's fields (the record was edited)", prevHash);
                        }
                        String digest = contentDigest(r.details());
                        if (digest != null) {
                            digests.put(r.seq(), digest);
                        }
                        prevHash = r.hash();
                        expected++;
                    }
                }
            }
            long last = expected - 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new AuditVerification(last, last + 1, "the chain head (audit_head) is missing", prevHash);
                }
                long headSeq = rs.getLong(1);
                if (headSeq != last || !rs.getString(2).equals(prevHash)) {
                    return new AuditVerification(last, last + 1, headSeq > last
                            ? "records " + (last + 1) + " to " + headSeq + " are missing at the end of the chain"
                            : "the chain head (seq " + headSeq + ") does not match the last record (seq " + last + ")",
                            prevHash);
                }
            }
            List<String> content = AuditContentCheck.check(c, digests);
            return new AuditVerification(last, 0, content.isEmpty() ? null : "stored rows differ from what the "
                    + "chain vouches for, first: " + content.get(0), prevHash, content);
        });
    }

    /** At most {@code limit} records after {@code afterSeq}, in seq order (a page of the chain for readers). */
    public java.util.List<AuditRecord> page(long afterSeq, int limit) {
        return db.read(c -> {
            java.util.List<AuditRecord> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, subject, details, "
                    + "prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(record(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Writes every record, in seq order, as one JSON line each; returns how many. */
    public long export(Writer out) {
        return db.read(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, subject, details, "
                    + "prev_hash, hash FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord r = record(rs);
                        ObjectNode o = JSON.createObjectNode();
                        o.put("seq", r.seq());
                        o.put("at", r.at());
                        o.put("actor", r.actor());
                        o.put("action", r.action());
                        o.put("subject", r.subject());
                        o.put("details", r.details());
                        o.put("prevHash", r.prevHash());
                        o.put("hash", r.hash());
                        out.write(o.toString());
                        out.write('\n');
                        n++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n;
        });
    }

    /** The record's {@code contentSha256}, or null (a record that vouches for no items, or predates schema 5). */
    private static String contentDigest(String details) {
        if (details == null || !details.contains("\"contentSha256\"")) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode d = JSON.readTree(details);
            return d.hasNonNull("contentSha256") ? d.get("contentSha256").asText() : null;
        } catch (IOException e) {
            return null; // details the chain hash already vouches for; unreadable ones cannot claim content
        }
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
