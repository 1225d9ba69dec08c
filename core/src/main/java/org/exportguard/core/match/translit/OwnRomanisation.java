package org.exportguard.core.match.translit;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a Latin word reads as syllables of a script's own romanisation: pinyin for Han (every toneless reading
 * ICU gives a character: "zhi", "qing"), Revised or McCune–Reischauer romanisation for Hangul (every block's
 * reading in either: "yeong", "yong", "chol"). A short Chinese or Korean word against such a word is a Chinese or
 * Korean name against a romanised one (志忠 / "zhiqing"), which its readings judge; the learned model, which knows how
 * foreign names are transcribed, would find some spelling for almost any two syllables there.
 *
 * <p>The syllable sets are read or built once: 411 pinyin syllables (a resource written from ICU) and every Hangul
 * block's readings from the jamo tables.
 */
public final class OwnRomanisation {
    static final String PINYIN = "/org/exportguard/core/match/translit/pinyin-syllables.txt";
    /** Longest syllable of either set ("zhuang", "chuang", "kkwaeng"), bounding the search. */
    private static final int MAX_SYLLABLE = 8;

    private static volatile Set<String> pinyin;
    private static volatile Set<String> korean;

    private OwnRomanisation() {
    }

    /**
     * True when {@code latin} reads as pinyin or as Korean syllables (either system); cached, since screening asks it
     * of the same listed words again and again.
     */
    static boolean isEastAsian(String latin) {
        Boolean known = CACHE.get(latin);
        if (known == null) {
            known = isPinyin(latin) || isKorean(latin);
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(latin, known);
        }
        return known;
    }

    private static final int CACHE_LIMIT = 100_000;
    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    /**
     * As {@link #isPinyin}, cached: a short Han word is judged against pinyin only (a Latin word that reads as Korean
     * syllables, {@code merwin}, {@code bud}, is no Chinese romanisation), and screening asks it of the same words.
     */
    public static boolean readsAsPinyin(String latin) {
        Boolean known = PINYIN_CACHE.get(latin);
        if (known == null) {
            known = isPinyin(latin);
            if (PINYIN_CACHE.size() > CACHE_LIMIT) {
                PINYIN_CACHE.clear();
            }
            PINYIN_CACHE.put(latin, known);
        }
        return known;
    }

    private static final Map<String, Boolean> PINYIN_CACHE = new ConcurrentHashMap<>();

    /** True when {@code latin} is one or more pinyin syllables written together ("zhiqing", "li"). */
    static boolean isPinyin(String latin) {
        return splits(latin, pinyin());
    }

    /** True when {@code latin} is one or more Korean syllables, Revised or McCune–Reischauer ("cholsu", "gyeong"). */
    static boolean isKorean(String latin) {
        return splits(latin, korean());
    }

    /** Whether {@code latin} is one or more of {@code syllables} written together. */
    static boolean splits(String latin, Set<String> syllables) {
        int n = latin.length();
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int i = 0; i < n; i++) {
            if (!reach[i]) {
                continue;
            }
            for (int k = 1; k <= MAX_SYLLABLE && i + k <= n; k++) {
                if (syllables.contains(latin.substring(i, i + k))) {
                    reach[i + k] = true;
                }
            }
        }
        return n > 0 && reach[n]; // no letters are no syllables
    }

    private static Set<String> pinyin() {
        Set<String> s = pinyin;
        if (s == null) {
            pinyin = s = readPinyin();
        }
        return s;
    }

    /** The pinyin syllables of {@value #PINYIN}, written from ICU (building them from ICU at run time takes seconds). */
    static Set<String> readPinyin() {
        return BundledTables.read(OwnRomanisation.class, PINYIN, r -> {
            Set<String> out = new HashSet<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.trim());
                }
            }
            return out;
        });
    }

    /**
     * Every Hangul block's reading in the Revised Romanisation as ICU writes it one block at a time (finals
     * transliterated: 각 "gag", 닭 "dalg") and in the McCune–Reischauer-like reading of {@link Readings}, from the jamo.
     */
    static Set<String> korean() {
        Set<String> s = korean;
        if (s == null) {
            Set<String> out = new HashSet<>();
            for (char c = 0xAC00; c <= 0xD7A3; c++) {
                int k = c - 0xAC00;
                out.add(RR_INITIALS[k / (21 * 28)] + RR_VOWELS[(k / 28) % 21] + RR_FINALS[k % 28]);
                out.add(Readings.mccuneReischauer(String.valueOf(c)));
            }
            korean = s = out;
        }
        return s;
    }

    /** A block (offset from U+AC00) in the Revised Romanisation as ICU writes one block. */
    static String revised(int k) {
        return RR_INITIALS[k / (21 * 28)] + RR_VOWELS[(k / 28) % 21] + RR_FINALS[k % 28];
    }

    private static final String[] RR_INITIALS = {"g", "kk", "n", "d", "tt", "l", "m", "b", "pp", "s", "ss", "", "j",
            "jj", "ch", "k", "t", "p", "h"};
    private static final String[] RR_VOWELS = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};
    private static final String[] RR_FINALS = {"", "g", "kk", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls",
            "lt", "lp", "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"};
}
