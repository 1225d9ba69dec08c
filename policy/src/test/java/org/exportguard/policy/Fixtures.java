package org.exportguard.policy;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.screen.PartyScreener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shipped default pack and the sample lists the product ships (real files read by the real readers). */
final class Fixtures {
    static final Path SAMPLES = Path.of("..", "cli", "src", "main", "resources", "sample-lists");

    private static PolicyPack pack;
    private static PartyScreener screener;

    private Fixtures() {
    }

    static synchronized PolicyPack pack() throws Exception {
        if (pack == null) {
            pack = PackLoader.loadDefault();
        }
        return pack;
    }

    static synchronized PartyScreener screener() throws Exception {
        if (screener == null) {
            List<PartyList> lists = new ArrayList<>();
            Map<String, String> versions = new TreeMap<>();
            for (String f : List.of("ofac-sdn", "us-csl.csv", "un-consolidated.xml")) {
                for (PartyList l : ListLoader.load(SAMPLES.resolve(f))) {
                    lists.add(l);
                    versions.put(l.id(), "sample:" + f);
                }
            }
            screener = PartyScreener.over(lists, versions);
        }
        return screener;
    }

    static DealEvaluator evaluator() throws Exception {
        return new DealEvaluator(pack(), screener());
    }

    static Deal deal(String json) throws Exception {
        return new DealParser(pack()).parse(json.replace('\'', '"'));
    }

    /** The intrusion-software deal of the story: WA 4.D.4 to a government end user. */
    static String israeliDeal(String destination) {
        return "{'id':'il-" + destination + "','date':'2021-12-01','exporter':{'name':'Cyber Ltd','country':'IL'},"
                + "'items':[{'description':'intrusion platform','classification':{'WA':'4.D.4'}}],"
                + "'destination':'" + destination + "','parties':[{'role':'end-user','name':'Ministry of Interior',"
                + "'country':'" + destination + "','type':'government'}]}";
    }

    static String usDeal(String endUser) {
        return "{'id':'us-nso','date':'2021-12-01','exporter':{'name':'Acme Security Inc','country':'US'},"
                + "'items':[{'description':'office software','classification':{'US-EAR':'EAR99'}}],"
                + "'destination':'IL','parties':[{'role':'end-user','name':'" + endUser + "','country':'IL',"
                + "'type':'non-government'}],'flags':['subject-to-ear']}";
    }
}
