package org.exportguard.core.match.translit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a Hangul word looks like a foreign name transcribed (테드 Ted, 깁슨 Gibson, 토미 Tommy) or like a Korean name
 * (민수, 김), by a naive-Bayes table learned from the tuning half of the transliteration set by the accuracy module's
 * {@code HangulOriginLearner}: how often each syllable, and each initial, vowel and final, occurs in Korean names
 * (pairs whose Latin name reads the Hangul syllable by syllable) and in transcriptions (the other Korean pairs).
 * Korean adds ㅡ to break up a foreign consonant cluster (드 스 트 크) and writes foreign sounds with syllables a Korean
 * name seldom has (켄, 럼, 잔); Korean given names come from a small stock of Sino-Korean syllables (민 수 영 철).
 *
 * <p>A syllable's probability in a class is its count there, backed off to the product of its jamo's frequencies for
 * syllables seen rarely or never: {@code (n(s) + alpha × P(initial) P(vowel) P(final)) / (N + alpha)}.
 */
public final class HangulOrigin {
    public static final String RESOURCE = "/org/exportguard/core/match/translit/hangul-origin.txt";
    static final int KOREAN = 0;
    static final int TRANSCRIBED = 1;
    private static final int[] JAMO = {19, 21, 28};


    /** Syllable (offset from U+AC00) → counts in the two classes. */
    private final Map<Integer, int[]> syllables;
    /** [initial, vowel, final][index][class] counts. */
    private final int[][][] jamo;
    private final int[] total;
    private final double alpha;
    /** Log odds (transcribed against Korean) over which a word looks transcribed. */
    private final double cut;
    /**
     * Evidence (nats) the model needs for a similarity of 0.85 between a short word that looks transcribed and a Latin
     * word that reads as Korean syllables or pinyin, which it otherwise never judges.
     */
    private final double threshold;

    HangulOrigin(Map<Integer, int[]> syllables, int[][][] jamo, int[] total, double alpha, double cut,
                 double threshold) {
        this.threshold = threshold;
        this.syllables = syllables;
        this.jamo = jamo;
        this.total = total;
        this.alpha = alpha;
        this.cut = cut;
    }

    /** The table shipped in core's resources (a missing table is an error, {@link BundledTables}). */
    public static HangulOrigin shared() {
        return Shared.INSTANCE;
    }

    /** Loaded on first use, once (the JVM's class initialisation makes it safe across threads). */
    private static final class Shared {
        static final HangulOrigin INSTANCE = load();
    }

    /** True when {@code word} (Hangul) looks like a foreign name transcribed. */
    public boolean looksTranscribed(String word) {
        return logOdds(word) > cut;
    }

    /** True when the Hangul blocks (offsets from U+AC00) look like a foreign name transcribed. */
    boolean looksTranscribed(int[] blocks) {
        return logOdds(blocks) > cut;
    }

    /** Log odds (nats) that a Hangul word is a transcription rather than a Korean name; 0 for no Hangul. */
    public double logOdds(String word) {
        int[] blocks = HangulSyllables.blocks(Graphemes.of(word));
        return blocks == null ? 0 : logOdds(blocks);
    }

    double logOdds(int[] blocks) {
        double s = 0;
        for (int b : blocks) {
            s += Math.log(probability(b, TRANSCRIBED)) - Math.log(probability(b, KOREAN));
        }
        return s;
    }

    private double probability(int block, int cls) {
        int[] seen = syllables.get(block);
        return ((seen == null ? 0 : seen[cls]) + alpha * backOff(block, cls)) / (total[cls] + alpha);
    }

    /** The syllable's probability from its initial, vowel and final alone (each smoothed by half a count). */
    private double backOff(int block, int cls) {
        int[] at = {block / (21 * 28), (block / 28) % 21, block % 28};
        double p = 1;
        for (int k = 0; k < 3; k++) {
            p *= (jamo[k][at[k]][cls] + 0.5) / (total[cls] + 0.5 * JAMO[k]);
        }
        return p;
    }

    /** Evidence (nats) for 0.85 between a word that looks transcribed and a Latin word of Korean or pinyin shape. */
    public double threshold() {
        return threshold;
    }

    /** The log odds over which a word looks transcribed. */
    public double cut() {
        return cut;
    }

    /**
     * True when {@code latin} reads the Hangul word syllable by syllable (either romanisation, or a learned spelling),
     * in written order or with the surname last: a romanised Korean name. For the learner, which labels pairs so.
     */
    public static boolean readsSyllableBySyllable(String word, String latin) {
        String[] units = Graphemes.of(word);
        int[] blocks = units == null ? null : HangulSyllables.blocks(units);
        return blocks != null && (HangulSyllables.readsAs(blocks, latin)
                || HangulSyllables.readsAs(HangulSyllables.surnameLast(blocks), latin));
    }

    /** Counts of a labelled set, which the learner fills and writes and {@link #read} reads back. */
    public static final class Counts {
        final Map<Integer, int[]> syllables = new java.util.TreeMap<>();
        final int[][][] jamo = {new int[19][2], new int[21][2], new int[28][2]};
        final int[] total = new int[2];

        /** Adds every Hangul syllable of {@code word} to the class (true: transcribed). */
        public void add(String word, boolean transcribed) {
            int cls = transcribed ? TRANSCRIBED : KOREAN;
            for (int i = 0; i < word.length(); i++) {
                int b = word.charAt(i) - 0xAC00;
                if (b < 0 || b >= 11172) {
                    continue;
                }
                syllables.computeIfAbsent(b, k -> new int[2])[cls]++;
                jamo[0][b / (21 * 28)][cls]++;
                jamo[1][(b / 28) % 21][cls]++;
                jamo[2][b % 28][cls]++;
                total[cls]++;
            }
        }

        /** The classifier these counts make. */
        public HangulOrigin model(double alpha, double cut, double threshold) {
            return new HangulOrigin(syllables, jamo, total, alpha, cut, threshold);
        }

        /** Writes the counts in the format {@link HangulOrigin#read} reads. */
        public void write(Appendable out, double alpha, double cut, double threshold) throws IOException {
            out.append("P\t").append(Double.toString(alpha)).append('\t').append(Double.toString(cut)).append('\t')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", threshold)).append('\n');
            out.append("N\t").append(Integer.toString(total[0])).append('\t').append(Integer.toString(total[1]))
                    .append('\n');
            char[] base = {0x1100, 0x1161, 0x11A7};
            String[] kind = {"I", "V", "F"};
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < jamo[k].length; i++) {
                    out.append(kind[k]).append('\t').append(k == 2 && i == 0 ? "-" : String.valueOf((char) (base[k] + i)))
                            .append('\t').append(Integer.toString(jamo[k][i][0])).append('\t')
                            .append(Integer.toString(jamo[k][i][1])).append('\n');
                }
            }
            for (Map.Entry<Integer, int[]> e : syllables.entrySet()) {
                out.append("S\t").append((char) (0xAC00 + e.getKey())).append('\t')
                        .append(Integer.toString(e.getValue()[0])).append('\t').append(Integer.toString(e.getValue()[1]))
                        .append('\n');
            }
        }
    }

    private static HangulOrigin load() {
        return BundledTables.read(HangulOrigin.class, RESOURCE, HangulOrigin::read);
    }

    /** Reads what {@link Counts#write} writes; {@code #} starts a comment. */
    static HangulOrigin read(BufferedReader r) throws IOException {
        Counts c = new Counts();
        double alpha = Double.NaN;
        double cut = Double.NaN;
        double threshold = Double.NaN;
        char[] base = {0x1100, 0x1161, 0x11A7};
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            switch (f[0]) {
                case "P" -> {
                    alpha = Double.parseDouble(f[1]);
                    cut = Double.parseDouble(f[2]);
                    threshold = Double.parseDouble(f[3]);
                }
                case "N" -> {
                    c.total[0] = Integer.parseInt(f[1]);
                    c.total[1] = Integer.parseInt(f[2]);
                }
                case "I", "V", "F" -> {
                    int k = "IVF".indexOf(f[0]);
                    int i = f[1].equals("-") ? 0 : f[1].charAt(0) - base[k];
                    c.jamo[k][i][0] = Integer.parseInt(f[2]);
                    c.jamo[k][i][1] = Integer.parseInt(f[3]);
                }
                case "S" -> c.syllables.put(f[1].charAt(0) - 0xAC00,
                        new int[]{Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                default -> throw new IllegalStateException(RESOURCE + ": unknown record " + f[0]);
            }
        }
        if (Double.isNaN(alpha)) {
            throw new IllegalStateException(RESOURCE + ": no parameter (P) line");
        }
        return c.model(alpha, cut, threshold);
    }
}
