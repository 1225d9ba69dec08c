package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code deals} row as {@link Deals}, {@link OpenDeals}, {@link Decisions} and {@link Dispositions} read it. */
final class DealRows {
    static final String COLUMNS = "id, json, export_date, destination, party_names, status, outcome, "
            + "decision_seq, created_at, updated_at, revision";

    private DealRows() {
    }

    /** The deal {@code id} (without decision history), read inside the caller's transaction. */
    static Optional<StoredDeal> byId(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM deals WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(deal(rs)) : Optional.empty();
            }
        }
    }

    /** The deal of a row selected with {@link #COLUMNS}, without decision history. */
    static StoredDeal deal(ResultSet rs) throws SQLException {
        String date = rs.getString(3);
        DealRecord d = new DealRecord(rs.getString(1), rs.getString(2), date == null ? null : LocalDate.parse(date),
                rs.getString(4), names(rs.getString(5)));
        return new StoredDeal(d, rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                List.of(), rs.getLong(11));
    }

    /** The {@code party_names} column: one name a line. */
    static List<String> names(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split("\n", -1));
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
