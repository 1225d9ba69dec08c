package org.exportguard.store;

import org.exportguard.core.hash.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second half of {@code audit verify}: the stored rows against the content the chain vouches for. Each
 * record's items ({@code audit_content}) must give the digest its details carry; each deal's JSON must hash to what
 * the latest record vouching for that deal says, each decision to what its record says, each list and policy
 * version's stored bundle likewise. Rows written before schema 5 have no item and are not checked here (the chain
 * covers their counts and ids only). Every difference is one line naming the row and the record.
 */
final class AuditContentCheck {
    static final int MAX_LISTED = AuditVerification.MAX_ROWS;

    private AuditContentCheck() {
    }

    static List<String> check(Connection c, Map<Long, String> digests) throws SQLException {
        List<String> problems = new ArrayList<>();
        items(c, digests, problems);
        deals(c, problems);
        decisions(c, problems);
        versions(c, "list_versions", "list version", problems);
        versions(c, "policy_versions", "policy version", problems);
        return problems;
    }

    private static void add(List<String> problems, String p) {
        if (problems.size() < MAX_LISTED) {
            problems.add(p);
        }
    }

    /** Each record's items against the digest in its details. */
    private static void items(Connection c, Map<Long, String> digests, List<String> problems) throws SQLException {
        Set<Long> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT audit_seq, kind, item, sha256 FROM audit_content "
                + "ORDER BY audit_seq")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                long seq = -1;
                List<AuditContent> group = new ArrayList<>();
                while (rs.next()) {
                    long s = rs.getLong(1);
                    if (s != seq && seq >= 0) {
                        compare(seq, group, digests, problems);
                        group.clear();
                    }
                    seq = s;
                    seen.add(s);
                    group.add(new AuditContent(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                if (seq >= 0) {
                    compare(seq, group, digests, problems);
                }
            }
        }
        for (Map.Entry<Long, String> e : digests.entrySet()) {
            if (!seen.contains(e.getKey())) {
                add(problems, "audit record " + e.getKey() + ": the items it vouches for were deleted");
            }
        }
    }

    private static void compare(long seq, List<AuditContent> group, Map<Long, String> digests, List<String> problems) {
        String expected = digests.get(seq);
        if (expected == null) {
            add(problems, "audit record " + seq + ": items were added under a record that vouches for none");
        } else if (!expected.equals(AuditContent.digest(group))) {
            add(problems, "audit record " + seq + ": the items it vouches for were changed");
        }
    }

    private static void deals(Connection c, List<String> problems) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.json, (SELECT a.sha256 FROM audit_content a "
                + "WHERE a.kind = 'deal' AND a.item = d.id ORDER BY a.audit_seq DESC LIMIT 1), (SELECT "
                + "MAX(a.audit_seq) FROM audit_content a WHERE a.kind = 'deal' AND a.item = d.id) FROM deals d "
                + "ORDER BY d.id")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String vouched = rs.getString(3);
                    if (vouched != null && !vouched.equals(Sha256.hex(rs.getString(2)))) {
                        add(problems, "deal " + rs.getString(1) + ": its stored JSON differs from what audit record "
                                + rs.getLong(4) + " vouches for");
                    }
                }
            }
        }
    }

    private static void decisions(Connection c, List<String> problems) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT x.deal_id, x.seq, x.outcome, x.decision_json, "
                + "a.sha256, a.audit_seq FROM decisions x LEFT JOIN audit_content a ON a.kind = 'decision' "
                + "AND a.item = x.deal_id || '#' || x.seq ORDER BY x.deal_id, x.seq")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String vouched = rs.getString(5);
                    if (vouched != null
                            && !vouched.equals(AuditContent.decisionHash(rs.getString(3), rs.getString(4)))) {
                        add(problems, "decision " + rs.getInt(2) + " of deal " + rs.getString(1) + ": its stored "
                                + "outcome or JSON differs from what audit record " + rs.getLong(6) + " vouches for");
                    }
                }
            }
        }
    }

    private static void versions(Connection c, String table, String what, List<String> problems)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.content, a.sha256, a.audit_seq FROM " + table
                + " v LEFT JOIN audit_content a ON a.kind = '" + table + "' AND a.item = '' || v.id ORDER BY v.id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String vouched = rs.getString(3);
                    if (vouched != null && !vouched.equals(Sha256.hex(rs.getBytes(2)))) {
                        add(problems, what + " " + rs.getLong(1) + ": its stored files differ from what audit "
                                + "record " + rs.getLong(4) + " vouches for");
                    }
                }
            }
        }
    }
}
