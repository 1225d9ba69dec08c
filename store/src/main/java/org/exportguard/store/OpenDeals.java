package org.exportguard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The open deals, as change impact looks for them: by destination, by a word of a party's name, by current
 * outcome, in pages, or streamed. Read-only; each call is one read transaction (a page of
 * {@link #forEachPage} is its own).
 */
public final class OpenDeals {
    private final Database db;

    OpenDeals(Database db) {
        this.db = db;
    }

    /** Open deals whose destination is one of {@code destinations}. */
    public Set<String> idsByDestinations(Set<String> destinations) {
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
    public Set<String> idsByPartyWords(Set<String> words) {
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

    /** Open deals whose current outcome is one of {@code outcomes}. */
    public Set<String> idsByOutcome(Set<String> outcomes) {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            Sql.inChunks(c, "SELECT id FROM deals WHERE status = ? AND outcome IN (%s)", List.of(StoredDeal.OPEN),
                    outcomes, rs -> out.add(rs.getString(1)));
            return out;
        });
    }

    /**
     * Open deals whose latest decision was taken before {@code t}: those a list source going stale at {@code t} can
     * still show as decided against a current list. Times are ISO text of varying length, so SQL narrows by the
     * second (a fixed-length prefix compares correctly) and the exact instant is compared here.
     */
    public Set<String> idsDecidedBefore(java.time.Instant t) {
        String bound = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1).toString();
        String prefix = bound.substring(0, bound.length() - 1); // without the 'Z': "...THH:MM:SS"
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT d.id, x.created_at FROM deals d "
                    + "JOIN decisions x ON x.deal_id = d.id AND x.seq = d.decision_seq "
                    + "WHERE d.status = ? AND x.created_at < ? ORDER BY d.id")) {
                ps.setString(1, StoredDeal.OPEN);
                ps.setString(2, prefix);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (java.time.Instant.parse(rs.getString(2)).isBefore(t)) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Up to {@code limit} open deals with ids after {@code afterId} (null: from the start), in id order. */
    public List<StoredDeal> page(String afterId, int limit) {
        return db.read(c -> {
            List<StoredDeal> out = new ArrayList<>(limit);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DealRows.COLUMNS + " FROM deals "
                    + "WHERE status = ? AND id > ? ORDER BY id LIMIT ?")) {
                ps.setString(1, StoredDeal.OPEN);
                ps.setString(2, afterId == null ? "" : afterId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(DealRows.deal(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Streams every open deal, a page (its own read transaction) at a time; returns how many. */
    public long forEachPage(int pageSize, Consumer<List<StoredDeal>> page) {
        String after = null;
        long n = 0;
        while (true) {
            List<StoredDeal> p = page(after, pageSize);
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
    public long forEachParties(Consumer<Parties> each) {
        return db.read(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, destination, party_names FROM deals "
                    + "WHERE status = ?")) {
                ps.setFetchSize(10_000);
                ps.setString(1, StoredDeal.OPEN);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Parties(rs.getString(1), rs.getString(2), DealRows.names(rs.getString(3))));
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
    public long forEachTo(Set<String> destinations, int pageSize, Consumer<List<StoredDeal>> page) {
        if (destinations != null && destinations.isEmpty()) {
            return 0;
        }
        return db.read(c -> {
            String sql = "SELECT " + DealRows.COLUMNS + " FROM deals WHERE status = ?"
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
                        buffer.add(DealRows.deal(rs));
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

    /** How many deals are open. */
    public long count() {
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
}
