package org.exportguard.core.match.translit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Common spellings of Hangul syllables that no romanisation system gives ("soo" for 수, "chung" for 정), learned from
 * the tuning half of the transliteration set by the accuracy module's {@code HangulSpellingLearner}: a table of
 * syllables and spellings, no names.
 */
public final class HangulSpellings {
    public static final String RESOURCE = "/org/exportguard/core/match/translit/hangul-spellings.txt";

    private static volatile Map<Integer, String[]> table;
    private static volatile Set<String> all;

    private HangulSpellings() {
    }

    /** True when {@code latin} is {@code syllable} (one Hangul block) in the Revised or McCune–Reischauer system. */
    public static boolean isRomanisation(String syllable, String latin) {
        int[] blocks = HangulSyllables.blocks(Graphemes.of(syllable));
        return blocks != null && blocks.length == 1 && HangulSyllables.readsByRule(blocks, latin);
    }

    /**
     * The spellings of a block's vowel that {@code latin} shows beyond both romanisations, with the block's initial and
     * final as they write them ("yu" for ㅕ in 녕 / "nyung"), for the learner; empty when none.
     */
    public static java.util.List<String> vowelSpellings(String syllable, String latin) {
        int[] blocks = HangulSyllables.blocks(Graphemes.of(syllable));
        return blocks == null || blocks.length != 1 ? java.util.List.of()
                : HangulSyllables.vowelSpellings(blocks[0], latin);
    }

    /** The learned spellings of a vowel (index in the jamo table) in a syllable with a final or without. */
    static String[] vowels(int vowel, boolean closed) {
        String[] s = vowelTable().get(vowel * 2 + (closed ? 1 : 0));
        return s == null ? NONE : s;
    }

    private static volatile Map<Integer, String[]> vowelTable;

    private static Map<Integer, String[]> vowelTable() {
        Map<Integer, String[]> t = vowelTable;
        if (t == null) {
            table();
            t = vowelTable;
        }
        return t;
    }

    /** The learned spellings of a block (offset from U+AC00), empty when none. */
    static String[] of(int block) {
        String[] s = table().get(block);
        return s == null ? NONE : s;
    }

    /** Every learned spelling, whatever its syllable. */
    static Set<String> all() {
        Set<String> s = all;
        if (s == null) {
            Set<String> out = new HashSet<>();
            table().values().forEach(v -> out.addAll(java.util.List.of(v)));
            all = s = out;
        }
        return s;
    }

    /**
     * A reading of a Hangul word with each syllable in its most frequent learned spelling and the others as ICU's
     * Revised Romanisation writes them (이재원 "leejaewon"), or "" when no syllable has a learned spelling.
     */
    static String reading(String word) {
        StringBuilder sb = new StringBuilder(word.length() * 4);
        boolean learned = false;
        for (int i = 0; i < word.length(); i++) {
            int block = word.charAt(i) - 0xAC00;
            if (block < 0 || block >= 11172) {
                continue;
            }
            String[] s = of(block);
            learned |= s.length > 0;
            sb.append(s.length > 0 ? s[0] : OwnRomanisation.revised(block));
        }
        return learned ? sb.toString() : "";
    }

    private static final String[] NONE = new String[0];

    private static Map<Integer, String[]> table() {
        Map<Integer, String[]> t = table;
        if (t == null) {
            Map<Integer, String[]> vowels = new HashMap<>();
            t = read(vowels);
            vowelTable = vowels;
            table = t;
        }
        return t;
    }

    /**
     * Reads the syllable rows ({@code syllable spelling pairs}) and the vowel rows ({@code V vowel open|closed
     * spelling pairs}) into {@code vowels}, keyed by vowel index × 2 + 1 for a syllable with a final.
     */
    private static Map<Integer, String[]> read(Map<Integer, String[]> vowels) {
        return BundledTables.read(HangulSpellings.class, RESOURCE, r -> read(r, vowels));
    }

    private static Map<Integer, String[]> read(BufferedReader r, Map<Integer, String[]> vowels) throws IOException {
        Map<Integer, String[]> out = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[0].equals("V")) {
                int key = (f[1].charAt(0) - 0x1161) * 2 + (f[2].equals("closed") ? 1 : 0);
                String[] old = vowels.getOrDefault(key, NONE);
                String[] now = java.util.Arrays.copyOf(old, old.length + 1);
                now[old.length] = f[3];
                vowels.put(key, now);
                continue;
            }
            int block = f[0].charAt(0) - 0xAC00;
            // the most frequent spelling first: it makes the word's learned reading (reading)
            String[] old = out.getOrDefault(block, NONE);
            String[] now = java.util.Arrays.copyOf(old, old.length + 1);
            int at = old.length;
            while (at > 0 && counts.get(block + "\t" + old[at - 1]) < Integer.parseInt(f[2])) {
                now[at] = old[at - 1];
                at--;
            }
            now[at] = f[1];
            counts.put(block + "\t" + f[1], Integer.parseInt(f[2]));
            out.put(block, now);
        }
        return out;
    }
}
