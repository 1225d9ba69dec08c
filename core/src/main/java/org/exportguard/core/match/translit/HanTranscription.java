package org.exportguard.core.match.translit;

import com.ibm.icu.text.Transliterator;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Han characters Chinese writes foreign names with (斯 特 尔 克 德 拉 ...), learned from the tuning half of the
 * transliteration set by the accuracy module's {@code HanTranscriptionLearner}: characters in simplified form and one
 * evidence threshold, no names. Chinese transcribes a foreign name with a small, conventional set of characters chosen
 * for their sound, while Chinese given names mostly use others (伟 芳 秀 桂 ...), so a two-character word with one or
 * both characters of these is most likely a foreign name transcribed (普尔 Poole, 库里 Currie, 唐宁 Downing: a
 * transcription often uses one character rarer than the table's), which {@link TransliterationModel} judges by
 * {@link #threshold()} rather than by the stricter short-word threshold. How many of the two must be in the table
 * ({@value #IN_TABLE}) was chosen by cross-validation inside the tuning half (docs/matching.md).
 *
 * <p>One character alone is left out: it is most often a Chinese surname, and several surnames (林 金 马 罗) also
 * transcribe foreign sounds.
 */
public final class HanTranscription {
    public static final String RESOURCE = "/org/exportguard/core/match/translit/han-transcription-characters.txt";
    /** Characters a word needs to be judged as a transcription (a word of one is most often a surname). */
    public static final int CHARACTERS = 2;
    /**
     * Characters of such a word that must be in the table: 1 of 2 (two-fold cross-validation inside the tuning half:
     * 238 of 507 held-out-fold transcriptions pass against 202 with both, 249 with neither).
     */
    public static final int IN_TABLE = 1;

    private static final ThreadLocal<Transliterator> SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ConcurrentHashMap<Integer, Integer> FOLDED = new ConcurrentHashMap<>();

    private final Set<Integer> characters;
    private final float threshold;
    private final float pinyinThreshold;

    HanTranscription(Set<Integer> characters, float threshold, float pinyinThreshold) {
        this.characters = characters;
        this.threshold = threshold;
        this.pinyinThreshold = pinyinThreshold;
    }

    /** The table shipped in core's resources (a missing table is an error, {@link BundledTables}). */
    static HanTranscription shared() {
        return Shared.INSTANCE;
    }

    /** Loaded on first use, once (the JVM's class initialisation makes it safe across threads). */
    private static final class Shared {
        static final HanTranscription INSTANCE = read();
    }

    /**
     * True when {@code word} is {@value #CHARACTERS} Han characters (traditional or simplified), at least
     * {@value #IN_TABLE} of them one Chinese transcribes foreign names with.
     */
    public static boolean isTranscription(String word) {
        return isTranscription(word, shared().characters);
    }

    /** As {@link #isTranscription(String)} against the given characters (simplified code points), for the learner. */
    public static boolean isTranscription(String word, Set<Integer> characters) {
        if (word.codePointCount(0, word.length()) != CHARACTERS) {
            return false;
        }
        int inTable = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                return false;
            }
            if (characters.contains(simplified(cp))) {
                inTable++;
            }
        }
        return inTable >= IN_TABLE;
    }

    /** Evidence (nats) at which a transcription's similarity is 0.85 ({@link TransliterationModel}). */
    public static float threshold() {
        return shared().threshold;
    }

    /**
     * Evidence (nats) at which a transcription's similarity to a Latin word that also reads as pinyin is 0.85. Many Western names
     * read as pinyin syllables (cela, eden, naren), so a transcription is judged against them too, at a threshold set
     * at the same rate on mismatched pairs of such Latin words, most of them Chinese names.
     */
    public static float pinyinThreshold() {
        return shared().pinyinThreshold;
    }

    /** The simplified form of a Han character (爾 → 尔), the character itself when it has none; cached per character. */
    public static int simplified(int cp) {
        Integer s = FOLDED.get(cp);
        if (s == null) {
            String out = SIMPLIFIED.get().transliterate(new String(Character.toChars(cp)));
            s = out.codePointCount(0, out.length()) == 1 ? out.codePointAt(0) : cp;
            FOLDED.put(cp, s);
        }
        return s;
    }

    /**
     * Reads the resource: {@code #} comments, {@code T threshold}, {@code P} threshold against pinyin, then one line per character (character, then counts
     * the learner reports).
     */
    private static HanTranscription read() {
        return BundledTables.read(HanTranscription.class, RESOURCE, HanTranscription::read);
    }

    private static HanTranscription read(BufferedReader r) throws IOException {
        Set<Integer> out = new HashSet<>();
        float threshold = Float.NaN;
        float pinyinThreshold = Float.NaN;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[0].equals("T")) {
                threshold = Float.parseFloat(f[1]);
            } else if (f[0].equals("P")) {
                pinyinThreshold = Float.parseFloat(f[1]);
            } else {
                out.add(f[0].codePointAt(0));
            }
        }
        if (Float.isNaN(threshold) || Float.isNaN(pinyinThreshold)) {
            throw new IllegalStateException(RESOURCE + ": no threshold (T) or pinyin threshold (P) line");
        }
        return new HanTranscription(out, threshold, pinyinThreshold);
    }
}
