package org.exportguard.core.match;

import java.lang.Character.UnicodeScript;

/**
 * Whether weak evidence (a similarity from 0.80 up to {@link #STRONG}, by the learned model or by a reading's
 * spelling likeness) that a Latin word spells a word written in Arabic script or Cyrillic stands. Those scripts write
 * each consonant of a name with one letter that has one Latin spelling (short vowels aside), so their readings
 * already carry the Latin word's consonants: a Latin word that is only weakly like the native word and whose
 * consonants are not a reading's is another name ({@code Уваров} uvarov / {@code IVANOV}, {@code سماوات} smawat /
 * {@code CEMENT}, {@code Турова} / {@code TSAROV}), while one that keeps them is a spelling the model does not favour
 * ({@code محمد} mhmd / {@code MOHAMMAD}, 0.84). Hebrew (ב b or v, ו v, o or u, כ k or kh) and Hangul (ㄱ g or k, ㄹ
 * r or l, vowels added to consonant clusters) read their letters several ways, so there weak evidence stands: without
 * the model's weak band the tuning half lost 36 Hebrew and 50 Korean pairs, and no Arabic or Russian one.
 */
final class WeakTransliteration {
    /** The similarity from which a cross-script match is sure enough alone (the model's threshold). */
    static final float STRONG = 0.85f;

    private WeakTransliteration() {
    }

    /**
     * Whether a similarity {@code sim} of native word {@code i} of {@code t} and {@code latin} stands: always from
     * {@link #STRONG}; under it, for Arabic script and Cyrillic, only when the Latin word keeps the consonants of a
     * reading (their {@link Skeleton#loose} keys agree).
     */
    static boolean stands(NameTokens t, int i, String latin, String latinSkeleton, float sim) {
        if (sim >= STRONG || !consonantsReadOneToOne(t.nativeUnits[i])) {
            return true;
        }
        // the words' skeletons are computed once per name (null under three consonants): only then computed here
        String key = latinSkeleton != null ? latinSkeleton : Skeleton.loose(latin);
        if (key == null) {
            return false;
        }
        if (keepsConsonants(t.text[i], t.skeleton[i], key)) {
            return true;
        }
        String[] readings = t.readings(i);
        for (int k = 0; k < readings.length; k++) {
            if (keepsConsonants(readings[k], t.readingSkeleton[i][k], key)) {
                return true;
            }
        }
        return false;
    }

    /** Fewest consonants in which one may be spelled another way ({@code fysl} / {@code faycal}: ص as c). */
    static final int MIN_KEY_FOR_ONE_OTHER = 3;

    static boolean keepsConsonants(String reading, String latinKey) {
        return keepsConsonants(reading, null, latinKey);
    }

    /**
     * Whether a reading (with its {@link Skeleton#of} key, or null) and a Latin word's consonant key agree: equal, or
     * of three consonants or more with one consonant spelled another way (French c for ص: {@code fysl} / {@code
     * faycal}, ث as s: {@code trath} / {@code toras}), the reading also without the Arabic article the Latin word may
     * write apart ({@code altrath}).
     */
    private static boolean keepsConsonants(String reading, String readingKey, String latinKey) {
        String key = readingKey != null ? readingKey : Skeleton.loose(reading);
        if (key == null) {
            return false;
        }
        if (agrees(key, 0, latinKey)) {
            return true;
        }
        // "al" + word keys as "l" + the word's key (unless the word's own key starts with l: then it is the same key)
        return reading.startsWith("al") && reading.length() > 4 && reading.charAt(2) != 'l' && key.charAt(0) == 'l'
                && !latinKey.startsWith("l") && agrees(key, 1, latinKey);
    }

    /** Whether {@code key} from {@code from} and {@code latinKey} are equal or, from three consonants, one apart. */
    private static boolean agrees(String key, int from, String latinKey) {
        int n = key.length() - from;
        if (n != latinKey.length()) {
            return false;
        }
        int differ = 0;
        for (int k = 0; k < n && differ <= 1; k++) {
            differ += key.charAt(from + k) != latinKey.charAt(k) ? 1 : 0;
        }
        return differ == 0 || differ == 1 && n >= MIN_KEY_FOR_ONE_OTHER;
    }

    /** Arabic script (Arabic, Persian, Urdu) and Cyrillic: one letter, one consonant. */
    static boolean consonantsReadOneToOne(String[] units) {
        if (units == null || units.length == 0 || units[0].isEmpty()) {
            return false;
        }
        UnicodeScript s = UnicodeScript.of(units[0].codePointAt(0));
        return s == UnicodeScript.ARABIC || s == UnicodeScript.CYRILLIC;
    }
}
