package org.exportguard.accuracy;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningIndex;
import org.exportguard.core.screen.ScreeningQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screening at the default threshold: every alias finds its own entry first, and background names raise
 * (almost) no alert against all shared lists together.
 *
 * <p>"Top hit" counts an entry that ties the best score: the lists hold distinct entries with the very same name
 * (duplicated OFAC entities, a weak alias of one entry that is another's primary name), and no name matcher
 * can rank identical names apart.
 */
class ScreeningAccuracyTest {
    private final double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Test
    void ofacAliasesFindTheirEntry() throws Exception {
        ScreeningIndex index = ScreeningIndex.build(DevSets.lists("ofac-sdn-2021", "ofac-cons-2025"));
        int n = 0;
        int top = 0;
        int strictTop = 0;
        for (CSVRecord r : DevSets.csv("dev/ofac-alias-queries.csv", ',')) {
            String source = r.get("source").startsWith("ofac_sdn") ? "OFAC-SDN" : "OFAC-CONS";
            n++;
            List<ScreeningHit> hits = index.screen(ScreeningQuery.of(r.get("query_name")), threshold, 10);
            int rank = topRank(hits, source, r.get("expected_ent_num"));
            top += rank >= 0 ? 1 : 0;
            strictTop += rank == 0 ? 1 : 0;
        }
        double rate = top / (double) n;
        DevSets.report(String.format(Locale.ROOT, "OFAC alias queries: expected entry top (ties included) %d/%d = %.4f;"
                + " strictly first %d", top, n, rate, strictTop));
        assertTrue(rate >= 0.995, "OFAC alias completeness " + rate);
    }

    @Test
    void unAliasesAndScriptNamesFindTheirEntry() throws Exception {
        ScreeningIndex index = ScreeningIndex.build(DevSets.lists("un-consolidated-2026-02-27.xml"));
        int n = 0;
        int top = 0;
        int nonLatin = 0;
        int nonLatinTop = 0;
        for (CSVRecord r : DevSets.csv("dev/un-alias-and-script-queries.csv", ',')) {
            n++;
            boolean latin = r.get("query_script").equals("LATIN");
            nonLatin += latin ? 0 : 1;
            List<ScreeningHit> hits = index.screen(ScreeningQuery.of(r.get("query_name")), threshold, 10);
            if (topRank(hits, "UN-SC", r.get("expected_un_ref")) >= 0) {
                top++;
                nonLatinTop += latin ? 0 : 1;
            }
        }
        double rate = top / (double) n;
        DevSets.report(String.format(Locale.ROOT, "UN alias and script queries: %d/%d = %.4f (non-Latin %d/%d)",
                top, n, rate, nonLatinTop, nonLatin));
        assertTrue(rate >= 0.99, "UN alias completeness " + rate);
    }

    @Test
    void backgroundNamesRaiseFewAlertsAgainstAllLists() throws Exception {
        List<PartyList> all = DevSets.lists("ofac-sdn-2021", "ofac-cons-2025", "un-consolidated-2026-02-27.xml",
                "bis-dpl-2022-09.txt", "us-csl-sample-2019.csv");
        ScreeningIndex index = ScreeningIndex.build(all);
        List<String> names = new ArrayList<>(DevSets.lines("dev/background-person-names-global-50k.txt"));
        names.addAll(DevSets.lines("dev/background-company-names-sec-half.txt"));
        int alerts = 0;
        for (String name : names) {
            if (!index.screen(ScreeningQuery.of(name), threshold, 1).isEmpty()) {
                alerts++;
            }
        }
        double rate = alerts / (double) names.size();
        DevSets.report(String.format(Locale.ROOT, "false alerts, background names vs all shared lists: %d/%d = %.4f",
                alerts, names.size(), rate));
        assertTrue(rate <= 0.01, "false-alert rate " + rate);
    }

    /** Index of the expected entry among the hits that share the top score, or -1 (0 = strictly first). */
    private static int topRank(List<ScreeningHit> hits, String source, String sourceId) {
        for (int i = 0; i < hits.size() && hits.get(i).score() == hits.get(0).score(); i++) {
            if (hits.get(i).party().source().equals(source) && hits.get(i).party().sourceId().equals(sourceId)) {
                return i;
            }
        }
        return -1;
    }
}
