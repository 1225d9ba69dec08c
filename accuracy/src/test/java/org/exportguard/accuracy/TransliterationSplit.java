package org.exportguard.accuracy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The transliteration set cut in two halves, fixed for good: a pair is in the tuning half (which the learned
 * cross-script model is trained and calibrated on) or in the held-out half (which only measures it), by a hash of
 * the pair, so every language is split about evenly and the split never depends on file order.
 */
final class TransliterationSplit {
    private TransliterationSplit() {
    }

    static boolean isTuning(String lang, String latin, String nativeName) {
        CRC32 crc = new CRC32();
        crc.update((lang + '\t' + latin + '\t' + nativeName).getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 0;
    }

    /** Lower-case ASCII words of a Latin name: marks dropped, split at anything not a letter. */
    static List<String> latinWords(String latin) {
        String nfd = Normalizer.normalize(latin, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= nfd.length(); i++) {
            char c = i < nfd.length() ? nfd.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z') {
                cur.append(c);
            } else if (c < 128 && c != '\'' || Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
            }
        }
        return words;
    }

    /** Words of a native-script name, split at white space, hyphens and the katakana middle dot. */
    static List<String> nativeWords(String nativeName) {
        List<String> words = new ArrayList<>();
        for (String w : nativeName.split("[\\s\\-\u30FB\u00B7\u2010\u05BE=]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
