package org.exportguard.core.match;

import org.exportguard.core.match.translit.TransliterationModel;
import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weak evidence for a word in Arabic script or Cyrillic stands only when the Latin word keeps the consonants of a
 * reading ({@link WeakTransliteration}).
 */
class WeakTransliterationTest {
    private final NameMatcher matcher = new NameMatcher();

    private void matches(String a, String b, PartyType type) {
        MatchResult r = matcher.match(a, b, type);
        assertTrue(r.score() >= DEFAULT_THRESHOLD, a + " / " + b + ": " + r.explanation().toText());
    }

    private void doesNotMatch(String a, String b, PartyType type) {
        MatchResult r = matcher.match(a, b, type);
        assertTrue(r.score() < DEFAULT_THRESHOLD, a + " / " + b + ": " + r.explanation().toText());
    }

    private static void inWeakBand(String nativeWord, String latin) {
        float s = TransliterationModel.shared().similarity(nativeWord, latin);
        assertTrue(s >= 0.80f && s < WeakTransliteration.STRONG, nativeWord + " / " + latin + ": " + s);
    }

    @Test
    void weakEvidenceForOtherConsonantsIsAnotherName() {
        // the model finds these weakly likely (0.80 to 0.85); their consonants are not the reading's
        inWeakBand("Уваров", "ivanov");
        inWeakBand("سماوات", "semaan"); // "cement" no longer reaches 0.80 (silent letters)
        inWeakBand("عزيز", "ortiz");
        doesNotMatch("Виктория Уваров", "IVANOV, Viktor", PartyType.UNKNOWN);
        doesNotMatch("Юрий Златков", "SIVAKOV, Yury", PartyType.UNKNOWN);
        doesNotMatch("سبحان سماوات", "SEPAHAN CEMENT", PartyType.UNKNOWN);
        doesNotMatch("Tracy Ortiz", "طارق عزيز", PartyType.UNKNOWN);
    }

    @Test
    void aReadingsWeakLikenessForOtherConsonantsIsAnotherName() {
        // turova / tsarov, almhna / alkhald: spelling likeness of a reading (0.80 to 0.85), not the model's
        doesNotMatch("Олег Турова", "TSAROV, Oleg", PartyType.UNKNOWN);
        doesNotMatch("اعتماد المهنا", "ALKHALD, Ahmad", PartyType.UNKNOWN);
    }

    @Test
    void weakEvidenceThatKeepsTheConsonantsStands() {
        inWeakBand("فيصل", "faycal");
        matches("محمد سلطانی", "SOLTANI, Mohammad", PartyType.PERSON);
        // ص written c (Fayçal): one consonant spelled another way
        matches("فيصل بوغانمي", "BOUGHANEMI, Faycal", PartyType.PERSON);
        // the article written apart, ث written s
        matches("جمعية احياء التراث الاسلامي", "JAMITO AHIA TORAS AL-ISLAMI", PartyType.ORGANIZATION);
    }

    @Test
    void consonantKeys() {
        assertTrue(WeakTransliteration.keepsConsonants("mhmd", Skeleton.loose("muhammad")));
        assertTrue(WeakTransliteration.keepsConsonants("fysl", Skeleton.loose("faycal")));
        assertTrue(WeakTransliteration.keepsConsonants("altrath", Skeleton.loose("toras")));
        assertFalse(WeakTransliteration.keepsConsonants("uvarov", Skeleton.loose("ivanov")));
        assertFalse(WeakTransliteration.keepsConsonants("asyl", Skeleton.loose("oil")));
        // two consonants are all of a short key: one other is another name
        assertFalse(WeakTransliteration.keepsConsonants("arad", Skeleton.loose("iran")));
    }

    @Test
    void onlyArabicScriptAndCyrillic() {
        assertTrue(WeakTransliteration.consonantsReadOneToOne(new String[]{"م"}));
        assertTrue(WeakTransliteration.consonantsReadOneToOne(new String[]{"у"}));
        // Hebrew and Hangul read a letter several ways: the model's weak band stands there
        assertFalse(WeakTransliteration.consonantsReadOneToOne(new String[]{"ש"}));
        assertFalse(WeakTransliteration.consonantsReadOneToOne(new String[]{"ㄱ"}));
    }
}
