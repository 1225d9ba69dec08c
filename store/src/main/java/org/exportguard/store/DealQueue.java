package org.exportguard.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exportguard.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workbench's deal queue: deals of one status in one of several orders, filtered by outcome, destination, party
 * words, regime and export-date range, one page at a time. The default order ({@link Sort#QUEUE}) is REVIEW first,
 * then BLOCKED, LICENCE_REQUIRED, CLEARED (and any other outcome last, so nothing drops out), each by export date,
 * then id; the others sort by export date, destination, party names or last change, then id; each either way.
 *
 * <p>Paging is by key, never by offset: a page's {@code next} cursor holds the last row's sort key and id, and the
 * next page starts after it with a row-value comparison {@code (key, id) > (?, ?)}, which both databases read as one
 * range of the sort's index (migrations 8 and 9). So page 10,000 costs what page 1 costs. A deal changed between two
 * page loads is seen where it is at the next load: every deal that stays put is listed exactly once.
 *
 * <p>A filter the sort's index does not cover (a party word, a destination under another sort, ...) is either
 * checked while walking the index, which finds a page quickly when many deals match, or, when few do (at most
 * {@link #DRIVE_LIMIT}, counted first with a bounded query), the page is read from that filter's matches and
 * sorted: a page then never walks a million index entries to find a handful of deals.
 */
public final class DealQueue {
    /** The outcomes in queue order; anything else comes after them. */
    public static final List<String> ORDER = List.of("REVIEW", "BLOCKED", "LICENCE_REQUIRED", "CLEARED");
    public static final int MAX_PAGE = 200;
    /** A filter matching at most this many deals drives the page (its matches read, then sorted). */
    static final int DRIVE_LIMIT = 20_000;
    private static final String COLUMNS = "id, export_date, destination, party_names, status, outcome, updated_at";
    private static final String DATE_KEY = "COALESCE(export_date, '')";
    private static final String PARTY_KEY = "substr(party_names, 1, 100)";

    /** The orders: the SQL keys of each (id comes last in every one), matching an index's columns after status. */
    public enum Sort {
        /** Outcome (REVIEW, BLOCKED, LICENCE_REQUIRED, CLEARED, other), then export date. */
        QUEUE(DATE_KEY),
        DATE(DATE_KEY),
        /** Destination, then id (plain columns: a deep page is one seek, see {@link #sql}). */
        DESTINATION("destination"),
        /** The deal's party names as listed (first party first), by their first 100 characters. */
        PARTY(PARTY_KEY),
        /** The last change of the deal (added, replaced or closed). */
        UPDATED("updated_at");

        final List<String> keys;

        Sort(String... keys) {
            this.keys = List.of(keys);
        }

        /** The name the API uses: {@code queue}, {@code date}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The sort called {@code id}; null for none. */
        public static Sort of(String id) {
            for (Sort s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * What to list. Null fields do not filter.
     *
     * @param status      {@code open} or {@code closed}
     * @param outcomes    the outcomes wanted (null or empty: all)
     * @param partyWords  every one of these words must be a word of one of the deal's parties ({@link PartyWords})
     * @param regime      a regime the deal's latest decision covers (e.g. {@code US-EAR})
     * @param from        first export date (YYYY-MM-DD), inclusive
     * @param to          last export date, inclusive
     * @param sort        the order (null: {@link Sort#QUEUE})
     * @param descending  the order reversed
     * @param after       the cursor of the page before ({@link Page#next}), or null for the first page
     */
    public record Query(String status, Set<String> outcomes, String destination, Set<String> partyWords,
                        String regime, String from, String to, Sort sort, boolean descending, Cursor after,
                        int limit) {
        public Query {
            sort = sort == null ? Sort.QUEUE : sort;
            if (regime != null && (regime.isEmpty() || regime.contains("|"))) {
                throw new IllegalArgumentException("not a regime id: '" + regime + "'");
            }
        }

        /** The queue order, no regime filter. */
        public Query(String status, Set<String> outcomes, String destination, Set<String> partyWords, String from,
                     String to, Cursor after, int limit) {
            this(status, outcomes, destination, partyWords, null, from, to, Sort.QUEUE, false, after, limit);
        }
    }

    /**
     * Where a page ended, in one sort order: the last row's outcome place in {@link #ORDER} (its size for any other
     * outcome; 0 outside {@link Sort#QUEUE}), its sort keys and id.
     */
    public record Cursor(Sort sort, boolean descending, int rank, List<String> keys, String id) {
        public Cursor {
            keys = List.copyOf(keys);
        }

        /** A cursor of the queue order, ascending. */
        public Cursor(int rank, String date, String id) {
            this(Sort.QUEUE, false, rank, List.of(date), id);
        }

        /** Opaque text for a URL (base64url of a small JSON array). */
        public String encode() {
            ArrayNode a = Json.array().add(sort.id()).add(descending ? "desc" : "asc").add(rank);
            keys.forEach(a::add);
            a.add(id);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.line(a).getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor {@link #encode} wrote; null when {@code text} is not one. */
        public static Cursor decode(String text) {
            try {
                JsonNode a = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(text));
                Sort sort = a == null || !a.isArray() || a.size() < 4 ? null : Sort.of(a.get(0).asText());
                if (sort == null || a.size() != 4 + sort.keys.size() || !a.get(2).canConvertToInt()
                        || a.get(2).asInt() < 0 || a.get(2).asInt() > ORDER.size()) {
                    return null;
                }
                String dir = a.get(1).asText();
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    return null;
                }
                List<String> keys = new ArrayList<>();
                for (int i = 3; i < a.size(); i++) {
                    if (!a.get(i).isTextual()) {
                        return null;
                    }
                    keys.add(a.get(i).asText());
                }
                String id = keys.remove(keys.size() - 1);
                return id.isEmpty() ? null : new Cursor(sort, dir.equals("desc"), a.get(2).asInt(), keys, id);
            } catch (IllegalArgumentException | IOException e) {
                return null;
            }
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
    /** {@link #DRIVE_LIMIT}; tests lower it to 0 to read every page by walking the sort's index. */
    int driveLimit = DRIVE_LIMIT;

    DealQueue(Database db) {
        this.db = db;
    }

    /**
     * One page. A cursor of another sort order or direction than the query's is an {@link IllegalArgumentException}
     * (the API checks it first and answers 400).
     */
    public Page page(Query q) {
        if (q.after() != null && (q.after().sort() != q.sort() || q.after().descending() != q.descending())) {
            throw new IllegalArgumentException("the cursor belongs to another order than the query's");
        }
        int limit = Math.max(1, Math.min(q.limit(), MAX_PAGE));
        return db.read(c -> {
            Plan plan = plan(c, q);
            List<Row> rows = new ArrayList<>();
            if (q.sort() == Sort.QUEUE) {
                int start = q.after() != null ? q.after().rank() : q.descending() ? ORDER.size() : 0;
                for (int rank = start; rank >= 0 && rank <= ORDER.size() && rows.size() <= limit;
                     rank += q.descending() ? -1 : 1) {
                    String outcome = rank < ORDER.size() ? ORDER.get(rank) : null;
                    if (wanted(q, outcome)) {
                        Cursor from = q.after() != null && rank == q.after().rank() ? q.after() : null;
                        read(c, q, plan, outcome, from, limit + 1 - rows.size(), rows);
                    }
                }
            } else {
                read(c, q, plan, null, q.after(), limit + 1, rows);
            }
            if (rows.size() <= limit) {
                return new Page(rows, null);
            }
            rows.remove(rows.size() - 1);
            return new Page(rows, cursorAfter(q, rows.get(rows.size() - 1)));
        });
    }

    private static boolean wanted(Query q, String outcome) {
        if (q.outcomes() == null || q.outcomes().isEmpty()) {
            return true;
        }
        // a filter on outcomes outside ORDER is only for the last rank, which holds them all
        return outcome != null ? q.outcomes().contains(outcome) : !ORDER.containsAll(q.outcomes());
    }

    /** The cursor of a page of {@code q} that ended at {@code last}: the next page starts after it. */
    public static Cursor cursorAfter(Query q, Row last) {
        List<String> keys = switch (q.sort()) {
            case QUEUE, DATE -> List.of(date(last));
            case DESTINATION -> List.of(last.destination());
            case PARTY -> List.of(partyKey(last));
            case UPDATED -> List.of(last.updatedAt());
        };
        int rank = q.sort() != Sort.QUEUE ? 0
                : last.outcome() != null && ORDER.contains(last.outcome()) ? ORDER.indexOf(last.outcome()) : ORDER.size();
        return new Cursor(q.sort(), q.descending(), rank, keys, last.id());
    }

    private static String date(Row r) {
        return r.exportDate() == null ? "" : r.exportDate();
    }

    /** What {@code substr(party_names, 1, 100)} gives: 100 characters (code points on both databases). */
    private static String partyKey(Row r) {
        String names = String.join("\n", r.partyNames());
        int n = names.codePointCount(0, names.length());
        return n <= 100 ? names : names.substring(0, names.offsetByCodePoints(0, 100));
    }

    /**
     * How a page is read. {@code drive}: the filter whose matches are read first (then sorted), or null to walk the
     * sort's index checking each filter. {@code indexed}: the filters the walked index itself narrows (written
     * plainly, so the database uses them); the others are written so that no index serves them, which keeps the
     * database on the sort's index instead of one for a filter that matches a large share of the deals.
     */
    private record Plan(Driver drive, String word, boolean destinationIndexed, boolean datesIndexed) {
    }

    /** A filter that can drive a page: its bounded count and its SQL. */
    private enum Driver { WORD, DESTINATION, DATES }

    private Plan plan(Connection c, Query q) throws SQLException {
        int driveLimit = this.driveLimit;
        boolean destinationIndexed = q.destination() != null
                && (q.sort() == Sort.QUEUE || q.sort() == Sort.DESTINATION);
        boolean datesIndexed = (q.from() != null || q.to() != null) && (q.sort() == Sort.QUEUE || q.sort() == Sort.DATE);
        Driver best = null;
        long bestCount = driveLimit + 1L;
        String word = null;
        if (q.partyWords() != null && !q.partyWords().isEmpty()) {
            long fewest = Long.MAX_VALUE;
            for (String w : q.partyWords().stream().sorted().toList()) { // the rarest word drives, if any
                long n = count(c, "SELECT 1 FROM deal_words WHERE word = ?", List.of(w));
                if (n < fewest) {
                    word = w;
                    fewest = n;
                }
            }
            if (fewest < bestCount) {
                best = Driver.WORD;
                bestCount = fewest;
            }
        }
        if (q.destination() != null && !destinationIndexed) {
            long n = count(c, "SELECT 1 FROM deals WHERE status = ? AND destination = ?",
                    List.of(q.status(), q.destination()));
            if (n < bestCount) {
                best = Driver.DESTINATION;
                bestCount = n;
            }
        }
        if ((q.from() != null || q.to() != null) && !datesIndexed) {
            List<String> args = new ArrayList<>(List.of(q.status()));
            long n = count(c, "SELECT 1 FROM deals WHERE status = ?" + dateRange(q, DATE_KEY, args), args);
            if (n < bestCount) {
                best = Driver.DATES;
                bestCount = n;
            }
        }
        return new Plan(best, word, destinationIndexed || best == Driver.DESTINATION,
                datesIndexed || best == Driver.DATES);
    }

    /** How many rows {@code select} gives, counting no further than {@link #driveLimit} + 1. */
    private long count(Connection c, String select, List<String> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (" + select + " LIMIT "
                + (driveLimit + 1) + ") m")) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Up to {@code want} rows (of one outcome in the queue order: null for every outcome not in ORDER). */
    private static void read(Connection c, Query q, Plan plan, String outcome, Cursor from, int want, List<Row> out)
            throws SQLException {
        List<String> args = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql(q, plan, outcome, from, want, args))) {
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

    /** The SELECT of {@link #read}, its parameters added to {@code args}. */
    private static String sql(Query q, Plan plan, String outcome, Cursor from, int want, List<String> args) {
        // outcomes are read one by one from an index that starts (status, outcome) and goes on in the sort's keys
        // (migrations 8, 9), unless a filter drives the page: then the outcome is only checked
        String eq = plan.drive() == null || plan.drive() == Driver.WORD ? "outcome = ?" : unindexed("outcome") + " = ?";
        if (q.sort() != Sort.QUEUE) {
            if (q.outcomes() == null || q.outcomes().isEmpty()) {
                return select(q, plan, null, List.of(), from, want, args);
            }
            List<String> wanted = q.outcomes().stream().sorted().toList();
            if (wanted.size() == 1) {
                return select(q, plan, eq, wanted, from, want, args);
            }
            return merged(q, plan, wanted.stream().map(o -> eq).toList(), wanted.stream().map(List::of).toList(),
                    from, want, args);
        }
        if (outcome != null) {
            return select(q, plan, eq, List.of(outcome), from, want, args);
        }
        // the last rank, every outcome not in ORDER: NULL and the ranges around ORDER's values, each read from the
        // outcome index and merged (NOT IN would walk every deal of the status, and this rank is usually empty)
        List<String> sorted = ORDER.stream().sorted().toList();
        List<String> conds = new ArrayList<>();
        List<List<String>> condArgs = new ArrayList<>();
        for (int i = 0; i <= sorted.size() + 1; i++) {
            String cond = i == 0 ? "outcome IS NULL" : i == 1 ? "outcome < ?"
                    : i <= sorted.size() ? "outcome > ? AND outcome < ?" : "outcome > ?";
            List<String> a = new ArrayList<>(i == 0 ? List.of() : i == 1 ? List.of(sorted.get(0))
                    : i <= sorted.size() ? List.of(sorted.get(i - 2), sorted.get(i - 1)) : List.of(sorted.get(i - 2)));
            if (q.outcomes() != null && !q.outcomes().isEmpty()) {
                cond += " AND outcome IN (" + Sql.marks(q.outcomes().size()) + ")";
                a.addAll(q.outcomes());
            }
            conds.add(cond);
            condArgs.add(a);
        }
        return merged(q, plan, conds, condArgs, from, want, args);
    }

    /**
     * One SELECT per outcome condition, each reading its own index range in the sort's order, merged by the
     * database in that order (so text compares as the database compares it).
     */
    private static String merged(Query q, Plan plan, List<String> conds, List<List<String>> condArgs, Cursor from,
                                 int want, List<String> args) {
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < conds.size(); i++) {
            branches.add("SELECT * FROM (" + select(q, plan, conds.get(i), condArgs.get(i), from, want, args) + ") b"
                    + i);
        }
        List<String> keys = new ArrayList<>(q.sort().keys);
        keys.add("id");
        String dir = q.descending() ? " DESC" : "";
        return "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") u ORDER BY "
                + String.join(dir + ", ", keys) + dir + " LIMIT " + want;
    }

    /** One SELECT: the status, {@code outcomes} (SQL, or null) and every other filter of {@code q}, in order. */
    private static String select(Query q, Plan plan, String outcomes, List<String> outcomeArgs, Cursor from, int want,
                                 List<String> args) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS.replaceAll("(\\w+)", "deals.$1") + " FROM ");
        String driveWord = null;
        if (plan.drive() == Driver.WORD) {
            // CROSS JOIN keeps the word's matches as the outer loop on SQLite; PostgreSQL plans it by its statistics
            driveWord = plan.word();
            sql.append("deal_words w CROSS JOIN deals WHERE w.word = ? AND deals.id = w.deal_id AND ");
            args.add(driveWord);
        } else {
            sql.append("deals WHERE ");
        }
        sql.append("status = ?");
        args.add(q.status());
        if (outcomes != null) {
            sql.append(" AND ").append(outcomes);
            args.addAll(outcomeArgs);
        }
        if (q.destination() != null) {
            sql.append(" AND ").append(plan.destinationIndexed() ? "destination" : unindexed("destination"))
                    .append(" = ?");
            args.add(q.destination());
        }
        sql.append(dateRange(q, plan.datesIndexed() ? DATE_KEY : unindexed(DATE_KEY), args));
        if (q.regime() != null) {
            sql.append(" AND regimes LIKE ? ESCAPE '\\'");
            args.add(DealRegimes.pattern(q.regime()));
        }
        if (q.partyWords() != null) {
            for (String w : q.partyWords()) {
                if (!w.equals(driveWord)) {
                    sql.append(" AND EXISTS (SELECT 1 FROM deal_words x WHERE x.word = ? AND x.deal_id = deals.id)");
                    args.add(w);
                }
            }
        }
        List<String> keys = new ArrayList<>(q.sort().keys);
        keys.add("deals.id");
        if (from != null) {
            // a row value: one index range on both databases; SQLite seeks on a row value only over plain columns,
            // so a first key that is an expression is also bounded alone (a range SQLite does seek on): the page
            // then walks only the ties of the cursor's key (deals of the same export date) before its first row
            if (keys.get(0).contains("(")) {
                sql.append(" AND ").append(keys.get(0)).append(q.descending() ? " <= ?" : " >= ?");
                args.add(from.keys().get(0));
            }
            sql.append(" AND (").append(String.join(", ", keys)).append(q.descending() ? ") < (" : ") > (")
                    .append(Sql.marks(keys.size())).append(")");
            args.addAll(from.keys());
            args.add(from.id());
        }
        String dir = q.descending() ? " DESC" : "";
        // a page driven by a filter sorts that filter's matches: the order written so that no index serves it, or
        // SQLite walks the sort's index anyway (it prefers an index giving the order to one narrowing the rows)
        List<String> order = plan.drive() == null ? keys : keys.stream().map(DealQueue::unindexed).toList();
        sql.append(" ORDER BY ").append(String.join(dir + ", ", order)).append(dir).append(" LIMIT ").append(want);
        return sql.toString();
    }

    /** {@code expr} as a value no index serves (both databases read an index only for the bare expression). */
    private static String unindexed(String expr) {
        return "(" + expr + " || '')";
    }

    private static String dateRange(Query q, String expr, List<String> args) {
        StringBuilder s = new StringBuilder();
        if (q.from() != null) {
            s.append(" AND ").append(expr).append(" >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            s.append(" AND ").append(expr).append(" <= ?");
            args.add(q.to());
        }
        return s.toString();
    }

    /**
     * The database's plan for the first query of a page (for the queue order, that of the first outcome it reads):
     * {@code EXPLAIN QUERY PLAN} on SQLite, {@code EXPLAIN} on PostgreSQL, one line per plan row, after a first
     * line naming the filter that drives the page, if any. For the benchmark and for checking the indexes.
     */
    public List<String> explain(Query q) {
        return db.read(c -> {
            Plan plan = plan(c, q);
            String outcome = null;
            if (q.sort() == Sort.QUEUE) {
                int start = q.after() != null ? q.after().rank() : q.descending() ? ORDER.size() : 0;
                for (int rank = start; rank >= 0 && rank <= ORDER.size();
                     rank += q.descending() ? -1 : 1) {
                    outcome = rank < ORDER.size() ? ORDER.get(rank) : null;
                    if (wanted(q, outcome)) {
                        break;
                    }
                }
            }
            List<String> args = new ArrayList<>();
            String sql = sql(q, plan, outcome, q.after(), Math.min(q.limit(), MAX_PAGE) + 1, args);
            List<String> lines = new ArrayList<>();
            lines.add("driven by: " + (plan.drive() == null ? "the sort's index" : plan.drive().name().toLowerCase(
                    Locale.ROOT)));
            try (PreparedStatement ps = c.prepareStatement((db.isPostgres() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ")
                    + sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        lines.add(rs.getString(cols));
                    }
                }
            }
            return lines;
        });
    }
}
