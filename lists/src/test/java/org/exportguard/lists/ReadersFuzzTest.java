package org.exportguard.lists;

import org.exportguard.lists.csl.CslCsvReader;
import org.exportguard.lists.csl.CslJsonReader;
import org.exportguard.lists.dpl.DplReader;
import org.exportguard.lists.eu.EuFsfReader;
import org.exportguard.lists.ftm.FtmReader;
import org.exportguard.lists.uk.UkSanctionsListReader;
import org.exportguard.lists.un.UnXmlReader;
import org.exportguard.testkit.FuzzRun;
import org.exportguard.testkit.Mutator;
import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every list reader against {@link Mutator#INPUTS} inputs (10,000 by default; {@code -Dfuzz.inputs=N} for longer
 * runs, {@code -Dfuzz.seed=N} for others) made by mutating the shipped sample lists and small slices of the real
 * files in {@code ../shared/data}: each input is read or refused with a {@link ListFormatException} naming the file;
 * no other exception, no hang (a bound per input), no running out of memory.
 */
class ReadersFuzzTest {
    /** The shipped sample lists (the CLI's, the ones {@code demo} uses). */
    static final Path SHIPPED = Path.of("..", "cli", "src", "main", "resources", "sample-lists");
    /** How a fuzzed OFAC set is one input: its four files one after another, split again at this line. */
    static final String NEXT_FILE = "\n\u0000next-file\u0000\n";
    static final List<String> OFAC_FILES = List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");

    @TempDir
    Path tempDir;
    /** Where inputs are written: memory ({@code /dev/shm}) where there is one, so the disk does not set the pace. */
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void inMemory() throws IOException {
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "fuzz-") : tempDir;
    }

    @org.junit.jupiter.api.AfterEach
    void clean() throws IOException {
        if (!dir.equals(tempDir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void ofacCsvSets() throws IOException {
        List<byte[]> seeds = new ArrayList<>(List.of(ofacSeed(SHIPPED.resolve("ofac-sdn"), Integer.MAX_VALUE)));
        seeds.add(ofacSeed(SharedData.list("ofac-sdn-2021"), 4096));
        seeds.add(ofacSeed(SharedData.list("ofac-cons-2025"), 4096));
        Path set = Files.createDirectories(dir.resolve("ofac"));
        fuzz("ofac-csv", seeds, input -> {
            String[] parts = new String(input, StandardCharsets.ISO_8859_1).split(NEXT_FILE, -1);
            for (int i = 0; i < OFAC_FILES.size(); i++) {
                Files.write(set.resolve(OFAC_FILES.get(i)),
                        i < parts.length ? parts[i].getBytes(StandardCharsets.ISO_8859_1) : new byte[0]);
            }
            ListLoader.load(set);
        }, set);
    }

    @Test
    void unXml() throws IOException {
        fuzzFile("un-xml", List.of(read(SHIPPED.resolve("un-consolidated.xml")),
                head(SharedData.list("un-consolidated-2026-02-27.xml"), 8192)), UnXmlReader::read);
    }

    @Test
    void cslCsv() throws IOException {
        fuzzFile("csl-csv", List.of(read(SHIPPED.resolve("us-csl.csv")),
                head(SharedData.list("us-csl-sample-2019.csv"), 4096)), CslCsvReader::read);
    }

    @Test
    void cslJson() throws IOException {
        String row = "{\"id\": \"x\", \"_id\": \"abc123\", \"source\": \"Entity List (EL) - Bureau of Industry and "
                + "Security\", \"entity_number\": null, \"type\": \"Entity\", \"programs\": [\"EAR\"], \"name\": "
                + "\"Example Spyware Ltd.\", \"addresses\": [{\"address\": \"1 Test Street\", \"city\": \"Herzliya\","
                + " \"state\": null, \"postal_code\": \"4672222\", \"country\": \"IL\"}], \"start_date\": "
                + "\"2021-11-04\", \"alt_names\": [\"Example Ltd.\", \"ESL\"], \"ids\": [{\"type\": \"Tax ID No.\", "
                + "\"number\": \"123\", \"country\": \"IL\"}], \"dates_of_birth\": [\"1970-01-02\"], "
                + "\"nationalities\": [\"IL\"]}";
        fuzzFile("csl-json", List.of(
                ("{\"total\": 2, \"sources_used\": [], \"results\": [" + row + ", " + row.replace("abc123", "def456")
                        + "]}").getBytes(StandardCharsets.UTF_8),
                ("[" + row + "]").getBytes(StandardCharsets.UTF_8)), CslJsonReader::read);
    }

    @Test
    void bisDpl() throws IOException {
        fuzzFile("bis-dpl", List.of(head(SharedData.list("bis-dpl-2022-09.txt"), 4096)), DplReader::read);
    }

    @Test
    void euFsfXml() throws IOException {
        fuzzFile("eu-fsf-xml", List.of(read(Samples.path(Samples.EU_FSF))), EuFsfReader::read);
    }

    @Test
    void ukSanctionsListXml() throws IOException {
        fuzzFile("uk-sl-xml", List.of(read(Samples.path(Samples.UK_SL))), UkSanctionsListReader::read);
    }

    @Test
    void followTheMoneyJsonLines() throws IOException {
        fuzzFile("ftm-json", List.of(read(Samples.path(Samples.FTM)), read(Samples.path(Samples.FTM_NESTED))),
                FtmReader::read);
    }

    @FunctionalInterface
    interface Reader {
        Object read(Path file) throws Exception;
    }

    private void fuzzFile(String name, List<byte[]> seeds, Reader reader) {
        Path file = dir.resolve(name + ".input");
        fuzz(name, seeds, input -> {
            Files.write(file, input);
            reader.read(file);
        }, file);
    }

    /** Runs the fuzz target; a clear refusal is a {@link ListFormatException} whose message names the input. */
    private static void fuzz(String name, List<byte[]> seeds, FuzzRun.Target target, Path named) {
        String where = named.toString();
        FuzzRun.Result r = FuzzRun.run(name, seeds, ListFormatException.class,
                m -> m != null && m.startsWith(where), target);
        System.out.println(r.summary());
        assertTrue(r.findings().isEmpty(), () -> r.summary() + "\n" + String.join("\n", r.findings()));
        assertTrue(r.accepted() > 0 && r.refused() > 0, "the inputs must both pass and fail: " + r.summary());
    }

    private static byte[] ofacSeed(Path folder, int maxBytesEach) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < OFAC_FILES.size(); i++) {
            Path f = folder.resolve(OFAC_FILES.get(i));
            byte[] b = Files.exists(f) ? head(f, maxBytesEach) : new byte[0];
            sb.append(i == 0 ? "" : NEXT_FILE).append(new String(b, StandardCharsets.ISO_8859_1));
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** The first {@code max} bytes of a file, cut after its last whole line: a small slice of a real list. */
    private static byte[] head(Path file, int max) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length <= max) {
            return all;
        }
        int end = max;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(all, end == 0 ? max : end);
    }
}
