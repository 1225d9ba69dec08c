package org.exportguard.policy.eval;

import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.pack.ControlEntry;
import org.exportguard.policy.pack.CountryGroup;
import org.exportguard.policy.pack.ListRule;
import org.exportguard.policy.pack.Membership;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.pack.Provenance;
import org.exportguard.policy.pack.Regime;
import org.exportguard.policy.pack.Rule;
import org.exportguard.policy.pack.Verification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a deal: a pure function of (policy pack, screening context, deal, as-of date). Thread-safe; one evaluator
 * serves any number of threads.
 *
 * <p>For each regime that applies: every item's control entries against the regime's rules in force on the as-of
 * date (conditions the data cannot decide give REVIEW with the reason, never a guess), then every party against the
 * lists the regime applies (a confirmed match gives the list's outcome, a weaker one REVIEW stating what a
 * confirmed match would mean; an entry counts only from its listing date). The deal's outcome is the most severe.
 */
public final class DealEvaluator {
    private final PolicyPack pack;
    private final ScreeningContext screening;
    private final MatchConfirmation confirmation = new MatchConfirmation();
    /**
     * Hits per (query type, name). Screening is a pure function of the index and the name, so caching changes no
     * decision; a batch names the same counterparties over and over, and screening is most of the work.
     */
    private final Map<String, List<ScreeningHit>> screened;
    private static final int SCREEN_CACHE_SIZE = 200_000;

    public DealEvaluator(PolicyPack pack, ScreeningContext screening) {
        this(pack, screening, new java.util.concurrent.ConcurrentHashMap<>());
    }

    private DealEvaluator(PolicyPack pack, ScreeningContext screening, Map<String, List<ScreeningHit>> screened) {
        this.pack = pack;
        this.screening = screening;
        this.screened = screened;
    }

    /**
     * An evaluator for another policy over the same lists, sharing this one's screening results: a policy change
     * moves no party's hits, so a re-decision after it need not screen anyone again.
     */
    public DealEvaluator withPack(PolicyPack other) {
        return new DealEvaluator(other, screening, screened);
    }

    public PolicyPack pack() {
        return pack;
    }

    public ScreeningContext screening() {
        return screening;
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
        List<List<ScreeningHit>> hits = screenParties(deal);
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
            listFindings(regime, deal, hits, asOf, dispositions, findings);
            regimes.add(new RegimeDecision(regime.id(), regime.name(),
                    Outcome.mostSevere(findings.stream().map(Finding::outcome).toList()), findings));
        }
        Outcome overall = Outcome.mostSevere(regimes.stream().map(RegimeDecision::outcome).toList());
        return new Decision(deal.id(), asOf, overall, pack.version(), screening.listVersions(), regimes);
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
        return g == null ? Truth.of(place.equals(country)) : member(g, country, asOf);
    }

    private static Truth member(CountryGroup g, String country, LocalDate asOf) {
        Membership m = g.membership(country, asOf);
        return switch (m) {
            case MEMBER -> Truth.TRUE;
            case NOT_MEMBER -> Truth.FALSE;
            case UNKNOWN -> Truth.unknown(g.whyUnknown(country, asOf));
        };
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
                out.add(Finding.rule(r.id(), r.outcome(), r.reason(), r.citation(), r.provenance(), pack.version(),
                        subject));
                certain = certain == null || r.outcome().moreSevereThan(certain) ? r.outcome() : certain;
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

    private static String periods(List<Rule> rules) {
        List<String> p = new ArrayList<>();
        for (Rule r : rules) {
            p.add(r.id() + " " + (r.from() == null ? "..." : r.from()) + " to " + (r.to() == null ? "..." : r.to()));
        }
        return String.join(", ", p);
    }

    private Truth conditions(Rule r, Deal deal, LocalDate asOf) {
        Truth t = Truth.TRUE;
        if (!r.destinationIn().isEmpty()) {
            Truth any = Truth.FALSE;
            for (String g : r.destinationIn()) {
                any = any.or(member(pack.groups().get(g), deal.destination(), asOf));
            }
            t = t.and(any);
        }
        for (String g : r.destinationNotIn()) {
            t = t.and(member(pack.groups().get(g), deal.destination(), asOf).not());
        }
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

    /**
     * Each party's hits: those at or above the threshold, and below it those whose listed name is wholly contained
     * in the party's name ("NSO Group Technologies Ltd" contains the listed "NSO Group"): a longer trading name of
     * a listed company scores low as a name but is exactly what a reviewer must see. The engine finds no candidate
     * for some such names, so the name without its last word is screened too, for containment only.
     */
    private List<List<ScreeningHit>> screenParties(Deal deal) {
        List<List<ScreeningHit>> hits = new ArrayList<>();
        for (Deal.Party p : deal.parties()) {
            PartyType type = queryType(p);
            String key = type.ordinal() + "\u0000" + p.name();
            List<ScreeningHit> h = screened.get(key);
            if (h == null) {
                h = screen(p.name(), type);
                if (screened.size() >= SCREEN_CACHE_SIZE) {
                    screened.clear(); // crude bound; a batch's counterparties repeat, so it refills with the useful ones
                }
                screened.put(key, h);
            }
            hits.add(h);
        }
        return hits;
    }

    /**
     * The hits a party of this name could have whatever its type (an unknown type costs no score, so these are a
     * superset of any typed party's): what change impact uses to find the deals a list change can touch.
     */
    public List<ScreeningHit> screenAnyType(String name) {
        return screen(name, PartyType.UNKNOWN);
    }

    private List<ScreeningHit> screen(String name, PartyType type) {
        Map<String, ScreeningHit> kept = new java.util.LinkedHashMap<>();
        boolean full = true;
        for (String variant : nameVariants(name)) {
            for (ScreeningHit h : screening.index().screen(new ScreeningQuery(variant, type, null, null),
                    ScreeningContext.CONTAINMENT_FLOOR, screening.limit())) {
                boolean counts = (full && h.score() >= screening.threshold())
                        || MatchConfirmation.containsListedName(h);
                if (counts) {
                    kept.putIfAbsent(h.party().source() + '\u0000' + h.party().sourceId(), h);
                }
            }
            full = false;
        }
        return List.copyOf(kept.values());
    }

    /** The name, then (for names of three words or more) the name without its last word. */
    static List<String> nameVariants(String name) {
        String[] words = name.strip().split("\\s+");
        if (words.length < 3) {
            return List.of(name);
        }
        return List.of(name, String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)));
    }

    private static PartyType queryType(Deal.Party p) {
        if (p.type() == null) {
            return PartyType.UNKNOWN;
        }
        return switch (p.type()) {
            case "individual" -> PartyType.PERSON;
            case "government" -> PartyType.ORGANIZATION;
            default -> PartyType.UNKNOWN;
        };
    }

    private void listFindings(Regime regime, Deal deal, List<List<ScreeningHit>> hits, LocalDate asOf,
                              HitDispositions dispositions, List<Finding> out) {
        Set<String> loaded = screening.listIds();
        for (ListRule rule : regime.lists()) {
            boolean screened = rule.match().stream().anyMatch(s -> loaded.contains(s.source()));
            if (!screened) {
                out.add(Finding.rule(rule.id(), Outcome.REVIEW, "the " + rule.name() + " was not among the loaded "
                        + "lists (" + String.join(", ", loaded) + "), so the parties were not screened against it",
                        rule.citation(), rule.provenance(), pack.version(), "parties"));
                continue;
            }
            for (int p = 0; p < deal.parties().size(); p++) {
                Deal.Party party = deal.parties().get(p);
                for (ScreeningHit h : hits.get(p)) {
                    ListedParty lp = h.party();
                    if (!rule.covers(lp.source(), lp.sourceList()) || !listedOn(lp, asOf)) {
                        continue;
                    }
                    out.add(listFinding(rule, party, "parties[" + p + "] " + party.name(), h, dispositions));
                }
            }
        }
    }

    /** An entry counts from its listing date to its end date (when the list gives them). */
    private static boolean listedOn(ListedParty lp, LocalDate asOf) {
        if (lp.listedOn() != null && asOf.isBefore(lp.listedOn())) {
            return false;
        }
        return lp.listingEnd() == null || !asOf.isAfter(lp.listingEnd());
    }

    private Finding listFinding(ListRule rule, Deal.Party party, String subject, ScreeningHit h,
                               HitDispositions dispositions) {
        ListedParty lp = h.party();
        String listName = lp.sourceList() != null ? lp.source() + ": " + lp.sourceList() : lp.source();
        String entry = "'" + lp.primaryName() + "'" + (h.matchedName().equals(lp.primaryName()) ? ""
                : " (as '" + h.matchedName() + "')") + ", listed "
                + (lp.listedOn() != null ? "from " + lp.listedOn() : "(listing date not given by the list; counted)");
        boolean confirmed = confirmation.confirmed(party.name(), h);
        Outcome outcome;
        String reason;
        java.util.Optional<HitDispositions.Verdict> verdict = dispositions.of(party.name(), lp.source(), lp.sourceId());
        if (verdict.isPresent()) {
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
                    h.score()) + "). If confirmed: " + rule.outcome() + " (" + rule.reason() + ")";
        }
        return new Finding(rule.id(), outcome, reason, rule.citation(), rule.provenance(), pack.version(), subject,
                listName, lp.sourceId(), h.score(), versionOf(lp.source()));
    }

    private String versionOf(String listId) {
        String v = screening.listVersions().get(listId);
        return v != null ? v : "unknown";
    }
}
