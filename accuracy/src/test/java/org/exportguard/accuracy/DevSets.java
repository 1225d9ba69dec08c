package org.exportguard.accuracy;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;
import org.exportguard.testkit.SharedData;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shared tuning sets ({@code ../shared/data/dev}) and list files, through the testkit's {@link SharedData}: absent,
 * the accuracy tests are skipped on a developer's machine and fail under CI (environment variable {@code CI} set).
 */
final class DevSets {
    private DevSets() {
    }

    /** A CSV or TSV tuning set under {@code dev/}, by its header. */
    static List<CSVRecord> csv(String name, char delimiter) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setQuote(delimiter == '\t' ? null : '"').get();
        try (Reader r = Files.newBufferedReader(SharedData.dev(name), StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(r).getRecords());
        }
    }

    static List<String> lines(String name) throws Exception {
        return Files.readAllLines(SharedData.dev(name), StandardCharsets.UTF_8);
    }

    static List<PartyList> lists(String... names) throws Exception {
        List<PartyList> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(ListLoader.load(SharedData.list(n)));
        }
        return out;
    }

    static void report(String line) {
        System.out.println("[accuracy] " + line);
    }

    /** Reports {@code what}: hits/n and asserts the rate is at least {@code floor} (one of {@link Floors}). */
    static void atLeast(String what, int hits, int n, double floor) {
        double rate = hits / (double) n;
        report(String.format(Locale.ROOT, "%s: %d/%d = %.4f (floor %.4f)", what, hits, n, rate, floor));
        assertTrue(n > 0, what + ": no rows read");
        check(rate >= floor, String.format(Locale.ROOT, "%s fell below its floor: %d/%d = %.4f < %.4f (see "
                + "Floors and docs/matching.md)", what, hits, n, rate, floor));
    }

    /** Reports a rate that must stay at or under {@code ceiling}. */
    static void atMost(String what, int hits, int n, double ceiling) {
        double rate = hits / (double) n;
        report(String.format(Locale.ROOT, "%s: %d/%d = %.4f (ceiling %.4f)", what, hits, n, rate, ceiling));
        assertTrue(n > 0, what + ": no rows read");
        check(rate <= ceiling, String.format(Locale.ROOT, "%s rose above its ceiling: %d/%d = %.4f > %.4f (see "
                + "Floors and docs/matching.md)", what, hits, n, rate, ceiling));
    }

    /** Reports a figure that is not a count ratio (precision, F1) and asserts it is at least {@code floor}. */
    static void atLeast(String what, double value, double floor) {
        report(String.format(Locale.ROOT, "%s: %.4f (floor %.4f)", what, value, floor));
        check(value >= floor, String.format(Locale.ROOT, "%s fell below its floor: %.4f < %.4f (see Floors and "
                + "docs/matching.md)", what, value, floor));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            fail(message);
        }
    }
}
