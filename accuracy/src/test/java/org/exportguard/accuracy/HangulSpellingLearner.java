package org.exportguard.accuracy;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.match.translit.HangulSpellings;

import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns the common spellings of Hangul syllables that neither the Revised nor the McCune–Reischauer romanisation
 * gives ("soo" for 수, "chung" for 정), and of vowels ("yu" for ㅕ in 녕 "nyung"), from the tuning half of the shared
 * transliteration set, and checks that core's resource ({@link HangulSpellings}) is what it teaches (the test fails
 * when it is not). To write the resource, run from the project root:
 *
 * <pre>mvn -B -o -pl accuracy -am test -Dtest=HangulSpellingLearner -Dsurefire.failIfNoSpecifiedTests=false -Dtranslit.learn=true</pre>
 *
 * <p>A pair teaches when its native name is one Hangul word of two to four syllables and its Latin name has one part
 * per syllable (words and hyphenated parts: "Chung Eun-soon" / 정은순), in written order or with the surname last; of
 * the two orders the one with more parts that are a romanisation of their syllable. A spelling counts when at least
 * {@value #MIN_PAIRS} pairs show it.
 */
public final class HangulSpellingLearner {
    static final int MIN_PAIRS = 2;
    /** A vowel's spelling serves every syllable with that vowel: it needs more pairs than one syllable's. */
    static final int MIN_VOWEL_PAIRS = Integer.getInteger("vowel.min", 3);
    static final String RESOURCE = "../core/src/main/resources" + HangulSpellings.RESOURCE;

    /** Fails when the committed table is not what the tuning half teaches; writes it with -Dtranslit.learn=true. */
    @org.junit.jupiter.api.Test
    void committedTableIsWhatTheTuningHalfTeaches() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> vowels = new TreeMap<>();
        for (CSVRecord r : DevSets.csv("transliteration-pairs-sample.tsv", '\t')) {
            if (!r.get("lang").equals("ko") || !TransliterationSplit.isTuning("ko", r.get("latin"), r.get("native"))) {
                continue;
            }
            List<String> nat = TransliterationSplit.nativeWords(r.get("native"));
            List<String> parts = TransliterationSplit.latinWords(r.get("latin"));
            if (nat.size() != 1 || !isHangul(nat.get(0)) || nat.get(0).length() < 2 || nat.get(0).length() > 4
                    || parts.size() != nat.get(0).length()) {
                continue;
            }
            String word = nat.get(0);
            List<String> lastFirst = new java.util.ArrayList<>(parts.subList(0, parts.size() - 1));
            lastFirst.add(0, parts.get(parts.size() - 1));
            List<String> order = standard(word, lastFirst) > standard(word, parts) ? lastFirst : parts;
            if (standard(word, order) == 0) {
                continue; // not a Korean name read syllable by syllable (a Western name transcribed)
            }
            java.util.Set<String> shown = new java.util.TreeSet<>();
            for (int k = 0; k < word.length(); k++) {
                String syllable = word.substring(k, k + 1);
                if (!HangulSpellings.isRomanisation(syllable, order.get(k))) {
                    counts.merge(syllable + '\t' + order.get(k), 1, Integer::sum);
                    int block = syllable.charAt(0) - 0xAC00;
                    for (String v : HangulSpellings.vowelSpellings(syllable, order.get(k))) {
                        shown.add("V\t" + (char) (0x1161 + (block / 28) % 21) + '\t' + (block % 28 == 0 ? "open" : "closed")
                                + '\t' + v);
                    }
                }
            }
            shown.forEach(v -> vowels.merge(v, 1, Integer::sum)); // once a pair
        }
        StringBuilder out = new StringBuilder("# Learned by accuracy/src/test/java/org/exportguard/accuracy/"
                + "HangulSpellingLearner.java from the tuning half of\n# ../shared/data/dev/transliteration-pairs-sample.tsv:"
                + " syllable, spelling, pairs that show it (at least " + MIN_PAIRS + ").\n");
        counts.forEach((k, n) -> {
            if (n >= MIN_PAIRS) {
                out.append(k).append('\t').append(n).append('\n');
            }
        });
        out.append("# Vowel spellings beyond both romanisations, in a syllable without a final (open) or with one (closed),"
                + " the initial and final as either writes them: V, vowel, open|closed, spelling, pairs (at least "
                + MIN_VOWEL_PAIRS + ").\n");
        vowels.forEach((k, n) -> {
            if (n >= MIN_VOWEL_PAIRS) {
                out.append(k).append('\t').append(n).append('\n');
            }
        });
        LearnedResource.writeOrCheck(RESOURCE, out.toString(), HangulSpellingLearner.class);
    }

    private static int standard(String word, List<String> parts) {
        int n = 0;
        for (int k = 0; k < word.length(); k++) {
            n += HangulSpellings.isRomanisation(word.substring(k, k + 1), parts.get(k)) ? 1 : 0;
        }
        return n;
    }

    private static boolean isHangul(String w) {
        return w.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }
}
