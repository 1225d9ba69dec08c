package org.exportguard.service;

import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.DecisionHits;
import org.exportguard.policy.eval.ListMatch;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.service.impact.ChangeImpact;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.DealRecord;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Disposition;
import org.exportguard.store.Dispositions;
import org.exportguard.store.NewDecision;
import org.exportguard.store.PolicyValidator;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.StoredDecision;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The deal desk: stores deals with their decisions, changes and closes them, and imports list and policy versions
 * with their change impact. Every decision is taken as of the deal's export date against the lists and policy in
 * force ({@link InForce}), and stored naming the versions it used. Thread-safe; what is in force is held by the
 * desk's {@link InForceCache}, which loads a newer version when another process (or this one) stores one.
 */
public final class Desk {
    /** Why a decision was taken, as stored with it. */
    public static final String ADDED = "deal added";
    public static final String UPDATED = "deal updated";

    private final Store store;
    private final InForceCache inForce;
    /** Who the day's catch-up is recorded as. */
    public static final String CATCH_UP_ACTOR = "system:effective-date";
    /** The day the catch-up last ran (null: not yet). */
    private volatile java.time.LocalDate caughtUp;
    /** Held by imports and catch-ups: one change's impact at a time in this process. */
    private final Object impacts = new Object();

    public Desk(Store store) {
        this(store, Staleness.DEFAULT);
    }

    /** A desk whose decisions hold each list source to {@code staleness} (age by the store's clock). */
    public Desk(Store store, Staleness staleness) {
        this.store = store;
        this.inForce = new InForceCache(store, staleness);
    }

    public Store store() {
        return store;
    }

    /** A deal as decided. */
    public record DealOutcome(String dealId, Decision decision) {
    }

    /**
     * Parses, decides and stores deals, all or none, in one transaction with their first decisions. A deal that
     * cannot be read refuses the batch, naming its index (0-based) and field.
     */
    public List<DealOutcome> addDeals(List<String> dealJsons, String actor) throws ServiceException {
        return InForceGuard.retrying("adding deals", () -> addDealsOnce(dealJsons, actor));
    }

    /** One attempt of {@link #addDeals}: refused ({@link InForceGuard.Moved}) if an import came in meanwhile. */
    private List<DealOutcome> addDealsOnce(List<String> dealJsons, String actor) throws ServiceException {
        InForce now = current();
        DealParser parser = new DealParser(now.pack());
        List<Deal> deals = new ArrayList<>(dealJsons.size());
        for (int i = 0; i < dealJsons.size(); i++) {
            deals.add(DealInput.parse(parser, dealJsons.get(i), i));
        }
        Decision[] decided = new Decision[deals.size()];
        IntStream.range(0, deals.size()).parallel()
                .forEach(i -> decided[i] = DecisionDay.decide(now.evaluator(), deals.get(i),
                        org.exportguard.policy.eval.HitDispositions.NONE));
        List<DealRecord> records = new ArrayList<>(deals.size());
        List<NewDecision> decisions = new ArrayList<>(deals.size());
        List<DealOutcome> out = new ArrayList<>(deals.size());
        for (int i = 0; i < deals.size(); i++) {
            records.add(DealRecords.of(deals.get(i), dealJsons.get(i)));
            decisions.add(DecisionRecords.of(decided[i], now, ADDED));
            out.add(new DealOutcome(deals.get(i).id(), decided[i]));
        }
        try {
            store.deals().add(records, decisions, actor, () -> InForceGuard.ensureCurrent(store, now));
        } catch (org.exportguard.store.StoreException e) {
            throw ServiceException.of(e);
        }
        return out;
    }

    /**
     * Replaces an open deal and decides it again (the history keeps the earlier decisions): the deal and its
     * decision are stored in ONE transaction, decided there against the deal's confirmed dispositions (those of an
     * earlier revision re-opened) and the versions in force, so no import or other update can come between them.
     */
    public DealOutcome updateDeal(String id, String dealJson, String actor) throws ServiceException {
        return InForceGuard.retrying("updating deal " + id, () -> updateDealOnce(id, dealJson, actor));
    }

    private DealOutcome updateDealOnce(String id, String dealJson, String actor) throws ServiceException {
        InForce now = current();
        Deal deal = DealInput.parse(new DealParser(now.pack()), dealJson, 0);
        if (!deal.id().equals(id)) {
            throw new ServiceException("the deal's id '" + deal.id() + "' is not '" + id + "'");
        }
        Decision[] decided = new Decision[1];
        try {
            store.deals().update(DealRecords.of(deal, dealJson), actor, (stored, confirmed) -> {
                InForceGuard.ensureCurrent(store, now);
                decided[0] = DecisionDay.decide(now.evaluator(), deal,
                        ConfirmedDispositions.of(confirmed, stored.revision()));
                return DecisionRecords.of(decided[0], now, UPDATED);
            });
        } catch (org.exportguard.store.StoreException e) {
            throw ServiceException.of(e);
        }
        return new DealOutcome(id, decided[0]);
    }

    public void closeDeal(String id, String actor) throws ServiceException {
        try {
            store.deals().close(id, actor);
        } catch (org.exportguard.store.StoreException e) {
            throw ServiceException.of(e);
        }
    }

    /** A confirmed disposition and the deal's decision it led to. */
    public record DispositionOutcome(Disposition disposition, Decision decision) {
    }

    /**
     * Proposes a verdict on a screening hit of an open deal (see {@link Dispositions#propose}). The hit must be in
     * the deal's current decision: a verdict on a hit nobody saw would be a guess.
     *
     * @param list the list's source, e.g. {@code US-CSL}, {@code UN}
     */
    public Disposition proposeDisposition(String dealId, String partyName, String list, String entryId,
                                          boolean trueMatch, String reason, String actor) throws ServiceException {
        StoredDeal deal = store.deals().get(dealId).orElseThrow(
                () -> new ServiceException.NotFound("no deal " + dealId, null));
        List<StoredDecision> history = deal.decisions();
        if (history.isEmpty()) {
            throw new ServiceException.Conflict("deal " + dealId + " has no decision yet, so no hit to dispose of",
                    null);
        }
        List<ListMatch> hits;
        try {
            hits = DecisionHits.of(history.get(history.size() - 1).decisionJson());
        } catch (IllegalArgumentException e) {
            throw new ServiceException("deal " + dealId + ": " + e.getMessage(), e);
        }
        boolean seen = hits.stream().anyMatch(m -> partyName.equals(m.partyName()) && list.equals(m.source())
                && entryId.equals(m.entryId()));
        if (!seen) {
            Set<String> named = new LinkedHashSet<>();
            hits.forEach(m -> named.add(hitText(m.partyName(), m.source(), m.entryId())));
            throw new ServiceException("the current decision on deal " + dealId + " has no screening hit "
                    + hitText(partyName, list, entryId) + (named.isEmpty() ? "; it has no screening hits"
                    : "; its hits: " + String.join(", ", named)));
        }
        ListMatch hit = hits.stream().filter(m -> partyName.equals(m.partyName()) && list.equals(m.source())
                && entryId.equals(m.entryId())).findFirst().orElseThrow();
        try {
            return store.dispositions().propose(dealId, deal.revision(), new Dispositions.Hit(partyName, list,
                    entryId, hit.listVersion(), entryFingerprint(list, entryId)), trueMatch, reason, actor);
        } catch (org.exportguard.store.StoreException e) {
            throw ServiceException.of(e);
        }
    }

    /**
     * Confirms another user's proposed disposition and re-decides the deal with all its confirmed dispositions, in
     * one transaction (see {@link Dispositions#confirm}). The proposer confirming is refused
     * ({@link ServiceException.FourEyes}).
     */
    public DispositionOutcome confirmDisposition(String dealId, long id, String approver) throws ServiceException {
        return InForceGuard.retrying("confirming disposition " + id, () -> confirmOnce(dealId, id, approver));
    }

    private DispositionOutcome confirmOnce(String dealId, long id, String approver) throws ServiceException {
        InForce now = current();
        DealParser parser = new DealParser(now.pack());
        Decision[] decided = new Decision[1];
        try {
            Disposition d = store.dispositions().confirm(dealId, id, approver, confirmed -> {
                // read inside the write transaction: no update of the deal can come between
                StoredDeal s = store.deals().getMany(List.of(dealId)).stream().findFirst()
                        .orElseThrow(() -> new org.exportguard.store.NotFoundException("no deal " + dealId));
                Deal deal;
                try {
                    deal = parser.parse(s.deal().json());
                } catch (DealFormatException e) {
                    throw new UnreadableDeal("stored deal " + dealId + " cannot be read under the current policy: "
                            + e.getMessage());
                }
                InForceGuard.ensureCurrent(store, now);
                decided[0] = DecisionDay.decide(now.evaluator(), deal, ConfirmedDispositions.of(confirmed, s.revision()));
                return DecisionRecords.of(decided[0], now, "disposition " + id + " confirmed by " + approver);
            });
            return new DispositionOutcome(d, decided[0]);
        } catch (UnreadableDeal e) {
            throw new ServiceException(e.getMessage(), e);
        } catch (org.exportguard.store.StoreException e) {
            throw ServiceException.of(e);
        }
    }

    /**
     * The fingerprint of the listed entry as in force now (null when the source holds no such entry: the hit came
     * from lists since replaced, and the deal's next re-decision settles it).
     */
    private String entryFingerprint(String source, String entryId) throws ServiceException {
        for (org.exportguard.core.model.PartyList l : current().lists().lists()) {
            for (org.exportguard.core.model.ListedParty p : l.parties()) {
                if (source.equals(p.source()) && entryId.equals(p.sourceId())) {
                    return org.exportguard.policy.eval.EntryFingerprint.of(p);
                }
            }
        }
        return null;
    }

    /** A hit as a refusal names it: {@code 'NSO Group' US-CSL entry sample-el-0001}. */
    private static String hitText(String partyName, String list, String entryId) {
        return "'" + partyName + "' " + list + " entry " + entryId;
    }

    /** A deal's dispositions, proposed and confirmed, by id. */
    public List<Disposition> dispositions(String dealId) {
        return store.dispositions().forDeal(dealId);
    }

    /** Carries a deal that cannot be parsed out of the store's transaction (which it rolls back). */
    private static final class UnreadableDeal extends RuntimeException {
        UnreadableDeal(String message) {
            super(message);
        }
    }

    /** A deal with its decision history. */
    public Optional<StoredDeal> show(String id) {
        return store.deals().get(id);
    }

    /** Imports a list version and re-decides the open deals it can touch; see {@link ChangeImpact}. */
    public ImportOutcome importList(Path path, String source, LocalDate effective, String actor)
            throws ServiceException {
        synchronized (impacts) {
            ChangeImpact impact = new ChangeImpact(store, inForce);
            impact.catchUp(actor);
            return impact.importList(path, source, effective, actor);
        }
    }

    /**
     * Imports the lists at {@code path}, one version per list source it holds, under these rules (how much a
     * source may shrink), and re-decides the open deals each can touch; see {@link ChangeImpact#importLists}.
     * One import (and impact) at a time in a process; across processes the store's write lock orders the imports,
     * and each impact diffs against the version its event really superseded.
     */
    public List<ImportOutcome> importLists(Path path, String source, LocalDate effective, String actor,
                                           ListVersions.Rules rules) throws ServiceException {
        synchronized (impacts) {
            ChangeImpact impact = new ChangeImpact(store, inForce);
            impact.catchUp(actor);
            List<ImportOutcome> out = impact.importLists(path, source, effective, actor, rules);
            caughtUp = store.lists().today();
            return out;
        }
    }

    /** Imports a policy version (validated by {@code validator}) and re-decides the open deals it can touch. */
    public ImportOutcome importPolicy(Path dir, String source, LocalDate effective, String actor,
                                      PolicyValidator validator) throws ServiceException {
        synchronized (impacts) {
            ChangeImpact impact = new ChangeImpact(store, inForce);
            impact.catchUp(actor);
            return impact.importPolicy(dir, source, effective, actor, validator, current());
        }
    }

    /**
     * Runs the impact of every change in force without its report (see {@link ChangeImpact#catchUp}): an import a
     * crash cut short, or a list version whose effective date has come.
     */
    public List<ImportOutcome> catchUp(String actor) throws ServiceException {
        synchronized (impacts) {
            List<ImportOutcome> out = new ChangeImpact(store, inForce).catchUp(actor);
            caughtUp = store.lists().today();
            return out;
        }
    }

    /**
     * The changes in force whose impact has not run (no report): {@code list event N} for a list source's event in
     * force today, {@code policy version N} for the newest policy. Empty in a store whose every change is reported.
     * Cheap (one query per list source in force): a server's watch asks every few seconds.
     */
    public Set<String> unfinishedImpacts() {
        Set<String> out = new java.util.TreeSet<>();
        for (org.exportguard.store.ListEvent e : store.lists().inForceEvents(store.lists().today()).values()) {
            if (!store.changeReports().existsForListEvent(e.id())) {
                out.add("list event " + e.id() + " (" + e.source() + " version " + e.versionId() + ")");
            }
        }
        store.policies().versions().latest().ifPresent(v -> {
            if (!store.changeReports().exists("policy", v.id())) {
                out.add("policy version " + v.id());
            }
        });
        return out;
    }

    /**
     * On the desk's first use of a day, the catch-up: a list version whose effective date is today is in force from
     * today, and the open deals it touches are re-decided before anything is decided against it.
     */
    private void catchUpOnNewDay() throws ServiceException {
        java.time.LocalDate today = store.lists().today();
        if (!today.equals(caughtUp)) {
            synchronized (this) {
                if (!today.equals(caughtUp)) {
                    catchUp(CATCH_UP_ACTOR);
                }
            }
        }
    }

    /**
     * Re-decides the open deals last decided before a list source in force went over its staleness limit (see
     * {@link org.exportguard.service.impact.ListAgeRecheck#sweep}): what {@code deals recheck} and the server's
     * periodic sweep run. Returns the report, or null when no deal could be affected.
     */
    public ImportOutcome recheckListAges(String actor) throws ServiceException {
        InForce now = current();
        return new org.exportguard.service.impact.ListAgeRecheck(store, inForce).sweep(now, actor);
    }

    /** When stored version {@code v} of a list source goes (or went) over its staleness limit, by the desk's rules. */
    public java.time.Instant staleSince(org.exportguard.store.VersionInfo v) {
        return inForce.staleSince(v, InForceCache.listIdsOf(v));
    }

    /**
     * A fetch confirmed version {@code v} current again after it went stale at {@code staleSince}: re-decides the
     * open deals under REVIEW decided since (see {@link org.exportguard.service.impact.ListAgeRecheck#renewed}).
     * Returns the report, or null when there were none.
     */
    public ImportOutcome renewed(org.exportguard.store.VersionInfo v, java.time.Instant staleSince, String actor)
            throws ServiceException {
        InForce now = current();
        return new org.exportguard.service.impact.ListAgeRecheck(store, inForce).renewed(now, v, staleSince, actor);
    }

    /** The lists and policy in force now (loaded again only when a newer version has been stored). */
    public InForce current() throws ServiceException {
        catchUpOnNewDay();
        return inForce.current();
    }

    /** The lists in force now: what screening answers with, the very index decisions use. */
    public ListsInForce lists() throws ServiceException {
        catchUpOnNewDay();
        return inForce.lists();
    }
}
