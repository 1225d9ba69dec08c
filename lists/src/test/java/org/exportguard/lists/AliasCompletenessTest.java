package org.exportguard.lists;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the readers miss no alias: every alias of the dev query sets must be a name of the expected entry, with
 * the expected strength (weak iff the query set says weak / UN quality "Low"), or an original-script alias for the
 * UN's original-script names.
 */
class AliasCompletenessTest {

    private static List<CSVRecord> rows(Path file) throws Exception {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /**
     * Compares names with runs of white space made one: the query sets collapse the double spaces that some OFAC
     * cells hold (e.g. alt.csv "AL-KHATAB, Abd  Al Rahman"), which the reader keeps verbatim.
     */
    private static boolean has(ListedParty p, String queryName, AliasStrength strength, boolean originalScript) {
        String name = ws(queryName);
        if (!originalScript && strength == AliasStrength.STRONG && ws(p.primaryName()).equals(name)) {
            return true;
        }
        for (Alias a : p.aliases()) {
            if (ws(a.name()).equals(name) && a.strength() == strength && (!originalScript || a.originalScript())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyOfacAliasIsRead() throws Exception {
        Path lists = SharedData.lists();
        Map<String, ListedParty> sdn = RealListsTest.byId(RealListsTest.one(lists.resolve("ofac-sdn-2021")));
        Map<String, ListedParty> cons = RealListsTest.byId(RealListsTest.one(lists.resolve("ofac-cons-2025")));
        List<CSVRecord> queries = rows(SharedData.dev("ofac-alias-queries.csv"));
        List<String> failures = new ArrayList<>();
        for (CSVRecord q : queries) {
            Map<String, ListedParty> list = q.get("source").startsWith("ofac_sdn") ? sdn : cons;
            ListedParty p = list.get(q.get("expected_ent_num"));
            AliasStrength strength = "weak".equals(q.get("alias_quality")) ? AliasStrength.WEAK : AliasStrength.STRONG;
            if (p == null || !has(p, q.get("query_name"), strength, false)) {
                failures.add(q.get("source") + " " + q.get("expected_ent_num") + " " + strength + " '"
                        + q.get("query_name") + "'" + (p == null ? " (no such entry)" : ""));
            }
        }
        report("OFAC", queries.size(), failures);
    }

    @Test
    void everyUnAliasAndOriginalScriptNameIsRead() throws Exception {
        PartyList un = RealListsTest.one(SharedData.list("un-consolidated-2026-02-27.xml"));
        Map<String, ListedParty> byRef = RealListsTest.byId(un);
        List<CSVRecord> queries = rows(SharedData.dev("un-alias-and-script-queries.csv"));
        List<String> failures = new ArrayList<>();
        for (CSVRecord q : queries) {
            ListedParty p = byRef.get(q.get("expected_un_ref"));
            boolean script = "original_script".equals(q.get("relation"));
            AliasStrength strength = "Low".equals(q.get("alias_quality")) ? AliasStrength.WEAK : AliasStrength.STRONG;
            if (p == null || !has(p, q.get("query_name"), strength, script)) {
                failures.add(q.get("expected_un_ref") + " " + q.get("relation") + " " + strength + " '"
                        + q.get("query_name") + "'" + (p == null ? " (no such entry)" : ""));
            }
        }
        report("UN", queries.size(), failures);
    }

    private static String ws(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }

    private static void report(String what, int total, List<String> failures) {
        double found = 100.0 * (total - failures.size()) / total;
        System.out.printf("%s alias completeness: %d of %d found (%.3f%%), %d missing%n", what,
                total - failures.size(), total, found, failures.size());
        failures.stream().limit(30).forEach(f -> System.out.println("  missing: " + f));
        assertTrue(found >= 99.9, what + ": only " + found + "% of aliases found; first missing: "
                + failures.subList(0, Math.min(10, failures.size())));
    }
}
