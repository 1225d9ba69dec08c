package org.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.policy.eval.Decision;
import org.exportguard.policy.eval.DecisionHits;
import org.exportguard.policy.eval.Finding;
import org.exportguard.policy.eval.ListMatch;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A decision's hits as data: written as each list finding's {@code match}, read back equal. */
class DecisionHitsTest {
    static final LocalDate DEC_1 = LocalDate.of(2021, 12, 1);

    private static String dealWithParties(String... names) {
        StringBuilder parties = new StringBuilder();
        String[] roles = {"end-user", "consignee", "purchaser", "intermediate"};
        for (int i = 0; i < names.length; i++) {
            parties.append(i == 0 ? "" : ",").append("{'role':'").append(roles[i % roles.length])
                    .append("','name':'").append(names[i]).append("','country':'IL','type':'non-government'}");
        }
        return "{'id':'hits','date':'2021-12-01','exporter':{'name':'Acme Security Inc','country':'US'},"
                + "'items':[{'description':'office software','classification':{'US-EAR':'EAR99'}}],"
                + "'destination':'IL','parties':[" + parties + "],'flags':['subject-to-ear']}";
    }

    private static List<ListMatch> matches(Decision d) {
        return d.findings().stream().map(Finding::match).filter(Objects::nonNull).toList();
    }

    @Test
    void theHitsReadFromADecisionsJsonAreItsFindingsMatches() throws Exception {
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(dealWithParties("Acme Widgets GmbH", "NSO Group",
                "NSO Group Technologies Ltd", "Banco Nacional de Cuba", "AL-QAIDA")), DEC_1);
        List<ListMatch> written = matches(d);
        assertTrue(written.size() >= 4, d.toJson());
        assertEquals(written.stream().map(ListMatch::asStored).toList(), DecisionHits.of(d.toJson()));

        ListMatch nso = written.stream().filter(m -> m.entryId().equals("sample-el-0001") && m.party() == 1)
                .findFirst().orElseThrow();
        assertEquals("NSO Group", nso.partyName());
        assertEquals("consignee", nso.partyRole());
        assertEquals("US-CSL", nso.source());
        assertTrue(nso.subList().startsWith("Entity List"), nso.subList());
        assertEquals("NSO Group", nso.listedName());
        assertEquals("parties[1] NSO Group", nso.subject());
        assertEquals(nso.source() + ": " + nso.subList(), nso.listName());
    }

    @Test
    void theTextsOfAListFindingAreRenderedFromItsMatch() throws Exception {
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(dealWithParties("NSO Group", "BANCO NACIONAL DE "
                + "CUBA")), DEC_1);
        JsonNode json = new ObjectMapper().readTree(d.toJson());
        int seen = 0;
        for (JsonNode regime : json.get("regimes")) {
            for (JsonNode f : regime.get("findings")) {
                JsonNode m = f.get("match");
                if (m == null) {
                    assertTrue(!f.has("list") && !f.has("sourceId"), f.toString());
                    continue;
                }
                seen++;
                assertEquals("parties[" + m.get("party").asInt() + "] " + m.get("partyName").asText(),
                        f.get("subject").asText());
                assertEquals(m.get("source").asText() + (m.has("subList") ? ": " + m.get("subList").asText() : ""),
                        f.get("list").asText());
                assertEquals(m.get("entryId").asText(), f.get("sourceId").asText());
                assertEquals(m.get("score").asDouble(), f.get("score").asDouble());
                assertEquals(m.get("listVersion").asText(), f.get("listVersion").asText());
                assertEquals(List.of("party", "partyName", "partyRole", "source"),
                        fieldNames(m).subList(0, 4), m.toString());
            }
        }
        assertTrue(seen >= 2, json.toString());
    }

    @Test
    void aDecisionStoredBeforeMatchesGivesItsHitsFromItsTexts() throws Exception {
        Decision d = Fixtures.evaluator().evaluate(Fixtures.deal(dealWithParties("Acme Widgets GmbH",
                "NSO Group")), DEC_1);
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(d.toJson());
        old.get("regimes").forEach(r -> r.get("findings").forEach(f -> ((ObjectNode) f).remove("match")));
        List<ListMatch> legacy = DecisionHits.of(old.toString());
        List<ListMatch> now = matches(d).stream().map(ListMatch::asStored).toList();
        assertEquals(now.size(), legacy.size());
        for (int i = 0; i < now.size(); i++) {
            ListMatch a = now.get(i);
            ListMatch b = legacy.get(i);
            assertEquals(List.of(a.party(), a.partyName(), a.source(), a.entryId(), a.score(), a.listVersion()),
                    List.of(b.party(), b.partyName(), b.source(), b.entryId(), b.score(), b.listVersion()));
            assertEquals(a.subList(), b.subList());
            assertNull(b.partyRole());
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
