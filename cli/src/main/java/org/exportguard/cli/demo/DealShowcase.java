package org.exportguard.cli.demo;

import org.exportguard.cli.CliText;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListHash;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.RegimeDecision;
import org.exportguard.policy.pack.Outcome;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.screen.PartyScreener;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The story of issue 3: Israel cuts its cyber-export country list (Nov 2021) and the US puts NSO Group on the Entity
 * List (2021-11-04). The same deals, decided before and after, with the shipped policy pack and sample lists.
 */
public final class DealShowcase implements DemoSection {
    static final LocalDate BEFORE = LocalDate.of(2021, 10, 1);
    static final LocalDate AFTER = LocalDate.of(2021, 12, 1);
    static final List<String> DESTINATIONS = List.of("AE", "MA", "SA", "MX", "IN");

    @Override
    public String title() {
        return "Deal decisions: the same deals before and after November 2021 (shipped policy pack)";
    }

    @Override
    public void run(DemoEnv env) throws Exception {
        PolicyPack pack = PackLoader.loadDefault();
        Map<String, String> versions = new TreeMap<>();
        for (PartyList l : env.lists()) {
            versions.put(l.id(), "sha256:" + ListHash.of(Path.of(l.origin())));
        }
        DealEvaluator evaluator = new DealEvaluator(pack, new PartyScreener(env.lists(), env.index(), versions));
        var out = env.out();
        out.println("policy " + pack.version());
        out.println();
        out.println("a) An Israeli exporter sells intrusion software (Wassenaar 4.D.4) to a government end user:");
        CliText.Table t = new CliText.Table("destination", "as of", "IL-DECA", "overall", "why");
        for (String dest : DESTINATIONS) {
            for (LocalDate day : List.of(BEFORE, AFTER)) {
                Deal deal = new Deal("il-" + dest, day, new Deal.Exporter("Israeli cyber vendor", "IL"),
                        List.of(new Deal.Item("intrusion platform", Map.of("WA", "4.D.4"))), dest,
                        List.of(new Deal.Party("end-user", "Ministry of Interior", dest, "government")), null, Set.of());
                Decision d = evaluator.evaluate(deal, day);
                RegimeDecision il = regime(d, "IL-DECA");
                t.row(dest, day, il.outcome(), d.outcome(), why(il));
            }
        }
        out.print(t.render("  "));
        out.println("  (the 37-country list is reported by the press, not published: off the list an individual "
                + "licence is needed, often refused, not a ban; those findings carry authoritative: false, so they "
                + "can never BLOCK or CLEAR a deal on their own)");
        out.println();
        out.println("b) A US exporter (flag subject-to-ear) sells EAR99 software to a party in Israel:");
        CliText.Table u = new CliText.Table("end user", "as of", "US-EAR", "overall", "why");
        for (String name : List.of("NSO Group", "NSO Group Technologies Ltd", "Saito Tech Ltd.")) {
            for (LocalDate day : List.of(BEFORE, AFTER)) {
                Deal deal = new Deal("us-" + name, day, new Deal.Exporter("US software vendor", "US"),
                        List.of(new Deal.Item("office software", Map.of("US-EAR", "EAR99"))), "IL",
                        List.of(new Deal.Party("end-user", name, "IL", "non-government")), null,
                        Set.of("subject-to-ear"));
                Decision d = evaluator.evaluate(deal, day);
                RegimeDecision us = regime(d, "US-EAR");
                u.row(name, day, us.outcome(), d.outcome(), why(us));
            }
        }
        out.print(u.render("  "));
        out.println("  (an Entity List entry counts only from its listing date, 2021-11-04; a longer name that contains "
                + "a listed one is REVIEW, not a silent pass)");
        out.println();
        out.println("Try: ./exportguard deal evaluate DEAL.json [--as-of DATE] [--json]; ./exportguard policy diff "
                + "--from 2021-10-01 --to 2022-06-01");
        out.println();
    }

    private static RegimeDecision regime(Decision d, String id) {
        return d.regimes().stream().filter(r -> r.regime().equals(id)).findFirst().orElseThrow();
    }

    /** The reason of the most severe finding (the one that decides the regime's outcome; of equals, the last, the most specific rule). */
    private static String why(RegimeDecision r) {
        Finding worst = null;
        for (Finding f : r.findings()) {
            if (worst == null || !worst.outcome().moreSevereThan(f.outcome())) {
                worst = f;
            }
        }
        if (worst == null) {
            return "no finding";
        }
        String reason = worst.reason();
        if (worst.outcome() == Outcome.REVIEW && reason.startsWith("the data cannot decide this rule: ")) {
            reason = reason.substring("the data cannot decide this rule: ".length());
            int cut = reason.indexOf(". If it applies");
            reason = (cut > 0 ? reason.substring(0, cut) : reason);
        }
        return worst.rule() + ": " + (reason.length() > 150 ? reason.substring(0, 147) + "..." : reason);
    }
}
