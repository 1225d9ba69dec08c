package org.exportguard.accuracy;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;
import org.junit.jupiter.api.Assumptions;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared tuning sets and list files (system property {@code exportguard.shared.data}); skips if absent. */
final class DevSets {
    private DevSets() {
    }

    static Path data() {
        String p = System.getProperty("exportguard.shared.data");
        Path dir = p == null ? null : Path.of(p);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "shared data folder not found (exportguard.shared.data=" + p + "): accuracy not measured");
        return dir;
    }

    static List<CSVRecord> csv(String relative, char delimiter) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setQuote(delimiter == '\t' ? null : '"').get();
        try (Reader r = Files.newBufferedReader(data().resolve(relative), StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(r).getRecords());
        }
    }

    static List<String> lines(String relative) throws Exception {
        return Files.readAllLines(data().resolve(relative), StandardCharsets.UTF_8);
    }

    static List<PartyList> lists(String... relative) throws Exception {
        List<PartyList> out = new ArrayList<>();
        for (String r : relative) {
            out.addAll(ListLoader.load(data().resolve("lists").resolve(r)));
        }
        return out;
    }

    static void report(String line) {
        System.out.println("[accuracy] " + line);
    }
}
