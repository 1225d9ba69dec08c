package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Four-eyes dispositions of screening hits: one user proposes that a deal's party is (or is not) a listed entry,
 * another confirms it, and the confirmation re-decides the deal in the same transaction. The store knows nothing of
 * policy: the caller passes the re-decision as a function of the deal's confirmed dispositions.
 */
public final class Dispositions {
    private static final String COLUMNS = "id, deal_id, party_name, list_source, entry_id, verdict, reason, "
            + "proposed_by, proposed_at, confirmed_by, confirmed_at, deal_revision, list_version, entry_sha256";

    private final Database db;
    private final AuditLog audit;
    private final Decisions decisions;

    Dispositions(Database db, AuditLog audit, Decisions decisions) {
        this.db = db;
        this.audit = audit;
        this.decisions = decisions;
    }

    /**
     * Proposes a verdict on one hit of an open deal. It changes no decision until another user confirms it. A hit
     * has at most one pending proposal at a time.
     */
    public Disposition propose(String dealId, String partyName, String list, String entryId, boolean trueMatch,
                               String reason, String actor) {
        return propose(dealId, null, new Hit(partyName, list, entryId, null, null), trueMatch, reason, actor);
    }

    /**
     * A hit as it was reviewed: the party's name in the deal, the list source, the entry's id, the list version the
     * decision named (null: unknown) and the entry's fingerprint (null: unknown).
     */
    public record Hit(String partyName, String list, String entryId, String listVersion, String entrySha256) {
    }

    /**
     * Proposes a verdict on one hit of an open deal, bound to the deal's revision it was reviewed on and to the hit
     * as reviewed (see {@link Hit}). {@code revision}, when given, must still be the deal's: a deal changed since
     * the reviewer read it is refused ({@link ConflictException}).
     */
    public Disposition propose(String dealId, Long revision, Hit hit, boolean trueMatch, String reason,
                               String actor) {
        String partyName = hit.partyName();
        String list = hit.list();
        String entryId = hit.entryId();
        if (reason == null || reason.isBlank()) {
            throw new StoreException("a disposition needs a reason (why the party is, or is not, the listed entry)");
        }
        for (String[] f : new String[][] {{"party name", partyName}, {"list", list}, {"entry id", entryId}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new StoreException("a disposition needs the hit's " + f[0]);
            }
        }
        return db.write(c -> {
            StoredDeal deal = openDeal(c, dealId, "proposed");
            if (revision != null && revision != deal.revision()) {
                throw new ConflictException("deal " + dealId + " changed (revision " + revision + " is now "
                        + deal.revision() + ") since the decision the disposition was proposed on: review it again");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dispositions WHERE deal_id = ? "
                    + "AND party_name = ? AND list_source = ? AND entry_id = ? AND confirmed_by IS NULL")) {
                ps.setString(1, dealId);
                ps.setString(2, partyName);
                ps.setString(3, list);
                ps.setString(4, entryId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new ConflictException("disposition " + rs.getLong(1) + " on this hit of deal " + dealId
                                + " is already proposed and waits for confirmation");
                    }
                }
            }
            long id = nextId(c);
            Disposition d = new Disposition(id, dealId, partyName, list, entryId, trueMatch, reason.strip(), actor,
                    db.now(), null, null, deal.revision(), hit.listVersion(), hit.entrySha256());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dispositions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)")) {
                ps.setLong(1, d.id());
                ps.setString(2, d.dealId());
                ps.setString(3, d.partyName());
                ps.setString(4, d.list());
                ps.setString(5, d.entryId());
                ps.setString(6, d.verdict());
                ps.setString(7, d.reason());
                ps.setString(8, d.proposedBy());
                ps.setString(9, d.proposedAt());
                ps.setLong(10, d.dealRevision());
                ps.setString(11, d.listVersion());
                ps.setString(12, d.entrySha256());
                ps.executeUpdate();
            }
            ObjectNode det = details(d);
            det.put("reason", d.reason());
            audit.append(c, actor, "dispositions.propose", dealId, det);
            return d;
        });
    }

    /**
     * Confirms a proposed disposition and re-decides its deal, in ONE transaction: the confirmation, its audit
     * record and the new decision (if {@code redecide} returns one) commit together or not at all.
     *
     * @param redecide given ALL confirmed dispositions of the deal (this one included, by id), returns the deal's
     *                 new decision, or null to leave its decisions as they are; runs inside the write transaction
     * @return the disposition as confirmed
     */
    public Disposition confirm(String dealId, long id, String approver,
                               Function<List<Disposition>, NewDecision> redecide) {
        return db.write(c -> {
            Disposition d = byId(c, id).filter(x -> x.dealId().equals(dealId))
                    .orElseThrow(() -> new NotFoundException("no disposition " + id + " on deal " + dealId));
            if (d.confirmed()) {
                throw new ConflictException("disposition " + id + " was already confirmed by " + d.confirmedBy());
            }
            if (d.proposedBy().equals(approver)) {
                throw new FourEyesException("four-eyes: " + approver + " proposed disposition " + id
                        + " and may not confirm it; another approver must");
            }
            StoredDeal deal = openDeal(c, dealId, "confirmed");
            if (deal.revision() != d.dealRevision()) {
                // four eyes on what was reviewed: the approver would confirm a verdict on a deal nobody reviewed
                throw new ConflictException("disposition " + id + " was proposed for revision " + d.dealRevision()
                        + " of deal " + dealId + ", which has changed since (now revision " + deal.revision()
                        + "): propose it again on the current decision");
            }
            String now = db.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE dispositions SET confirmed_by = ?, "
                    + "confirmed_at = ? WHERE id = ? AND confirmed_by IS NULL")) {
                ps.setString(1, approver);
                ps.setString(2, now);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            Disposition done = new Disposition(d.id(), d.dealId(), d.partyName(), d.list(), d.entryId(),
                    d.trueMatch(), d.reason(), d.proposedBy(), d.proposedAt(), approver, now, d.dealRevision(),
                    d.listVersion(), d.entrySha256());
            ObjectNode det = details(done);
            det.put("proposedBy", d.proposedBy());
            audit.append(c, approver, "dispositions.confirm", dealId, det);
            NewDecision decision = redecide.apply(forDeal(c, dealId, true));
            if (decision != null) {
                if (!decision.dealId().equals(dealId)) {
                    throw new StoreException("the re-decision after disposition " + id + " is for deal "
                            + decision.dealId() + ", not " + dealId);
                }
                decisions.append(c, List.of(decision), approver);
            }
            return done;
        });
    }

    /** All dispositions of a deal, proposed or confirmed, by id. */
    public List<Disposition> forDeal(String dealId) {
        return db.read(c -> forDeal(c, dealId, false));
    }

    public Optional<Disposition> get(long id) {
        return db.read(c -> byId(c, id));
    }

    /**
     * The confirmed dispositions of these deals (by id), for deals that have any. On the re-decision hot path:
     * one cheap query answers when no disposition is confirmed at all, else IN queries of at most
     * {@link Sql#IN_CHUNK} ids.
     */
    public Map<String, List<Disposition>> confirmedForDeals(Collection<String> dealIds) {
        if (dealIds.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dispositions WHERE confirmed_by IS NOT NULL "
                    + "LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Map.of();
                }
            }
            List<Disposition> all = new ArrayList<>();
            Sql.inChunks(c, "SELECT " + COLUMNS + " FROM dispositions WHERE confirmed_by IS NOT NULL "
                    + "AND deal_id IN (%s)", List.of(), new LinkedHashSet<>(dealIds), rs -> all.add(disposition(rs)));
            all.sort((a, b) -> Long.compare(a.id(), b.id()));
            Map<String, List<Disposition>> out = new LinkedHashMap<>();
            all.forEach(d -> out.computeIfAbsent(d.dealId(), k -> new ArrayList<>()).add(d));
            return out;
        });
    }

    /** The deal, which must exist and be open for its dispositions to change. */
    private static StoredDeal openDeal(Connection c, String dealId, String what) throws SQLException {
        StoredDeal deal = DealRows.byId(c, dealId).orElseThrow(() -> new NotFoundException("no deal " + dealId));
        if (!deal.open()) {
            throw new ConflictException("deal " + dealId + " is closed: a disposition cannot be " + what + " on it");
        }
        return deal;
    }

    /** The confirmed dispositions of one deal, by id, read inside the caller's transaction. */
    static List<Disposition> confirmedOf(Connection c, String dealId) throws SQLException {
        return forDeal(c, dealId, true);
    }

    private static List<Disposition> forDeal(Connection c, String dealId, boolean confirmedOnly) throws SQLException {
        List<Disposition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dispositions WHERE deal_id = ?"
                + (confirmedOnly ? " AND confirmed_by IS NOT NULL" : "") + " ORDER BY id")) {
            ps.setString(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(disposition(rs));
                }
            }
        }
        return out;
    }

    private static Optional<Disposition> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dispositions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(disposition(rs)) : Optional.empty();
            }
        }
    }

    private static long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM dispositions");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Disposition disposition(ResultSet rs) throws SQLException {
        return new Disposition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Disposition.TRUE_MATCH.equals(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getLong(12), rs.getString(13), rs.getString(14));
    }

    private static ObjectNode details(Disposition d) {
        ObjectNode det = AuditLog.details();
        det.put("id", d.id());
        det.put("party", d.partyName());
        det.put("list", d.list());
        det.put("entryId", d.entryId());
        det.put("verdict", d.verdict());
        det.put("dealRevision", d.dealRevision());
        return det;
    }
}
