package org.exportguard.core.match.translit;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Other romanisations of a word than the engine's main one (ICU {@code Any-Latin}): the same name is found on
 * lists under more than one system, so a native word is compared with a Latin word by its best reading.
 *
 * <ul>
 *   <li>Han: ICU {@code Han-Latin/Names} (surname readings: 单 shan, 曾 zeng, 解 xie);</li>
 *   <li>Hangul: a McCune–Reischauer-like reading (written here from the jamo: 정 chong, 김 kim, 성 song, 은 un,
 *       the system behind most North Korean names on lists), beside ICU's Revised Romanisation; and the syllables'
 *       common spellings learned from the tuning half ({@link HangulSpellings}: 이재원 leejaewon);</li>
 *   <li>Hebrew and Arabic: ICU {@code Hebrew-Latin/BGN} and {@code Arabic-Latin/BGN};</li>
 *   <li>kana: ICU {@code Katakana-Latin/BGN}.</li>
 * </ul>
 *
 * <p>All transliterator IDs are ones ICU4J ships ({@code Transliterator.getAvailableIDs()}). Readings are lower-case
 * ASCII, written as one word (spaces and hyphens dropped), without the main reading, cached per word; at most
 * {@value #MAX} per word, so the index keys they add stay bounded.
 */
public final class Readings {
    static final int MAX = 2;
    private static final int CACHE_LIMIT = 100_000;
    private static final Map<String, String[]> CACHE = new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, Transliterator>> ICU = ThreadLocal.withInitial(java.util.HashMap::new);

    private static final String[] MR_INITIALS = {"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch",
            "tch", "ch", "k", "t", "p", "h"};
    private static final String[] MR_VOWELS = {"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
    private static final String[] MR_FINALS = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p",
            "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

    private Readings() {
    }

    /** The other readings of one whitespace-free word, excluding {@code main}; empty for Latin and other scripts. */
    public static String[] of(String word, String main) {
        String[] cached = CACHE.get(word);
        if (cached == null) {
            cached = compute(word, main);
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(word, cached);
        }
        return cached;
    }

    private static String[] compute(String word, String main) {
        List<String> out = new ArrayList<>(MAX);
        String nfc = Normalizer.normalize(word, Normalizer.Form.NFKC);
        boolean han = false;
        boolean hangul = false;
        boolean kana = false;
        boolean hebrew = false;
        boolean arabic = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            switch (Character.UnicodeScript.of(cp)) {
                case HAN -> han = true;
                case HANGUL -> hangul = true;
                case HIRAGANA, KATAKANA -> kana = true;
                case HEBREW -> hebrew = true;
                case ARABIC -> arabic = true;
                default -> {
                }
            }
        }
        if (han) {
            add(out, main, icu("Han-Latin/Names; Any-Latin; Latin-ASCII", nfc));
        }
        if (hangul) {
            add(out, main, mccuneReischauer(nfc));
            add(out, main, HangulSpellings.reading(nfc));
        }
        if (kana) {
            add(out, main, icu("Hiragana-Katakana; Katakana-Latin/BGN; Any-Latin; Latin-ASCII", nfc));
        }
        if (hebrew) {
            add(out, main, icu("Hebrew-Latin/BGN; Any-Latin; Latin-ASCII", nfc));
        }
        if (arabic) {
            add(out, main, icu("Arabic-Latin/BGN; Any-Latin; Latin-ASCII", nfc));
        }
        return out.toArray(new String[0]);
    }

    private static void add(List<String> out, String main, String reading) {
        if (reading.length() >= 2 && !reading.equals(main) && !out.contains(reading) && out.size() < MAX) {
            out.add(reading);
        }
    }

    private static String icu(String id, String word) {
        Transliterator t = ICU.get().computeIfAbsent(id, Transliterator::getInstance);
        return letters(t.transliterate(word));
    }

    /** A McCune–Reischauer-like reading without diacritics: 정은 → chongun, 김영수 → kimyongsu. */
    static String mccuneReischauer(String word) {
        StringBuilder sb = new StringBuilder(word.length() * 3);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                int s = c - 0xAC00;
                sb.append(MR_INITIALS[s / (21 * 28)]).append(MR_VOWELS[(s / 28) % 21]).append(MR_FINALS[s % 28]);
            }
        }
        return sb.toString();
    }

    /** Lower-case a-z only: ICU's apostrophes, modifier letters, leftover marks and spaces dropped. */
    private static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * One Han character alone: a Chinese surname or one-syllable given name (李, 成). Two characters are left out: they
     * are as often a Western name transcribed (西蒙 Simon, 莱恩 Laine), and such Latin names are often shaped like
     * pinyin.
     */
    public static boolean isChineseSyllable(String word) {
        int n = word.codePointCount(0, word.length());
        return n == 1 && word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN);
    }

    /**
     * For a word of one or two Hangul syllables and nothing else (a Korean surname or given name), the syllables whose
     * vowel every romanisation writes: all but a ㅡ with no final consonant, the vowel Korean adds to break up foreign
     * consonant clusters (마크 "Mark"), which a Latin spelling leaves out. 0 for any other word, and for one that looks
     * like a foreign name transcribed ({@link HangulOrigin}: 제이 Jay, 레이 Rey, whose diphthong takes two syllables).
     */
    public static int koreanSyllables(String word) {
        String nfc = Normalizer.normalize(word, Normalizer.Form.NFC);
        int n = nfc.length();
        if (n < 1 || n > 2) {
            return 0;
        }
        int voiced = 0;
        for (int k = 0; k < n; k++) {
            int s = nfc.charAt(k) - 0xAC00;
            if (s < 0 || s >= 11172) {
                return 0;
            }
            int vowel = (s / 28) % 21;
            int fin = s % 28;
            voiced += vowel == 18 && fin == 0 ? 0 : 1; // 18: ㅡ
        }
        // a foreign name transcribed (제이 Jay, 로이 Roy) writes a diphthong in two syllables: not a Korean name part
        return HangulOrigin.shared().looksTranscribed(nfc) ? 0 : voiced;
    }

    /**
     * Whether a word in Arabic script ends in yeh (ي Arabic, ی Persian), read as a final -i: the nisba of surnames
     * (اشرفی Ashrafi, هاشمی Hashemi) and given names (علي Ali). Not alef maksura (ى), which is read -a (موسى Musa).
     */
    public static boolean endsInYeh(String word) {
        String letters = word.strip();
        int n = letters.length();
        return n >= 2 && (letters.charAt(n - 1) == '\u064A' || letters.charAt(n - 1) == '\u06CC');
    }
}
