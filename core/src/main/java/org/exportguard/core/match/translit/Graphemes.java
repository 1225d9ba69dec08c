package org.exportguard.core.match.translit;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts a word written in a non-Latin script into the units whose Latin spellings {@link TransliterationModel}
 * learns: a letter of an alphabet or abjad (Cyrillic, Hebrew, Arabic), a Hangul jamo (a syllable block is split
 * into its initial, vowel and final, so 김 and 금 share what they share), a kana with the small kana that modifies
 * it (ジェ is one sound, "je"), and a Han character by its toneless Mandarin reading, cut like a Hangul block into
 * its initial consonant and its final ("H:k" "H-e" for 克 ke): every character read with a "k" shares what was learned
 * of "k", so a character or a syllable unseen in training still has a spelling. (Whole syllables as units fitted the
 * training half: 99% of its Chinese words against 68% of new ones; initial and final: 95% against 82%.)
 *
 * <p>Vowel points and harakat are dropped (most names are written without them); a Hebrew geresh stays with its
 * letter (ג׳ is "j"). Hiragana is read as katakana. A word with characters of any other kind (Latin letters,
 * digits, Devanagari ...) has no units: the model does not speak for it.
 */
public final class Graphemes {
    /**
     * Fewest syllables (Han characters, Hangul blocks, kana) a word needs for the model to judge it as usual. The
     * model knows how foreign names are transcribed; a one- or two-syllable word is most often a Chinese, Korean or
     * Japanese name itself (李, 雅雯, 성호), whose own romanisation its reading already gives, and against a
     * romanised East Asian name the model finds some spelling for nearly any two syllables: such a word is
     * {@link #isShort short}.
     */
    static final int MIN_SYLLABLES = 3;
    private static final String SMALL_KANA = "ァィゥェォャュョヮ";
    private static final ThreadLocal<Transliterator> PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    private static final ConcurrentHashMap<Integer, String> HAN_READINGS = new ConcurrentHashMap<>();

    private Graphemes() {
    }

    /** The units of {@code word}, or null when it holds anything the model has no units for. */
    public static String[] of(String word) {
        // NFD drops vowel points and harakat as marks and splits Hangul blocks into jamo; kana keep their voicing
        // marks composed (ブ, not フ + ゛), so they are composed again.
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        List<String> units = new ArrayList<>(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp == 0x3099 || cp == 0x309A) && !units.isEmpty()) {
                int last = units.size() - 1;
                units.set(last, Normalizer.normalize(units.get(last) + (char) cp, Normalizer.Form.NFC));
                continue;
            }
            if (cp == 0x30FC) { // katakana long vowel mark: a unit of its own (the vowel before it, or nothing)
                units.add("ー");
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || cp == 0x0640 /* tatweel */) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (isGeresh(cp)) {
                if (units.isEmpty()) {
                    continue;
                }
                int last = units.size() - 1;
                units.set(last, units.get(last) + '\'');
                continue;
            }
            switch (script) {
                case HEBREW, ARABIC, CYRILLIC -> {
                    if (!Character.isLetter(cp)) {
                        return null;
                    }
                    units.add(new String(Character.toChars(Character.toLowerCase(cp))));
                }
                case HANGUL -> {
                    units.add(new String(Character.toChars(cp)));
                }
                case HIRAGANA, KATAKANA -> {
                    int k = cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp;
                    String unit = new String(Character.toChars(k));
                    if (!units.isEmpty() && unit.length() == 1 && SMALL_KANA.indexOf(unit.charAt(0)) >= 0
                            && !isHan(units.get(units.size() - 1))) {
                        int last = units.size() - 1;
                        units.set(last, units.get(last) + unit);
                    } else {
                        units.add(unit);
                    }
                }
                case HAN -> {
                    String reading = hanReading(cp);
                    if (reading.isEmpty()) {
                        return null;
                    }
                    int k = initialLength(reading);
                    if (k > 0) {
                        units.add("H:" + reading.substring(0, k));
                    }
                    units.add("H-" + reading.substring(k));
                }
                default -> {
                    return null;
                }
            }
        }
        return units.isEmpty() ? null : units.toArray(new String[0]);
    }

    /**
     * True for a word of one or two syllables in Han, Hangul or kana (see {@link #MIN_SYLLABLES}), which the model
     * holds to more ({@link TransliterationModel#similarity(String[], String)}).
     */
    public static boolean isShort(String[] units) {
        int syllables = 0;
        for (String u : units) {
            char c = u.charAt(0);
            if (u.startsWith("H-") || c >= 0x1100 && c <= 0x1112 || c >= 0x30A1 && c <= 0x30FA) {
                syllables++; // a Han final, a Hangul initial consonant (one a block), a kana
            } else if (c != 0x30FC && !u.startsWith("H:") && !(c >= 0x1161 && c <= 0x11C2)) {
                return false; // a letter of an alphabet or abjad
            }
        }
        return syllables < MIN_SYLLABLES;
    }

    /** True for a unit of a Hangul block (a conjoining jamo). */
    static boolean isHangul(String unit) {
        char c = unit.charAt(0);
        return c >= 0x1100 && c <= 0x11FF;
    }

    /** True for a unit of a Han character (its reading's initial or final). */
    static boolean isHan(String unit) {
        return unit.startsWith("H:") || unit.startsWith("H-");
    }

    /** Letters of a pinyin syllable's initial consonant ("zh" of "zhuang", "k" of "ke"), 0 for none ("ai", "er"). */
    static int initialLength(String reading) {
        if (reading.startsWith("zh") || reading.startsWith("ch") || reading.startsWith("sh")) {
            return 2;
        }
        return reading.length() > 1 && "bpmfdtnlgkhjqxrzcsyw".indexOf(reading.charAt(0)) >= 0 ? 1 : 0;
    }

    private static boolean isGeresh(int cp) {
        return cp == '\'' || cp == 0x05F3 || cp == 0x2019 || cp == 0x05F4 || cp == '"';
    }

    /** The toneless Mandarin reading of one Han character ("ge"), cached: ICU costs microseconds a call. */
    static String hanReading(int cp) {
        return HAN_READINGS.computeIfAbsent(cp, c -> {
            String latin = PINYIN.get().transliterate(new String(Character.toChars(c)));
            StringBuilder sb = new StringBuilder(latin.length());
            for (int i = 0; i < latin.length(); i++) {
                char ch = Character.toLowerCase(latin.charAt(i));
                if (ch >= 'a' && ch <= 'z') {
                    sb.append(ch);
                }
            }
            return sb.toString();
        });
    }
}
