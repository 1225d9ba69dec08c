package org.exportguard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The workbench's deal queue: deals of one status, REVIEW first, then BLOCKED, LICENCE_REQUIRED, CLEARED (and any
 * other outcome last, so nothing drops out of the queue), each outcome in export-date order (then id), filtered by
 * outcome, destination, party word and export-date range, one page at a time.
 *
 * <p>Paging is by key, not by offset: a page's {@code next} cursor is the last row's (outcome rank, export date,
 * id), and the next page starts after it with one indexed range read per outcome ({@code deals_queue}, migration 5).
 * So page 10,000 costs what page 1 costs, whatever the number of stored deals.
 */
public final class DealQueue {
    /** The outcomes in queue order; anything else comes after them. */
    public static final List<String> ORDER = List.of("REVIEW", "BLOCKED", "LICENCE_REQUIRED", "CLEARED");
    public static final int MAX_PAGE = 200;
    private static final String COLUMNS = "id, export_date, destination, party_names, status, outcome, updated_at";
    private static final String DATE = "COALESCE(export_date, '')";

    /**
     * What to list. Null fields do not filter.
     *
     * @param status      {@code open} or {@code closed}
     * @param outcomes    the outcomes wanted (null or empty: all)
     * @param partyWords  every one of these words must be a word of one of the deal's parties ({@link PartyWords})
     * @param from        first export date (YYYY-MM-DD), inclusive
     * @param to          last export date, inclusive
     * @param after       the cursor of the page before ({@link Page#next}), or null for the first page
     */
    public record Query(String status, Set<String> outcomes, String destination, Set<String> partyWords, String from,
                        String to, Cursor after, int limit) {
    }

    /** Where a page ended: the outcome's place in {@link #ORDER} (its size for any other outcome), date, id. */
    public record Cursor(int rank, String date, String id) {
        public String encode() {
            return rank + "~" + date + "~" + id;
        }

        /** The cursor {@link #encode} wrote; null when {@code text} is not one. */
        public static Cursor decode(String text) {
            String[] p = text.split("~", 3);
            if (p.length != 3 || !p[0].matches("[0-9]") || p[2].isEmpty()) {
                return null;
            }
            return new Cursor(Integer.parseInt(p[0]), p[1], p[2]);
        }
    }

    /** One deal in the queue (its columns, not its JSON). */
    public record Row(String id, String exportDate, String destination, List<String> partyNames, String status,
                      String outcome, String updatedAt) {
    }

    /** A page, and the cursor of the next one (null on the last). */
    public record Page(List<Row> rows, Cursor next) {
    }

    private final Database db;

    DealQueue(Database db) {
        this.db = db;
    }

    public Page page(Query q) {
        int limit = Math.max(1, Math.min(q.limit(), MAX_PAGE));
        return db.read(c -> {
            List<Row> rows = new ArrayList<>();
            int startRank = q.after() == null ? 0 : q.after().rank();
            for (int rank = startRank; rank <= ORDER.size() && rows.size() <= limit; rank++) {
                String outcome = rank < ORDER.size() ? ORDER.get(rank) : null;
                boolean filtered = q.outcomes() != null && !q.outcomes().isEmpty();
                if (filtered && (outcome != null ? !q.outcomes().contains(outcome)
                        : ORDER.containsAll(q.outcomes()))) {
                    continue;
                }
                Cursor from = q.after() != null && rank == q.after().rank() ? q.after() : null;
                readRank(c, q, rank, outcome, from, limit + 1 - rows.size(), rows);
            }
            if (rows.size() <= limit) {
                return new Page(rows, null);
            }
            rows.remove(rows.size() - 1);
            Row last = rows.get(rows.size() - 1);
            int rank = ORDER.indexOf(last.outcome());
            return new Page(rows, new Cursor(rank < 0 ? ORDER.size() : rank,
                    last.exportDate() == null ? "" : last.exportDate(), last.id()));
        });
    }

    /** Up to {@code want} rows of one outcome (null: every outcome not in {@link #ORDER}) after {@code from}. */
    private static void readRank(Connection c, Query q, int rank, String outcome, Cursor from, int want,
                                 List<Row> out) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM deals WHERE status = ?");
        List<String> args = new ArrayList<>();
        args.add(q.status());
        if (outcome != null) {
            sql.append(" AND outcome = ?");
            args.add(outcome);
        } else {
            sql.append(" AND (outcome IS NULL OR outcome NOT IN ('REVIEW', 'BLOCKED', 'LICENCE_REQUIRED', 'CLEARED'))");
            if (q.outcomes() != null && !q.outcomes().isEmpty()) {
                sql.append(" AND outcome IN (").append("?,".repeat(q.outcomes().size()), 0,
                        2 * q.outcomes().size() - 1).append(")");
                args.addAll(q.outcomes());
            }
        }
        if (q.destination() != null) {
            sql.append(" AND destination = ?");
            args.add(q.destination());
        }
        if (q.from() != null) {
            sql.append(" AND " + DATE + " >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND " + DATE + " <= ?");
            args.add(q.to());
        }
        if (q.partyWords() != null) {
            for (String w : q.partyWords()) {
                sql.append(" AND id IN (SELECT deal_id FROM deal_words WHERE word = ?)");
                args.add(w);
            }
        }
        if (from != null) {
            sql.append(" AND (" + DATE + ", id) > (?, ?)"); // a row value: one index range, on both databases
            args.add(from.date());
            args.add(from.id());
        }
        sql.append(" ORDER BY " + DATE + ", id LIMIT " + want);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            DealRows.names(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
    }
}
