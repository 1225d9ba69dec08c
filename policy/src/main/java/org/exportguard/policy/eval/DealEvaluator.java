package org.exportguard.policy.eval;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.pack.ControlEntry;
import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.Exclusion;
import org.exportguard.policy.pack.ListRule;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Provenance;
import org.exportguard.policy.pack.Regime;
import org.exportguard.policy.pack.Rule;
import org.exportguard.policy.pack.Verification;
import org.exportguard.policy.screen.ListCoverage;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.ScreenedList;
import org.exportguard.policy.screen.Staleness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides a deal: a pure function of (policy pack, the lists screened against, deal, as-of date), and, for lists
 * the store holds, of their age by the desk's clock (the screener's {@link ListCoverage}). Thread-safe; one
 * evaluator serves any number of threads.
 *
 * <p>For each regime that applies: every item's control entries against the regime's rules in force on the as-of
 * date (conditions the data cannot decide give REVIEW with the reason, never a guess), then every party's screening
 * hits (found by the {@link PartyScreener}) against the lists the regime applies (a confirmed match gives the
 * list's outcome, a weaker one REVIEW stating what a confirmed match would mean; an entry counts only from its
 * listing date). A list rule counts as screened only when one of its selectors' sources (and sub-list, when the
 * selector names one) was among the lists; otherwise, or when every such source is older than its staleness limit,
 * the rule gives REVIEW naming the source, never a silent CLEARED. The deal's outcome is the most severe.
 */
public final class DealEvaluator {
    private final PolicyPack pack;
    private final PartyScreener screener;
    private final MatchConfirmation confirmation = new MatchConfirmation();
    private final DestinationConditions destinations;

    public DealEvaluator(PolicyPack pack, PartyScreener screener) {
        this.pack = pack;
        this.screener = screener;
        this.destinations = new DestinationConditions(pack);
    }

    /**
     * An evaluator for another policy over the same lists, sharing this one's screener and so its screening
     * results: a policy change moves no party's hits, so a re-decision after it need not screen anyone again.
     */
    public DealEvaluator withPack(PolicyPack other) {
        return new DealEvaluator(other, screener);
    }

    public PolicyPack pack() {
        return pack;
    }

    public PartyScreener screener() {
        return screener;
    }

    /** The decision as of the deal's own date. */
    public Decision evaluate(Deal deal) {
        return evaluate(deal, deal.date());
    }

    public Decision evaluate(Deal deal, LocalDate asOf) {
        return evaluate(deal, asOf, HitDispositions.NONE);
    }

    /** The decision as of {@code asOf}, with the deal's confirmed dispositions of screening hits applied. */
    public Decision evaluate(Deal deal, LocalDate asOf, HitDispositions dispositions) {
        List<List<ScreeningHit>> hits = deal.parties().stream().map(screener::screen).toList();
        ListCoverage coverage = screener.coverage();
        Instant now = coverage.clock().instant();
        List<RegimeDecision> regimes = new ArrayList<>();
        for (Regime regime : pack.regimes().values()) {
            List<Finding> findings = new ArrayList<>();
            Truth applies = applies(regime, deal, asOf);
            if (applies.isFalse()) {
                continue;
            }
            if (!applies.isTrue()) {
                findings.add(Finding.rule(regime.id() + "-APPLICABILITY", Outcome.REVIEW,
                        "whether " + regime.id() + " applies cannot be decided: " + String.join("; ", applies.unknownBecause()),
                        "the regime's scope", PACK_DATA, pack.version(), "exporter " + deal.exporter().country()));
            }
            itemFindings(regime, deal, asOf, findings);
            listFindings(regime, deal, hits, asOf, dispositions, coverage, now, findings);
            regimes.add(new RegimeDecision(regime.id(), regime.name(),
                    Outcome.mostSevere(findings.stream().map(Finding::outcome).toList()), findings));
        }
        Outcome overall = Outcome.mostSevere(regimes.stream().map(RegimeDecision::outcome).toList());
        return new Decision(deal.id(), asOf, overall, pack.version(), screener.listVersions(),
                coverage.toJson(now), regimes);
    }

    /** Where a finding rests on the pack's own structure rather than on a cited fact. */
    private static final Provenance PACK_DATA = new Provenance(List.of("the policy pack's data"),
            Verification.VERIFIED, true);

    // ---- applicability -------------------------------------------------------------------------------------

    private Truth applies(Regime regime, Deal deal, LocalDate asOf) {
        Regime.Applicability a = regime.applies();
        if (a.always()) {
            return Truth.TRUE;
        }
        Truth t = Truth.FALSE;
        for (String place : a.exporterIn()) {
            t = t.or(inPlace(deal.exporter().country(), place, asOf));
        }
        for (String flag : a.flags()) {
            t = t.or(Truth.of(deal.flags().contains(flag)));
        }
        if (a.classifiedUnder()) {
            boolean explicit = deal.items().stream().anyMatch(i -> i.classification().containsKey(regime.id()));
            t = t.or(Truth.of(explicit));
        }
        return t;
    }

    /** A country code or a group id. */
    private Truth inPlace(String country, String place, LocalDate asOf) {
        CountryGroup g = pack.groups().get(place);
        return g == null ? Truth.of(place.equals(country)) : DestinationConditions.member(g, country, asOf);
    }

    // ---- items against rules -------------------------------------------------------------------------------

    private void itemFindings(Regime regime, Deal deal, LocalDate asOf, List<Finding> out) {
        List<Rule> rules = pack.rulesOf(regime.id());
        if (rules.isEmpty()) {
            return; // a lists-only regime (UN) says nothing about items
        }
        for (int i = 0; i < deal.items().size(); i++) {
            Deal.Item item = deal.items().get(i);
            Set<ControlEntry> entries = new LinkedHashSet<>();
            item.classification().forEach((scheme, code) -> pack.entry(scheme, code).ifPresent(entries::add));
            String itemRef = "items[" + i + "]";
            if (entries.isEmpty()) {
                out.add(Finding.rule(regime.id() + "-UNCLASSIFIED", Outcome.REVIEW,
                        "the item has no classification, so no " + regime.id() + " rule can be applied to it",
                        "classification needed before export", PACK_DATA, pack.version(), itemRef));
                continue;
            }
            for (ControlEntry e : entries) {
                entryFindings(regime, rules, e, itemRef + " " + e.codeText(), deal, asOf, out);
            }
        }
    }

    private void entryFindings(Regime regime, List<Rule> rules, ControlEntry entry, String subject, Deal deal,
                               LocalDate asOf, List<Finding> out) {
        for (Exclusion x : entry.exclusions()) {
            if (x.holds(deal.flags())) {
                // the entry's own text leaves this item out: no rule about the entry applies to it
                Finding f = Finding.rule(x.id(), Outcome.CLEARED, "not controlled as " + entry.codeText() + ": "
                        + x.reason() + " (declared: " + String.join(", ", new java.util.TreeSet<>(x.flags())) + ")",
                        x.citation(), x.provenance(), pack.version(), subject);
                out.add(ProvenanceCap.apply(f, List.of(new ProvenanceCap.Fact("exclusion " + x.id(),
                        x.provenance()))));
                return;
            }
        }
        List<Rule> about = rules.stream().filter(r -> r.entries().contains(entry.id())).toList();
        if (about.isEmpty()) {
            out.add(Finding.rule(regime.id() + "-NOT-COVERED", Outcome.REVIEW,
                    "no " + regime.id() + " rule in this policy pack covers " + entry.codeText()
                            + "; the pack cannot decide this item under " + regime.id(),
                    "none in the pack", PACK_DATA, pack.version(), subject));
            return;
        }
        List<Rule> inForce = about.stream().filter(r -> r.inForce(asOf)).toList();
        if (inForce.isEmpty()) {
            out.add(Finding.rule(regime.id() + "-NOT-IN-FORCE", Outcome.REVIEW,
                    "no " + regime.id() + " rule covering " + entry.codeText() + " is in force on " + asOf
                            + " (the pack's rules for it: " + periods(about) + ")",
                    "none in force", PACK_DATA, pack.version(), subject));
            return;
        }
        boolean decided = false;
        Outcome certain = null;
        List<Rule> undecidable = new ArrayList<>();
        List<Truth> why = new ArrayList<>();
        for (Rule r : inForce) {
            Truth t = conditions(r, deal, asOf);
            if (t.isFalse()) {
                continue;
            }
            decided = true;
            if (t.isTrue()) {
                Finding f = ProvenanceCap.apply(Finding.rule(r.id(), r.outcome(), r.reason(), r.citation(),
                        r.provenance(), pack.version(), subject), decidingFacts(r));
                out.add(f);
                certain = certain == null || f.outcome().moreSevereThan(certain) ? f.outcome() : certain;
            } else {
                undecidable.add(r);
                why.add(t);
            }
        }
        // A rule the data cannot decide matters only when it could make the outcome more severe than it already is.
        for (int k = 0; k < undecidable.size(); k++) {
            Rule r = undecidable.get(k);
            if (certain == null || r.outcome().moreSevereThan(certain)) {
                out.add(Finding.rule(r.id(), Outcome.REVIEW, "the data cannot decide this rule: "
                        + String.join("; ", why.get(k).unknownBecause()) + ". If it applies: " + r.outcome() + " ("
                        + r.reason() + ")", r.citation(), r.provenance(), pack.version(), subject));
            }
        }
        if (!decided) {
            out.add(Finding.rule(regime.id() + "-NO-RULE-MATCHES", Outcome.REVIEW,
                    "no " + regime.id() + " rule decides " + entry.codeText() + " to " + deal.destination()
                            + " for this end user on " + asOf,
                    "none matches", PACK_DATA, pack.version(), subject));
        }
    }

    /** The rule itself and every group its destination conditions read: what a finding of the rule rests on. */
    private List<ProvenanceCap.Fact> decidingFacts(Rule r) {
        List<ProvenanceCap.Fact> facts = new ArrayList<>();
        facts.add(new ProvenanceCap.Fact("rule " + r.id(), r.provenance()));
        for (String g : r.destinationIn()) {
            facts.add(new ProvenanceCap.Fact("group " + g, pack.groups().get(g).provenance()));
        }
        for (String g : r.destinationNotIn()) {
            facts.add(new ProvenanceCap.Fact("group " + g, pack.groups().get(g).provenance()));
        }
        return facts;
    }

    private static String periods(List<Rule> rules) {
        List<String> p = new ArrayList<>();
        for (Rule r : rules) {
            p.add(r.id() + " " + (r.from() == null ? "..." : r.from()) + " to " + (r.to() == null ? "..." : r.to()));
        }
        return String.join(", ", p);
    }

    private Truth conditions(Rule r, Deal deal, LocalDate asOf) {
        Truth t = destinations.holds(r, deal.destination(), asOf);
        if (r.endUser() != null) {
            t = t.and(endUser(r.endUser(), deal));
        }
        for (String f : r.flags()) {
            t = t.and(Truth.of(deal.flags().contains(f)));
        }
        for (String f : r.notFlags()) {
            t = t.and(Truth.of(!deal.flags().contains(f)));
        }
        return t;
    }

    /** True when any end user is of the wanted kind; unknown when an end user's type is not given. */
    private static Truth endUser(String wanted, Deal deal) {
        List<Deal.Party> endUsers = deal.endUsers();
        if (endUsers.isEmpty()) {
            return Truth.unknown("the deal names no end user");
        }
        Truth any = Truth.FALSE;
        for (Deal.Party p : endUsers) {
            if (p.type() == null) {
                any = any.or(Truth.unknown("the type of end user '" + p.name() + "' is not given"));
            } else {
                boolean government = p.type().equals("government");
                any = any.or(Truth.of(wanted.equals("government") == government));
            }
        }
        return any;
    }

    // ---- parties against lists -----------------------------------------------------------------------------

    private void listFindings(Regime regime, Deal deal, List<List<ScreeningHit>> hits, LocalDate asOf,
                              HitDispositions dispositions, ListCoverage coverage, Instant now, List<Finding> out) {
        for (ListRule rule : regime.lists()) {
            List<ListRule.Selector> present = rule.match().stream().filter(coverage::covers).toList();
            if (present.isEmpty()) {
                boolean noneLoaded = rule.match().stream().noneMatch(s -> coverage.lists().containsKey(s.source()));
                String loaded = String.join(", ", coverage.lists().keySet());
                out.add(Finding.rule(rule.id(), Outcome.REVIEW, noneLoaded
                        ? "the " + rule.name() + " was not among the loaded lists (" + loaded + "), so the parties "
                                + "were not screened against it"
                        : "the " + rule.name() + " was not screened: " + missing(rule, coverage)
                                + ", so the parties were not screened against it",
                        rule.citation(), rule.provenance(), pack.version(), "parties"));
                continue;
            }
            List<ScreenedList> current = present.stream().map(s -> coverage.lists().get(s.source()))
                    .filter(l -> !coverage.stale(l, now)).toList();
            if (current.isEmpty()) {
                out.add(Finding.rule(rule.id(), Outcome.REVIEW, "the " + rule.name() + " may be out of date: "
                        + stale(present, coverage, now) + ", so a party listed since may have been missed",
                        rule.citation(), rule.provenance(), pack.version(), "parties"));
            }
            for (int p = 0; p < deal.parties().size(); p++) {
                Deal.Party party = deal.parties().get(p);
                for (ScreeningHit h : hits.get(p)) {
                    ListedParty lp = h.party();
                    if (!rule.covers(lp.source(), lp.sourceList()) || !listedOn(lp, asOf)) {
                        continue;
                    }
                    out.add(listFinding(rule, p, party, h, dispositions));
                }
            }
        }
    }

    /** Which of the rule's sources (and sub-lists) were missing, in words. */
    private static String missing(ListRule rule, ListCoverage coverage) {
        List<String> why = new ArrayList<>();
        for (ListRule.Selector s : rule.match()) {
            ScreenedList l = coverage.lists().get(s.source());
            if (l == null) {
                why.add(s.source() + " was not among the loaded lists");
            } else {
                why.add(s.source() + " was loaded but holds no rows of '" + s.sourceList() + "'"
                        + (l.subLists().isEmpty() ? "" : " (only of " + String.join(", ", l.subLists()) + ")"));
            }
        }
        return String.join("; ", why) + " (loaded: " + (coverage.lists().isEmpty() ? "none"
                : String.join(", ", coverage.lists().keySet())) + ")";
    }

    private static String limit(java.time.Duration d) {
        String days = Staleness.days(d);
        return days + (days.equals("1") ? " day" : " days");
    }

    /** The rule's sources, each older than its limit, in words. */
    private static String stale(List<ListRule.Selector> present, ListCoverage coverage, Instant now) {
        Set<String> why = new LinkedHashSet<>();
        for (ListRule.Selector s : present) {
            ScreenedList l = coverage.lists().get(s.source());
            why.add(s.source() + " (version " + l.version() + ") was last confirmed current at " + l.confirmedAt()
                    + ", " + ListCoverage.ageDays(l, now) + " days ago, over its limit of "
                    + limit(coverage.staleness().limitOf(l.source())));
        }
        return String.join("; ", why);
    }

    /** An entry counts from its listing date to its end date (when the list gives them). */
    private static boolean listedOn(ListedParty lp, LocalDate asOf) {
        if (lp.listedOn() != null && asOf.isBefore(lp.listedOn())) {
            return false;
        }
        return lp.listingEnd() == null || !asOf.isAfter(lp.listingEnd());
    }

    private Finding listFinding(ListRule rule, int index, Deal.Party party, ScreeningHit h,
                                HitDispositions dispositions) {
        ListedParty lp = h.party();
        String entry = "'" + lp.primaryName() + "'" + (h.matchedName().equals(lp.primaryName()) ? ""
                : " (as '" + h.matchedName() + "')") + ", listed "
                + (lp.listedOn() != null ? "from " + lp.listedOn() : "(listing date not given by the list; counted)");
        boolean confirmed = confirmation.confirmed(party.name(), h);
        Outcome outcome;
        String reason;
        java.util.Optional<HitDispositions.Verdict> verdict = dispositions.of(party.name(), lp.source(), lp.sourceId());
        String reopened = verdict.map(v -> reopened(v, lp)).orElse(null);
        if (reopened != null) {
            // four eyes bound to what was reviewed: never less severe than without the verdict, at least REVIEW
            Outcome without = confirmed ? rule.outcome() : Outcome.REVIEW;
            outcome = Outcome.mostSevere(java.util.List.of(without, Outcome.REVIEW,
                    verdict.get().trueMatch() ? rule.outcome() : Outcome.CLEARED));
            reason = reopened + ": " + party.role() + " '" + party.name() + "' "
                    + (confirmed ? "is on the " + rule.name() + ": " : "resembles " + rule.name() + " entry ") + entry
                    + " (score " + String.format(java.util.Locale.ROOT, "%.4f", h.score()) + "). If confirmed: "
                    + rule.outcome() + " (" + rule.reason() + ")";
        } else if (verdict.isPresent()) {
            HitDispositions.Verdict v = verdict.get();
            String who = " (proposed by " + v.proposedBy() + ", confirmed by " + v.confirmedBy() + ": " + v.reason()
                    + ")";
            if (v.trueMatch()) {
                outcome = rule.outcome();
                reason = party.role() + " '" + party.name() + "' was confirmed as " + rule.name() + " entry " + entry
                        + who + ". " + rule.reason();
            } else {
                outcome = Outcome.CLEARED;
                reason = "dismissed as a false positive: " + party.role() + " '" + party.name() + "' is not "
                        + rule.name() + " entry " + entry + who;
            }
        } else if (confirmed) {
            outcome = rule.outcome();
            reason = party.role() + " '" + party.name() + "' is on the " + rule.name() + ": " + entry + ". "
                    + rule.reason();
        } else {
            outcome = Outcome.REVIEW;
            reason = "possible match, not exact: " + party.role() + " '" + party.name() + "' resembles "
                    + rule.name() + " entry " + entry + " (score " + String.format(java.util.Locale.ROOT, "%.4f",
                    h.score()) + evidence(h) + "). If confirmed: " + rule.outcome() + " (" + rule.reason() + ")";
        }
        ListMatch match = new ListMatch(index, party.name(), party.role(), lp.source(), lp.sourceList(),
                lp.sourceId(), lp.primaryName(), h.matchedName(), h.score(), versionOf(lp.source()));
        return ProvenanceCap.apply(Finding.listMatch(rule.id(), outcome, reason, rule.citation(), rule.provenance(),
                pack.version(), match), List.of(new ProvenanceCap.Fact("list rule " + rule.id(), rule.provenance())));
    }

    /** What the party's secondary evidence did to the score, when it did anything: {@code : name 0.8100; ...}. */
    private static String evidence(ScreeningHit h) {
        return h.evidence() == null || h.evidence().items().isEmpty() ? "" : ": " + h.evidence().toText();
    }

    /** Why a confirmed verdict no longer applies to this hit (null: it applies). */
    private String reopened(HitDispositions.Verdict v, ListedParty lp) {
        if (v.reopened() != null) {
            return v.reopened();
        }
        if (v.entrySha256() != null && !v.entrySha256().equals(EntryFingerprint.of(lp))) {
            return "the " + (v.trueMatch() ? "true match" : "false positive") + " confirmed on " + lp.source()
                    + " entry " + lp.sourceId() + (v.listVersion() == null ? "" : " as listed in version "
                    + v.listVersion()) + " no longer holds: the entry changed in list version "
                    + versionOf(lp.source()) + "; re-review needed";
        }
        return null;
    }

    private String versionOf(String listId) {
        String v = screener.listVersions().get(listId);
        return v != null ? v : "unknown";
    }
}
