package org.exportguard.core.match.translit;

import com.ibm.icu.text.Transliterator;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a Latin word reads as syllables of a script's own romanisation: pinyin for Han (every toneless reading
 * ICU gives a character: "zhi", "qing"), Revised or McCune–Reischauer romanisation for Hangul (every block's
 * reading in either: "yeong", "yong", "chol"). A short Chinese or Korean word against such a word is a Chinese or
 * Korean name against a romanised one (志忠 / "zhiqing"), which its readings judge; the learned model, which knows how
 * foreign names are transcribed, would find some spelling for almost any two syllables there.
 *
 * <p>The syllable sets are built once from ICU and the jamo tables, about 400 pinyin and 1,500 Korean syllables.
 */
final class OwnRomanisation {
    /** Longest syllable of either set ("zhuang", "chuang", "kkwaeng"), bounding the search. */
    private static final int MAX_SYLLABLE = 8;

    private static volatile Set<String> pinyin;
    private static volatile Set<String> korean;

    private OwnRomanisation() {
    }

    /** True when {@code latin} reads as pinyin or as Korean syllables (either system). */
    static boolean isEastAsian(String latin) {
        return isPinyin(latin) || isKorean(latin);
    }

    /** True when {@code latin} is one or more pinyin syllables written together ("zhiqing", "li"). */
    static boolean isPinyin(String latin) {
        return splits(latin, pinyin());
    }

    /** True when {@code latin} is one or more Korean syllables, Revised or McCune–Reischauer ("cholsu", "gyeong"). */
    static boolean isKorean(String latin) {
        return splits(latin, korean());
    }

    private static boolean splits(String latin, Set<String> syllables) {
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
        return reach[n];
    }

    private static Set<String> pinyin() {
        Set<String> s = pinyin;
        if (s == null) {
            Set<String> out = new HashSet<>();
            for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
                String r = Graphemes.hanReading(cp);
                if (!r.isEmpty() && r.length() <= MAX_SYLLABLE) {
                    out.add(r);
                }
            }
            pinyin = s = out;
        }
        return s;
    }

    private static Set<String> korean() {
        Set<String> s = korean;
        if (s == null) {
            Transliterator rr = Transliterator.getInstance("Hangul-Latin; Latin-ASCII");
            Set<String> out = new HashSet<>();
            for (char c = 0xAC00; c <= 0xD7A3; c++) {
                add(out, rr.transliterate(String.valueOf(c)));
                add(out, Readings.mccuneReischauer(String.valueOf(c)));
            }
            korean = s = out;
        }
        return s;
    }

    private static void add(Set<String> out, String reading) {
        StringBuilder sb = new StringBuilder(reading.length());
        for (int i = 0; i < reading.length(); i++) {
            char c = Character.toLowerCase(reading.charAt(i));
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        if (sb.length() > 0 && sb.length() <= MAX_SYLLABLE) {
            out.add(sb.toString());
        }
    }
}
