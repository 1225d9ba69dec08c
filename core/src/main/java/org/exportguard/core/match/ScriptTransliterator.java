package org.exportguard.core.match;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a name in any script into lower-case ASCII Latin, word by word.
 *
 * <p>ASCII words pass straight through and accented Latin only loses its marks (both are cheap); other scripts go
 * through ICU4J ({@code Russian-Latin/BGN} first so Cyrillic reads the way English-language lists spell it, then
 * {@code Any-Latin; Latin-ASCII}). ICU is slow (tens of microseconds a word), so results are cached per word:
 * names repeat their words a great deal.
 */
final class ScriptTransliterator {
    private static final String ICU_ID = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";
    private static final int CACHE_LIMIT = 200_000;

    private static final ThreadLocal<Transliterator> ICU =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(ICU_ID));
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private ScriptTransliterator() {
    }

    /** Lower-case ASCII form of {@code text}; punctuation is kept for the tokenizer to deal with. */
    static String toAscii(String text) {
        if (isAscii(text)) {
            return lowerAscii(text);
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length() + 8);
        int start = 0;
        for (int i = 0; i <= nfkc.length(); i++) {
            if (i == nfkc.length() || Character.isWhitespace(nfkc.charAt(i))) {
                if (i > start) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(wordToAscii(nfkc.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** One whitespace-free word to lower-case ASCII (cached). */
    static String wordToAscii(String word) {
        if (isAscii(word)) {
            return lowerAscii(word);
        }
        String cached = CACHE.get(word);
        if (cached != null) {
            return cached;
        }
        String latin = isLatinWithMarks(word) ? stripMarks(word) : null;
        if (latin == null) {
            latin = ICU.get().transliterate(Normalizer.normalize(word, Normalizer.Form.NFKC));
            if (isSyllabic(word)) {
                // ICU writes Han characters as separate syllables, and marks some Hangul syllable boundaries with
                // a hyphen (김성균 → gimseong-gyun); a name written without spaces is one word.
                latin = latin.replace(" ", "").replace("-", "");
            }
        }
        latin = lowerAscii(keepAscii(latin));
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(word, latin);
        return latin;
    }

    /** True when every letter is Latin and decomposes to ASCII plus combining marks (é, ü, ç ...). */
    static boolean isLatinWithMarks(String word) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (c >= 128 && Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return true;
    }

    private static String stripMarks(String word) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (c < 128) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String keepAscii(String s) {
        if (isAscii(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Marks such as BGN's middle dot or ICU's modifier letters are dropped, not turned into word breaks.
            if (c < 128) {
                sb.append(c);
            } else if (Character.isWhitespace(c)) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /**
     * True when the word is written in a script that leaves out short vowels (Arabic, Hebrew, Syriac, Thaana):
     * its Latin form is close to a consonant skeleton and must be compared as one.
     */
    static boolean isAbjad(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c >= 0x0590 && c <= 0x07BF) || (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF)
                    || (c >= 0xFE70 && c <= 0xFEFF)) {
                return true;
            }
        }
        return false;
    }

    /** True when the word has Han, kana or Hangul: scripts that write a name as one run of syllables. */
    static boolean isSyllabic(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                    || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static String lowerAscii(String s) {
        char[] cs = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (cs == null) {
                    cs = s.toCharArray();
                }
                cs[i] = (char) (c + 32);
            }
        }
        return cs == null ? s : new String(cs);
    }
}
