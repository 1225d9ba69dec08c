package org.exportguard.core.match;

import com.ibm.icu.text.SpoofChecker;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Undoes what makes a name look the same to a reader but differ to a machine, before anything else reads it:
 * invisible format characters (soft hyphen U+00AD, zero-width joiners, bidi controls: Unicode category Cf),
 * trade-mark and similar symbols (™ ® ℠ © ℗, which NFKC would otherwise spell out as letters: "Group™" → "grouptm"),
 * and letters of another script that look Latin (Cyrillic В Н Р, Greek Ρ Ο ...) inside a Latin name, mapped to
 * their Latin skeleton as Unicode's confusables data (ICU's {@link SpoofChecker}) gives it.
 *
 * <p>Look-alike letters are mapped only where the rest of the name is Latin: a word that mixes Latin letters with
 * look-alikes, or a word made only of look-alikes beside Latin words. A name written in Cyrillic is left alone.
 */
public final class Disguises {
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Latin skeleton of each non-Latin letter asked about; "" when it has none. */
    private static final ConcurrentHashMap<Integer, String> LATIN_OF = new ConcurrentHashMap<>();

    private Disguises() {
    }

    /** {@code name} with format characters and symbols removed and look-alike letters made Latin. */
    static String undo(String name) {
        if (ScriptTransliterator.isAscii(name)) {
            return smallLsAmongCapitals(name);
        }
        String cleaned = stripInvisibleAndSymbols(name);
        return hasLatinLetter(cleaned) ? smallLsAmongCapitals(foldLookAlikes(cleaned)) : cleaned;
    }

    /**
     * A small l inside a word otherwise in capitals is a capital I ("lRGC", "HlZBALLAH": Unicode's confusables give I
     * and l one skeleton, and lower-casing would make them two letters): words with two capitals or more whose only
     * small letters are l. A word in title case ("Al", "Ali") has one capital and is left alone.
     */
    static String smallLsAmongCapitals(String name) {
        if (name.indexOf('l') < 0) {
            return name;
        }
        char[] out = null;
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i < name.length() && Character.isLetter(name.charAt(i))) {
                continue;
            }
            int capitals = 0;
            boolean otherSmall = false;
            boolean anyL = false;
            for (int k = start; k < i; k++) {
                char c = name.charAt(k);
                capitals += c >= 'A' && c <= 'Z' ? 1 : 0;
                anyL |= c == 'l';
                otherSmall |= c != 'l' && !(c >= 'A' && c <= 'Z');
            }
            if (anyL && capitals >= 2 && !otherSmall) {
                out = out == null ? name.toCharArray() : out;
                for (int k = start; k < i; k++) {
                    out[k] = out[k] == 'l' ? 'I' : out[k];
                }
            }
            start = i + 1;
        }
        return out == null ? name : new String(out);
    }

    private static String stripInvisibleAndSymbols(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean drop = Character.getType(c) == Character.FORMAT || isMarkSymbol(c);
            if (drop && sb == null) {
                sb = new StringBuilder(name.length()).append(name, 0, i);
            } else if (!drop && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? name : sb.toString();
    }

    /** ™ ® ℠ © ℗: marks about a name, not part of it. */
    static boolean isMarkSymbol(char c) {
        return c == '\u2122' || c == '\u00AE' || c == '\u2120' || c == '\u00A9' || c == '\u2117';
    }

    private static boolean hasLatinLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Maps the look-alike letters of each word that may be disguised (see the class comment). */
    private static String foldLookAlikes(String name) {
        String[] words = name.split("(?<=\\s)|(?=\\s)");
        int latinWords = 0;
        for (String w : words) {
            latinWords += isAllLatin(w) && hasLatinLetter(w) ? 1 : 0;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (String w : words) {
            boolean mixed = hasLatinLetter(w) && !isAllLatin(w);
            boolean foreignBesideLatin = latinWords > 0 && !hasLatinLetter(w);
            out.append(mixed || foreignBesideLatin ? foldWord(w) : w);
        }
        return out.toString();
    }

    /** The word with every non-Latin letter replaced by its Latin look-alike, or unchanged if one has none. */
    private static String foldWord(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); ) {
            int cp = w.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                sb.appendCodePoint(cp);
                continue;
            }
            String latin = latinLookAlike(cp);
            if (latin.isEmpty()) {
                return w;
            }
            sb.append(latin);
        }
        return sb.toString();
    }

    private static boolean isAllLatin(String w) {
        for (int i = 0; i < w.length(); ) {
            int cp = w.codePointAt(i);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * Each small ASCII letter's confusables skeleton where it is other letters, from ICU's data once: only "m" is
     * ("rn", which most type faces draw alike: "Harnas" for "Hamas", "Kirn" for "Kim").
     */
    private static final String[] LETTER_SKELETONS = letterSkeletons();

    private static String[] letterSkeletons() {
        String[] out = new String[26];
        for (char c = 'a'; c <= 'z'; c++) {
            String s = SPOOF.getSkeleton(String.valueOf(c));
            out[c - 'a'] = !s.equals(String.valueOf(c)) && s.chars().allMatch(x -> x >= 'a' && x <= 'z') ? s : null;
        }
        return out;
    }

    /**
     * The confusables skeleton of a word of small ASCII letters ("kim" → "kirn"), the word itself when it has no
     * letter whose skeleton is other letters. Two words with one skeleton read alike and differ to a machine.
     */
    public static String lookAlikeSkeleton(String word) {
        StringBuilder sb = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            String s = c >= 'a' && c <= 'z' ? LETTER_SKELETONS[c - 'a'] : null;
            if (s != null && sb == null) {
                sb = new StringBuilder(word.length() + 2).append(word, 0, i);
            }
            if (sb != null) {
                sb.append(s != null ? s : String.valueOf(c));
            }
        }
        return sb == null ? word : sb.toString();
    }

    /** True for two different words of small ASCII letters that read alike ({@link #lookAlikeSkeleton}). */
    static boolean readAlike(String a, String b) {
        return !a.equals(b) && Math.min(a.length(), b.length()) >= 3
                && lookAlikeSkeleton(a).equals(lookAlikeSkeleton(b));
    }

    /** The ASCII letter(s) {@code cp} is confusable with (its confusables skeleton), or "" when none. */
    static String latinLookAlike(int cp) {
        return LATIN_OF.computeIfAbsent(cp, c -> {
            String skeleton = SPOOF.getSkeleton(new String(Character.toChars(c)));
            if (skeleton.isEmpty() || skeleton.length() > 2) {
                return "";
            }
            for (int i = 0; i < skeleton.length(); i++) {
                char s = skeleton.charAt(i);
                if (!((s >= 'a' && s <= 'z') || (s >= 'A' && s <= 'Z'))) {
                    return "";
                }
            }
            return skeleton;
        });
    }
}
