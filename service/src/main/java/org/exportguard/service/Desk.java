package org.exportguard.service;

import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.Decision;
import org.exportguard.service.impact.ChangeImpact;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.DealRecord;
import org.exportguard.store.NewDecision;
import org.exportguard.store.PolicyValidator;
import org.exportguard.store.Store;
import org.exportguard.store.StoredDeal;
import org.exportguard.store.VersionInfo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The deal desk: stores deals with their decisions, changes and closes them, and imports list and policy versions
 * with their change impact. Every decision is taken as of the deal's export date against the current lists and
 * policy ({@link CurrentPolicy}), and stored naming the versions it used. Thread-safe; the current policy is
 * cached and reloaded when another process (or this one) stores a newer version.
 */
public final class Desk {
    /** Why a decision was taken, as stored with it. */
    public static final String ADDED = "deal added";
    public static final String UPDATED = "deal updated";

    private final Store store;
    private volatile CurrentPolicy current;

    public Desk(Store store) {
        this.store = store;
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
        CurrentPolicy now = current();
        DealParser parser = new DealParser(now.pack());
        List<Deal> deals = new ArrayList<>(dealJsons.size());
        for (int i = 0; i < dealJsons.size(); i++) {
            deals.add(parse(parser, dealJsons.get(i), i));
        }
        Decision[] decided = new Decision[deals.size()];
        IntStream.range(0, deals.size()).parallel()
                .forEach(i -> decided[i] = now.evaluator().evaluate(deals.get(i), asOf(deals.get(i))));
        List<DealRecord> records = new ArrayList<>(deals.size());
        List<NewDecision> decisions = new ArrayList<>(deals.size());
        List<DealOutcome> out = new ArrayList<>(deals.size());
        for (int i = 0; i < deals.size(); i++) {
            records.add(record(deals.get(i), dealJsons.get(i)));
            decisions.add(newDecision(decided[i], now, ADDED));
            out.add(new DealOutcome(deals.get(i).id(), decided[i]));
        }
        try {
            store.deals().add(records, decisions, actor);
        } catch (org.exportguard.store.StoreException e) {
            throw new ServiceException(e.getMessage(), e);
        }
        return out;
    }

    /** Replaces an open deal and decides it again (the history keeps the earlier decisions). */
    public DealOutcome updateDeal(String id, String dealJson, String actor) throws ServiceException {
        CurrentPolicy now = current();
        Deal deal = parse(new DealParser(now.pack()), dealJson, 0);
        if (!deal.id().equals(id)) {
            throw new ServiceException("the deal's id '" + deal.id() + "' is not '" + id + "'");
        }
        Decision d = now.evaluator().evaluate(deal, asOf(deal));
        try {
            store.deals().update(record(deal, dealJson), actor);
            store.deals().appendDecisions(List.of(newDecision(d, now, UPDATED)), actor);
        } catch (org.exportguard.store.StoreException e) {
            throw new ServiceException(e.getMessage(), e);
        }
        return new DealOutcome(id, d);
    }

    public void closeDeal(String id, String actor) throws ServiceException {
        try {
            store.deals().close(id, actor);
        } catch (org.exportguard.store.StoreException e) {
            throw new ServiceException(e.getMessage(), e);
        }
    }

    /** A deal with its decision history. */
    public Optional<StoredDeal> show(String id) {
        return store.deals().get(id);
    }

    /** Imports a list version and re-decides the open deals it can touch; see {@link ChangeImpact}. */
    public ImportOutcome importList(Path path, String source, LocalDate effective, String actor)
            throws ServiceException {
        new ChangeImpact(store).catchUp(actor);
        current = null;
        ImportOutcome o = new ChangeImpact(store).importList(path, source, effective, actor);
        current = null;
        return o;
    }

    /** Imports a policy version (validated by {@code validator}) and re-decides the open deals it can touch. */
    public ImportOutcome importPolicy(Path dir, String source, LocalDate effective, String actor,
                                      PolicyValidator validator) throws ServiceException {
        new ChangeImpact(store).catchUp(actor);
        current = null;
        ImportOutcome o = new ChangeImpact(store).importPolicy(dir, source, effective, actor, validator, current());
        current = null;
        return o;
    }

    /** Finishes the impact of any import a crash cut short (see {@link ChangeImpact#catchUp}). */
    public List<ImportOutcome> catchUp(String actor) throws ServiceException {
        List<ImportOutcome> done = new ChangeImpact(store).catchUp(actor);
        current = null;
        return done;
    }

    /** The lists and policy in force now; reloaded when a newer version has been stored since it was loaded. */
    public CurrentPolicy current() throws ServiceException {
        CurrentPolicy c = current;
        Map<String, VersionInfo> lists = CurrentPolicy.latestLists(store.lists().versions().history());
        VersionInfo policy = CurrentPolicy.latestPolicy(store);
        Long policyId = policy == null ? null : policy.id();
        if (c == null || !c.listVersions().equals(lists) || !Objects.equals(c.policyVersionId(), policyId)) {
            synchronized (this) {
                c = current;
                if (c == null || !c.listVersions().equals(lists) || !Objects.equals(c.policyVersionId(), policyId)) {
                    c = CurrentPolicy.load(store, lists, policy);
                    current = c;
                }
            }
        }
        return c;
    }

    /** The day a deal is decided as of: its export date. */
    public static LocalDate asOf(Deal deal) {
        return deal.date();
    }

    static Deal parse(DealParser parser, String json, int index) throws DealInputException {
        try {
            return parser.parse(json);
        } catch (DealFormatException e) {
            throw new DealInputException(index, e.getMessage());
        }
    }

    /** The stored form of a deal: its JSON as given, and the columns the store queries. */
    public static DealRecord record(Deal deal, String json) {
        return new DealRecord(deal.id(), json.strip(), deal.date(), deal.destination(),
                deal.parties().stream().map(Deal.Party::name).toList());
    }

    /** A decision to store, naming the versions of {@code now}. */
    public static NewDecision newDecision(Decision d, CurrentPolicy now, String reason) {
        return new NewDecision(d.dealId(), d.asOf(), d.outcome().name(), d.toJson(), now.listVersionIds(),
                now.policyVersionId(), reason);
    }
}
