package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameTokenizerTest {
    private final NameTokenizer tokenizer = new NameTokenizer();

    private List<String> words(String name, PartyType type) {
        return tokenizer.words(name, type);
    }

    @Test
    void caseAccentsAndPunctuationFold() {
        assertEquals(List.of("jose", "maria", "lopez"), words("JOSÉ-MARÍA López", PartyType.PERSON));
        assertEquals(List.of("jose", "maria", "lopez"), words("LOPEZ, José-María", PartyType.PERSON));
    }

    @Test
    void lastCommaFirstIsReadFirstLast() {
        assertEquals(List.of("patrick", "obrien"), words("O'BRIEN, Patrick", PartyType.PERSON));
        // Not for companies, and not when what follows the comma is a legal form.
        assertEquals(List.of("acme", "inc"), words("ACME, INC.", PartyType.UNKNOWN));
    }

    @Test
    void lookAlikeDigitsInWordsAreLetters() {
        assertEquals(List.of("igor", "sechin"), words("Ig0r Sech1n", PartyType.PERSON));
        assertEquals(List.of("a1", "747"), words("A1 747", PartyType.UNKNOWN));
    }

    @Test
    void patronymicsWeighHalfInLongNames() {
        NameTokens t = tokenizer.tokenize("Sergey Viktorovich Lavrov", PartyType.PERSON);
        assertEquals(TokenKind.PATRONYMIC, t.kind[1]);
        assertEquals(TokenKind.WORD, tokenizer.tokenize("Roman Abramovich", PartyType.PERSON).kind[1]);
    }

    @Test
    void legalFormsAreCanonicalWhateverTheSpelling() {
        assertEquals(List.of("acme", "trading", "ltd"), words("ACME TRADING LIMITED", PartyType.ORGANIZATION));
        assertEquals(List.of("acme", "trading", "ltd"), words("Acme Trading Ltd.", PartyType.UNKNOWN));
        // "grupo" is Spanish for group: the same generic word, canonical as "group"
        assertEquals(List.of("group", "mundo", "sa de cv"), words("GRUPO MUNDO, S.A. DE C.V.", PartyType.UNKNOWN));
        assertEquals(List.of("ooo", "romashka"), words("ООО Ромашка", PartyType.ORGANIZATION));
    }

    @Test
    void peopleHaveNoLegalForms() {
        // "Co" in a person's name is a name, not "company".
        assertEquals(List.of("co", "van", "thanh"), words("Co Van Thanh", PartyType.PERSON));
    }

    @Test
    void digitsAreKept() {
        assertEquals(List.of("11420", "corp"), words("11420 CORP.", PartyType.UNKNOWN));
    }

    @Test
    void cyrillicReadsTheWayEnglishListsSpellIt() {
        assertEquals(List.of("dmitriy", "shcherbakov"), words("Дмитрий Щербаков", PartyType.PERSON));
    }

    @Test
    void arabicScriptBecomesLatinConsonants() {
        assertEquals(List.of("mhmd"), words("محمد", PartyType.PERSON));
    }

    @Test
    void titlesStayButWeighLittle() {
        NameTokens t = tokenizer.tokenize("Dr. Ayman al-Zawahiri", PartyType.PERSON);
        assertEquals(List.of("dr", "ayman", "al", "zawahiri"), List.of(t.text));
        assertEquals(TokenKind.TITLE, t.kind[0]);
        assertEquals(TokenKind.PARTICLE, t.kind[2]);
        assertEquals(TokenKind.WORD, t.kind[3]);
    }

    @Test
    void generalElectricKeepsItsGeneral() {
        NameTokens t = tokenizer.tokenize("General Electric Company", PartyType.UNKNOWN);
        assertEquals(TokenKind.WORD, t.kind[0]);
    }

    @Test
    void blankNamesHaveNoWords() {
        assertEquals(List.of(), words("  ", PartyType.UNKNOWN));
        assertEquals(List.of(), words(null, PartyType.UNKNOWN));
        assertEquals(List.of(), words("--- ...", PartyType.UNKNOWN));
    }
}
