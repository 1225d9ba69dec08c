package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameMatcherTest {
    private final NameMatcher matcher = new NameMatcher();

    private double score(String a, String b, PartyType type) {
        double s = matcher.match(a, b, type).score();
        assertTrue(s >= 0 && s <= 1, "score out of [0, 1]: " + s);
        return s;
    }

    private void matches(String a, String b, PartyType type) {
        double s = score(a, b, type);
        assertTrue(s >= DEFAULT_THRESHOLD, a + " / " + b + " scored " + s + ": "
                + matcher.match(a, b, type).explanation().toText());
    }

    private void doesNotMatch(String a, String b, PartyType type) {
        double s = score(a, b, type);
        assertTrue(s < DEFAULT_THRESHOLD, a + " / " + b + " scored " + s + ": "
                + matcher.match(a, b, type).explanation().toText());
    }

    @Test
    void identicalNamesScoreOne() {
        assertEquals(1.0, score("Vladimir Putin", "VLADIMIR PUTIN", PartyType.PERSON));
    }

    @Test
    void wordOrderAndLastCommaFirstDoNotMatter() {
        assertEquals(1.0, score("PUTIN, Vladimir", "Vladimir Putin", PartyType.PERSON));
    }

    @Test
    void typosStillMatch() {
        matches("Vladimir Puttin", "Vladimir Putin", PartyType.PERSON);
        matches("Mitchell Maxon", "Mitchell Mason", PartyType.PERSON);
    }

    @Test
    void initialsMeetTheirNames() {
        matches("J. Robert Oppenheimer", "Julius Robert Oppenheimer", PartyType.PERSON);
    }

    @Test
    void nicknamesMeetTheirNames() {
        MatchResult r = matcher.match("Bill Gates", "William Gates", PartyType.PERSON);
        assertTrue(r.score() >= DEFAULT_THRESHOLD, r.explanation().toText());
        assertTrue(r.explanation().pairs().stream().anyMatch(p -> p.kind() == MatchExplanation.Kind.NICKNAME));
    }

    @Test
    void joinedAndSplitWordsMeet() {
        matches("AERO CARIBBEAN AIRLINES", "AEROCARIBBEAN AIRLINES", PartyType.ORGANIZATION);
        matches("Isabe lla Waller", "Isabella Waller", PartyType.PERSON);
    }

    @Test
    void legalFormsWeighLittle() {
        matches("Acme Trading Limited", "ACME TRADING CO., LTD.", PartyType.ORGANIZATION);
        // A peer scores these 100%: a shared legal form or first name is not a match.
        doesNotMatch("emma daniels", "EMMA LLC", PartyType.UNKNOWN);
        doesNotMatch("BELLETECH CORP", "11420 CORP.", PartyType.UNKNOWN);
    }

    @Test
    void digitsMustAgree() {
        doesNotMatch("Snow Storm 1", "Snow Storm 2", PartyType.VESSEL);
    }

    @Test
    void differentPeopleWithACommonFirstNameDoNotMatch() {
        doesNotMatch("Ahmed Hassan", "Ahmed Karimi", PartyType.PERSON);
    }

    @Test
    void oneStemIsNotOneName() {
        // Jaro-Winkler alone rates these like typos (0.84 and over); three or more edits apart they are other names.
        doesNotMatch("Mark Zuckermann", "Mark Zuckerberg", PartyType.PERSON);
        doesNotMatch("Luís Monteiro", "Luís Montenegro", PartyType.PERSON);
        matches("Mark Zuckerbreg", "Mark Zuckerberg", PartyType.PERSON);
        // Two edits on a short word still count, but for less than a typo.
        assertTrue(score("Pedro Sancho", "Pedro Sánchez", PartyType.PERSON)
                < score("Pedro Sanchex", "Pedro Sánchez", PartyType.PERSON));
    }

    @Test
    void romanisationVariantsOfLatinNamesStillMeet() {
        matches("Mohamed Hassan", "Mohammed Hasan", PartyType.PERSON);
        matches("Seixido", "Seyksido", PartyType.PERSON);
    }

    @Test
    void aDifferentWordOnEachSideCostsMoreThanAWordLeftOut() {
        double leftOut = score("Ayman Sabawi Ibrahim Hasan", "AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI", PartyType.PERSON);
        double differs = score("Ayman Sabawi Ibrahim Hasan al-Dulaimi", "AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI",
                PartyType.PERSON);
        assertTrue(differs < leftOut, differs + " vs " + leftOut);
        doesNotMatch("Ayman Sabawi Ibrahim Hasan al-Dulaimi", "AYMAN SABAWI IBRAHIM HASAN AL-TIKRITI", PartyType.PERSON);
    }

    @Test
    void sonAndFatherSwappedIsAnotherPerson() {
        doesNotMatch("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", PartyType.PERSON);
        matches("AL BIN ALI, Isa Ibn Tarif", "Isa Bin Tarif Al Bin Ali", PartyType.PERSON);
    }

    @Test
    void patronymicsMayBeLeftOut() {
        matches("Sergey Lavrov", "LAVROV, Sergey Viktorovich", PartyType.PERSON);
        matches("Sergey Viktorovich Lavrov", "Sergey Lavrov", PartyType.PERSON);
    }

    @Test
    void lookAlikeDigitsAreRead() {
        matches("Ig0r Sech1n", "Igor Sechin", PartyType.PERSON);
    }

    @Test
    void russianInCyrillicMeetsItsEnglishSpelling() {
        matches("Дмитрий Медведев", "Dmitry Medvedev", PartyType.PERSON);
    }

    @Test
    void arabicScriptMeetsALatinSpelling() {
        matches("فوزي", "Fawzi", PartyType.PERSON);
    }

    @Test
    void everyScoreExplainsItself() {
        MatchResult r = matcher.match("Vladimir Puttin Ivanov", "PUTIN, Vladimir", PartyType.PERSON);
        MatchExplanation e = r.explanation();
        assertEquals(2, e.pairs().size());
        assertEquals("ivanov", e.unmatchedQuery().get(0));
        String text = e.toText();
        assertTrue(text.contains("vladimir=vladimir (exact 1.00)"), text);
        assertTrue(text.contains("puttin~putin"), text);
        assertTrue(text.contains("unmatched query: ivanov"), text);
    }

    @Test
    void emptyNamesScoreZero() {
        assertEquals(0.0, score("", "Vladimir Putin", PartyType.PERSON));
    }
}
