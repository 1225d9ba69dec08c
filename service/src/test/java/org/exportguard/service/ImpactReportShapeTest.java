package org.exportguard.service;

import org.exportguard.json.Json;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.service.impact.EffectiveDateImpact;
import org.exportguard.service.impact.ImpactReport;
import org.exportguard.service.impact.ImpactReportJson;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.ChangeReport;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.store.VersionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.exportguard.service.ChangeImpactTest.VALIDATOR;
import static org.exportguard.service.ChangeImpactTest.EU833;
import static org.exportguard.service.ChangeImpactTest.EU833_MEMBERS;
import static org.exportguard.service.ChangeImpactTest.EU833_WIDENED;
import static org.exportguard.service.ChangeImpactTest.euCyberDeal;
import static org.exportguard.service.ChangeImpactTest.usDeal;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The change report's JSON, byte for byte (key order and values), for a list change and a policy change on a small
 * fixture: what the store keeps and what {@code impact --json} and {@code GET /api/impact} print. The expected texts
 * were recorded from the code before the report became records (ImpactReport, serialised by ImpactReportJson), so
 * that restructuring cannot change a report unnoticed. Hashes of the shipped pack are replaced by placeholders, so
 * an edit of the pack's data does not break the shape check (its reasons texts still do, on purpose). One change to
 * the texts since, on purpose: {@code second-list} gained the REVIEW reasons of the Denied Persons and SDN rules,
 * which a CSL file of Entity List rows alone no longer passes as screened (issue 12).
 */
class ImpactReportShapeTest {
    @TempDir
    Path tmp;
    Store store;
    Desk desk;

    @BeforeEach
    void open() {
        store = Store.open(StoreLocation.sqlite(tmp.resolve("data")));
        desk = new Desk(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A CSL file of Entity List entries: {@code name} or {@code name|start_date} each. */
    private Path csl(String file, String... entities) throws Exception {
        StringBuilder sb = new StringBuilder("_id,source,entity_number,type,programs,name,title,addresses,"
                + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,"
                + "call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
                + "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
                + "source_information_url,ids\n");
        for (String e : entities) {
            String name = e.contains("|") ? e.substring(0, e.indexOf('|')) : e;
            String start = e.contains("|") ? e.substring(e.indexOf('|') + 1) : "2021-11-04";
            sb.append("t-").append(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
                    .append(",Entity List (EL) - Bureau of Industry and Security,,,,").append(name)
                    .append(",,,86 FR 60759,").append(start).append(",,,,,,,,,,,,,,,,,,,\n");
        }
        return Files.writeString(tmp.resolve(file), sb.toString(), StandardCharsets.UTF_8);
    }

    /** The shipped pack with the first {@code from} after {@code anchor} replaced by {@code to} in {@code file}. */
    private Path pack(String name, String file, String anchor, String from, String to) throws Exception {
        Path dir = PackLoader.writeDefault(tmp.resolve(name));
        Path f = dir.resolve(file);
        String yaml = Files.readString(f);
        int at = yaml.indexOf(from, yaml.indexOf(anchor));
        if (yaml.indexOf(anchor) < 0 || at < 0) {
            throw new IllegalStateException(file + " no longer holds " + anchor + " ... " + from);
        }
        Files.writeString(f, yaml.substring(0, at) + to + yaml.substring(at + from.length()));
        return dir;
    }

    /** The report text with the hashes of policy packs replaced by placeholders. */
    private String masked(String json) throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(PackLoader.loadDefault().version(), "<shipped-pack>");
        for (VersionInfo v : store.policies().versions().history()) {
            names.put(PolicyPacks.stored(store, v.id()).version(), "<policy-v" + v.id() + ">");
            names.put(v.sha256(), "<policy-v" + v.id() + "-sha256>");
        }
        String out = json;
        for (Map.Entry<String, String> e : names.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * Compares the exact text with {@code impact-reports/NAME.json} (one line, as stored); on a difference, shows
     * both pretty-printed first, so the differing field is easy to see.
     */
    private static void assertReport(String name, String actual) throws Exception {
        String expected;
        try (var in = ImpactReportShapeTest.class.getResourceAsStream("impact-reports/" + name + ".json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        }
        if (!expected.equals(actual)) {
            assertEquals(Json.pretty(Json.MAPPER.readTree(expected)), Json.pretty(Json.MAPPER.readTree(actual)),
                    name + " differs; actual text:\n" + actual);
        }
        assertEquals(expected, actual, name);
    }

    @Test
    void listChangeReports() throws Exception {
        desk.addDeals(List.of(usDeal("foo", "Foo Trading Company"), usDeal("quux", "Quux Systems"),
                usDeal("bar", "Bar Logistics"), usDeal("plain", "Plain Widgets")), "test");
        ImportOutcome first = desk.importList(csl("v1.csv", "Foo Trading Company", "Bar Logistics"), "US-CSL",
                null, "test");
        assertReport("first-list", masked(first.reportJson()));
        ImportOutcome second = desk.importList(csl("v2.csv", "Bar Logistics|2022-01-10", "Quux Systems"), "US-CSL",
                LocalDate.of(2022, 1, 10), "test");
        assertReport("second-list", masked(second.reportJson()));
        ChangeReport stored = store.changeReports().latestChangeReport().orElseThrow();
        assertEquals(second.reportJson(), stored.reportJson(), "the store keeps exactly the report returned");
    }

    @Test
    void aNewSourceReportsTheListsNowLoaded() throws Exception {
        // (a source's lists no longer change: one version per source, each holding that source's list; the report
        // written when one did, listsNoLongerLoaded, was locked as shifted-list.json before one version per source)
        desk.addDeals(List.of(usDeal("foo", "Foo Trading Company"), usDeal("doe", "John Doe")), "test");
        desk.importList(csl("v1.csv", "Foo Trading Company"), "US-CSL", null, "test");
        Path dpl = Files.writeString(tmp.resolve("dpl.txt"), "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t"
                + "\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t"
                + "\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n"
                + "\"JOHN DOE\"\t\"1 MAIN STREET\"\t\"EL PASO\"\t\"TX\"\t\"US\"\t\"79905\"\t\"08/24/2022\"\t"
                + "\"01/14/2036\"\t\"Y\"\t\"2022-08-29\"\t\"F.R. NOTICE ADDED\"\t\"87 F.R. 52741 8/29/2022\"\n",
                StandardCharsets.UTF_8);
        ImportOutcome added = desk.importList(dpl, "BIS-DPL", null, "test");
        assertReport("new-source", masked(added.reportJson()));
    }

    @Test
    void policyChangeReports() throws Exception {
        desk.importList(csl("el.csv", "Example Unrelated Trading"), "US-CSL", null, "test");
        desk.addDeals(List.of(euCyberDeal("to-ae", "AE", "Ministry of Interior", "2027-01-10"),
                euCyberDeal("to-in", "IN", "Ministry of Home Affairs", "2027-01-10"),
                euCyberDeal("to-ma", "MA", "Direction Generale", "2027-01-10"),
                usDeal("us", "Plain Widgets")), "test");
        // AE and MA under the EU's Russia dual-use prohibition: against the shipped pack (no stored policy before it)
        ImportOutcome widened = desk.importPolicy(pack("wide", "groups.yaml", EU833, EU833_MEMBERS, EU833_WIDENED),
                "wide", null, "test", VALIDATOR);
        assertReport("first-policy", masked(widened.reportJson()));
        desk.closeDeal("to-ma", "test");
        // the shipped pack again, as stored version 2: against stored version 1
        ImportOutcome shipped = desk.importPolicy(PackLoader.writeDefault(tmp.resolve("shipped")), "shipped",
                LocalDate.of(2027, 1, 1), "test", VALIDATOR);
        assertReport("second-policy", masked(shipped.reportJson()));
        // what the shipped pack's own dated changes do on a day: a forecast, not stored
        ImpactReport onDay = EffectiveDateImpact.report(store, desk.current(), LocalDate.of(2022, 2, 25));
        assertReport("effective-date", masked(ImpactReportJson.text(onDay)));
        // a control entry's code renamed: every open deal re-decided, the ones classified under the old code unreadable
        ImportOutcome renamed = desk.importPolicy(pack("renamed", "entries.yaml", "INTRUSION-SW:", "{WA: 4.D.4,",
                "{WA: 4.D.44,"),
                "renamed", null, "test", VALIDATOR);
        assertReport("third-policy", masked(renamed.reportJson()));
    }

}
