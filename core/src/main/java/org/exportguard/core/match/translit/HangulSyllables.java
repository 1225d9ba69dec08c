package org.exportguard.core.match.translit;

import java.util.Set;

/**
 * Whether a Latin word is a Hangul word read syllable by syllable: one piece per block, each piece the block's
 * initial, vowel and final consonant as the Revised or the McCune–Reischauer romanisation writes them, the two systems
 * mixed freely part by part, since lists mix them ("Kim Jong Un": MR kim, RR j + MR o, MR un). A romanised Korean name
 * is read this way; the learned model, which knows how foreign names are transcribed and measures its evidence against
 * a letter model of mostly Western names, finds some spelling of nearly any Korean name in any other
 * ({@code Park Gyeongsu} / 김형규).
 */
final class HangulSyllables {
    // Revised (ICU writes a final by its letter, "gag"; the sound, "gak", is listed too) and McCune–Reischauer
    // spellings of each jamo, by index in the Unicode block decomposition.
    private static final String[][] INITIALS = {{"g", "k"}, {"kk"}, {"n"}, {"d", "t"}, {"tt"}, {"r", "l"}, {"m"},
            {"b", "p"}, {"pp"}, {"s"}, {"ss"}, {""}, {"j", "ch"}, {"jj", "tch"}, {"ch"}, {"k"}, {"t"}, {"p"}, {"h"}};
    private static final String[][] VOWELS = {{"a"}, {"ae"}, {"ya"}, {"yae"}, {"eo", "o"}, {"e"}, {"yeo", "yo"},
            {"ye"}, {"o"}, {"wa"}, {"wae"}, {"oe"}, {"yo"}, {"u"}, {"wo"}, {"we"}, {"wi"}, {"yu"}, {"eu", "u"},
            {"ui"}, {"i"}};
    private static final String[][] FINALS = {{""}, {"g", "k"}, {"kk", "k"}, {"gs", "k"}, {"n"}, {"nj", "n"},
            {"nh", "n"}, {"d", "t"}, {"l"}, {"lg", "k"}, {"lm", "m"}, {"lb", "l"}, {"ls", "l"}, {"lt", "l"},
            {"lp", "p"}, {"lh", "l"}, {"m"}, {"b", "p"}, {"bs", "p"}, {"s", "t"}, {"ss", "t"}, {"ng"}, {"j", "t"},
            {"ch", "t"}, {"k"}, {"t"}, {"p"}, {"h", "t"}};

    private static final String[] NONE = new String[0];

    private HangulSyllables() {
    }

    /**
     * The Hangul blocks of a word's units ({@link Graphemes}: conjoining jamo), as offsets from U+AC00, or null when
     * the units are not all Hangul.
     */
    static int[] blocks(String[] units) {
        int[] out = new int[units.length];
        int n = 0;
        for (int i = 0; i < units.length; ) {
            char l = units[i].charAt(0);
            if (units[i].length() != 1 || l < 0x1100 || l > 0x1112 || i + 1 >= units.length) {
                return null;
            }
            char v = units[i + 1].charAt(0);
            if (v < 0x1161 || v > 0x1175) {
                return null;
            }
            int t = 0;
            i += 2;
            if (i < units.length && units[i].charAt(0) >= 0x11A8 && units[i].charAt(0) <= 0x11C2) {
                t = units[i].charAt(0) - 0x11A7;
                i++;
            }
            out[n++] = ((l - 0x1100) * 21 + (v - 0x1161)) * 28 + t;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * True when {@code latin} is the blocks read one by one, each part in either romanisation or the block in one of
     * its learned spellings ({@link HangulSpellings}: "soo" for 수).
     */
    static boolean readsAs(int[] blocks, String latin) {
        return reads(blocks, latin, true);
    }

    /** As {@link #readsAs}, by the romanisation systems only. */
    static boolean readsByRule(int[] blocks, String latin) {
        return reads(blocks, latin, false);
    }

    /**
     * True when {@code latin} is one or more syllables of either romanisation or learned spellings ("parkgyeongsu"):
     * a romanised Korean name.
     */
    static boolean isKoreanName(String latin) {
        if (OwnRomanisation.isKorean(latin)) {
            return true;
        }
        Set<String> korean = OwnRomanisation.korean();
        Set<String> learned = HangulSpellings.all();
        int n = latin.length();
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int i = 0; i < n; i++) {
            for (int k = 1; reach[i] && k <= 8 && i + k <= n; k++) {
                String s = latin.substring(i, i + k);
                if (korean.contains(s) || learned.contains(s)) {
                    reach[i + k] = true;
                }
            }
        }
        return reach[n];
    }

    /** The blocks with the first (a Korean surname) moved to the end. */
    static int[] surnameLast(int[] blocks) {
        int[] out = new int[blocks.length];
        System.arraycopy(blocks, 1, out, 0, blocks.length - 1);
        out[blocks.length - 1] = blocks[0];
        return out;
    }

    private static boolean reads(int[] blocks, String latin, boolean learned) {
        boolean[] reach = new boolean[latin.length() + 1];
        reach[0] = true;
        for (int block : blocks) {
            boolean[] next = new boolean[latin.length() + 1];
            boolean any = false;
            for (int j = 0; j <= latin.length(); j++) {
                if (reach[j]) {
                    any |= step(block, latin, j, next, learned);
                    if (learned) {
                        for (String sp : HangulSpellings.of(block)) {
                            if (latin.startsWith(sp, j)) {
                                next[j + sp.length()] = true;
                                any = true;
                            }
                        }
                    }
                }
            }
            if (!any) {
                return false;
            }
            reach = next;
        }
        return reach[latin.length()];
    }

    /**
     * The spellings of the block's vowel that {@code part} shows, when it is the block with its initial and final as
     * either romanisation writes them and the vowel otherwise, in vowel letters ("nyung" for 녕: "yu" for ㅕ); empty
     * when none.
     */
    static java.util.List<String> vowelSpellings(int block, String part) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.List<String> rule = java.util.List.of(VOWELS[(block / 28) % 21]);
        for (String i : INITIALS[block / (21 * 28)]) {
            for (String f : FINALS[block % 28]) {
                if (part.length() > i.length() + f.length() && part.startsWith(i) && part.endsWith(f)) {
                    String v = part.substring(i.length(), part.length() - f.length());
                    // a vowel is written in vowel letters (w, y for its glide): "lim" for 임 is a consonant added
                    if (!rule.contains(v) && !out.contains(v) && v.chars().allMatch(c -> "aeiouwy".indexOf(c) >= 0)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** Marks in {@code next} every end of a reading of {@code block} that starts at {@code from}. */
    private static boolean step(int block, String latin, int from, boolean[] next, boolean learned) {
        boolean any = false;
        int vowel = (block / 28) % 21;
        String[] learnedVowels = learned ? HangulSpellings.vowels(vowel, block % 28 != 0) : NONE;
        for (String i : INITIALS[block / (21 * 28)]) {
            if (!latin.startsWith(i, from)) {
                continue;
            }
            for (int k = 0; k < VOWELS[vowel].length + learnedVowels.length; k++) {
                String v = k < VOWELS[vowel].length ? VOWELS[vowel][k] : learnedVowels[k - VOWELS[vowel].length];
                int at = from + i.length();
                if (!latin.startsWith(v, at)) {
                    continue;
                }
                for (String f : FINALS[block % 28]) {
                    if (latin.startsWith(f, at + v.length())) {
                        next[at + v.length() + f.length()] = true;
                        any = true;
                    }
                }
            }
        }
        return any;
    }
}
