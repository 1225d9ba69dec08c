package org.exportguard.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.json.Json;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code deals.regimes} column (migration 9): the regimes of a deal's latest decision as {@code |A|B|}, sorted,
 * so the deal queue filters by regime with one {@code LIKE '%|A|%'} and no JSON in SQL (which SQLite and PostgreSQL
 * spell differently).
 */
final class DealRegimes {
    private DealRegimes() {
    }

    /** The regimes a decision's JSON names ({@code regimes[].regime}); none when it names none or is not JSON. */
    static List<String> of(String decisionJson) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode r : Json.MAPPER.readTree(decisionJson).path("regimes")) {
                if (r.path("regime").isTextual()) {
                    out.add(r.path("regime").asText());
                }
            }
        } catch (IOException e) {
            return List.of(); // a stored decision is ours and JSON; a test's stand-in text simply has no regimes
        }
        return out;
    }

    /** The column's value: {@code |A|B|}, or null for no regime. */
    static String column(List<String> regimes) {
        if (regimes.isEmpty()) {
            return null;
        }
        return "|" + String.join("|", new TreeSet<>(regimes)) + "|";
    }

    /** The LIKE pattern (escape character '\\') of deals whose column holds {@code regime} (no '|' in it). */
    static String pattern(String regime) {
        return "%|" + regime.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%";
    }

    /** Migration 9's data step: every decided deal's column from its latest decision. */
    static void backfill(Connection c) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, x.decision_json FROM deals d JOIN decisions x "
                + "ON x.deal_id = d.id AND x.seq = d.decision_seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = column(of(rs.getString(2)));
                    if (col != null) {
                        rows.add(new String[] {rs.getString(1), col});
                    }
                }
            }
        }
        try (PreparedStatement pu = c.prepareStatement("UPDATE deals SET regimes = ? WHERE id = ?")) {
            int n = 0;
            for (String[] r : rows) {
                pu.setString(1, r[1]);
                pu.setString(2, r[0]);
                pu.addBatch();
                if (++n % Sql.BATCH == 0) {
                    pu.executeBatch();
                }
            }
            pu.executeBatch();
        }
    }
}
