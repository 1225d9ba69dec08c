package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deals and their party words: adding (with their first decisions, see {@link Decisions}), replacing, closing and
 * reading them. Every write is one transaction with its audit record; bulk writes use prepared statements in JDBC
 * batches. Which open deals a change can touch is {@link OpenDeals}.
 */
public final class Deals {
    /** A write at least this big refreshes PostgreSQL's planner statistics. */
    static final int BULK = 10_000;

    private final Database db;
    private final AuditLog audit;
    private final Decisions decisions;

    Deals(Database db, AuditLog audit, Decisions decisions) {
        this.db = db;
        this.audit = audit;
        this.decisions = decisions;
    }

    /** Adds new deals (status open), all or none; any id already stored, or given twice, refuses the whole batch. */
    public void add(List<DealRecord> deals, String actor) {
        add(deals, List.of(), actor);
    }

    /**
     * Adds new deals with their first decisions in ONE transaction: a deal is never stored undecided. All or none;
     * any id already stored, or given twice, refuses the whole batch.
     */
    public void add(List<DealRecord> deals, List<NewDecision> firstDecisions, String actor) {
        add(deals, firstDecisions, actor, () -> { });
    }

    /**
     * {@link #add(List, List, String)}, running {@code check} first inside the transaction (where no other write can
     * come between): it throws to refuse, e.g. when the decisions were taken against versions no longer in force.
     */
    public void add(List<DealRecord> deals, List<NewDecision> firstDecisions, String actor, Runnable check) {
        if (deals.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (DealRecord d : deals) {
            if (!ids.add(d.id())) {
                throw new ConflictException("deal " + d.id() + " is given twice");
            }
        }
        db.write(c -> {
            check.run();
            Set<String> existing = new HashSet<>();
            Sql.inChunks(c, "SELECT id FROM deals WHERE id IN (%s)", List.of(), ids, rs -> existing.add(rs.getString(1)));
            if (!existing.isEmpty()) {
                throw new ConflictException("deal " + existing.iterator().next() + " already exists"
                        + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more)" : ""));
            }
            String now = db.now();
            try (PreparedStatement pd = c.prepareStatement("INSERT INTO deals (" + DealRows.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, 'open', NULL, 0, ?, ?, 1)");
                 PreparedStatement pw = c.prepareStatement("INSERT INTO deal_words (word, deal_id) VALUES (?, ?)")) {
                int n = 0;
                for (DealRecord d : deals) {
                    bindDeal(pd, d);
                    pd.setString(6, now);
                    pd.setString(7, now);
                    pd.addBatch();
                    addWords(pw, d);
                    if (++n % Sql.BATCH == 0) {
                        pd.executeBatch();
                        pw.executeBatch();
                    }
                }
                pd.executeBatch();
                pw.executeBatch();
            }
            List<String> added = deals.stream().map(DealRecord::id).toList();
            audit.append(c, actor, "deals.add", DealRows.subject(added), DealRows.idDetails(added),
                    deals.stream().map(d -> AuditContent.deal(d.id(), d.json())).toList());
            if (!firstDecisions.isEmpty()) {
                decisions.append(c, firstDecisions, actor);
            }
            return null;
        });
        if (deals.size() >= BULK) {
            db.analyze("deals", "deal_words");
        }
    }

    /** Replaces an open deal's JSON and columns (its decisions stay). */
    public void update(DealRecord d, String actor) {
        update(d, actor, (deal, confirmed) -> null);
    }

    /**
     * How a deal is decided inside the transaction that changes it: given the deal as stored by it (its new
     * revision) and its confirmed dispositions, the new decision (null: none). It may throw to roll the change back.
     */
    @FunctionalInterface
    public interface Redecide {
        NewDecision decide(StoredDeal deal, List<Disposition> confirmed);
    }

    /**
     * Replaces an open deal's JSON and columns and stores its new decision in ONE transaction, so no other write
     * (a list import's re-decisions, another update) can come between the deal stored and its decision. The
     * revision goes up by one when the JSON changes (a disposition confirmed for an earlier revision is re-opened).
     */
    public StoredDeal update(DealRecord d, String actor, Redecide redecide) {
        return db.write(c -> {
            StoredDeal old = DealRows.byId(c, d.id()).orElseThrow(() -> new NotFoundException("no deal " + d.id()));
            if (!old.open()) {
                throw new ConflictException("deal " + d.id() + " is closed: a closed deal cannot be changed");
            }
            long revision = old.revision() + (old.deal().json().equals(d.json()) ? 0 : 1);
            try (PreparedStatement ps = c.prepareStatement("UPDATE deals SET json = ?, export_date = ?, "
                    + "destination = ?, party_names = ?, updated_at = ?, revision = ? WHERE id = ?")) {
                ps.setString(1, d.json());
                ps.setString(2, d.exportDate() == null ? null : d.exportDate().toString());
                ps.setString(3, d.destination());
                ps.setString(4, String.join("\n", d.partyNames()));
                ps.setString(5, db.now());
                ps.setLong(6, revision);
                ps.setString(7, d.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM deal_words WHERE word = ? AND deal_id = ?")) {
                for (String w : words(old.deal())) {
                    ps.setString(1, w);
                    ps.setString(2, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement pw = c.prepareStatement("INSERT INTO deal_words (word, deal_id) VALUES (?, ?)")) {
                addWords(pw, d);
                pw.executeBatch();
            }
            ObjectNode det = AuditLog.details();
            det.put("destination", d.destination());
            det.put("exportDate", d.exportDate() == null ? null : d.exportDate().toString());
            det.put("jsonSha256", Sha256.hex(d.json()));
            det.put("revision", revision);
            audit.append(c, actor, "deals.update", d.id(), det, List.of(AuditContent.deal(d.id(), d.json())));
            StoredDeal now = DealRows.byId(c, d.id()).orElseThrow();
            NewDecision decision = redecide.decide(now, Dispositions.confirmedOf(c, d.id()));
            if (decision != null) {
                if (!decision.dealId().equals(d.id())) {
                    throw new StoreException("the decision of deal " + d.id() + " is for deal " + decision.dealId());
                }
                decisions.append(c, List.of(decision), actor);
            }
            return now;
        });
    }

    /** Closes a deal: it is no longer re-decided on changes. Closing a closed deal is refused. */
    public void close(String id, String actor) {
        db.write(c -> {
            StoredDeal old = DealRows.byId(c, id).orElseThrow(() -> new NotFoundException("no deal " + id));
            if (!old.open()) {
                throw new ConflictException("deal " + id + " is already closed");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE deals SET status = 'closed', updated_at = ? "
                    + "WHERE id = ?")) {
                ps.setString(1, db.now());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            audit.append(c, actor, "deals.close", id, AuditLog.details());
            return null;
        });
    }

    /** A deal with its whole decision history, oldest first. */
    public Optional<StoredDeal> get(String id) {
        return db.read(c -> {
            Optional<StoredDeal> d = DealRows.byId(c, id);
            if (d.isEmpty()) {
                return d;
            }
            List<StoredDecision> history = Decisions.history(c, id);
            StoredDeal s = d.get();
            return Optional.of(new StoredDeal(s.deal(), s.status(), s.outcome(), s.decisionCount(), s.createdAt(),
                    s.updatedAt(), history, s.revision()));
        });
    }

    /** The deals with these ids (those that exist), without decision history, in id order. */
    public List<StoredDeal> getMany(Collection<String> ids) {
        return db.read(c -> {
            List<StoredDeal> out = new ArrayList<>();
            Sql.inChunks(c, "SELECT " + DealRows.COLUMNS + " FROM deals WHERE id IN (%s)", List.of(),
                    new LinkedHashSet<>(ids), rs -> out.add(DealRows.deal(rs)));
            out.sort((a, b) -> a.deal().id().compareTo(b.deal().id()));
            return out;
        });
    }

    private static void bindDeal(PreparedStatement ps, DealRecord d) throws SQLException {
        ps.setString(1, d.id());
        ps.setString(2, d.json());
        ps.setString(3, d.exportDate() == null ? null : d.exportDate().toString());
        ps.setString(4, d.destination());
        ps.setString(5, String.join("\n", d.partyNames()));
    }

    private static Set<String> words(DealRecord d) {
        Set<String> words = new LinkedHashSet<>();
        d.partyNames().forEach(n -> words.addAll(PartyWords.of(n)));
        return words;
    }

    private static void addWords(PreparedStatement pw, DealRecord d) throws SQLException {
        for (String w : words(d)) {
            pw.setString(1, w);
            pw.setString(2, d.id());
            pw.addBatch();
        }
    }
}
