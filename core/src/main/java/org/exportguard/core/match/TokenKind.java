package org.exportguard.core.match;

/** What a word of a name is; each kind weighs differently in the score. */
enum TokenKind {
    /** An ordinary name word. */
    WORD(1.0f),
    /**
     * A patronymic in a name of three or more words ("Vladimirovich", "Oleksandrovych", "Viktorovna"): lists and
     * queries keep or drop it freely, so it weighs half.
     */
    PATRONYMIC(0.5f),
    /** A single letter, usually an initial: it can meet any word starting with it. */
    INITIAL(0.4f),
    /** "al", "de", "bin" ...: part of the name, little identity. */
    PARTICLE(0.25f),
    /** An honorific or rank ("dr", "colonel", "sheikh"): kept so either spelling of a name meets, but weighs little. */
    TITLE(0.1f),
    /** A company legal form in its canonical spelling ("ltd", "llc"). */
    LEGAL_FORM(0.15f),
    /**
     * A generic word of organisation names in its canonical spelling ("technologies", "international"): says what
     * kind of business, not which one, so it weighs little more than a legal form.
     */
    GENERIC(0.3f),
    /** A word with digits: kept, and only meets the same digits. */
    NUMBER(1.0f);

    final float weight;

    TokenKind(float weight) {
        this.weight = weight;
    }
}
