package org.exportguard.core.match;

import org.exportguard.core.match.translit.BundledTables;
import org.exportguard.core.match.translit.Readings;
import org.exportguard.core.match.translit.TransliterationModel;
import org.exportguard.core.model.PartyType;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * A Latin name against a name written word by word in Hangul, judged as a whole, as record linkage weighs a record
 * (Fellegi–Sunter): on the sum of its words' evidence, in nats, that each Latin word spells the Hangul word in its
 * place ({@link TransliterationModel#evidence}), not on each word alone.
 *
 * <p>Korean writes a foreign name word by word (수잔 케인 Susan Cain), and the word rules count a word's weak evidence
 * (under the model's 0.80) as nothing, so that it does not add up with a different other word; two moderately sure
 * words then make no match. Summed, they do, held to two conditions the learner writes from the tuning half
 * ({@code CrossScriptNamesLearner}, resource {@value #RESOURCE}): every word has evidence of its own (at least
 * {@code wordMinimum}, so one long given name cannot carry another surname: Alexander Smith / 알렉산더 존스), and the sum
 * passes the evidence 0.1% of mismatched names of the tuning half reach ({@code threshold}); two words at least are
 * weighed by the model (a word its reading meets adds nothing), and a Latin word of more vowel groups than the Hangul
 * word has syllables is no transcription of it.
 *
 * <p>Only Hangul: kana names of the sets are single words (nothing to learn a threshold from), Chinese writes a
 * foreign name as one word, and in Arabic script a strong common word beside a weak one is two people (محمد حسن /
 * Mohammad Hossein). A Korean name stays with the word rules: when every Hangul word is short and its Latin word
 * reads as Korean syllables or pinyin ({@link TransliterationModel#speaksFor}), a Korean name in Hangul meets a
 * romanised East Asian name, which the readings judge syllable by syllable (김민수 / Kim Minho is another person); and
 * a Korean name part against a Latin word of fewer vowel groups is another name, as in the word rules. Susan Cain /
 * 수잔 케인 is judged as a whole: {@code susan} reads as Korean syllables, {@code cain} does not.
 */
public final class CrossScriptNames {
    static final String RESOURCE = "/org/exportguard/core/match/cross-script-names.txt";
    public static final int MIN_WORDS = 2;
    public static final int MAX_WORDS = 4;
    /** A transliteration is never as sure as the same spelling (as {@link TransliterationModel}). */
    static final float CEILING = 0.97f;


    private final float wordMinimum;
    private final float threshold;
    private final float natsPerPoint;

    CrossScriptNames(float wordMinimum, float threshold, float natsPerPoint) {
        this.wordMinimum = wordMinimum;
        this.threshold = threshold;
        this.natsPerPoint = natsPerPoint;
    }

    /** The calibration shipped in core's resources. */
    static CrossScriptNames shared() {
        return Shared.INSTANCE;
    }

    /** Loaded on first use, once (the JVM's class initialisation makes it safe across threads). */
    private static final class Shared {
        static final CrossScriptNames INSTANCE = load();
    }

    /** How the words of a Hangul name met a Latin name's: {@code latinOf[k]} is the Latin word of Hangul word k. */
    record Judgement(boolean hangulIsQuery, int[] latinOf, float similarity) {
    }

    /**
     * The judgement of two names as whole names, or null when they are not a Latin name and a Hangul name of as many
     * words ({@value #MIN_WORDS} to {@value #MAX_WORDS}), or their evidence falls short.
     */
    Judgement judge(NameTokens q, NameTokens c) {
        boolean hangulIsQuery = allHangul(q);
        double[][] evidence = pairingEvidence(q, c);
        if (evidence == null) {
            return null;
        }
        int[][] pairings = pairings(q.size());
        double best = Double.NEGATIVE_INFINITY;
        int[] bestPairing = null;
        for (int p = 0; p < pairings.length; p++) {
            double sum = sum(evidence[p], wordMinimum);
            if (sum > best) {
                best = sum;
                bestPairing = pairings[p];
            }
        }
        if (best < threshold) {
            return null;
        }
        float sim = (float) Math.min(CEILING, 0.85 + (best - threshold) / natsPerPoint / 100.0);
        return new Judgement(hangulIsQuery, bestPairing, sim);
    }

    /**
     * The evidence (nats) of each word of the Hangul name against the Latin word in its place, for each pairing
     * ({@link #pairings}): -inf for a pair that cannot be a transcription, NaN for a word its own reading meets; null
     * when the names are not a Latin name and a Hangul name of as many words (2 to 4), both perhaps a person's. A
     * pairing in which every Hangul word is short and reads its Latin word as Korean syllables or pinyin is a Korean
     * name against a romanised East Asian name, which the readings judge: all -inf. Public for the learner.
     */
    public static double[][] pairingEvidence(NameTokens a, NameTokens b) {
        int n = a.size();
        if (n != b.size() || n < MIN_WORDS || n > MAX_WORDS || !mayBePerson(a) || !mayBePerson(b)) {
            return null;
        }
        boolean hangulFirst = allHangul(a);
        NameTokens h = hangulFirst ? a : b;
        NameTokens l = hangulFirst ? b : a;
        if (!hangulFirst && !allHangul(b) || !allLatin(l)) {
            return null;
        }
        int[][] pairings = pairings(n);
        double[][] out = new double[pairings.length][n];
        for (int p = 0; p < pairings.length; p++) {
            boolean ownNameOnly = true;
            for (int k = 0; k < n; k++) {
                String latin = l.text[pairings[p][k]];
                ownNameOnly &= !TransliterationModel.speaksFor(h.nativeUnits[k], latin);
                out[p][k] = wordEvidence(h, k, latin);
            }
            if (ownNameOnly) {
                Arrays.fill(out[p], Double.NEGATIVE_INFINITY);
            }
        }
        return out;
    }

    /**
     * Hangul word {@code k} of {@code h} against a Latin word: NaN when one of its readings is that word (a Korean
     * syllable read, which the readings meet and the model, weighing it against Western names, would overrate: 한 /
     * han); -inf when it cannot be its transcription (see {@link #cannotTranscribe}); else the model's evidence.
     */
    private static double wordEvidence(NameTokens h, int k, String latin) {
        if (h.text[k].equals(latin) || Arrays.asList(h.readings(k)).contains(latin)) {
            return Double.NaN;
        }
        if (cannotTranscribe(h.hangul[k].length(), h.koreanSyllables[k], latin)) {
            return Double.NEGATIVE_INFINITY;
        }
        return TokenSimilarity.MODEL.evidence(h.nativeUnits[k], latin);
    }

    /**
     * The ways the words of a Latin name of {@code n} words may stand against the Hangul words: in order, and with the
     * surname moved to the other end (Western lists write "SMITH John", Korean 존 스미스), as the Latin word of each
     * Hangul word.
     */
    static int[][] pairings(int n) {
        int[] inOrder = new int[n];
        int[] lastFirst = new int[n];
        int[] firstLast = new int[n];
        for (int k = 0; k < n; k++) {
            inOrder[k] = k;
            lastFirst[k] = (k + n - 1) % n;
            firstLast[k] = (k + 1) % n;
        }
        return n == 2 ? new int[][]{inOrder, lastFirst} : new int[][]{inOrder, lastFirst, firstLast};
    }

    /**
     * The whole name's evidence: the sum of its words' evidence when each word has at least {@code wordMinimum} and two
     * words or more were weighed (NaN: a word its reading meets, which adds nothing); else -inf. One word's evidence
     * beside words read exactly is the word rules' to judge, at that word's own threshold (한 / han and 재현 / sahbaz).
     */
    public static double sum(double[] words, double wordMinimum) {
        double s = 0;
        int weighed = 0;
        for (double e : words) {
            if (Double.isNaN(e)) {
                continue;
            }
            if (!(e >= wordMinimum)) {
                return Double.NEGATIVE_INFINITY;
            }
            s += e;
            weighed++;
        }
        return weighed >= 2 ? s : Double.NEGATIVE_INFINITY;
    }

    /**
     * True when a Hangul word of {@code syllables} syllables cannot write this Latin word: Korean gives each vowel of a
     * foreign name a syllable of its own, so a Latin word of more vowel groups (a final e after a consonant not
     * counted: it is mostly silent, Kate 케이트) is another name (박 / fezza, 김 / andree); and a Korean name part
     * ({@code koreanSyllables}, {@link Readings#koreanSyllables}) of more syllables than the Latin word has vowel
     * groups is another name, as in the word rules ({@link TokenSimilarity}).
     */
    static boolean cannotTranscribe(int syllables, int koreanSyllables, String latin) {
        return vowelGroupsSpoken(latin) > syllables
                || koreanSyllables > 0 && koreanSyllables > TokenSimilarity.vowelGroups(latin);
    }

    /** {@link TokenSimilarity#vowelGroups}, a final e after a consonant left out. */
    static int vowelGroupsSpoken(String latin) {
        int n = latin.length();
        boolean silentE = n > 2 && latin.charAt(n - 1) == 'e' && "aeiouy".indexOf(latin.charAt(n - 2)) < 0;
        return TokenSimilarity.vowelGroups(silentE ? latin.substring(0, n - 1) : latin);
    }

    /** A name read as a person's or of unknown type: Korean writes a foreign person's name word by word. */
    private static boolean mayBePerson(NameTokens t) {
        return t.type == PartyType.PERSON || t.type == PartyType.UNKNOWN;
    }

    private static boolean allHangul(NameTokens t) {
        if (t.hangul == null) {
            return false;
        }
        for (int k = 0; k < t.size(); k++) {
            if (t.hangul[k] == null || t.nativeUnits[k] == null || t.kind[k] != TokenKind.WORD) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLatin(NameTokens t) {
        for (int k = 0; k < t.size(); k++) {
            if (t.origin[k] != WordOrigin.LATIN || t.kind[k] != TokenKind.WORD) {
                return false;
            }
        }
        return true;
    }

    float wordMinimum() {
        return wordMinimum;
    }

    float threshold() {
        return threshold;
    }

    private static CrossScriptNames load() {
        return BundledTables.read(CrossScriptNames.class, RESOURCE, CrossScriptNames::read);
    }

    /** Reads {@code C wordMinimum threshold natsPerPoint}; {@code #} starts a comment. */
    static CrossScriptNames read(BufferedReader r) throws IOException {
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("C\t")) {
                String[] f = line.split("\t");
                return new CrossScriptNames(Float.parseFloat(f[1]), Float.parseFloat(f[2]), Float.parseFloat(f[3]));
            }
        }
        throw new IllegalStateException(RESOURCE + ": no calibration (C) line");
    }
}
