package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hit of {@code screen --json} and of a batch carries the listed entry's details, on real list files of each
 * format (the shared data; the EU, UK and OpenSanctions samples of the lists module's tests), and the query's
 * secondary evidence (--dob, --country, --id, batch columns) moves the score and says how.
 */
class HitDetailsTest {
    static final Path SAMPLES = Path.of("../lists/src/test/resources/samples");

    @TempDir
    Path tmp;

    /** The hit on {@code id} among the answer's hits. */
    static JsonNode hitOn(JsonNode answer, String source, String id) {
        for (JsonNode h : answer.get("hits")) {
            if (h.get("source").asText().equals(source) && h.get("sourceId").asText().equals(id)) {
                return h;
            }
        }
        throw new AssertionError("no hit on " + source + " " + id + " in " + answer);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * For one list file: an entry with what the format carries, screened by its primary name; the hit's entry
     * must give exactly the entry's details as read.
     */
    static void detailsOf(Path file, Predicate<ListedParty> rich) throws Exception {
        PartyList list = ListLoader.load(file).get(0);
        ListedParty p = list.parties().stream().filter(rich).findFirst()
                .orElseThrow(() -> new AssertionError("no entry in " + file + " with the fields looked for"));
        Cli.Result r = Cli.run("screen", "--list", file.toString(), "--json", "--limit", "50", p.primaryName());
        assertEquals(0, r.code(), r.toString());
        JsonNode answer = Cli.json(r.out().strip());
        JsonNode hit = hitOn(answer, list.id(), p.sourceId());
        JsonNode e = hit.get("entry");
        assertEquals(p.source(), e.get("source").asText());
        assertEquals(p.sourceId(), e.get("sourceId").asText());
        assertEquals(1 + p.aliases().size(), e.get("names").size(), file + ": " + e);
        assertEquals("primary", e.get("names").get(0).get("kind").asText());
        assertEquals(p.programs(), texts(e.get("programs")));
        assertEquals(p.addresses().size(), e.get("addresses").size());
        assertEquals(p.datesOfBirth(), texts(e.get("datesOfBirth")));
        assertEquals(p.placesOfBirth(), texts(e.get("placesOfBirth")));
        assertEquals(p.nationalities(), texts(e.get("nationalities")));
        assertEquals(p.identifiers().size(), e.get("identifiers").size());
        for (int i = 0; i < p.identifiers().size(); i++) {
            Identifier id = p.identifiers().get(i);
            assertEquals(id.value(), e.get("identifiers").get(i).get("number").asText(null));
        }
        assertEquals(p.remarks(), e.get("remarks").asText(null));
        assertEquals(p.listedOn() == null ? null : p.listedOn().toString(), e.get("listedOn").asText(null));
        JsonNode version = e.get("listVersion");
        assertEquals(list.id(), version.get("source").asText(), e.toString());
        assertTrue(version.get("sha256").asText().startsWith("sha256:") || version.get("sha256").asText().length()
                > 20, version.toString());
        assertFalse(hit.has("evidence"), "a name-only query compares no evidence");
    }

    @Test
    void ofacSdnEntriesCarryProgramsAddressesBirthIdentifiersAndRemarks() throws Exception {
        detailsOf(SharedData.list("ofac-sdn-2021"), p -> p.sourceId().equals("2676"));
        detailsOf(SharedData.list("ofac-sdn-2021"), p -> !p.addresses().isEmpty() && !p.identifiers().isEmpty()
                && !p.remarks().isEmpty() && p.type() != org.exportguard.core.model.PartyType.PERSON);
    }

    @Test
    void ofacConsEntries() throws Exception {
        detailsOf(SharedData.list("ofac-cons-2025"), p -> !p.addresses().isEmpty() && !p.programs().isEmpty()
                && !p.aliases().isEmpty());
    }

    @Test
    void unEntriesCarryNationalitiesOriginalScriptAndListingDates() throws Exception {
        detailsOf(SharedData.list("un-consolidated-2026-02-27.xml"), p -> !p.nationalities().isEmpty()
                && !p.datesOfBirth().isEmpty() && p.listedOn() != null && !p.identifiers().isEmpty()
                && p.aliases().stream().anyMatch(a -> a.originalScript()));
    }

    @Test
    void bisDplEntriesCarryAddressesAndDates() throws Exception {
        detailsOf(SharedData.list("bis-dpl-2022-09.txt"), p -> !p.addresses().isEmpty() && p.listedOn() != null
                && p.listingEnd() != null);
    }

    @Test
    void cslEntriesCarryTheirSubListAndLicencePolicy() throws Exception {
        Path csl = SharedData.list("us-csl-sample-2019.csv");
        detailsOf(csl, p -> p.sourceList() != null && p.licencePolicy() != null && !p.addresses().isEmpty());
        Cli.Result r = Cli.run("screen", "--list", csl.toString(), "--json", "32 Group China Ltd.");
        JsonNode e = Cli.json(r.out().strip()).get("hits").get(0).get("entry");
        assertEquals("Entity List (EL) - Bureau of Industry and Security", e.get("sourceList").asText());
        assertEquals("Presumption of denial.", e.get("licencePolicy").asText());
        assertEquals("HK", e.get("addresses").get(0).get("countryCode").asText());
    }

    @Test
    void euUkAndOpenSanctionsEntries() throws Exception {
        detailsOf(SAMPLES.resolve("eu-fsf-sample.xml"), p -> !p.datesOfBirth().isEmpty()
                && !p.nationalities().isEmpty() && !p.programs().isEmpty());
        detailsOf(SAMPLES.resolve("uk-sanctions-list-sample.xml"), p -> !p.datesOfBirth().isEmpty()
                && !p.programs().isEmpty() && p.listedOn() != null);
        detailsOf(SAMPLES.resolve("opensanctions-entities.ftm.json"), p -> !p.identifiers().isEmpty()
                || !p.datesOfBirth().isEmpty());
    }

    @Test
    void evidenceOptionsMoveTheScoreAndSaySo() throws Exception {
        Path sdn = SharedData.list("ofac-sdn-2021");
        Cli.Result plain = Cli.run("screen", "--list", sdn.toString(), "--json", "Aiman al Zawahiri");
        double nameScore = hitOn(Cli.json(plain.out().strip()), "OFAC-SDN", "2676").get("score").asDouble();

        Cli.Result r = Cli.run("screen", "--list", sdn.toString(), "--json", "--dob", "1951-06-19",
                "--id", "passport:1084010", "--country", "Egypt", "Aiman al Zawahiri");
        assertEquals(0, r.code(), r.toString());
        JsonNode hit = hitOn(Cli.json(r.out().strip()), "OFAC-SDN", "2676");
        JsonNode ev = hit.get("evidence");
        assertEquals(nameScore, ev.get("nameScore").asDouble(), 1e-4);
        List<String> fields = new ArrayList<>();
        ev.get("items").forEach(i -> {
            fields.add(i.get("field").asText() + ":" + i.get("result").asText());
        });
        // SDN 2676 lists no nationality and an address without a country: --country compares nothing
        assertEquals(List.of("identifier:match", "dob:match"), fields, ev.toString());
        assertEquals(1.0, hit.get("score").asDouble(), 1e-9);
        assertTrue(hit.get("explanation").asText().contains("evidence: name "), hit.toString());

        // a date of birth 40 years off lowers the same hit; it is still reported
        Cli.Result other = Cli.run("screen", "--list", sdn.toString(), "--json", "--dob", "1991",
                "Aiman al Zawahiri");
        JsonNode lowered = hitOn(Cli.json(other.out().strip()), "OFAC-SDN", "2676");
        assertEquals("conflict", lowered.get("evidence").get("items").get(0).get("result").asText());
        assertTrue(lowered.get("score").asDouble() < nameScore, lowered.toString());
    }

    @Test
    void badEvidenceOptionsAreUsageErrors() {
        Cli.Result r = Cli.run("screen", "--list", "src/main/resources/sample-lists", "--dob", "19/06/1951", "X");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--dob") && r.err().contains("YYYY-MM-DD"), r.err());
        r = Cli.run("screen", "--list", "src/main/resources/sample-lists", "--id", "1084010", "X");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--id") && r.err().contains("KIND:NUMBER"), r.err());
        r = Cli.run("screen", "--list", "src/main/resources/sample-lists", "--country", "Atlantis", "X");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown country 'Atlantis'"), r.err());
    }

    @Test
    void batchLinesCarryDetailsAndEvidenceColumns() throws Exception {
        Path sdn = SharedData.list("ofac-sdn-2021");
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, "id,name,type,country,dob,ids\n"
                + "a,Aiman al Zawahiri,person,EG,1951,passport:1084010\n"
                + "b,Banco Nacional de Cuba,,,,\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out.jsonl");
        Cli.Result r = Cli.run("screen", "--list", sdn.toString(), "--input", in.toString(), "--output",
                out.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        JsonNode a = hitOn(Cli.json(lines.get(0)), "OFAC-SDN", "2676");
        assertEquals("19 Jun 1951", a.get("entry").get("datesOfBirth").get(0).asText());
        // identifier, dob, type; no country: the entry names none
        assertEquals(3, a.get("evidence").get("items").size(), a.toString());
        JsonNode b = hitOn(Cli.json(lines.get(1)), "OFAC-SDN", "306");
        assertEquals(List.of("CUBA"), texts(b.get("entry").get("programs")));
        assertFalse(b.has("evidence"));

        Files.writeString(in, "id,name,dob\nx,Someone,1951-13\n", StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        r = Cli.run("screen", "--list", sdn.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("in.csv:2") && r.err().contains("'dob'"), r.err());
        assertFalse(Files.exists(out), "no partial output");
    }

    @Test
    void withoutListTheStoredVersionIsNamedOnEachHit() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, Cli.run("lists", "import", "src/main/resources/sample-lists/us-csl.csv", "--data-dir",
                data).code());
        Cli.Result r = Cli.run("screen", "--data-dir", data, "--json", "NSO Group");
        assertEquals(0, r.code(), r.toString());
        JsonNode answer = Cli.json(r.out().strip());
        JsonNode version = answer.get("hits").get(0).get("entry").get("listVersion");
        assertEquals(answer.get("lists").get(0).get("version").asLong(), version.get("version").asLong());
        assertTrue(version.get("version").asLong() >= 1, version.toString());
    }
}
