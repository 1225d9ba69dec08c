package org.exportguard.accuracy;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.match.translit.Graphemes;
import org.exportguard.core.match.translit.HanTranscription;
import org.exportguard.core.match.translit.OwnRomanisation;
import org.exportguard.core.match.translit.TransliterationModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Learns which Han characters Chinese writes foreign names with, and the evidence a two-character word of them needs
 * ({@link HanTranscription}), from the tuning half of the shared transliteration set, and writes them into core's
 * resources. Run from the project root:
 *
 * <pre>mvn -B -o -pl accuracy -am test -Dtest=HanTranscriptionLearner -Dsurefire.failIfNoSpecifiedTests=false -Dtranslit.learn=true</pre>
 *
 * <p>Without {@code -Dtranslit.learn=true} the test fails when the committed resource is not what the tuning half and
 * the committed model teach (regenerate it after the model). A Chinese pair whose Latin name is the native word's own
 * pinyin reading, give or take a letter, is a Chinese name (孟子 / Mengzi); any other a foreign name transcribed (普尔 /
 * Poole, 塞拉 / Cela, which reads as pinyin but not as 塞拉's). A character (folded to its simplified form) is kept when at least {@value #MIN_PAIRS} transcribed
 * names use it and at least {@value #MIN_SHARE} of the pairs that use it are transcribed names. The threshold is the
 * evidence that {@value #NEGATIVE_ACCEPT} of mismatched pairs reach (each two-character word with at least
 * {@link HanTranscription#IN_TABLE} of these characters against the Latin word of every other Chinese pair that does not read as pinyin): the rate the model's threshold for
 * longer words is set at; against the Latin words that read as pinyin, {@value #NEGATIVE_ACCEPT_PINYIN}.
 */
public final class HanTranscriptionLearner {
    static final int MIN_PAIRS = 3;
    static final double MIN_SHARE = 0.75;
    static final double NEGATIVE_ACCEPT = 0.001;
    /**
     * Against Latin words that read as pinyin: ten times stricter, as the model's short-word threshold is, since on lists
     * a Chinese given name meets thousands of romanised Chinese names, which a set of transcribed names does not show.
     */
    static final double NEGATIVE_ACCEPT_PINYIN = 0.0001;
    static final String RESOURCE = "../core/src/main/resources" + HanTranscription.RESOURCE;

    record Pair(String nativeWord, String latin) {
    }

    @Test
    void theCommittedTableIsWhatTheTuningHalfTeaches() throws Exception {
        String learned = learn();
        LearnedResource.writeOrCheck(RESOURCE, learned, HanTranscriptionLearner.class);
    }

    @Test
    void aChineseNameIsTheWordsOwnPinyinNotAnyLatinThatReadsAsPinyin() {
        assertTrue(isChineseNamed(new Pair("孟子", "mengzi")));
        assertTrue(isChineseNamed(new Pair("慧文", "huiwen")));
        assertFalse(isChineseNamed(new Pair("塞拉", "cela")), "reads as pinyin, not as 塞拉's (saila)");
        assertFalse(isChineseNamed(new Pair("普爾", "poole")));
        assertFalse(isChineseNamed(new Pair("库里", "currie")), "does not read as pinyin");
    }

    /** The resource's text: a header, the thresholds, then character, transcribed pairs, Chinese-named pairs. */
    static String learn() throws Exception {
        List<Pair> pairs = tuningPairs();
        Map<String, int[]> counts = counts(pairs);
        Set<Integer> kept = characters(counts, MIN_PAIRS, MIN_SHARE);
        StringBuilder rows = new StringBuilder();
        counts.forEach((c, n) -> {
            if (kept.contains(c.codePointAt(0))) {
                rows.append(c).append('\t').append(n[0]).append('\t').append(n[1]).append('\n');
            }
        });
        double threshold = threshold(pairs, kept, TransliterationModel.shared(), false);
        double pinyinThreshold = threshold(pairs, kept, TransliterationModel.shared(), true);
        return "# Learned by accuracy/src/test/java/org/exportguard/accuracy/HanTranscriptionLearner.java from the tuning half of\n"
                + "# ../shared/data/dev/transliteration-pairs-sample.tsv and the committed transliteration-model.tsv.\n"
                + "# T: evidence (nats) " + NEGATIVE_ACCEPT + " of mismatched two-character words with at least "
                + HanTranscription.IN_TABLE + " of these characters reach.\n"
                + "# Then Han characters (simplified) that at least " + MIN_PAIRS + " transcribed foreign names use, in "
                + (int) (MIN_SHARE * 100) + "% or more of\n# the pairs using them: character, transcribed pairs, Chinese-named pairs (the Latin\n# reads as pinyin and is the word's own pinyin reading, give or take one letter).\n"
                + String.format(Locale.ROOT, "# P: evidence %.4f of them reach", NEGATIVE_ACCEPT_PINYIN) + " against the Latin words that read as pinyin (most of them Chinese names).\n"
                + String.format(Locale.ROOT, "T\t%.2f%nP\t%.2f%n", threshold, pinyinThreshold) + rows;
    }

    /** Per character (simplified): {transcribed pairs, Chinese-named pairs} that use it. */
    static Map<String, int[]> counts(List<Pair> pairs) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Pair p : pairs) {
            int kind = isChineseNamed(p) ? 1 : 0;
            p.nativeWord().codePoints().map(HanTranscription::simplified).distinct()
                    .forEach(cp -> counts.computeIfAbsent(new String(Character.toChars(cp)), k -> new int[2])[kind]++);
        }
        return counts;
    }

    /**
     * A Chinese name: its Latin reads as pinyin and is the word's own pinyin reading, give or take one letter (孟子
     * mengzi). Reading as pinyin alone is not enough: many Western names do (塞拉 cela, 普爾 poole), and counting them
     * as Chinese names kept their characters out of the table.
     */
    static boolean isChineseNamed(Pair p) {
        if (!OwnRomanisation.readsAsPinyin(p.latin())) {
            return false;
        }
        String reading = PINYIN.get().transliterate(p.nativeWord()).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return editDistance(reading, p.latin()) <= 1;
    }

    private static final ThreadLocal<Transliterator> PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin/Names; Any-Latin; Latin-ASCII"));

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), substitute);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The characters at least {@code minPairs} transcribed names use, in at least {@code minShare} of their pairs. */
    static Set<Integer> characters(Map<String, int[]> counts, int minPairs, double minShare) {
        Set<Integer> kept = new HashSet<>();
        counts.forEach((c, n) -> {
            if (n[0] >= minPairs && n[0] >= minShare * (n[0] + n[1])) {
                kept.add(c.codePointAt(0));
            }
        });
        return kept;
    }

    /** Chinese pairs of the tuning half whose native name is one Han word: the word and the Latin words joined. */
    static List<Pair> tuningPairs() throws Exception {
        List<Pair> out = new ArrayList<>();
        for (CSVRecord r : DevSets.csv("transliteration-pairs-sample.tsv", '\t')) {
            if (!r.get("lang").equals("zh") || !TransliterationSplit.isTuning("zh", r.get("latin"), r.get("native"))) {
                continue;
            }
            String latin = String.join("", TransliterationSplit.latinWords(r.get("latin")));
            List<String> nat = TransliterationSplit.nativeWords(r.get("native"));
            if (!latin.isEmpty() && nat.size() == 1 && isHan(nat.get(0))) {
                out.add(new Pair(nat.get(0), latin));
            }
        }
        return out;
    }

    /**
     * The evidence {@value #NEGATIVE_ACCEPT} of mismatched pairs reach: each transcription-like word against the Latin
     * word of every other pair that does not read as pinyin, or ({@code pinyin}) that does.
     */
    static double threshold(List<Pair> pairs, Set<Integer> characters, TransliterationModel model, boolean pinyin) {
        List<Double> neg = new ArrayList<>();
        for (Pair p : pairs) {
            if (!HanTranscription.isTranscription(p.nativeWord(), characters)) {
                continue;
            }
            String[] units = Graphemes.of(p.nativeWord());
            for (Pair other : pairs) {
                if (!other.latin().equals(p.latin()) && OwnRomanisation.readsAsPinyin(other.latin()) == pinyin) {
                    neg.add(model.evidence(units, other.latin()));
                }
            }
        }
        double[] negs = neg.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return negs[(int) Math.floor(negs.length * (1 - (pinyin ? NEGATIVE_ACCEPT_PINYIN : NEGATIVE_ACCEPT)))];
    }

    static boolean isHan(String w) {
        return !w.isEmpty() && w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
