package org.exportguard.core.match;

/**
 * The script a word was written in before it became ASCII. Two Latin spellings that differ by two letters are
 * usually two names; a transliteration from another script varies that much by convention alone, so it is
 * compared more leniently, and an abjad (Arabic, Hebrew: short vowels unwritten) by its consonants.
 */
enum WordOrigin {
    LATIN, ABJAD,
    /** Han, kana, Hangul: romanised by fixed syllable tables, so spellings are compared like Latin ones. */
    SYLLABIC,
    OTHER_SCRIPT;

    static WordOrigin of(String rawWord) {
        if (ScriptTransliterator.isAscii(rawWord)) {
            return LATIN;
        }
        if (ScriptTransliterator.isAbjad(rawWord)) {
            return ABJAD;
        }
        if (ScriptTransliterator.isSyllabic(rawWord)) {
            return SYLLABIC;
        }
        return ScriptTransliterator.isLatinWithMarks(rawWord) ? LATIN : OTHER_SCRIPT;
    }
}
