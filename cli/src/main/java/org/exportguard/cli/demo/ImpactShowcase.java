package org.exportguard.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exportguard.json.Json;
import org.exportguard.service.Desk;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The overnight change: deals kept in a scratch store are re-decided when a list version adds the Entity List
 * entries of 4 November 2021 (NSO Group; Candiru, also known as Saito Tech Ltd.), and only those deals.
 */
public final class ImpactShowcase implements DemoSection {
    private static final ObjectMapper JSON = Json.MAPPER;

    @Override
    public String title() {
        return "Change impact: the Entity List adds NSO Group and Candiru (4 Nov 2021); which open deals does it kill?";
    }

    @Override
    public void run(DemoEnv env) throws Exception {
        var out = env.out();
        Path work = Files.createDirectories(env.sampleDir().resolve("impact-demo"));
        // The version before: the sample CSL without its NSO Group and Candiru rows (the first two).
        List<String> csl = Files.readAllLines(env.sampleDir().resolve("us-csl.csv"), StandardCharsets.UTF_8);
        List<String> before = new ArrayList<>(csl.subList(0, 1));
        before.addAll(csl.subList(3, csl.size()));
        Path cslBefore = Files.write(work.resolve("us-csl-before.csv"), before, StandardCharsets.UTF_8);
        try (Store store = Store.open(StoreLocation.sqlite(work.resolve("data")))) {
            Desk desk = new Desk(store);
            desk.importList(env.sampleDir().resolve("un-consolidated.xml"), null, null, "demo");
            desk.importList(env.sampleDir().resolve("ofac-sdn"), null, null, "demo");
            desk.importList(cslBefore, "US-CSL", null, "demo");
            String[][] deals = {{"deal-1", "NSO Group", "IL"}, {"deal-2", "Saito Tech Ltd.", "IL"},
                    {"deal-3", "Harbor Analytics Ltd", "GB"}, {"deal-4", "Kyoto Data Systems KK", "JP"},
                    {"deal-5", "Nordic Grid Software AB", "SE"}};
            List<String> jsons = new ArrayList<>();
            for (String[] d : deals) {
                jsons.add(usDeal(d[0], d[1], d[2]));
            }
            out.println("A US exporter keeps 5 open deals (EAR99 software, shipping 2027), decided against the UN list,");
            out.println("the SDN list and the Entity List as it stood before:");
            for (Desk.DealOutcome o : desk.addDeals(jsons, "demo")) {
                out.printf("  %-7s %-24s %s%n", o.dealId(), party(jsons, o.dealId()), o.decision().outcome());
            }
            ImportOutcome imp = desk.importList(env.sampleDir().resolve("us-csl.csv"), "US-CSL", null, "demo");
            JsonNode r = JSON.readTree(imp.reportJson());
            out.println();
            out.printf("Then the new Entity List version is imported: +%d entries; the open deals' party names are%n",
                    r.at("/change/added").asInt());
            out.printf("screened against %s, and %d deal(s) re-decided:%n",
                    r.at("/screening/against").asText(), r.get("reevaluated").asInt());
            for (JsonNode c : r.get("changed")) {
                out.printf("  %-7s %s -> %s%n", c.get("dealId").asText(), c.get("before").asText(),
                        c.get("after").asText());
                out.println("          " + c.at("/reasons/0").asText());
            }
            out.println("The other deals were not touched. Try it: exportguard deals add / lists import / impact");
            out.println("(see README, \"Keeping state\").");
        }
        out.println();
    }

    private static String party(List<String> jsons, String id) throws Exception {
        for (String j : jsons) {
            JsonNode n = JSON.readTree(j);
            if (n.get("id").asText().equals(id)) {
                return n.at("/parties/0/name").asText();
            }
        }
        return "";
    }

    private static String usDeal(String id, String endUser, String country) {
        return ("{'id':'" + id + "','date':'2027-03-01','exporter':{'name':'Acme Software Inc.','country':'US'},"
                + "'items':[{'description':'network management software','classification':{'US-EAR':'EAR99'}}],"
                + "'destination':'" + country + "','parties':[{'role':'end-user','name':'" + endUser + "','country':'"
                + country + "','type':'non-government'}],'flags':['subject-to-ear']}").replace('\'', '"');
    }
}
