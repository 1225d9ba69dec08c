package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each disguise a reader would see through (issue 14): the disguised name normalises to the listed one, or at least
 * matches it. Names from the OFAC, UN, BIS and Entity lists; the accuracy module measures the same disguises on
 * thousands of listed names ({@code DisguiseAccuracyTest}).
 */
class DisguisedNamesTest {
    private final NameTokenizer tokenizer = new NameTokenizer();
    private final NameMatcher matcher = new NameMatcher();

    private List<String> words(String name, PartyType type) {
        return tokenizer.words(name, type);
    }

    private void matches(String query, String listed, PartyType type) {
        MatchResult r = matcher.match(query, listed, type);
        assertTrue(r.score() >= DEFAULT_THRESHOLD, query + " / " + listed + " scored " + r.score() + ": "
                + r.explanation().toText());
    }

    @Test
    void formatCharactersAreInvisibleAndSoAreGone() {
        assertEquals(words("NSO Group", PartyType.ORGANIZATION),
                words("N\u00ADSO Gro\u00ADup", PartyType.ORGANIZATION), "soft hyphen");
        assertEquals(List.of("hizballah"), words("HIZ\u200DBAL\u2060LAH", PartyType.UNKNOWN), "joiners");
        assertEquals(List.of("osama", "bin", "laden"), words("Osama \u202Ebin\u202C Laden", PartyType.PERSON),
                "bidi controls");
    }

    @Test
    void lookAlikeLettersOfOtherScriptsInALatinNameAreLatin() {
        // Cyrillic Ѕ (U+0405) and Greek Ο (U+039F) and Cyrillic В (U+0412) and Н (U+041D) inside Latin words
        assertEquals(List.of("nso", "group"), words("N\u0405\u039F Group", PartyType.ORGANIZATION));
        assertEquals(words("BANCO NACIONAL DE CUBA", PartyType.ORGANIZATION),
                words("\u0412ANCO NACIONAL DE CU\u0412A", PartyType.ORGANIZATION));
        assertEquals(List.of("hamas"), words("\u041DAMAS", PartyType.ORGANIZATION));
        // a word all of look-alikes beside Latin words: Cyrillic Р, А, С in "PAC"
        assertEquals(List.of("pac", "trading"), words("\u0420\u0410\u0421 Trading", PartyType.ORGANIZATION));
    }

    @Test
    void aNameWrittenInCyrillicIsTransliteratedNotFolded() {
        // "ВОСТОК" is all Cyrillic, with no Latin word beside it: read as Russian (vostok), not as look-alikes (boctok)
        assertEquals(List.of("vostok"), words("\u0412\u041E\u0421\u0422\u041E\u041A", PartyType.ORGANIZATION));
    }

    @Test
    void digitsForLettersInsideWordsAreLetters() {
        assertEquals(List.of("nso", "group"), words("NS0 Group", PartyType.ORGANIZATION));
        assertEquals(List.of("igor", "sechin"), words("Ig0r Sech1n", PartyType.PERSON));
        assertEquals(List.of("kalashnikov"), words("Ka1ashnik0v", PartyType.UNKNOWN), "1 beside a vowel is an l");
        assertEquals(List.of("rosoboronexport"), words("Ros0boron3xport", PartyType.UNKNOWN));
        // numbers stay numbers: as many digits as letters, or other digits
        assertEquals(List.of("a1"), words("A1", PartyType.UNKNOWN));
        assertEquals(List.of("f16", "parts"), words("F16 parts", PartyType.UNKNOWN));
        assertEquals(List.of("11420", "corp"), words("11420 CORP.", PartyType.ORGANIZATION));
    }

    @Test
    void mWrittenAsRnReadsAlike() {
        // "rn" for "m" (Unicode's confusables data: the skeleton of m is rn), either way round
        matches("HARNAS", "HAMAS", PartyType.ORGANIZATION);
        matches("Kirn Jong Un", "KIM JONG UN", PartyType.PERSON);
        matches("Mohammad Rahimi", "RNOHAMMAD RAHIRNI", PartyType.PERSON);
        MatchResult r = matcher.match("Harnas", "HAMAS", PartyType.ORGANIZATION);
        assertEquals(TokenSimilarity.LOOK_ALIKE, r.score(), 1e-6);
        assertTrue(r.explanation().toText().contains("harnas~hamas (look_alike 0.95)"), r.explanation().toText());
        // only letters Unicode takes for each other: "rm" or "nn" is no "m"
        assertTrue(!Disguises.readAlike("harmas", "hamas") && !Disguises.readAlike("hannas", "hamas"));
        assertEquals("harnas", Disguises.lookAlikeSkeleton("hamas"));
        assertEquals("turner", Disguises.lookAlikeSkeleton("turner"));
        assertTrue(Disguises.readAlike("tumer", "turner"));
        assertTrue(!Disguises.readAlike("hamas", "hamas") && !Disguises.readAlike("rn", "m"), "same word; too short");
    }

    @Test
    void aSmallLAmongCapitalsIsACapitalI() {
        assertEquals(List.of("irgc"), words("lRGC", PartyType.ORGANIZATION));
        assertEquals(List.of("isil"), words("lSlL", PartyType.ORGANIZATION));
        assertEquals(List.of("hizballah"), words("HlZBALLAH", PartyType.UNKNOWN));
        matches("lRGC", "IRGC", PartyType.ORGANIZATION);
        // title case, or other small letters beside the l, is how names are written: left alone
        assertEquals(List.of("al", "qaeda"), words("Al Qaeda", PartyType.ORGANIZATION));
        assertEquals(List.of("mcdonald"), words("McDONALD", PartyType.UNKNOWN));
        assertEquals(List.of("lloyd"), words("Lloyd", PartyType.PERSON));
    }

    @Test
    void trademarkSymbolsAreRemovedNotSpelledOut() {
        assertEquals(List.of("nso", "group"), words("NSO Group\u2122", PartyType.ORGANIZATION));
        assertEquals(List.of("huawei", "technologies"), words("Huawei\u00AE Technologies\u00A9", PartyType.ORGANIZATION));
        assertEquals(List.of("rostec", "corp"), words("Rostec\u2120 Corp", PartyType.ORGANIZATION));
    }

    @Test
    void wordsJoinedOrSplitMeet() {
        matches("ALKAWTHAR", "AL KAWTHAR", PartyType.UNKNOWN);
        matches("AL KAWTHAR", "ALKAWTHAR", PartyType.UNKNOWN);
        matches("N S O Group", "NSO Group", PartyType.ORGANIZATION);
        matches("AEROCARIBBEAN", "AERO CARIBBEAN", PartyType.ORGANIZATION);
        matches("Hiz ballah", "Hizballah", PartyType.UNKNOWN);
    }

    @Test
    void aNameJoinedWithItsGenericWordMeetsIt() {
        matches("NSOGroup", "NSO Group", PartyType.ORGANIZATION);
        matches("NSO Group", "NSOGROUP", PartyType.ORGANIZATION);
        matches("Alkawthar Trading", "AL KAWTHAR TRADING", PartyType.ORGANIZATION);
        // generic words and legal forms alone joined are no name: "Tradinggroup" does not meet the company words of
        // a name beside its distinctive one
        assertTrue(matcher.match("Tradinggroup", "ACME TRADING GROUP", PartyType.ORGANIZATION).score()
                < DEFAULT_THRESHOLD);
    }

    @Test
    void aBusinessWordGluedOnOrSplitInTwoIsThatWord() {
        assertEquals(List.of("volga", "group"), words("VOLGAGROUP", PartyType.ORGANIZATION));
        assertEquals(List.of("sakhatrans", "llc"), words("SAKHATRANSLLC", PartyType.UNKNOWN));
        assertEquals(words("KOREA PUGANG TRADING CORPORATION", PartyType.ORGANIZATION),
                words("KOREA PUGANG TRADING CORPO RATION", PartyType.ORGANIZATION));
        assertEquals(words("ZIDCO HOLDINGS", PartyType.ORGANIZATION), words("ZIDCO HOLD INGS", PartyType.ORGANIZATION));
        // short legal forms end ordinary words: not split off
        assertEquals(List.of("bucharest", "trading"), words("Bucharest Trading", PartyType.ORGANIZATION));
        assertEquals(List.of("galicia", "mining"), words("Galicia Mining", PartyType.ORGANIZATION));
        // nor in a person's name
        assertEquals(List.of("anna", "kovalgroup"), words("Anna Kovalgroup", PartyType.PERSON));
    }

    @Test
    void aLegalFormOrGenericWordWithOneTypoKeepsItsLowWeight() {
        assertEquals(words("NSO Group", PartyType.ORGANIZATION), words("NSO Gruop", PartyType.ORGANIZATION));
        assertEquals(words("Sberbank Limited", PartyType.ORGANIZATION),
                words("Sberbank Limted", PartyType.ORGANIZATION));
        assertEquals(words("Rosneft Company", PartyType.ORGANIZATION),
                words("Rosneft COMPAoNY", PartyType.ORGANIZATION));
        assertEquals(words("Huawei Technologies", PartyType.ORGANIZATION),
                words("Huawei Technolgies", PartyType.ORGANIZATION));
        // a person's name is not corrected toward company words: "Grout" stays a surname
        assertEquals(List.of("john", "grout"), words("John Grout", PartyType.PERSON));
        // short words are not corrected: one edit from "corp" is too many other words
        assertEquals(List.of("acme", "carp"), words("Acme Carp", PartyType.ORGANIZATION));
    }

    @Test
    void abbreviationsOfGenericWordsAreTheWords() {
        assertEquals(words("China International Group Company Limited", PartyType.ORGANIZATION),
                words("China Intl Grp Co. Ltd", PartyType.ORGANIZATION));
        assertEquals(words("Acme Technology Corporation", PartyType.ORGANIZATION),
                words("ACME TECH CORP.", PartyType.ORGANIZATION));
        matches("CNOOC ENERGY TECH & SRVCES LTD", "CNOOC Energy Technology and Services Limited",
                PartyType.ORGANIZATION);
    }

    @Test
    void genericWordsWeighLittleButADifferentOneOnEachSideIsNoMatch() {
        double same = matcher.match("Acme Technologies", "Acme Systems", PartyType.ORGANIZATION).score();
        assertTrue(same < DEFAULT_THRESHOLD, "a different generic word on each side: " + same);
    }

    @Test
    void enterprisesIsAGenericWordAndOneOnEachSideBesidesAnotherIsNoMatch() {
        // Two businesses of one group, each described by its own generic word (a labelled non-match).
        MatchResult r = matcher.match("Bowne Business Solutions, Inc.", "Bowne Business Enterprises, L.P.",
                PartyType.ORGANIZATION);
        assertTrue(r.score() < DEFAULT_THRESHOLD, r.explanation().toText());
        assertEquals(words("Acme Enterprises", PartyType.ORGANIZATION),
                words("ACME ENTERPRISE", PartyType.ORGANIZATION));
    }

    @Test
    void aListedNameContainedInALongerNameWithOnlyGenericWordsMatches() {
        MatchResult r = matcher.match("NSO Group Technologies Ltd", "NSO Group", PartyType.ORGANIZATION);
        assertTrue(r.score() >= DEFAULT_THRESHOLD, r.explanation().toText());
        assertEquals(List.of("technologies", "ltd"), r.explanation().unmatchedQuery());
        MatchResult intl = matcher.match("Mahan Air International Services", "Mahan Air", PartyType.ORGANIZATION);
        assertTrue(intl.score() >= DEFAULT_THRESHOLD, intl.explanation().toText());
        // a distinctive extra word is not containment: another company that shares a word
        double other = matcher.match("NSO Mobile Payments", "NSO Group", PartyType.ORGANIZATION).score();
        assertTrue(other < DEFAULT_THRESHOLD, "NSO Mobile Payments scored " + other);
    }
}
