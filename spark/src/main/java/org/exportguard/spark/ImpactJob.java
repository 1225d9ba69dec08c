package org.exportguard.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.diff.ListDiff;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.diff.PolicyDiff;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.policy.screen.ScreenedList;
import org.exportguard.service.impact.PolicyImpact;
import org.exportguard.service.impact.ImpactReport;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code impact}: which deals change outcome between two list bundles (or sets of list files) and/or two policy
 * packs, before and after and why, by the store's incremental method: each deal's party names are screened against
 * an index of only the added, changed and removed entries, and only the deals with a hit, or to a destination the
 * policy change touches, are decided twice. When a list id or sub-list appears or disappears (coverage moves), every
 * deal is decided twice, as the store re-decides every deal under REVIEW then.
 */
final class ImpactJob {
    private ImpactJob() {
    }

    /** What changed, built once per executor JVM from both sides' lists and packs. */
    static final class Change {
        final PartyScreener changedEntries;
        final int changedCount;
        final boolean coverageMoved;
        final PolicyDiff.Impact policy;

        Change(PartyScreener changedEntries, int changedCount, boolean coverageMoved, PolicyDiff.Impact policy) {
            this.changedEntries = changedEntries;
            this.changedCount = changedCount;
            this.coverageMoved = coverageMoved;
            this.policy = policy;
        }

        /** Whether this change can move the deal's outcome. */
        boolean touches(Deal deal) {
            if (coverageMoved || policy.touches(deal.destination())) {
                return true;
            }
            if (changedEntries == null) {
                return false;
            }
            for (Deal.Party p : deal.parties()) {
                if (!changedEntries.screenAnyType(p.name()).isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The two sides of the change, as shipped. */
    record Sides(ShippedLists listsBefore, ShippedLists listsAfter, ShippedPack packBefore, ShippedPack packAfter)
            implements Serializable {
        Change change() {
            String key = "impact:" + listsBefore.sha256() + ":" + listsAfter.sha256() + ":" + packBefore.key()
                    + ":" + packAfter.key();
            return ExecutorCache.get(key, () -> between(listsBefore.loaded().lists(), listsAfter.loaded().lists(),
                    new PolicyImpact(packBefore.pack(), packAfter.pack()).impact()));
        }
    }

    /** The change between two sets of lists (diffed list id by list id) and a policy impact. */
    static Change between(List<PartyList> before, List<PartyList> after, PolicyDiff.Impact policy) {
        Map<String, List<PartyList>> b = byId(before);
        Map<String, List<PartyList>> a = byId(after);
        List<ListedParty> touched = new ArrayList<>();
        Set<String> ids = new TreeSet<>(b.keySet());
        ids.addAll(a.keySet());
        for (String id : ids) {
            ListDiff diff = ListDiff.between(b.getOrDefault(id, List.of()), a.getOrDefault(id, List.of()));
            touched.addAll(diff.touched());
        }
        boolean coverageMoved = !ScreenedList.coverageOf(before).equals(ScreenedList.coverageOf(after));
        PartyScreener screener = touched.isEmpty() ? null : PartyScreener.over(
                List.of(new PartyList("changed entries", "diff", null, touched, List.of())), Map.of());
        return new Change(screener, touched.size(), coverageMoved, policy);
    }

    static JavaRDD<String> run(SparkSession spark, String input, Sides sides, LocalDate asOf) {
        Tables.requireExists(input);
        return spark.read().textFile(input).javaRDD().zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .mapPartitions(it -> {
                    Change change = sides.change();
                    DealEvaluator before = new DealEvaluator(sides.packBefore().pack(), sides.listsBefore().screener());
                    DealEvaluator after = new DealEvaluator(sides.packAfter().pack(), sides.listsAfter().screener());
                    DealParser parser = new DealParser(after.pack());
                    return Streamed.map(it, t -> decide(parser, before, after, change, t._1(), t._2() + 1, asOf));
                });
    }

    /** The deal's changed outcome as {@code {"dealId","before","after","reasons"}}, or null when it does not change. */
    static String decide(DealParser parser, DealEvaluator before, DealEvaluator after, Change change, String text,
                         long line, LocalDate asOf) {
        EvaluateJob.ParsedLine parsed = EvaluateJob.ParsedLine.of(parser, text, line);
        if (parsed.deal() == null) {
            return parsed.errorLine();
        }
        Deal deal = parsed.deal();
        if (!change.touches(deal)) {
            return null;
        }
        LocalDate day = asOf != null ? asOf : deal.date();
        Decision was = before.evaluate(deal, day);
        Decision now = after.evaluate(deal, day);
        if (was.outcome() == now.outcome()) {
            return null;
        }
        ImpactReport.ChangedDeal c = ImpactReport.ChangedDeal.of(was.outcome().name(), now);
        ObjectNode o = Json.object();
        o.put("dealId", c.dealId());
        o.put("before", c.before());
        o.put("after", c.after());
        ArrayNode reasons = o.putArray("reasons");
        c.reasons().forEach(reasons::add);
        return Json.line(o);
    }

    private static Map<String, List<PartyList>> byId(Collection<PartyList> lists) {
        Map<String, List<PartyList>> out = new LinkedHashMap<>();
        lists.forEach(l -> out.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l));
        return out;
    }

    /** Each list id with each sub-list its rows hold. */
}
