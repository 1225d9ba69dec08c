package org.exportguard.accuracy;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.match.translit.Graphemes;
import org.exportguard.core.match.translit.HangulOrigin;
import org.exportguard.core.match.translit.HangulSpellings;
import org.exportguard.core.match.translit.OwnRomanisation;
import org.exportguard.core.match.translit.TransliterationModel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;


/**
 * Learns {@link HangulOrigin}, whether a Hangul word looks like a foreign name transcribed or like a Korean name, from
 * the Korean pairs of the tuning half of the transliteration set, and checks that core's resource is what it teaches
 * (the test fails when it is not). To write the resource, run from the project root:
 *
 * <pre>mvn -B -o -pl accuracy -am test -Dtest=HangulOriginLearner -Dsurefire.failIfNoSpecifiedTests=false -Dtranslit.learn=true</pre>
 *
 * <p>Labels: a pair is a <b>Korean name</b> when its native name is one Hangul word of two to four syllables and its
 * Latin name reads it syllable by syllable (either romanisation or a learned spelling, written order or surname last),
 * or has one part per syllable of which at least one is a romanisation of its syllable ({@code Kim Soo-nyung} / 김수녕,
 * whose {@code nyung} neither system writes); a <b>transcription</b> otherwise. Pairs whose Latin words are all pinyin
 * are left out: a Chinese name in Hangul is read in Sino-Korean syllables (유건 Liu Jian) or transcribed, and is
 * neither. The cut (log odds over which a word looks transcribed) is chosen by two-fold cross-validation inside the
 * tuning half: the lowest of {@link #CUTS} at which no more than {@value #KOREAN_AS_TRANSCRIBED} of the parts of the
 * Korean names of the other fold (surname, given name: the words a Korean name is written in on a list) look
 * transcribed; Korean name parts that look transcribed are judged by the model against romanised Korean names. The
 * model judges a short word that looks transcribed against its own threshold ({@link #threshold}).
 */
public final class HangulOriginLearner {
    static final String RESOURCE = "../core/src/main/resources" + HangulOrigin.RESOURCE;
    /**
     * Weight of the jamo back-off against a syllable's own count: with the same cross-validation, at no more than
     * 10% of Korean name parts, 0.5 classes 1,361 of 1,539 transcribed words as such, 1: 1,353, 2: 1,366, 4: 1,365,
     * 8: 1,355, 16: 1,356.
     */
    static final double ALPHA = 2;
    static final double KOREAN_AS_TRANSCRIBED = 0.10;
    /** Share of mismatched pairs that may reach the threshold (as for the model's words of three syllables or more). */
    static final double NEGATIVE_ACCEPT = 0.001;
    static final double[] CUTS = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8};

    record Labelled(String word, boolean transcribed, int fold) {
    }

    @Test
    void committedTableIsWhatTheTuningHalfTeaches() throws Exception {
        String learned = learn();
        LearnedResource.writeOrCheck(RESOURCE, learned, HangulOriginLearner.class);
    }

    static String learn() throws Exception {
        List<Labelled> words = labelled();
        int[] korean = new int[CUTS.length];
        int[] transcribed = new int[CUTS.length];
        int koreanParts = 0;
        int transcribedWords = 0;
        for (int fold = 0; fold < 2; fold++) {
            HangulOrigin.Counts counts = new HangulOrigin.Counts();
            for (Labelled w : words) {
                if (w.fold() != fold) {
                    counts.add(w.word(), w.transcribed());
                }
            }
            HangulOrigin model = counts.model(ALPHA, 0, 0);
            for (Labelled w : words) {
                if (w.fold() != fold) {
                    continue;
                }
                for (String part : w.transcribed() ? List.of(w.word()) : koreanParts(w.word())) {
                    double odds = model.logOdds(part);
                    koreanParts += w.transcribed() ? 0 : 1;
                    transcribedWords += w.transcribed() ? 1 : 0;
                    for (int c = 0; c < CUTS.length; c++) {
                        if (odds > CUTS[c]) {
                            (w.transcribed() ? transcribed : korean)[c]++;
                        }
                    }
                }
            }
        }
        int chosen = CUTS.length - 1;
        StringBuilder report = new StringBuilder();
        for (int c = CUTS.length - 1; c >= 0; c--) {
            if (korean[c] <= KOREAN_AS_TRANSCRIBED * koreanParts) {
                chosen = c;
            }
        }
        for (int c = 0; c < CUTS.length; c++) {
            report.append(String.format(Locale.ROOT, "#   cut %.1f: Korean name parts %d/%d, transcriptions %d/%d%s%n",
                    CUTS[c], korean[c], koreanParts, transcribed[c], transcribedWords, c == chosen ? " <- chosen" : ""));
        }
        HangulOrigin.Counts all = new HangulOrigin.Counts();
        long k = 0;
        for (Labelled w : words) {
            all.add(w.word(), w.transcribed());
            k += w.transcribed() ? 0 : 1;
        }
        StringBuilder out = new StringBuilder("# Learned by accuracy/src/test/java/org/exportguard/accuracy/"
                + "HangulOriginLearner.java from the Korean pairs of the tuning half of\n"
                + "# ../shared/data/dev/transliteration-pairs-sample.tsv: " + k + " words of Korean names, "
                + (words.size() - k) + " words of transcriptions.\n"
                + "# Cross-validated (two folds) share of words that look transcribed:\n" + report
                + "# P alpha cut threshold | N syllables of Korean names, of transcriptions | I/V/F jamo (initial, vowel, final;"
                + " - none) and S syllable: count in Korean names, in transcriptions\n");
        double threshold = threshold(all.model(ALPHA, CUTS[chosen], 0), out);
        all.write(out, ALPHA, CUTS[chosen], threshold);
        System.out.print(out.substring(0, out.indexOf("P\t")));
        return out.toString();
    }

    /**
     * The evidence that {@value #NEGATIVE_ACCEPT} of mismatched pairs reach, each Korean word pair of one or two
     * syllables of the tuning half whose Hangul word looks transcribed against every Latin word of another Korean word
     * pair: the standard of the model's threshold for longer words, since such a word is a transcription too, not the
     * East Asian name the ten times stricter short-word standard guards against.
     */
    static double threshold(HangulOrigin origin, StringBuilder report) throws Exception {
        List<TransliterationModelLearner.WordPair> pairs = TransliterationModelLearner.wordPairs(true).stream()
                .filter(wp -> wp.lang().equals("ko") && Graphemes.isShort(wp.units())).toList();
        TransliterationModel model = TransliterationModel.shared();
        java.util.Set<String> latin = new java.util.TreeSet<>();
        TransliterationModelLearner.wordPairs(true).stream().filter(wp -> wp.lang().equals("ko"))
                .forEach(wp -> latin.add(wp.latin()));
        java.util.Set<String> done = new java.util.HashSet<>();
        List<Double> negatives = new ArrayList<>();
        int words = 0;
        for (TransliterationModelLearner.WordPair wp : pairs) {
            String word = String.join("", wp.units());
            if (!origin.looksTranscribed(java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFC))
                    || !done.add(word + '\t' + wp.latin())) {
                continue;
            }
            words++;
            for (String other : latin) {
                if (!other.equals(wp.latin())) {
                    negatives.add(model.evidence(wp.units(), other));
                }
            }
        }
        double[] sorted = negatives.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double threshold = sorted[(int) Math.floor(sorted.length * (1 - NEGATIVE_ACCEPT))];
        report.append(String.format(Locale.ROOT, "# Threshold: %.2f nats, reached by %s of %d mismatched pairs "
                + "(%d short words that look transcribed, each against every Latin word of the other Korean pairs)%n", threshold, NEGATIVE_ACCEPT, sorted.length, words));
        return threshold;
    }

    /** A Korean name's surname (first syllable) and given name, as lists write them. */
    private static List<String> koreanParts(String word) {
        return word.length() < 3 ? List.of(word) : List.of(word.substring(0, 1), word.substring(1));
    }

    static List<Labelled> labelled() throws Exception {
        List<Labelled> out = new ArrayList<>();
        for (CSVRecord r : DevSets.csv("transliteration-pairs-sample.tsv", '\t')) {
            if (!r.get("lang").equals("ko") || !TransliterationSplit.isTuning("ko", r.get("latin"), r.get("native"))) {
                continue;
            }
            List<String> latin = TransliterationSplit.latinWords(r.get("latin"));
            List<String> nat = TransliterationSplit.nativeWords(r.get("native"));
            if (latin.isEmpty() || nat.isEmpty() || latin.stream().allMatch(OwnRomanisation::readsAsPinyin)) {
                continue; // a Chinese name: read in Sino-Korean syllables or transcribed, neither class
            }
            boolean korean = nat.size() == 1 && isKoreanName(nat.get(0), latin);
            int fold = innerFold(r.get("latin"), r.get("native"));
            for (String w : nat) {
                if (isHangul(w)) {
                    out.add(new Labelled(w, !korean, fold));
                }
            }
        }
        return out;
    }

    private static boolean isKoreanName(String word, List<String> latin) {
        if (!isHangul(word) || word.length() < 2 || word.length() > 4) {
            return false;
        }
        if (HangulOrigin.readsSyllableBySyllable(word, String.join("", latin))) {
            return true;
        }
        if (latin.size() != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            String syllable = word.substring(k, k + 1);
            if (HangulSpellings.isRomanisation(syllable, latin.get(k))
                    || HangulSpellings.isRomanisation(syllable, latin.get((k + latin.size() - 1) % latin.size()))) {
                return true;
            }
        }
        return false;
    }

    /** A fold of the tuning half for cross-validation: the second bit of the pair's CRC32 (the first splits the set). */
    private static int innerFold(String latin, String nativeName) {
        CRC32 crc = new CRC32();
        crc.update(("ko\t" + latin + '\t' + nativeName).getBytes(StandardCharsets.UTF_8));
        return (int) ((crc.getValue() >> 1) & 1);
    }

    private static boolean isHangul(String w) {
        return w.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }
}
