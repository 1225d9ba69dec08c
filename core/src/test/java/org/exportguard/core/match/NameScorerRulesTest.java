package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import static org.exportguard.core.match.NameMatcher.DEFAULT_THRESHOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The name-score rules of issue 14's labelled-pairs work (docs/matching.md section 3): a person's name inside a
 * longer one, repeated words, parenthesised qualifiers, dotted initials, numbers written out, alternatives written
 * with a slash, Hangul compared by syllables, and the tokenizer's share (middle dots, unromanised scripts, legal
 * forms on a person's name, legal forms written out).
 */
class NameScorerRulesTest {
    private final NameMatcher matcher = new NameMatcher();

    private double score(String query, String listed, PartyType type) {
        return matcher.match(query, listed, type).score();
    }

    private void matches(String query, String listed, PartyType type) {
        MatchResult r = matcher.match(query, listed, type);
        assertTrue(r.score() >= DEFAULT_THRESHOLD, query + " / " + listed + " scored " + r.score() + ": "
                + r.explanation().toText());
    }

    private void doesNotMatch(String query, String listed, PartyType type) {
        MatchResult r = matcher.match(query, listed, type);
        assertTrue(r.score() < DEFAULT_THRESHOLD, query + " / " + listed + " scored " + r.score() + ": "
                + r.explanation().toText());
    }

    @Test
    void aQueryThatIsAListedPersonsNameFollowedByTwoNamesOrMoreMatches() {
        matches("FAZL RABI ABDUL HAMID", "FAZL RABI", PartyType.PERSON);
        matches("UMAR PATEK ABDULLAH ANSHORI", "UMAR PATEK", PartyType.PERSON);
    }

    @Test
    void aLongerQueryIsNoContainmentWhenItAddsOneWordStartsElsewhereOrOnlyFillsTheMiddle() {
        // one word more: a second family name or middle name, a namesake as often as not
        assertEquals(0.8, score("Jose Luis Garcia", "JOSE LUIS", PartyType.PERSON), 1e-4);
        // another first name before the listed one
        doesNotMatch("Sarah Anne John Smith", "SMITH, John", PartyType.PERSON);
        // names only between the listed first and last name
        doesNotMatch("Mohammad Reza Ali Karimi", "Mohammad Karimi", PartyType.PERSON);
        // a name inserted inside the listed one: another father
        doesNotMatch("Abd-al-Latif Abdallah Salih al-Kawari", "SALIH, Abd al-Latif", PartyType.PERSON);
        // out of order
        doesNotMatch("RABI FAZL ABDUL HAMID", "FAZL RABI", PartyType.PERSON);
        // a near spelling is no containment
        doesNotMatch("FAZL RABBI ABDUL HAMID", "FAZL RABI", PartyType.PERSON);
    }

    @Test
    void personContainmentIsForPeopleWrittenInAnAlphabet() {
        doesNotMatch("FAZL RABI ABDUL HAMID", "FAZL RABI", PartyType.ORGANIZATION);
        // a Chinese name is a family name and a given name: a third word is another person's name
        doesNotMatch("明 建国 王", "WANG, Jianguo", PartyType.PERSON);
    }

    @Test
    void aParticleLeftOverIsNotMadeCheaperByContainment() {
        // the very name must outrank a namesake without its particle
        assertTrue(score("AL-HASSAN, Abu", "HASSAN, Abu", PartyType.UNKNOWN)
                < score("AL-HASSAN, Abu", "AL-HASSAN, Abu", PartyType.UNKNOWN) * 0.96);
    }

    @Test
    void aQueryOfThreeNamesOrMoreInsideALongerListedPersonsNameMatches() {
        matches("SHER ABBAS STANEKZAI", "SHER MOHAMMAD ABBAS STANEKZAI PADSHAH KHAN", PartyType.PERSON);
        matches("ABDUL GHANI TURK", "ABDUL GHANI BARADAR ABDUL AHMAD TURK", PartyType.PERSON);
        // two words are too common a pair to carry a long name
        doesNotMatch("Boris Johnson", "Alexandre Boris de Pfeffel Johnson", PartyType.PERSON);
        // a son's name carries his father's after his own
        doesNotMatch("SALIH, Ali Abdallah", "SALIH AL-AHMAR, Ahmad Ali Abdallah", PartyType.PERSON);
        // "Saif al-Din" is one name: two names in all
        doesNotMatch("SAIF AL-DIN AL-RAWI", "SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-RAWI", PartyType.PERSON);
    }

    @Test
    void aCompoundJoinedByTheArabicArticleIsOneName() {
        // "Abd al-Rahman" is one given name, not the start of every longer name that begins with it
        doesNotMatch("JAFFIR ALI, Abd al-Rahman", "‘Abd al-Rahman", PartyType.PERSON);
    }

    @Test
    void aWordWrittenTwiceCostsHalf() {
        matches("Shoigu Shoigu Sergey", "Sergey Shoigu", PartyType.PERSON);
        // unless the listed name has a name of its own the repeat may stand for
        doesNotMatch("ABDULLAHI MOHAMED MOHAMED CADDOW", "ABDULLAHI OSMAN MOHAMED CADDOW", PartyType.PERSON);
        // apart, a repeated name is a name (named after his grandfather): full cost
        assertEquals(0.8, score("Ibrahim Sabawi Ibrahim", "Sabawi Ibrahim", PartyType.PERSON), 1e-4);
    }

    @Test
    void unmistakableLegalFormsStayLegalFormsOnAPersonsName() {
        matches("Nicolás Maduro LLC", "Nicolás Maduro", PartyType.PERSON);
        assertEquals(TokenKind.LEGAL_FORM,
                new NameTokenizer().tokenize("Nicolás Maduro LLC", PartyType.PERSON).kind[2]);
        // other legal-form words may be names
        assertEquals(TokenKind.WORD, new NameTokenizer().tokenize("Kim Sa Ag", PartyType.PERSON).kind[1]);
    }

    @Test
    void legalFormsWrittenOutMeetTheirAbbreviation() {
        assertEquals(1.0, score("Societatea cu Răspundere Limitată PRO TRAFFIC", "SRL PRO TRAFFIC",
                PartyType.ORGANIZATION));
        assertEquals(1.0, score("ALFA Società a Responsabilità Limitata", "ALFA S.R.L.", PartyType.ORGANIZATION));
    }

    @Test
    void aWordInParenthesesLeftOverCostsHalf() {
        matches("Deutsche Bank (Schweiz) AG", "Deutsche Bank AG", PartyType.ORGANIZATION);
        doesNotMatch("Deutsche Bank Schweiz AG", "Deutsche Bank AG", PartyType.ORGANIZATION);
    }

    @Test
    void dottedInitialsMeetTheWordsTheyStandFor() {
        matches("U.S. Department of State", "United States Department of State", PartyType.ORGANIZATION);
        matches("United States Department of State", "U.S. Department of State", PartyType.UNKNOWN);
        // without dots "us" is a word; and a person's dotted initials are met word by word, not as a run
        doesNotMatch("US Department of State", "United States Department of State", PartyType.ORGANIZATION);
    }

    @Test
    void aNumberMeetsItsEnglishWord() {
        assertEquals(1.0, score("3 Percenters", "Three Percenters", PartyType.ORGANIZATION));
        doesNotMatch("Snow Storm 1", "Snow Storm Two", PartyType.VESSEL);
        // written-out numbers still join: "FOURSEASONS" is "FOUR SEASONS"
        matches("FOURSEASONS DAMASCUS", "FOUR SEASONS DAMASCUS", PartyType.UNKNOWN);
    }

    @Test
    void aListedNameWithASlashHoldsTwoAlternatives() {
        matches("Al Qaeda", "Al-Qa'ida/Islamic Army", PartyType.ORGANIZATION);
        assertEquals(1.0, score("Islamic Army", "Al-Qa'ida/Islamic Army", PartyType.ORGANIZATION));
        // in a query the slash is no alternative (often a qualifier: "Acme SE/ADR")
        doesNotMatch("Al-Qa'ida/Islamic Army", "Al Qaeda", PartyType.ORGANIZATION);
        // "A/S" and "c/o" are no alternatives
        assertTrue(new NameTokenizer().tokenize("Maersk A/S", PartyType.ORGANIZATION).afterSlash == null);
    }

    @Test
    void hangulWordsAreComparedSyllableBySyllable() {
        doesNotMatch("김종은", "김정은", PartyType.PERSON);
        assertEquals(1.0, score("김정은", "김정은", PartyType.PERSON));
    }

    @Test
    void middleDotsSeparateTheNamesOfAForeignNameInChineseOrJapanese() {
        assertEquals(2, new NameTokenizer().tokenize("贝拉克·奥巴马", PartyType.PERSON).size());
        assertEquals(2, new NameTokenizer().tokenize("ウラジーミル・プーチン", PartyType.PERSON).size());
        matches("贝拉克·奥巴马", "Barack Obama", PartyType.PERSON);
    }

    @Test
    void otherDotsAndHyphensBetweenHanOrKanaSeparateTheNamesToo() {
        for (String sep : new String[]{"\u2022", ".", "\uFF0E", "\uFE52", "-", "\u2010"}) {
            assertEquals(2, new NameTokenizer().tokenize("约翰" + sep + "甘迺迪", PartyType.PERSON).size(), sep);
            matches("約翰" + sep + "甘迺迪", "John Kennedy", PartyType.PERSON);
            assertEquals(2, new NameTokenizer().tokenize("ジョン" + sep + "スミス", PartyType.PERSON).size(), sep);
        }
    }

    @Test
    void aNameInAScriptNoTransliteratorReadsIsKeptAsWritten() {
        assertEquals(2, new NameTokenizer().tokenize("ហ៊ុន ម៉ាណែត", PartyType.PERSON).size());
        matches("ហ៊ុន ម៉ាណាត", "ហ៊ុន ម៉ាណែត", PartyType.PERSON);
    }
}
