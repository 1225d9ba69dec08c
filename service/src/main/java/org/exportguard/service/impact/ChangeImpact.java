package org.exportguard.service.impact;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.diff.ListDiff;
import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.ScreenedList;
import org.exportguard.service.InForce;
import org.exportguard.service.InForceCache;
import org.exportguard.service.InForceGuard;
import org.exportguard.service.PolicyPacks;
import org.exportguard.service.ServiceException;
import org.exportguard.store.ImportResult;
import org.exportguard.store.ListEvent;
import org.exportguard.store.ListVersions;
import org.exportguard.store.OpenDeals;
import org.exportguard.store.PolicyValidator;
import org.exportguard.store.Store;
import org.exportguard.store.StoreException;
import org.exportguard.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports a list or policy version and re-decides only the open deals it can touch:
 * <ul>
 * <li>a list version is compared with the previous version of the same source ({@link ListDiff}); the open deals'
 * party names are screened against an index of just the added, changed and removed entries (never all lists), and
 * the deals with any hit are re-decided. A list id that appears for the first time (or disappears) also lifts (or
 * brings) the "list not loaded" REVIEW, so then the open deals under REVIEW are re-decided too;</li>
 * <li>a policy version is compared with the previous one (or the shipped pack) on every day either names
 * ({@link PolicyImpact}); the open deals to the destinations it touches are re-decided (all open deals when a rule,
 * entry or regime changed).</li>
 * </ul>
 * The import commits first; the re-decisions and the report then commit together.
 */
public final class ChangeImpact {
    private final Store store;
    private final InForceCache inForce;

    /**
     * @param inForce what is in force over {@code store} (the desk's): the versions re-decided against are loaded
     *                through it, so they are in force, loaded once, when the import is done
     */
    public ChangeImpact(Store store, InForceCache inForce) {
        this.store = store;
        this.inForce = inForce;
    }

    /** {@link #importLists} of a path holding one list source, with the default rules. */
    public ImportOutcome importList(Path path, String source, LocalDate effective, String actor)
            throws ServiceException {
        List<ImportOutcome> all = importLists(path, source, effective, actor, ListVersions.Rules.DEFAULT);
        if (all.size() != 1) {
            throw new ServiceException(path + " holds " + all.size() + " list sources, not one", null);
        }
        return all.get(0);
    }

    /**
     * Imports the lists at {@code path}, one version per source it holds (all or none; see {@link ListVersions} for
     * the rules every import obeys), and re-decides the open deals each version put in force can touch: one report
     * per source. A version whose effective date is still to come is stored, not in force: its deals are re-decided
     * on that day ({@link #catchUp}).
     */
    public List<ImportOutcome> importLists(Path path, String source, LocalDate effective, String actor,
                                           ListVersions.Rules rules) throws ServiceException {
        List<ImportResult> stored;
        try {
            stored = store.lists().importSources(path, source, effective, actor, rules);
        } catch (ListFormatException e) {
            throw new ServiceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ServiceException(path + ": cannot read: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new ServiceException(e.getMessage(), e);
        }
        pauseForCrashTest();
        List<ImportOutcome> ran;
        try {
            ran = catchUp(actor);
        } catch (ServiceException.Conflict e) {
            // the versions are stored (and acknowledged): other imports kept overtaking their impact, which the
            // next catch-up (any server's watch, the next import) finishes
            ran = List.of();
        }
        List<ImportOutcome> out = new ArrayList<>();
        for (ImportResult r : stored) {
            ImportOutcome o = null;
            for (ImportOutcome x : ran) {
                if (r.event() != null && x.imported().event() != null && x.imported().event().id() == r.event().id()) {
                    o = new ImportOutcome(r, x.reportId(), x.reportJson());
                }
            }
            out.add(o != null ? o : new ImportOutcome(r, null, null));
        }
        return out;
    }

    /**
     * A test hook: with the system property {@value #PAUSE_PROPERTY} set to N, an import says so on stderr and
     * sleeps N milliseconds between storing its versions and running their impact, so a crash test can kill the
     * process exactly there. Unset (always, outside tests) it does nothing.
     */
    public static final String PAUSE_PROPERTY = "exportguard.test.pauseAfterListImportMs";

    private static void pauseForCrashTest() {
        String ms = System.getProperty(PAUSE_PROPERTY);
        if (ms == null) {
            return;
        }
        System.err.println("exportguard: test hook: list versions stored, impact paused for " + ms + " ms");
        System.err.flush();
        try {
            Thread.sleep(Long.parseLong(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Re-decides what a list version changed, against {@code before} (the latest version of each source before
     * it), and stores the decisions with the report.
     */
    private ImportOutcome listImpact(Map<String, VersionInfo> before, ImportResult imported, String actor,
                                     List<ListedParty> earlierChanges) throws ServiceException {
        VersionInfo version = imported.version();
        VersionInfo previous = before.get(version.source());
        Map<String, VersionInfo> afterLists = new TreeMap<>(before);
        afterLists.put(version.source(), version);
        List<PartyList> old = previous == null ? List.of() : inForce.listsOf(previous);
        InForce after = inForce.at(afterLists, store.policies().versions().latest().orElse(null));
        List<PartyList> now = after.lists().listsBySource().get(version.source());
        ListDiff diff = ListDiff.between(old, now);

        // Which deals can this touch? Screen every open deal's party names against the changed entries only.
        List<ListedParty> touched = diff.touched();
        // versions in force since the last one whose impact ran, never re-decided against: what they changed too
        touched.addAll(earlierChanges);
        Set<String> ids = new LinkedHashSet<>();
        long[] names = new long[2];
        if (!touched.isEmpty()) {
            PartyScreener screen = PartyScreener.over(List.of(new PartyList("changed entries", "diff", null,
                    touched, List.of())), Map.of());
            Map<String, Boolean> hitByName = new ConcurrentHashMap<>();
            List<OpenDeals.Parties> page = new ArrayList<>();
            names[0] = store.openDeals().forEachParties(p -> {
                page.add(p);
                if (page.size() == 20_000) {
                    screenPage(page, screen, hitByName, ids);
                    page.clear();
                }
            });
            screenPage(page, screen, hitByName, ids);
            names[1] = hitByName.size();
        }
        Set<String> idsBefore = listIds(store, before.values());
        Set<String> idsAfter = listIds(store, afterLists.values());
        Set<String> appeared = new TreeSet<>(idsAfter);
        appeared.removeAll(idsBefore);
        Set<String> disappeared = new TreeSet<>(idsBefore);
        disappeared.removeAll(idsAfter);
        int byScreening = ids.size();
        // A list rule counts as screened only when its sub-list is among the rows, and only while its source is
        // current: a version that brings or drops a sub-list, or renews a source gone stale, can lift or cause a
        // REVIEW that no changed entry explains, so the deals under REVIEW are decided again too.
        boolean coverageMoved = !ScreenedList.coverageOf(old).equals(ScreenedList.coverageOf(now))
                || (previous != null && inForce.staleNow(previous, listIdsOf(store, previous)));
        if (coverageMoved) {
            ids.addAll(store.openDeals().idsByOutcome(Set.of(Outcome.REVIEW.name())));
        }
        if (!appeared.isEmpty() || !disappeared.isEmpty()) {
            ids.addAll(store.openDeals().idsByOutcome(Set.of(Outcome.REVIEW.name())));
            if (!disappeared.isEmpty()) {
                store.openDeals().forEachParties(p -> ids.add(p.id()));
            }
        }

        ImpactReport.Screening screening = new ImpactReport.Screening(
                "only the " + touched.size() + " added, changed or removed entries",
                new ImpactReport.Screening.Counts(names[0], names[1], byScreening),
                !appeared.isEmpty() || !disappeared.isEmpty() || coverageMoved);
        return Reevaluation.run(store, new Reevaluation.Request(
                ImpactReport.ListChange.of(version, previous, diff, appeared, disappeared),
                Reevaluation.DealPages.byIds(store, ids), after,
                "list " + version.source() + " version " + version.id(), screening, actor, imported));
    }

    /**
     * @param before the lists and policy in force before the import: its screening results are reused, since a
     *               policy change moves no party's hits
     */
    public ImportOutcome importPolicy(Path dir, String source, LocalDate effective, String actor,
                                      PolicyValidator validator, InForce before) throws ServiceException {
        VersionInfo previous = store.policies().versions().latest().orElse(null);
        ImportResult imported;
        try {
            imported = store.policies().importDir(dir, source, effective, actor, validator);
        } catch (PolicyValidator.InvalidPolicyException e) {
            throw new ServiceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ServiceException(dir + ": cannot read: " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new ServiceException(e.getMessage(), e);
        }
        if (imported.alreadyStored() || (previous != null && previous.id() == imported.version().id())) {
            return new ImportOutcome(imported, null, null);
        }
        try {
            return policyImpact(previous, imported, actor, before);
        } catch (InForceGuard.Moved e) {
            // a list or policy version came in meanwhile: finish from what is in force now
            for (ImportOutcome o : catchUp(actor)) {
                if (o.imported().version().id() == imported.version().id() && o.reportId() != null
                        && o.imported().event() == null) {
                    return new ImportOutcome(imported, o.reportId(), o.reportJson());
                }
            }
            return new ImportOutcome(imported, null, null);
        }
    }

    /** Re-decides what a policy version changed against {@code previous} (null: the shipped pack). */
    private ImportOutcome policyImpact(VersionInfo previous, ImportResult imported, String actor,
                                       InForce before) throws ServiceException {
        VersionInfo version = imported.version();
        Map<String, VersionInfo> lists = store.lists().inForce();
        boolean sameBefore = before.lists().hasVersions(lists)
                && java.util.Objects.equals(before.policyVersionId(), previous == null ? null : previous.id());
        // over the lists in force before, the new policy shares their screening results: a policy moves no hits
        InForce after = inForce.at(lists, version);
        var beforePack = sameBefore ? before.pack() : PolicyPacks.of(store, previous);
        PolicyImpact impact = new PolicyImpact(beforePack, after.pack());
        PolicyDiff.Impact touches = impact.impact();
        Reevaluation.DealPages deals = impact.isEmpty() ? Reevaluation.DealPages.byIds(store, List.of())
                : Reevaluation.DealPages.byDestinations(store, touches.allDestinations() ? null : touches.countries());
        ImpactReport.PolicyChange change = new ImpactReport.PolicyChange(version.id(), version.sha256(),
                previous == null ? null : previous.id(), beforePack.version(), after.pack().version(),
                version.effectiveDate(), touches, impact.diffs());
        ImpactReport.Screening screening = new ImpactReport.Screening("none: a policy change does not change any "
                + "party's hits; the open deals to the destinations it touches were re-decided", null, false);
        return Reevaluation.run(store, new Reevaluation.Request(change, deals, after, "policy version " + version.id(),
                screening, actor, imported));
    }

    /**
     * Runs the impact of every change in force without a report: the version a list source's events put in force
     * today, when no report of that event is stored (an import commits before its re-decisions, so a process killed
     * in between leaves one; a version with a future effective date gets its report on the first day it is in
     * force), against the version in force before it; and the newest policy version's. Returns what it ran.
     */
    public List<ImportOutcome> catchUp(String actor) throws ServiceException {
        return InForceGuard.retrying("finishing the impact of the changes in force", () -> catchUpOnce(actor));
    }

    private List<ImportOutcome> catchUpOnce(String actor) throws ServiceException {
        List<ImportOutcome> done = new ArrayList<>();
        LocalDate today = store.lists().today();
        Map<String, ListEvent> events = store.lists().inForceEvents(today);
        Map<String, VersionInfo> now = store.lists().inForce(today);
        List<ListEvent> all = null;
        for (ListEvent e : events.values()) {
            if (store.changeReports().existsForListEvent(e.id())) {
                continue;
            }
            if (all == null) {
                all = store.lists().events();
            }
            // the source's events up to this one, in the order they took effect
            List<ListEvent> chain = new ArrayList<>();
            for (ListEvent o : all) {
                if (o.source().equals(e.source()) && o.id() != e.id() && before(o, e)) {
                    chain.add(o);
                }
            }
            chain.sort((a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
            // the version in force just before this event took effect: its true predecessor
            ListEvent previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            Map<String, VersionInfo> before = new TreeMap<>(now);
            before.remove(e.source());
            if (previous != null && previous.versionId() != e.versionId()) {
                before.put(e.source(), store.lists().versions().get(previous.versionId()).orElseThrow());
            }
            done.add(listImpact(before, new ImportResult(now.get(e.source()), ListEvent.ROLL_BACK.equals(e.kind()), e),
                    actor, unreportedChanges(chain)));
        }
        List<VersionInfo> policies = store.policies().versions().history();
        if (!policies.isEmpty()) {
            VersionInfo v = policies.get(policies.size() - 1);
            if (!store.changeReports().exists("policy", v.id())) {
                VersionInfo previous = policies.size() > 1 ? policies.get(policies.size() - 2) : null;
                InForce before = inForce.at(store.lists().inForce(), previous);
                done.add(policyImpact(previous, new ImportResult(v, false), actor, before));
            }
        }
        return done;
    }

    /**
     * What the versions of a source's {@code chain} (its events before the one being reported, in order) changed
     * since the last of them whose impact was reported: deals may have been decided against any of them (an import
     * that another import overtook before its impact ran, or one a crash cut short), so the entries any of them
     * added, changed or removed are screened again too. Empty when the last event has its report.
     */
    private List<ListedParty> unreportedChanges(List<ListEvent> chain) throws ServiceException {
        int from = chain.size();
        while (from > 0 && !store.changeReports().existsForListEvent(chain.get(from - 1).id())) {
            from--;
        }
        List<ListedParty> out = new ArrayList<>();
        // from the last reported version (or none) through each later one, each against its predecessor
        List<PartyList> was = from == 0 ? List.of() : inForce.listsOf(versionOf(chain.get(from - 1)));
        for (int i = from; i < chain.size(); i++) {
            List<PartyList> next = inForce.listsOf(versionOf(chain.get(i)));
            out.addAll(ListDiff.between(was, next).touched());
            was = next;
        }
        return out;
    }

    private VersionInfo versionOf(ListEvent e) {
        return store.lists().versions().get(e.versionId()).orElseThrow();
    }

    /** The entries a diff makes deals re-screen against: added, changed (both forms) and removed. */

    /** Whether event {@code a} takes effect before {@code b} (by effective date, then as recorded). */
    private static boolean before(ListEvent a, ListEvent b) {
        int c = a.effectiveDate().compareTo(b.effectiveDate());
        return c < 0 || (c == 0 && a.id() < b.id());
    }

    /** Screens a page of open deals' party names (each distinct name once) and adds the deals with a hit. */
    private static void screenPage(List<OpenDeals.Parties> page, PartyScreener screen, Map<String, Boolean> hitByName,
                                   Set<String> ids) {
        page.parallelStream().forEach(p -> {
            for (String n : p.names()) {
                hitByName.computeIfAbsent(n, x -> !screen.screenAnyType(x).isEmpty());
            }
        });
        for (OpenDeals.Parties p : page) {
            for (String n : p.names()) {
                if (hitByName.get(n)) {
                    ids.add(p.id());
                    break;
                }
            }
        }
    }

    /** Each list id with each sub-list its rows hold ({@code id} alone for a list without sub-lists). */

    private static Set<String> listIdsOf(Store store, VersionInfo v) {
        return InForceCache.listIdsOf(v);
    }

    private static Set<String> listIds(Store store, java.util.Collection<VersionInfo> versions) {
        Set<String> ids = new TreeSet<>();
        versions.forEach(v -> ids.addAll(listIdsOf(store, v)));
        return ids;
    }
}
