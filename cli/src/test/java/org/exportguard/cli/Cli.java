package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: run the CLI in-process with captured streams; a small in-memory list. */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** Runs with the real list loader. */
    static Result run(String... args) {
        return run(null, args);
    }

    /** Runs with lists from {@code lists} (null: the real loader). */
    static Result run(ListSource lists, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = lists == null ? Main.run(o, e, args) : Main.run(o, e, lists, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception ex) {
            throw new AssertionError("not JSON: " + line, ex);
        }
    }

    static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        n.fieldNames().forEachRemaining(f::add);
        return f;
    }

    /** A list source that returns {@link #fakeList()} for any existing path. */
    static ListSource fake() {
        return path -> List.of(fakeList());
    }

    /** A handful of parties of every type, built in memory: independent of the list readers. */
    static PartyList fakeList() {
        List<ListedParty> p = List.of(
                ListedParty.builder("OFAC-SDN", "306").type(PartyType.ORGANIZATION)
                        .primaryName("BANCO NACIONAL DE CUBA").alias(Alias.strong("NATIONAL BANK OF CUBA"))
                        .alias(Alias.weak("BNC"))
                        .address(new Address("Zweierstrasse 35", "Zurich", null, "CH-8022", "Switzerland", "CH"))
                        .address(new Address(null, "Madrid", null, null, "Spain", "ES")).build(),
                ListedParty.builder("US-CSL", "sample-el-0001").type(PartyType.ORGANIZATION)
                        .sourceList("Entity List (EL) - Bureau of Industry and Security").primaryName("NSO Group")
                        .address(new Address("22 Galgalei Haplada, Herzliya", "Tel Aviv-Yafo", null, "4672222",
                                "IL", "IL")).build(),
                ListedParty.builder("OFAC-SDN", "2676").type(PartyType.PERSON).primaryName("AL ZAWAHIRI, Dr. Ayman")
                        .alias(Alias.strong("AL-ZAWAHIRI, Ayman")).build(),
                ListedParty.builder("OFAC-SDN", "4234").type(PartyType.VESSEL).primaryName("HERMANN").build(),
                ListedParty.builder("UN-SC", "QDe.004").type(PartyType.ORGANIZATION).primaryName("AL-QAIDA")
                        .alias(Alias.originalScript("القاعدة")).alias(Alias.strong("Al Qaeda")).build());
        return new PartyList("FAKE", "fake", "fake.list", p, List.of("alias row 7 names unknown entry 999"));
    }

    static RuntimeException unchecked(Exception e) {
        return e instanceof java.io.IOException io ? new UncheckedIOException(io) : new RuntimeException(e);
    }
}
