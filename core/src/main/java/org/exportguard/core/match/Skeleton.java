package org.exportguard.core.match;

/**
 * A crude consonant key for a word: vowels and the half-vowels w, y, h dropped, look-alike consonants merged,
 * doubled letters collapsed ("ph" → f, p → b, "ch" → s, c/q → k, z → s, j → g, "ts" → s). Scripts that write no short vowels (Arabic, Hebrew) transliterate to roughly the
 * consonants of the Latin spelling, so "mhmd" and "muhammad" share the key "mmd". It is a last resort in token
 * similarity and an extra candidate key in the index, never evidence on its own.
 */
final class Skeleton {
    private Skeleton() {
    }

    /** The key, or null when the word has fewer than three consonants left (too short to tell names apart). */
    static String of(String word) {
        String k = loose(word);
        return k != null && k.length() >= 3 ? k : null;
    }

    /**
     * The key of any length (null when empty), for comparing a word written in an abjad with a Latin spelling:
     * there even two consonants ("nd" for "nida" / "nayda") are all there is.
     */
    static String loose(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            char k;
            switch (c) {
                case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': case 'h': case 'v':
                    continue;
                case 'p':
                    // Arabic has no p: Latin p and b meet.
                    k = next == 'h' ? 'f' : 'b';
                    break;
                case 'c':
                    k = next == 'h' ? 's' : 'k';
                    break;
                case 'q': case 'k':
                    k = 'k';
                    break;
                case 'z':
                    k = 's';
                    break;
                case 'j':
                    k = 'g';
                    break;
                case 'd':
                    // "dj" and "dzh" are one sound; the j/zh that follows carries it.
                    if (next == 'j' || next == 'z') {
                        continue;
                    }
                    k = 'd';
                    break;
                case 't':
                    // "ts"/"tz" and a lone "t" before "s" merge with "s" spellings ("Kuznetsov" / "Kuznezov").
                    if (next == 's' || next == 'z') {
                        continue;
                    }
                    k = 't';
                    break;
                default:
                    if (c < 'a' || c > 'z') {
                        continue;
                    }
                    k = c;
            }
            if (k != last) {
                sb.append(k);
                last = k;
            }
        }
        return sb.length() > 0 ? sb.toString() : null;
    }
}
