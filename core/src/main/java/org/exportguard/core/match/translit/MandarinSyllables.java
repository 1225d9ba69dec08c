package org.exportguard.core.match.translit;

import java.util.HashSet;
import java.util.Set;

/**
 * The toneless Mandarin syllables of pinyin ({@code zhang}, {@code xiao}, {@code ming} ...), and whether a Latin word
 * is written wholly in them. A Chinese name part read by ICU is one exact pinyin spelling; a listed Latin word that is
 * itself pinyin but another spelling ({@code cheng} / {@code chen}, {@code feng} / {@code fang}) names other
 * characters, so another person, not a typo of the same one.
 *
 * <p>The syllables are {@link OwnRomanisation}'s (every reading ICU4J's {@code Han-Latin} gives the CJK Unified
 * Ideographs, a resource checked against ICU by its test), but the interjections without a vowel ({@code m},
 * {@code ng}, {@code hm}): they would let a Latin name ending in m (Sam, Tom) count as pinyin here.
 */
public final class MandarinSyllables {
    private static final Set<String> SYLLABLES = load();

    private MandarinSyllables() {
    }

    /** Whether the word is one or more pinyin syllables written together ({@code xiaoming}, {@code zhang}). */
    public static boolean isPinyin(String word) {
        return !word.isEmpty() && OwnRomanisation.splits(word, SYLLABLES);
    }

    static Set<String> syllables() {
        return SYLLABLES;
    }

    /** {@link OwnRomanisation}'s pinyin syllables, but the interjections without a vowel. */
    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        for (String syllable : OwnRomanisation.readPinyin()) {
            if (syllable.matches(".*[aeiouv].*")) {
                out.add(syllable);
            }
        }
        return Set.copyOf(out);
    }
}
