package org.exportguard.accuracy;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.match.translit.Graphemes;
import org.exportguard.core.match.translit.TransliterationModel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns {@link TransliterationModel} from the tuning half of the shared transliteration set and writes it into
 * core's resources. Run from the project root (see docs/matching.md, "Cross-script words"):
 *
 * <pre>mvn -B -o -pl accuracy -am test -Dtest=TransliterationModelLearner -Dsurefire.failIfNoSpecifiedTests=false -Dtranslit.learn=true</pre>
 *
 * <p>Each pair gives word pairs (a Latin word and the native word in the same place, or all the Latin words joined
 * when the native name is one word: Korean and Chinese write a name without spaces). Expectation-maximisation over
 * every monotone alignment of Latin fragments of 0 to {@value #MAX_FRAGMENT} letters to the native units estimates
 * P(fragment | unit); a letter-bigram model of the Latin words is the alternative the evidence is measured against.
 * The threshold (evidence at similarity 0.85) is set on the tuning half so that no more than
 * {@value #NEGATIVE_ACCEPT} of mismatched pairs (a native word against the Latin word of another pair of its
 * language) pass it. Words of one or two syllables in Han, Hangul or kana are not trained on: they set a threshold
 * of their own, {@value #SHORT_NEGATIVE_ACCEPT} of mismatched pairs ({@link #shortThreshold}).
 */
public final class TransliterationModelLearner {
    static final int MAX_FRAGMENT = 4;
    static final int ITERATIONS = 5;
    /** Fragments rarer than this for their unit are dropped from the table. */
    static final double MIN_PROBABILITY = 0.002;
    static final double NEGATIVE_ACCEPT = 0.001;
    /**
     * The same for words of one or two syllables (Graphemes.isShort), ten times stricter: most such words are East
     * Asian names, which meet thousands of romanised names on lists that a tuning set of transcribed Western names
     * does not show; Latin words that read as pinyin or Korean syllables are left out (the model never judges those
     * against a short word).
     */
    static final double SHORT_NEGATIVE_ACCEPT = 0.0001;
    static final int SHORT_NEGATIVES_PER_WORD = 50;
    /** Log probability of a spelling the table lacks: base minus so much a letter (see TransliterationModel). */
    static final float UNSEEN_BASE = -6f;
    static final float UNSEEN_PER_LETTER = 3f;
    /**
     * Word pairs the first model explains with less evidence than this (nats) are left out of a second training:
     * a wrong or partial pair (a title, a name given in another language) otherwise teaches spellings no other name
     * uses.
     */
    static final double CLEAN_BELOW = 5;
    /** Prior on a fragment's length, for the first round only: a unit is usually spelled with one or two letters. */
    private static final double[] LENGTH_PRIOR = {0.05, 0.4, 0.3, 0.15, 0.1};

    /**
     * Kept in every round: without it EM explains each training word by long fragments only that word uses, which
     * fits the training half and fails on new words.
     */
    private static final double[] LENGTH_PENALTY = {1, 1, 0.3, 0.09, 0.027};

    record WordPair(String lang, String[] units, String latin, String nativeWord) {
    }

    /**
     * What the learner may be tuned by (chosen by cross-validation inside the tuning half,
     * {@link TransliterationModelCrossValidation}): EM rounds, the weight of fragments of 0..4 letters in every
     * round, the smallest probability a fragment keeps, the cost of an unseen spelling, and how strongly each unit's
     * fragments are drawn toward those of all units of its kind (Dirichlet prior, in pseudo-counts). The Han
     * settings (pruning, pseudo-counts, length weights, rounds, finals drawn toward those of the same main vowel)
     * differ from the others only in cross-validation: none was better for zh (docs/matching.md).
     */
    record Settings(int iterations, double[] lengthPenalty, double minProbability, float unseenBase,
                    float unseenPerLetter, double smoothing, double cleanBelow, double hanMinProbability,
                    double hanSmoothing, double[] hanLengthPenalty, int hanIterations,
                    boolean hanByVowel, Insertion insertion) {
        static final Settings DEFAULT = new Settings(ITERATIONS, LENGTH_PENALTY, MIN_PROBABILITY, UNSEEN_BASE,
                UNSEEN_PER_LETTER, 0, CLEAN_BELOW).withInsertion(Insertion.SILENT);

        /** The same settings for Han units as for every other. */
        Settings(int iterations, double[] lengthPenalty, double minProbability, float unseenBase, float unseenPerLetter,
                 double smoothing, double cleanBelow) {
            this(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing, cleanBelow,
                    minProbability, smoothing, lengthPenalty, iterations, false, Insertion.NONE);
        }

        Settings withCleaning(double below) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing, below,
                    hanMinProbability, hanSmoothing, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        Settings withPenalty(double two) {
            double[] pen = {1, 1, two, two * two, two * two * two};
            return new Settings(iterations, pen, minProbability, unseenBase, unseenPerLetter, smoothing, cleanBelow,
                    hanMinProbability, hanSmoothing, pen, hanIterations, hanByVowel, insertion);
        }

        Settings withIterations(int n) {
            return new Settings(n, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing, cleanBelow,
                    hanMinProbability, hanSmoothing, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        Settings withMinProbability(double p) {
            return new Settings(iterations, lengthPenalty, p, unseenBase, unseenPerLetter, smoothing, cleanBelow,
                    p, hanSmoothing, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        Settings withUnseen(float base, float perLetter) {
            return new Settings(iterations, lengthPenalty, minProbability, base, perLetter, smoothing, cleanBelow,
                    hanMinProbability, hanSmoothing, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        Settings withSmoothing(double alpha) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, alpha, cleanBelow,
                    hanMinProbability, alpha, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        /** Han units only: their own pruning level. */
        Settings withHanMinProbability(double p) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing,
                    cleanBelow, p, hanSmoothing, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        /** Han units only: drawn toward the spellings of the units of their kind by so many pseudo-counts. */
        Settings withHanSmoothing(double alpha) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing,
                    cleanBelow, hanMinProbability, alpha, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        /** Han units only: their own weight of fragments of 2, 3, 4 letters. */
        Settings withHanPenalty(double two) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing,
                    cleanBelow, hanMinProbability, hanSmoothing, new double[]{1, 1, two, two * two, two * two * two},
                    hanIterations, hanByVowel, insertion);
        }

        /** Silent Latin letters learned as {@code insertion} says. */
        Settings withInsertion(Insertion insertion) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing,
                    cleanBelow, hanMinProbability, hanSmoothing, hanLengthPenalty, hanIterations, hanByVowel, insertion);
        }

        static boolean hanUnit(String unit) {
            return unit.startsWith("H:") || unit.startsWith("H-");
        }

        /** Han units only: their spellings are held after so many EM rounds. */
        Settings withHanIterations(int n) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing,
                    cleanBelow, hanMinProbability, hanSmoothing, hanLengthPenalty, n, hanByVowel, insertion);
        }

        /** Han finals drawn toward the finals with the same main vowel (not all finals), by hanSmoothing. */
        Settings withHanByVowel(double alpha) {
            return new Settings(iterations, lengthPenalty, minProbability, unseenBase, unseenPerLetter, smoothing,
                    cleanBelow, hanMinProbability, alpha, hanLengthPenalty, hanIterations, true, insertion);
        }

        String kindOf(String unit) {
            return hanByVowel && unit.startsWith("H-") ? "H-" + mainVowel(unit.substring(2)) : kind(unit);
        }

        /** A pinyin final's main vowel: its a, o or e, else its first letter (i, u, v). */
        static char mainVowel(String fin) {
            for (char c : fin.toCharArray()) {
                if (c == 'a' || c == 'o' || c == 'e') {
                    return c;
                }
            }
            return fin.isEmpty() ? '-' : fin.charAt(0);
        }

        double minProbability(String unit) {
            return hanUnit(unit) ? hanMinProbability : minProbability;
        }

        double smoothing(String unit) {
            return hanUnit(unit) ? hanSmoothing : smoothing;
        }

        double[] lengthPenalty(String unit) {
            return hanUnit(unit) ? hanLengthPenalty : lengthPenalty;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "it=%d pen=%s min=%.4f unseen=%.1f/%.1f alpha=%.1f clean=%.1f"
                            + " | Han pen=%s min=%.4f alpha=%.1f it=%d byVowel=%b", iterations, Arrays.toString(lengthPenalty),
                    minProbability, unseenBase, unseenPerLetter, smoothing, cleanBelow,
                    Arrays.toString(hanLengthPenalty), hanMinProbability, hanSmoothing, hanIterations, hanByVowel)
                    + (insertion.learned() ? " | " + insertion : "");
        }
    }

    /**
     * Silent Latin letters (a Latin letter no native unit spells: the r of short / 肖特): which slots may hold one and
     * under which context they are learned ({@code script}: one table per script; {@code global}: one for all;
     * {@code kind}: per script and previous unit's kind; {@code end}: at the word's end only), the probability a
     * letter starts with, the weight EM gives an insertion in every round (over 1: a prior for them, which the fragments
     * otherwise absorb),
     * the smallest probability kept, and whether only Han words have them.
     */
    record Insertion(String mode, double start, double weight, double min, boolean hanOnly) {
        static final Insertion NONE = new Insertion("none", 0, 0, 0, false);
        /**
         * The one chosen by cross-validation (docs/matching.md): a table per script, weighed up 5 times in EM (the
         * fragments otherwise absorb every silent letter and leave it too rare to help a new word), letters under
         * 0.02% of slots dropped.
         */
        static final Insertion SILENT = new Insertion("script", 0.01, 5, 0.0002, false);

        boolean learned() {
            return !mode.equals("none");
        }

        /** The key slot {@code slot} is learned under, null when it may hold no silent letter. */
        String key(String[] units, int slot) {
            String[] keys = TransliterationModel.slotKeys(units, slot);
            if (!learned() || hanOnly && !keys[1].equals("Han")) {
                return null;
            }
            return switch (mode) {
                case "script" -> keys[1];
                case "global" -> keys[2];
                case "kind" -> keys[0];
                case "end" -> slot == units.length ? keys[0] : null;
                default -> throw new IllegalArgumentException(mode);
            };
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "silent %s start=%.3f weight=%.2f min=%.4f%s", mode, start, weight, min,
                    hanOnly ? " Han only" : "");
        }
    }

    /** The resource, seen from the accuracy module's folder (where Maven runs its tests). */
    static final String RESOURCE = "../core/src/main/resources/org/exportguard/core/match/translit/transliteration-model.tsv";

    /** Runs only when asked for ({@code -Dtranslit.learn=true}): it rewrites a file under version control. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "translit.learn", matches = "true")
    void learnAndWriteTheModel() throws Exception {
        main(new String[]{RESOURCE});
    }

    /**
     * Fails when the committed resource is not what the tuning half teaches (a hand edit, or a learner changed
     * without regenerating it). Skipped while regenerating.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "translit.learn", matches = "true")
    void committedModelIsWhatTheTuningHalfTeaches() throws Exception {
        String committed = Files.readString(Path.of(RESOURCE), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertEquals(committed, render(wordPairs(true), false),
                "transliteration-model.tsv differs from what the learner writes; regenerate it (see docs/matching.md)");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : RESOURCE);
        String text = render(wordPairs(true), true);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** The resource's text, learned from the tuning word pairs; verbose also prints the held-out word figures. */
    static String render(List<WordPair> tuning, boolean verbose) throws Exception {
        TransliterationModel model = learn(tuning, Settings.DEFAULT, verbose);
        if (verbose) {
            List<WordPair> heldOut = wordPairs(false).stream().filter(wp -> !Graphemes.isShort(wp.units())).toList();
            double[] ev = new double[heldOut.size()];
            for (int i = 0; i < ev.length; i++) {
                ev[i] = model.evidence(heldOut.get(i).units(), heldOut.get(i).latin());
            }
            long inf = Arrays.stream(ev).filter(Double::isInfinite).count();
            System.out.print("held-out (" + inf + " of " + ev.length + " without an alignment): ");
            report(heldOut, ev, model.threshold());
        }
        StringBuilder w = new StringBuilder();
        model.write(w, "Learned by accuracy/src/test/java/org/exportguard/accuracy/TransliterationModelLearner.java\n"
                + "from the tuning half of ../shared/data/dev/transliteration-pairs-sample.tsv ("
                + tuning.size() + " word pairs; those of one or two syllables only set the short-word threshold).\n"
                + "C threshold natsPerPoint unseenBase unseenPerLetter shortThreshold | B previous next log-p (Latin letter bigrams) | E unit fragment log-p"
                + " | I context letter log-p (silent Latin letters)");
        return w.toString();
    }

    /** Word pairs of one half of the set. */
    static List<WordPair> wordPairs(boolean tuningHalf) throws Exception {
        List<WordPair> out = new ArrayList<>();
        for (CSVRecord r : DevSets.csv("transliteration-pairs-sample.tsv", '\t')) {
            String lang = r.get("lang");
            if (TransliterationSplit.isTuning(lang, r.get("latin"), r.get("native")) != tuningHalf) {
                continue;
            }
            List<String> latin = TransliterationSplit.latinWords(r.get("latin"));
            List<String> nat = TransliterationSplit.nativeWords(r.get("native"));
            if (latin.isEmpty() || nat.isEmpty()) {
                continue;
            }
            if (nat.size() == 1) {
                add(out, lang, nat.get(0), String.join("", latin));
            } else if (nat.size() == latin.size()) {
                for (int i = 0; i < nat.size(); i++) {
                    add(out, lang, nat.get(i), latin.get(i));
                }
            }
        }
        return out;
    }

    private static void add(List<WordPair> out, String lang, String nativeWord, String latin) {
        String[] units = Graphemes.of(nativeWord);
        if (units != null && latin.length() <= 30 && units.length <= 20) {
            out.add(new WordPair(lang, units, latin, nativeWord));
        }
    }

    /**
     * Learns from the word pairs of at least three syllables or letters; those of one or two syllables only set the
     * short-word threshold.
     */
    static TransliterationModel learn(List<WordPair> all) {
        return learn(all, Settings.DEFAULT, true);
    }

    static TransliterationModel learn(List<WordPair> all, Settings settings, boolean verbose) {
        List<WordPair> pairs = all.stream().filter(wp -> !Graphemes.isShort(wp.units())).toList();
        TransliterationModel uncalibrated = Double.isNaN(settings.cleanBelow()) ? train(pairs, settings)
                : train(explained(pairs, settings), settings);
        return calibrate(all, pairs, uncalibrated, settings, verbose);
    }

    /**
     * The word pairs a first model, trained on all of them, explains with at least {@code cleanBelow} nats of
     * evidence: the others are wrong or partial pairs, from which EM learns spellings no other name uses.
     */
    static List<WordPair> explained(List<WordPair> pairs, Settings settings) {
        TransliterationModel first = train(pairs, settings);
        return pairs.stream().filter(wp -> first.evidence(wp.units(), wp.latin()) >= settings.cleanBelow()).toList();
    }

    /** The emission and bigram tables learned from long word pairs, not yet calibrated (threshold 0). */
    static TransliterationModel train(List<WordPair> pairs, Settings settings) {
        Map<String, Map<String, Double>> p = null;
        Map<String, Map<String, Double>> counts = null;
        Map<String, Map<String, Double>> heldHan = null;
        Map<String, double[]> ins = null;
        Map<String, double[]> insCounts = new HashMap<>();
        for (int it = 0; it < settings.iterations(); it++) {
            counts = new HashMap<>();
            insCounts = new HashMap<>();
            for (WordPair wp : pairs) {
                expect(wp, p, counts, ins, insCounts, settings);
            }
            ins = insertions(insCounts, 1e-6);
            if (it + 1 == settings.hanIterations()) {
                heldHan = new HashMap<>();
                for (Map.Entry<String, Map<String, Double>> e : counts.entrySet()) {
                    if (Settings.hanUnit(e.getKey())) {
                        heldHan.put(e.getKey(), e.getValue());
                    }
                }
            } else if (heldHan != null) {
                counts.putAll(heldHan);
            }
            p = normalise(counts, u -> 1e-6, settings);
        }
        p = normalise(counts, settings::minProbability, settings);
        Map<String, Map<String, Float>> emissions = new HashMap<>();
        p.forEach((u, m) -> {
            Map<String, Float> e = new HashMap<>();
            m.forEach((f, v) -> e.put(f, (float) Math.log(v)));
            emissions.put(u, e);
        });
        // -Dtranslit.showSilent=true: each context's silent letters as learned, before pruning (docs/matching.md)
        if (Boolean.getBoolean("translit.showSilent")) {
            Map<String, double[]> shown = insCounts;
            insertions(insCounts, 0).forEach((key, q) -> {
                StringBuilder sb = new StringBuilder("[silent] " + key + " slots " + (long) shown.get(key)[0]);
                for (int x = 1; x < q.length; x++) {
                    if (q[x] >= 0.0005) {
                        sb.append(String.format(Locale.ROOT, " %c=%.4f", (char) ('a' + x - 1), q[x]));
                    }
                }
                System.out.println(sb);
            });
        }
        Map<String, float[]> silent = new HashMap<>();
        insertions(insCounts, settings.insertion().min()).forEach((key, q) -> {
            float[] t = TransliterationModel.noInsertions();
            for (int x = 1; x < q.length; x++) {
                if (q[x] > 0) {
                    t[x] = (float) Math.log(q[x]);
                }
            }
            silent.put(key, t);
        });
        float[] bigrams = bigrams(pairs);
        return new TransliterationModel(emissions, bigrams, 0f, 1f, settings.unseenBase(),
                settings.unseenPerLetter(), 0f, silent);
    }

    /**
     * Probability of each silent letter in a slot of each context: its expected count over the slots of that context
     * (index 0 of the counts), letters rarer than {@code min} dropped.
     */
    private static Map<String, double[]> insertions(Map<String, double[]> counts, double min) {
        Map<String, double[]> out = new HashMap<>();
        counts.forEach((key, c) -> {
            double[] q = new double[c.length];
            for (int x = 1; x < c.length; x++) {
                q[x] = c[x] / c[0] >= min ? c[x] / c[0] : 0;
            }
            out.put(key, q);
        });
        return out;
    }

    /** Sets the thresholds on mismatched pairs of the same word pairs ({@link #NEGATIVE_ACCEPT}). */
    static TransliterationModel calibrate(List<WordPair> all, List<WordPair> pairs, TransliterationModel uncalibrated,
                                          Settings settings, boolean verbose) {
        double[] pos = new double[pairs.size()];
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            pos[i] = uncalibrated.evidence(pairs.get(i).units(), pairs.get(i).latin());
            for (int k = 1; k <= 10; k++) {
                WordPair other = pairs.get((i + 7 * k + 1) % pairs.size());
                neg.add(uncalibrated.evidence(pairs.get(i).units(), other.latin()));
            }
        }
        double[] negs = neg.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(negs);
        double threshold = negs[(int) Math.floor(negs.length * (1 - NEGATIVE_ACCEPT))];
        double[] sortedPos = pos.clone();
        Arrays.sort(sortedPos);
        double median = sortedPos[sortedPos.length / 2];
        double natsPerPoint = Math.max(0.5, (median - threshold) / 10.0);
        double shortThreshold = shortThreshold(all, uncalibrated);
        if (verbose) {
            report(pairs, pos, threshold);
            System.out.printf(Locale.ROOT, "short-word threshold %.2f nats%n", shortThreshold);
        }
        return new TransliterationModel(uncalibrated.emissions(), uncalibrated.bigrams(), (float) threshold,
                (float) natsPerPoint, settings.unseenBase(), settings.unseenPerLetter(), (float) shortThreshold,
                uncalibrated.insertions());
    }

    /**
     * The evidence that {@value #SHORT_NEGATIVE_ACCEPT} of mismatched short-word pairs reach: each word of one or two
     * syllables against the Latin words of {@value #SHORT_NEGATIVES_PER_WORD} other pairs of its language.
     */
    static double shortThreshold(List<WordPair> all, TransliterationModel model) {
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            WordPair wp = all.get(i);
            if (!Graphemes.isShort(wp.units())) {
                continue;
            }
            for (int k = 1; k <= SHORT_NEGATIVES_PER_WORD; k++) {
                WordPair other = all.get((i + 7 * k + 1) % all.size());
                if (other.lang().equals(wp.lang()) && TransliterationModel.speaksFor(wp.units(), other.latin())) {
                    neg.add(model.evidence(wp.units(), other.latin()));
                }
            }
        }
        double[] negs = neg.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return negs[(int) Math.floor(negs.length * (1 - SHORT_NEGATIVE_ACCEPT))];
    }

    static void report(List<WordPair> pairs, double[] pos, double threshold) {
        Map<String, int[]> per = new TreeMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            int[] c = per.computeIfAbsent(pairs.get(i).lang(), k -> new int[2]);
            c[1]++;
            c[0] += pos[i] >= threshold ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "threshold %.2f nats; tuning word pairs over it:", threshold);
        per.forEach((l, c) -> System.out.printf(Locale.ROOT, " %s %.3f", l, c[0] / (double) c[1]));
        System.out.println();
    }

    /**
     * One E-step: adds the expected count of every (unit, fragment) over all alignments of the pair, and of every
     * silent letter (one at most in each slot between units or at the word's ends, {@link Insertion}) with the
     * number of slots of its context.
     */
    private static void expect(WordPair wp, Map<String, Map<String, Double>> p, Map<String, Map<String, Double>> counts,
                               Map<String, double[]> ins, Map<String, double[]> insCounts, Settings settings) {
        String[] u = wp.units();
        String l = wp.latin();
        int n = u.length;
        int m = l.length();
        // q[i][j]: weight of letter j as a silent letter in slot i (before unit i; slot n after the last)
        String[] keys = new String[n + 1];
        double[][] q = new double[n + 1][m];
        for (int i = 0; i <= n; i++) {
            keys[i] = settings.insertion().key(u, i);
            if (keys[i] == null) {
                continue;
            }
            double[] t = ins == null ? null : ins.get(keys[i]);
            for (int j = 0; j < m; j++) {
                q[i][j] = ins == null ? settings.insertion().start()
                        : t == null ? 0 : t[l.charAt(j) - 'a' + 1] * settings.insertion().weight();
            }
        }
        // a: before slot i's silent letter, a2: after it; b2 and b from there to the end
        double[][] a = new double[n + 1][m + 1];
        double[][] a2 = new double[n + 1][m + 1];
        double[][] b = new double[n + 1][m + 1];
        double[][] b2 = new double[n + 1][m + 1];
        a[0][0] = 1;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                for (int j = 0; j <= m; j++) {
                    double s = 0;
                    for (int k = 0; k <= MAX_FRAGMENT && k <= j; k++) {
                        s += a2[i - 1][j - k] * prob(p, u[i - 1], l.substring(j - k, j), settings);
                    }
                    a[i][j] = s;
                }
            }
            for (int j = 0; j <= m; j++) {
                a2[i][j] = a[i][j] + (j > 0 ? a[i][j - 1] * q[i][j - 1] : 0);
            }
        }
        double z = a2[n][m];
        if (!(z > 0)) {
            return;
        }
        b2[n][m] = 1;
        for (int i = n; i >= 0; i--) {
            if (i < n) {
                for (int j = m; j >= 0; j--) {
                    double s = 0;
                    for (int k = 0; k <= MAX_FRAGMENT && j + k <= m; k++) {
                        s += prob(p, u[i], l.substring(j, j + k), settings) * b[i + 1][j + k];
                    }
                    b2[i][j] = s;
                }
            }
            for (int j = 0; j <= m; j++) {
                b[i][j] = b2[i][j] + (j < m ? q[i][j] * b2[i][j + 1] : 0);
            }
        }
        for (int i = 1; i <= n; i++) {
            Map<String, Double> c = counts.computeIfAbsent(u[i - 1], x -> new HashMap<>());
            for (int j = 0; j <= m; j++) {
                for (int k = 0; k <= MAX_FRAGMENT && k <= j; k++) {
                    String f = l.substring(j - k, j);
                    double v = a2[i - 1][j - k] * prob(p, u[i - 1], f, settings) * b[i][j] / z;
                    if (v > 1e-9) {
                        c.merge(f, v, Double::sum);
                    }
                }
            }
        }
        for (int i = 0; i <= n; i++) {
            if (keys[i] == null) {
                continue;
            }
            double[] c = insCounts.computeIfAbsent(keys[i], x -> new double[TransliterationModel.SYMBOLS]);
            c[0]++;
            for (int j = 0; j < m; j++) {
                c[l.charAt(j) - 'a' + 1] += a[i][j] * q[i][j] * b2[i][j + 1] / z;
            }
        }
    }

    private static double prob(Map<String, Map<String, Double>> p, String unit, String fragment, Settings settings) {
        if (p == null) {
            return LENGTH_PRIOR[fragment.length()];
        }
        Map<String, Double> m = p.get(unit);
        Double v = m == null ? null : m.get(fragment);
        return v == null ? 0 : v * settings.lengthPenalty(unit)[fragment.length()];
    }

    /**
     * Each unit's expected counts as probabilities, drawn toward the fragments of all units of its kind
     * ({@link #kind}) by the settings' pseudo-counts for the unit, fragments rarer than {@code min} dropped.
     */
    private static Map<String, Map<String, Double>> normalise(Map<String, Map<String, Double>> counts,
                                                              java.util.function.ToDoubleFunction<String> min,
                                                              Settings settings) {
        Map<String, Map<String, Double>> backOff = new HashMap<>();
        counts.forEach((u, c) -> {
            if (settings.smoothing(u) > 0) {
                Map<String, Double> b = backOff.computeIfAbsent(settings.kindOf(u), k -> new HashMap<>());
                c.forEach((f, v) -> b.merge(f, v, Double::sum));
            }
        });
        backOff.values().forEach(b -> {
            double total = b.values().stream().mapToDouble(Double::doubleValue).sum();
            b.replaceAll((f, v) -> v / total);
        });
        Map<String, Map<String, Double>> p = new HashMap<>();
        counts.forEach((u, c) -> {
            double alpha = settings.smoothing(u);
            double least = min.applyAsDouble(u);
            double total = c.values().stream().mapToDouble(Double::doubleValue).sum() + alpha;
            Map<String, Double> m = new HashMap<>();
            Map<String, Double> b = alpha > 0 ? backOff.get(settings.kindOf(u)) : Map.of();
            Map<String, Double> smoothed = new HashMap<>(c);
            b.forEach((f, v) -> smoothed.merge(f, alpha * v, Double::sum));
            smoothed.forEach((f, v) -> {
                if (v / total >= least) {
                    m.put(f, v / total);
                }
            });
            double kept = m.values().stream().mapToDouble(Double::doubleValue).sum();
            m.replaceAll((f, v) -> v / kept);
            p.put(u, m);
        });
        return p;
    }

    /**
     * The kind of a unit whose fragments a rare unit's are drawn toward: a Han initial or final, a Hangul initial,
     * vowel or final jamo, a kana, or a letter of its alphabet.
     */
    static String kind(String unit) {
        if (unit.startsWith("H:") || unit.startsWith("H-")) {
            return unit.substring(0, 2);
        }
        char c = unit.charAt(0);
        if (c >= 0x1100 && c <= 0x1112) {
            return "L";
        }
        if (c >= 0x1161 && c <= 0x1175) {
            return "V";
        }
        if (c >= 0x11A8 && c <= 0x11C2) {
            return "T";
        }
        return Character.UnicodeScript.of(c).name();
    }

    /** Letter bigrams of the Latin words, add-one smoothed, as log probabilities. */
    private static float[] bigrams(List<WordPair> pairs) {
        int s = 27;
        double[] c = new double[s * s];
        Arrays.fill(c, 1);
        for (WordPair wp : pairs) {
            int last = 0;
            for (char ch : wp.latin().toCharArray()) {
                int x = ch - 'a' + 1;
                c[last * s + x]++;
                last = x;
            }
            c[last * s]++;
        }
        float[] out = new float[s * s];
        for (int a = 0; a < s; a++) {
            double row = 0;
            for (int x = 0; x < s; x++) {
                row += c[a * s + x];
            }
            for (int x = 0; x < s; x++) {
                out[a * s + x] = (float) Math.log(c[a * s + x] / row);
            }
        }
        return out;
    }
}
