package org.exportguard.core.match.translit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * How a word written in another script is spelled in Latin letters, learned from pairs of names (see
 * {@code docs/matching.md}, "Cross-script words"): for each unit of the native word ({@link Graphemes}) the Latin
 * fragments it is written as, with their probabilities, and a letter-bigram model of Latin names as the
 * alternative ("this Latin word is just some name").
 *
 * <p>A native word and a Latin word are compared by the evidence that one is the other's spelling: the log
 * likelihood of the Latin word under the best alignment of fragments to units, minus its log likelihood as any
 * Latin name. That evidence grows with the length of the words, so two short words can never be as sure as two
 * long ones; it is mapped to a similarity whose 0.85 sits where the learning set put the threshold.
 *
 * <p>The tables are a resource written by the accuracy module's {@code TransliterationModelLearner} and hold
 * statistics of graphemes and letters only, no names.
 */
public final class TransliterationModel {
    static final String RESOURCE = "/org/exportguard/core/match/translit/transliteration-model.tsv";
    /** Similarities under this count as no match; over this, a transliteration is still not the same spelling. */
    static final double FLOOR = 0.80;
    static final double CEILING = 0.97;
    /** Alphabet of the Latin side: a-z, index 1..26; 0 is the word boundary. */
    public static final int SYMBOLS = 27;


    private final Map<String, Map<String, Float>> emissions;
    /** The same spellings as a trie per unit, for the alignment's inner loop. */
    private final Map<String, FragmentTrie> tries;
    private static final FragmentTrie NO_FRAGMENTS = FragmentTrie.of(Map.of());
    /** {@code unseenBase - unseenPerLetter × k} for each k up to {@link #MAX_UNSEEN_FRAGMENT}. */
    private final float[] unseen;
    private final float[] bigrams;
    private final int maxFragment;
    /** Evidence (nats) at which the similarity is 0.85, and how many nats one hundredth of similarity takes. */
    private final float threshold;
    private final float natsPerPoint;
    /**
     * Log probability of a spelling the tables do not hold (a unit never seen, or seen spelled otherwise):
     * {@code unseenBase - unseenPerLetter × letters}, so one odd letter costs a word a few nats, not everything.
     */
    private final float unseenBase;
    private final float unseenPerLetter;
    /** Longest fragment an unseen spelling may have. */
    static final int MAX_UNSEEN_FRAGMENT = 4;
    /**
     * Evidence (nats) a word of one or two syllables needs for a similarity of 0.85 ({@link Graphemes#isShort}): more
     * than a longer word, since the model finds some spelling for almost any two syllables.
     */
    private final float shortThreshold;
    /**
     * Silent Latin letters: log probability that a slot between two units (or at the word's start or end) holds one
     * Latin letter no unit spells (the r of short / 肖特), by {@link #slotKeys context} and letter (index 1..26,
     * -inf where none). Empty in a model learned without them.
     */
    private final Map<String, float[]> insertions;
    /**
     * The same resolved for the alignment's loop: per script, the table of each slot kind ({@link #KINDS}), the first
     * of {@link #slotKeys} held; {@link #anyScript} for a script not named.
     */
    private final Map<String, float[][]> slotTables = new HashMap<>();
    private final float[][] anyScript;
    /** Kinds of slot, by the previous unit: {@link #slotKeys}. */
    private static final String[] KINDS = {"^", "$", "H:", "H-", "L", "V", "T", "-"};

    public TransliterationModel(Map<String, Map<String, Float>> emissions, float[] bigrams, float threshold,
                                float natsPerPoint, float unseenBase, float unseenPerLetter, float shortThreshold) {
        this(emissions, bigrams, threshold, natsPerPoint, unseenBase, unseenPerLetter, shortThreshold, Map.of());
    }

    public TransliterationModel(Map<String, Map<String, Float>> emissions, float[] bigrams, float threshold,
                                float natsPerPoint, float unseenBase, float unseenPerLetter, float shortThreshold,
                                Map<String, float[]> insertions) {
        this.insertions = insertions;
        for (String key : insertions.keySet()) {
            int slash = key.indexOf('/');
            String script = slash < 0 ? key : key.substring(0, slash);
            if (!script.equals("*")) {
                slotTables.computeIfAbsent(script, this::resolve);
            }
        }
        this.anyScript = insertions.containsKey("*") ? resolve("*") : null;
        this.shortThreshold = shortThreshold;
        this.unseenBase = unseenBase;
        this.unseenPerLetter = unseenPerLetter;
        this.emissions = emissions;
        this.bigrams = bigrams;
        int longest = 0;
        for (Map<String, Float> m : emissions.values()) {
            for (String f : m.keySet()) {
                longest = Math.max(longest, f.length());
            }
        }
        this.maxFragment = longest;
        this.tries = new HashMap<>();
        for (Map.Entry<String, Map<String, Float>> e : emissions.entrySet()) {
            tries.put(e.getKey(), FragmentTrie.of(e.getValue()));
        }
        this.unseen = new float[MAX_UNSEEN_FRAGMENT + 1];
        for (int k = 0; k <= MAX_UNSEEN_FRAGMENT; k++) {
            unseen[k] = unseenBase - unseenPerLetter * k;
        }
        this.threshold = threshold;
        this.natsPerPoint = natsPerPoint;
    }

    /** The model shipped in core's resources. */
    public static TransliterationModel shared() {
        return Shared.INSTANCE;
    }

    /** Loaded on first use, once (the JVM's class initialisation makes it safe across threads). */
    private static final class Shared {
        static final TransliterationModel INSTANCE = load();
    }

    /**
     * Similarity (0, or 0.80 to 0.97) of a native-script word and a Latin spelling (lower-case a-z), or -1 when the model
     * does not cover the native word's script. A transliteration is never scored as sure as the same spelling.
     */
    public float similarity(String nativeWord, String latin) {
        String[] units = Graphemes.of(nativeWord);
        return units == null ? -1f : similarity(units, latin, HanTranscription.isTranscription(nativeWord));
    }

    /**
     * As {@link #similarity(String, String)}, for a word already cut into its units. A word of one or two syllables
     * (most often a Chinese, Korean or Japanese name itself) is held to more: never against a Latin word that reads as
     * its own script's romanisation (Han: pinyin; Hangul, kana: pinyin or Korean syllables; {@link OwnRomanisation}:
     * its readings judge those) unless it is a Hangul word that looks transcribed ({@link HangulOrigin}: judged like a
     * transcription, against a threshold of its own) or a Han transcription ({@link HanTranscription}: against a
     * stricter threshold of its own), evidence over
     * {@code shortThreshold}, and in Han nothing under 0.85 (Chinese writes a foreign name as one word, so a short
     * Han word beside others is a Chinese name's part, and weak evidence for it must not add up with its neighbours).
     */
    public float similarity(String[] units, String latin) {
        return similarity(units, latin, false);
    }

    /**
     * As {@link #similarity(String[], String)}; {@code hanTranscription} when the native word is two Han characters,
     * one or both of which Chinese writes foreign names with ({@link HanTranscription#isTranscription}): a foreign name
     * transcribed more likely than a Chinese given name, so judged by a threshold of its own, set as the longer words'
     * is, and against a Latin word that reads as pinyin too, by a threshold set so against such words. Like every short Han word it gets nothing under 0.85: such a word beside others (兰英 唐) is most often a
     * Chinese given name, whose weak evidence must not add up with a surname.
     */
    public float similarity(String[] units, String latin, boolean hanTranscription) {
        boolean isShort = Graphemes.isShort(units);
        boolean transcription = isShort && hanTranscription && Graphemes.isHan(units[0]);
        double bar = transcription ? HanTranscription.threshold() : isShort ? shortThreshold : threshold;
        if (isShort && looksTranscribed(units)) {
            bar = HangulOrigin.shared().threshold(); // a foreign name in Hangul: judged like a transcription
        } else if (isShort && readsAsOwnRomanisation(units, latin)) {
            if (!transcription) {
                return 0f;
            }
            // a transcription against a Latin word that also reads as pinyin (塞拉 cela, 伊登 eden)
            bar = HanTranscription.pinyinThreshold();
        }
        double e = evidence(units, latin);
        if (Double.isInfinite(e)) {
            return 0f;
        }
        double sim = 0.85 + (e - bar) / natsPerPoint / 100.0;
        if (isShort && sim < 0.85 && Graphemes.isHan(units[0])) {
            return 0f;
        }
        // Like a fuzzy spelling below its floor, weak evidence is no match at all: it must not add up over words.
        return sim < FLOOR ? 0f : (float) Math.min(CEILING, sim);
    }

    /**
     * As {@link #similarity(String[], String)} for Latin words written joined against one native word. Korean writes
     * a foreign name word by word (토미 헌터), so several Latin words that together read as Korean syllables against
     * one Hangul word are a romanised Korean name ("Kim Minsu" / 김민서): the same name only when they read it syllable
     * by syllable ({@link HangulSyllables}). The model, whose evidence is measured against a letter model of mostly
     * Western names, finds a spelling of almost any Korean name in another.
     */
    public float joinedSimilarity(String[] units, String joined) {
        float korean = koreanNameSimilarity(units, joined);
        return korean >= 0 ? korean : similarity(units, joined);
    }

    /**
     * Latin words joined that read a Hangul word syllable by syllable (in written order, or in a name of three syllables
     * or more surname last: "Hak Ja Han" / 한학자) are the name itself: {@value #SYLLABLE_READING}, above a spelling resemblance of some of the words
     * ("hwang jin" / 황진우), so that the whole name is matched; Korean syllables that read another word are another
     * name (0). -1 when the words do not read as Korean syllables, or the word is not Hangul or looks like a foreign
     * name transcribed ({@link HangulOrigin}: 장바티스트 is no Korean name, whatever "jean baptiste" reads as): the
     * model judges.
     */
    public static float koreanNameSimilarity(String[] units, String joined) {
        if (!Graphemes.isHangul(units[0]) || !HangulSyllables.isKoreanName(joined)) {
            return -1f;
        }
        int[] blocks = HangulSyllables.blocks(units);
        if (blocks == null || HangulOrigin.shared().looksTranscribed(blocks)) {
            return -1f;
        }
        if (HangulSyllables.readsAs(blocks, joined)) {
            return SYLLABLE_READING;
        }
        // surname last only in a whole name: two syllables are most often a given name, whose order is fixed (민석 is
        // not "sok min")
        boolean otherOrder = HangulSyllables.readsAs(HangulSyllables.surnameLast(blocks), joined);
        return otherOrder && blocks.length >= 3 ? SYLLABLE_READING : otherOrder ? -1f : 0f;
    }

    /** Similarity of Latin words joined that read a Hangul word syllable by syllable. */
    static final float SYLLABLE_READING = 0.98f;

    /**
     * True for Latin words joined that read as Korean syllables but not as the Hangul word's own, in written order or
     * with the surname (first syllable) last, as Western lists often write it ("Sangdon Park" / 박상돈).
     */
    public static boolean isOtherKoreanName(String[] units, String joined) {
        if (!Graphemes.isHangul(units[0]) || !HangulSyllables.isKoreanName(joined)) {
            return false;
        }
        int[] blocks = HangulSyllables.blocks(units);
        return blocks != null && !HangulSyllables.readsAs(blocks, joined)
                && !HangulSyllables.readsAs(HangulSyllables.surnameLast(blocks), joined);
    }

    /**
     * False for a word of one or two syllables against a Latin word that reads as pinyin or Korean syllables, which
     * the model never judges (for the learner, which leaves those pairs out of its calibration).
     */
    public static boolean speaksFor(String[] units, String latin) {
        return !Graphemes.isShort(units) || !readsAsOwnRomanisation(units, latin);
    }

    /**
     * Whether {@code latin} reads as a romanisation of the native word's own script: a Han word's pinyin (Korean
     * syllables such as {@code merwin} or {@code bud} say nothing of a Chinese name, and half the Western names
     * transcribed in two Han characters read so), for Hangul and kana pinyin or Korean syllables.
     */
    private static boolean readsAsOwnRomanisation(String[] units, String latin) {
        return Graphemes.isHan(units[0]) ? OwnRomanisation.readsAsPinyin(latin) : OwnRomanisation.isEastAsian(latin);
    }

    /**
     * True for a Hangul word that looks like a foreign name transcribed (테드 Ted, 깁슨 Gibson; {@link HangulOrigin}),
     * which the model judges like a transcription: against any Latin word, even one that reads as Korean syllables or
     * pinyin, since many Western names do (ted, tom, sam), with a threshold of its own ({@link HangulOrigin#threshold}).
     */
    private static boolean looksTranscribed(String[] units) {
        if (!Graphemes.isHangul(units[0])) {
            return false;
        }
        int[] blocks = HangulSyllables.blocks(units);
        return blocks != null && HangulOrigin.shared().looksTranscribed(blocks);
    }

    /** Log likelihood ratio (nats) that {@code latin} spells the units, against its being any Latin name. */
    public double evidence(String[] units, String latin) {
        double lp = logLikelihood(units, latin);
        return Double.isInfinite(lp) ? Double.NEGATIVE_INFINITY : lp - nullLogLikelihood(latin);
    }

    /** Log likelihood of the best alignment of Latin fragments to the units (Viterbi), -inf when there is none. */
    public double logLikelihood(String[] units, String latin) {
        int n = units.length;
        int m = latin.length();
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        java.util.Arrays.fill(prev, Double.NEGATIVE_INFINITY);
        prev[0] = 0;
        float[][] silent = insertions.isEmpty() ? null : slotTables.getOrDefault(script(units[0]), anyScript);
        if (silent != null) {
            insert(prev, silent[kind(units, 0)], latin);
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(cur, Double.NEGATIVE_INFINITY);
            FragmentTrie e = tries.getOrDefault(units[i], NO_FRAGMENTS);
            for (int j = 0; j <= m; j++) {
                if (prev[j] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                // Walk the unit's fragments along latin[j..]: a spelling it holds, else an unseen one up to its
                // length limit; past both nothing can follow.
                int node = FragmentTrie.ROOT;
                for (int k = 0; k <= maxFragment && j + k <= m; k++) {
                    if (k > 0 && node != FragmentTrie.NONE) {
                        node = e.next(node, latin.charAt(j + k - 1));
                    }
                    double v;
                    if (node != FragmentTrie.NONE && e.isFragment(node)) {
                        v = e.logp(node);
                    } else if (k <= MAX_UNSEEN_FRAGMENT) {
                        v = unseen[k];
                    } else if (node == FragmentTrie.NONE) {
                        break;
                    } else {
                        continue;
                    }
                    if (prev[j] + v > cur[j + k]) {
                        cur[j + k] = prev[j] + v;
                    }
                }
            }
            double[] t = prev;
            prev = cur;
            cur = t;
            if (silent != null) {
                insert(prev, silent[kind(units, i + 1)], latin);
            }
        }
        return prev[m];
    }

    /**
     * One silent letter at most in a slot: right to left, so that a letter inserted is never followed by another
     * in the same slot.
     */
    private static void insert(double[] row, float[] table, String latin) {
        if (table == null) {
            return;
        }
        for (int j = latin.length() - 1; j >= 0; j--) {
            if (row[j] != Double.NEGATIVE_INFINITY) {
                double v = row[j] + table[symbol(latin.charAt(j))];
                if (v > row[j + 1]) {
                    row[j + 1] = v;
                }
            }
        }
    }

    /** A script's silent-letter table for each slot kind, the first of its {@link #slotKeys} held. */
    private float[][] resolve(String script) {
        float[][] out = new float[KINDS.length][];
        for (int k = 0; k < KINDS.length; k++) {
            for (String key : new String[]{script + "/" + KINDS[k], script, "*"}) {
                out[k] = out[k] != null ? out[k] : insertions.get(key);
            }
        }
        return out;
    }

    /** Index in {@link #KINDS} of slot {@code slot} (0: before the first unit). */
    private static int kind(String[] units, int slot) {
        if (slot == 0) {
            return 0;
        }
        if (slot == units.length) {
            return 1;
        }
        String u = units[slot - 1];
        char c = u.charAt(0);
        return Graphemes.isHan(u) ? (u.charAt(1) == ':' ? 2 : 3) : !Graphemes.isHangul(u) ? 7
                : c <= 0x1112 ? 4 : c <= 0x1175 ? 5 : 6;
    }

    /**
     * Contexts of a slot, most specific first: the word's script with the previous unit's kind (^ at the start, $ at
     * the end, a Han initial H: or final H-, a Hangul initial L, vowel V or final T, - for a letter), the script
     * alone, and * for any.
     */
    public static String[] slotKeys(String[] units, int slot) {
        String script = script(units[0]);
        return new String[]{script + "/" + KINDS[kind(units, slot)], script, "*"};
    }

    /** A unit's script: Han, Hangul, or the Unicode script's name (CYRILLIC, KATAKANA ...). */
    public static String script(String unit) {
        return Graphemes.isHan(unit) ? "Han" : Graphemes.isHangul(unit) ? "Hangul"
                : Character.UnicodeScript.of(unit.codePointAt(0)).name();
    }

    /** Log likelihood of {@code latin} as a Latin name, by letter bigrams with the word's boundaries. */
    public double nullLogLikelihood(String latin) {
        double lp = 0;
        int last = 0;
        for (int i = 0; i < latin.length(); i++) {
            int s = symbol(latin.charAt(i));
            lp += bigrams[last * SYMBOLS + s];
            last = s;
        }
        return lp + bigrams[last * SYMBOLS];
    }

    static int symbol(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
    }

    private static TransliterationModel load() {
        return BundledTables.read(TransliterationModel.class, RESOURCE, TransliterationModel::read);
    }

    /**
     * Reads the table format {@link #write} writes: {@code E unit fragment logp}, {@code B prev next logp} (letters,
     * {@code ^} for the boundary), {@code C threshold natsPerPoint unseenBase unseenPerLetter
     * shortThreshold}, {@code I context letter logp} (silent letters, none in older files); {@code #} starts a
     * comment.
     */
    static TransliterationModel read(BufferedReader r) throws IOException {
        Map<String, Map<String, Float>> emissions = new HashMap<>();
        Map<String, float[]> insertions = new HashMap<>();
        float[] bigrams = new float[SYMBOLS * SYMBOLS];
        float threshold = Float.NaN;
        float natsPerPoint = Float.NaN;
        float unseenBase = Float.NaN;
        float unseenPerLetter = Float.NaN;
        float shortThreshold = Float.NaN;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "E" -> emissions.computeIfAbsent(f[1], k -> new HashMap<>()).put(f[2], Float.parseFloat(f[3]));
                    case "I" -> insertions.computeIfAbsent(f[1], k -> noInsertions())[symbol(f[2].charAt(0))] =
                            Float.parseFloat(f[3]);
                    case "B" -> bigrams[boundaryOr(f[1]) * SYMBOLS + boundaryOr(f[2])] = Float.parseFloat(f[3]);
                    case "C" -> {
                        threshold = Float.parseFloat(f[1]);
                        natsPerPoint = Float.parseFloat(f[2]);
                        unseenBase = Float.parseFloat(f[3]);
                        unseenPerLetter = Float.parseFloat(f[4]);
                        shortThreshold = Float.parseFloat(f[5]);
                    }
                    default -> throw new IllegalStateException("unknown record " + f[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (Float.isNaN(threshold)) {
            throw new IllegalStateException(RESOURCE + ": no calibration (C) line");
        }
        return new TransliterationModel(emissions, bigrams, threshold, natsPerPoint, unseenBase, unseenPerLetter,
                shortThreshold, insertions);
    }

    /** A silent-letter table that holds no letter. */
    public static float[] noInsertions() {
        float[] t = new float[SYMBOLS];
        java.util.Arrays.fill(t, Float.NEGATIVE_INFINITY);
        return t;
    }

    private static int boundaryOr(String s) {
        return s.equals("^") ? 0 : symbol(s.charAt(0));
    }

    /** Writes the model in the format {@link #read} reads, fragments of each unit by falling probability. */
    public void write(Appendable out, String header) throws IOException {
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append("C\t").append(Float.toString(threshold)).append('\t').append(Float.toString(natsPerPoint))
                .append('\t').append(Float.toString(unseenBase)).append('\t').append(Float.toString(unseenPerLetter))
                .append('\t').append(Float.toString(shortThreshold)).append('\n');
        for (int a = 0; a < SYMBOLS; a++) {
            for (int b = 0; b < SYMBOLS; b++) {
                out.append("B\t").append(name(a)).append('\t').append(name(b)).append('\t')
                        .append(round(bigrams[a * SYMBOLS + b])).append('\n');
            }
        }
        for (String key : new java.util.TreeSet<>(insertions.keySet())) {
            float[] t = insertions.get(key);
            for (int s = 1; s < SYMBOLS; s++) {
                if (t[s] != Float.NEGATIVE_INFINITY) {
                    out.append("I\t").append(key).append('\t').append(name(s)).append('\t').append(round(t[s]))
                            .append('\n');
                }
            }
        }
        java.util.List<String> units = new java.util.ArrayList<>(emissions.keySet());
        java.util.Collections.sort(units);
        for (String u : units) {
            java.util.List<Map.Entry<String, Float>> frags = new java.util.ArrayList<>(emissions.get(u).entrySet());
            frags.sort(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            for (Map.Entry<String, Float> f : frags) {
                out.append("E\t").append(u).append('\t').append(f.getKey()).append('\t').append(round(f.getValue()))
                        .append('\n');
            }
        }
    }

    private static String name(int symbol) {
        return symbol == 0 ? "^" : String.valueOf((char) ('a' + symbol - 1));
    }

    private static String round(float v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** Evidence (nats) at which the similarity is 0.85. */
    public float threshold() {
        return threshold;
    }

    /** Evidence (nats) at which the similarity of a word of one or two syllables is 0.85. */
    public float shortThreshold() {
        return shortThreshold;
    }

    /** Log probability of an unseen spelling with no letters, for tests. */
    float unseenBase() {
        return unseenBase;
    }

    /** What each letter of an unseen spelling costs, for tests. */
    float unseenPerLetter() {
        return unseenPerLetter;
    }

    /** The Latin letter-bigram table (log probabilities), for the learner. */
    public float[] bigrams() {
        return bigrams.clone();
    }

    /** The silent-letter tables, for the learner and tests. */
    public Map<String, float[]> insertions() {
        return insertions;
    }

    /** The emission table, for the learner and tests. */
    public Map<String, Map<String, Float>> emissions() {
        return emissions;
    }
}
