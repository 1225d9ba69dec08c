package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Locks what users see: {@code screen --json} on a fixed sample of the shared tuning names and {@code deal evaluate}
 * on fixed generated deals, both against every shared list file, compared line by line with digests recorded before
 * a refactoring (the files under {@code src/test/resources/golden}). A restructuring must leave every line the same;
 * a change meant to alter answers re-records them with {@code -Dgolden.record=true} and says why in its commit;
 * {@code -Dgolden.dump=DIR} writes the compared lines to DIR, to read (and diff against another build's) first.
 *
 * <p>Only digests are kept, so no shared data enters the repository. Keys listed in {@link #ADDED_KEYS} were added
 * to the output after the digests were recorded (additions, not changes) and are left out before hashing.
 */
class OutputLockTest {
    /**
     * Keys added since the digests were recorded: the structured hit of a finding ({@code match}), the list
     * sources screened that every screen answer and decision names ({@code lists}, issue 12), and each hit's
     * listed entry's details and, for queries with secondary evidence, what it did ({@code entry},
     * {@code evidence}, issue 14).
     */
    private static final List<String> ADDED_KEYS = List.of("match", "lists", "entry", "evidence");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    @Test
    void screenJsonOnSharedNamesIsUnchanged() throws IOException {
        Path shared = SharedData.dir();
        List<String> names = sampleNames(shared.resolve("dev"));
        List<String> args = new ArrayList<>(List.of("screen", "--list", shared.resolve("lists").toString(), "--json"));
        Path input = dir.resolve("names.csv");
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < names.size(); i++) {
            csv.append(i + 1).append(",\"").append(names.get(i).replace("\"", "\"\"")).append("\"\n");
        }
        Files.writeString(input, csv);
        Path output = dir.resolve("hits.jsonl");
        args = List.of("screen", "--list", shared.resolve("lists").toString(), "--input", input.toString(),
                "--output", output.toString(), "--threads", "2");
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(names.size(), lines.size());
        // the single-name form answers exactly as a batch line (id = position)
        Cli.Result one = Cli.run("screen", "--list", shared.resolve("lists").toString(), "--json", names.get(6));
        assertEquals(0, one.code(), one::toString);
        assertEquals(lines.get(6).replaceFirst("^\\{\"id\":\"7\"", "{\"id\":\"1\""), one.out().strip());
        long withHits = lines.stream().filter(l -> !l.contains("\"hits\":[]")).count();
        assertTrue(withHits > names.size() / 3, "too few lines with hits to lock anything: " + withHits);
        compare("screen-shared.digests", lines);
    }

    @Test
    void dealEvaluateOnGeneratedDealsIsUnchanged() throws IOException {
        Path shared = SharedData.dir();
        List<String> deals = generatedDeals(shared.resolve("dev"));
        Path input = dir.resolve("deals.jsonl");
        Files.write(input, deals, StandardCharsets.UTF_8);
        Path output = dir.resolve("decisions.jsonl");
        Cli.Result r = Cli.run("deal", "evaluate", "--input", input.toString(), "--output", output.toString(),
                "--list", shared.resolve("lists").toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(deals.size(), lines.size());
        long listFindings = lines.stream().filter(l -> l.contains("\"sourceId\"")).count();
        assertTrue(listFindings > deals.size() / 5, "too few decisions with list findings: " + listFindings);
        compare("deal-evaluate-shared.digests", lines);
    }

    // ---- inputs: fixed samples, the same on every run ------------------------------------------------------

    /** Every 20th OFAC alias query, every 5th UN query, every 100th background person, every 10th company. */
    static List<String> sampleNames(Path dev) throws IOException {
        List<String> names = new ArrayList<>();
        names.addAll(every(csvColumn(dev.resolve("ofac-alias-queries.csv"), "query_name"), 20));
        names.addAll(every(csvColumn(dev.resolve("un-alias-and-script-queries.csv"), "query_name"), 5));
        names.addAll(every(Files.readAllLines(dev.resolve("background-person-names-global-50k.txt")), 100));
        names.addAll(every(Files.readAllLines(dev.resolve("background-company-names-sec-half.txt")), 10));
        names.removeIf(n -> n.isBlank());
        return names;
    }

    /** 600 deals from a fixed seed: a third of the parties listed names (some misspelt), the rest made up. */
    static List<String> generatedDeals(Path dev) throws IOException {
        List<String> listed = every(csvColumn(dev.resolve("ofac-alias-queries.csv"), "primary_name"), 7);
        listed.addAll(every(csvColumn(dev.resolve("un-alias-and-script-queries.csv"), "primary_name"), 5));
        List<String> people = every(Files.readAllLines(dev.resolve("background-person-names-global-50k.txt")), 97);
        List<String> companies = every(Files.readAllLines(dev.resolve("background-company-names-sec-half.txt")), 9);
        String[] exporters = {"IL", "US", "US", "DE", "FR", "GB", "JP", "IN"};
        String[] destinations = {"AE", "MA", "SA", "MX", "IN", "DE", "US", "GB", "AU", "CN", "RU", "IR", "CU", "SY",
                "KP", "NI", "IL", "TR", "BY", "VE", "CH", "SG"};
        String[][] codes = {{"WA", "4.D.4"}, {"WA", "4.A.5"}, {"WA", "4.E.1.c"}, {"WA", "5.A.1.j"},
                {"US-EAR", "4D004"}, {"US-EAR", "EAR99"}, {"US-EAR", "5D001.a"}, {"EU-2021-821", "4D004"},
                {"EU-2021-821", "ART5"}, {"US-EAR", "4E001.c"}, {"US-EAR", "5A001.f.1"}};
        String[] roles = {"end-user", "consignee", "purchaser"};
        String[] types = {"government", "non-government", "individual"};
        String[] flags = {"subject-to-ear", "human-rights-concern", "unauthorised-access-end-use"};
        Random random = new Random(20261130L);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ObjectNode d = Cli.JSON.createObjectNode();
            d.put("id", "lock-" + i);
            d.put("date", java.time.LocalDate.of(2019, 6, 1).plusDays(random.nextInt(2_700)).toString());
            ObjectNode exporter = d.putObject("exporter");
            exporter.put("name", "Exporter " + i % 31);
            exporter.put("country", exporters[random.nextInt(exporters.length)]);
            ArrayNode items = d.putArray("items");
            for (int k = 0, m = 1 + random.nextInt(2); k < m; k++) {
                String[] c = codes[random.nextInt(codes.length)];
                items.addObject().put("description", "item " + k).putObject("classification").put(c[0], c[1]);
            }
            String destination = destinations[random.nextInt(destinations.length)];
            d.put("destination", destination);
            ArrayNode parties = d.putArray("parties");
            for (String role : roles) {
                String type = types[random.nextInt(types.length)];
                int r = random.nextInt(9);
                String name;
                if (r < 3) {
                    name = listed.get(random.nextInt(listed.size()));
                    if (r == 0 && name.length() > 6) {
                        int at = 1 + random.nextInt(name.length() - 2);
                        name = name.substring(0, at) + name.substring(at + 1);
                    }
                } else {
                    name = type.equals("individual") ? people.get(random.nextInt(people.size()))
                            : companies.get(random.nextInt(companies.size()));
                }
                ObjectNode p = parties.addObject();
                p.put("role", role);
                p.put("name", name);
                p.put("country", destination);
                p.put("type", type);
            }
            if (random.nextInt(4) == 0) {
                d.putArray("flags").add(flags[random.nextInt(flags.length)]);
            }
            out.add(d.toString());
        }
        return out;
    }

    private static List<String> every(List<String> all, int step) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            out.add(all.get(i));
        }
        return out;
    }

    private static List<String> csvColumn(Path file, String column) throws IOException {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            parser.forEach(rec -> out.add(rec.get(column)));
            return out;
        }
    }

    // ---- digests --------------------------------------------------------------------------------------------

    private static void compare(String goldenName, List<String> lines) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String canonical = canonical(lines.get(i));
            actual.put(String.valueOf(i + 1), digest(canonical));
            text.put(String.valueOf(i + 1), canonical);
        }
        Path golden = GOLDEN.resolve(goldenName);
        String dump = System.getProperty("golden.dump");
        if (dump != null) { // the canonical lines themselves, to read what a re-record would change
            Files.createDirectories(Path.of(dump));
            Files.write(Path.of(dump, goldenName + ".txt"), text.values(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("golden.record")) {
            Files.createDirectories(GOLDEN);
            StringBuilder sb = new StringBuilder();
            actual.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Files.writeString(golden, sb);
            return;
        }
        assertTrue(Files.exists(golden), golden + " is missing: record it with -Dgolden.record=true");
        Map<String, String> expected = new LinkedHashMap<>();
        for (String l : Files.readAllLines(golden)) {
            String[] kv = l.split("\t");
            expected.put(kv[0], kv[1]);
        }
        assertEquals(expected.size(), actual.size(), goldenName + ": number of lines");
        List<String> differ = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                differ.add(k);
            }
        });
        if (!differ.isEmpty()) {
            StringBuilder sb = new StringBuilder(goldenName + ": " + differ.size() + " of " + expected.size()
                    + " lines differ from the recorded output; the first:\n");
            differ.stream().limit(3).forEach(k -> sb.append("line ").append(k).append(": ").append(text.get(k))
                    .append('\n'));
            fail(sb.toString());
        }
    }

    /** The line with the keys added since recording removed, at any depth. */
    private static String canonical(String line) {
        JsonNode n = Cli.json(line);
        strip(n);
        return n.toString();
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            ADDED_KEYS.forEach(o::remove);
        }
        n.forEach(OutputLockTest::strip);
    }

    private static String digest(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
