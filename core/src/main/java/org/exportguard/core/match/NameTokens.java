package org.exportguard.core.match;

import org.exportguard.core.match.translit.HanTranscription;
import org.exportguard.core.match.translit.Readings;

/**
 * A name after normalisation: its words in ASCII, each with a kind, a weight and a consonant skeleton. Built once
 * per name (list names at index time, a query once per query) and then only read.
 */
public final class NameTokens {
    static final NameTokens EMPTY = new NameTokens(new String[0], new TokenKind[0], new String[0], new WordOrigin[0],
            new String[0][], new String[0][], new String[0], Writing.PLAIN);

    /**
     * What the tokenizer saw in how the name was written, beside its words: the type it was read as, words written in
     * Hangul, as dotted initials, in parentheses or after a slash (each array null when no word was).
     */
    record Writing(org.exportguard.core.model.PartyType type, String[] hangul, boolean[] initialism, boolean[] aside,
                   boolean[] afterSlash) {
        /** A name of unknown type written plainly. */
        static final Writing PLAIN = new Writing(org.exportguard.core.model.PartyType.UNKNOWN, null, null, null, null);
    }

    public final String[] text;
    final TokenKind[] kind;
    public final float[] weight;
    /** Consonant skeleton of each word (see {@link Skeleton}); null where too short to mean anything. */
    public final String[] skeleton;
    /** The script each word came from: decides how leniently it is compared (see {@link WordOrigin}). */
    final WordOrigin[] origin;
    /**
     * For a word written in a script the learned cross-script model covers, its units as written
     * ({@link org.exportguard.core.match.translit.Graphemes}); null for Latin words and words it does not cover.
     */
    final String[][] nativeUnits;
    /**
     * Other romanisations of each word written in another script ({@link org.exportguard.core.match.translit.Readings});
     * null for Latin words.
     */
    final String[][] readings;
    /** Phonetic form and skeleton of each other reading, computed once (as {@link #phonetic} and {@link #skeleton}). */
    final String[][] readingPhonetic;
    final String[][] readingSkeleton;
    /** Spelling-neutral form of each word (see {@link PhoneticForm}). */
    public final String[] phonetic;
    /** Each word's {@link SpellingVariants#key} (Latin-script words and patronymics; null for others). */
    final String[] variant;
    /** The part of each variant key spellings agree on most, an index key ({@link SpellingVariants#consonants}). */
    public final String[] variantLookup;
    /**
     * Per word, worked out once here rather than for every pair of words a query scores: whether its phonetic form is
     * its spelling, and whether it is an acronym ({@link TokenSimilarity#isAcronym}).
     */
    final boolean[] phoneticIsText;
    final boolean[] acronym;
    /**
     * Per word, whether it is one Han character ({@link org.exportguard.core.match.translit.Readings#isChineseSyllable}):
     * a Chinese name syllable, whose romanisation is its reading, exactly (see {@link TokenSimilarity}).
     */
    final boolean[] chineseSyllable;
    /**
     * Per word, whether it is two Han characters Chinese writes foreign names with
     * ({@link org.exportguard.core.match.translit.HanTranscription}): the learned model judges it as a transcription.
     */
    final boolean[] hanTranscription;
    /**
     * Per word written in one or two Hangul syllables (a Korean name part), how many of them have a vowel any
     * romanisation writes ({@link org.exportguard.core.match.translit.Readings#koreanSyllables}); else 0.
     */
    final int[] koreanSyllables;
    /**
     * Per word written in Arabic script, whether it ends in the letter yeh (ي, ی): a final -i every Latin spelling
     * writes as a vowel (Ashrafi, Hashemi: of Ashraf, of Hashim), see {@link TokenSimilarity}.
     */
    final boolean[] finalYeh;
    public final float totalWeight;
    /** The type the name was read as: person containment applies to people only. */
    final org.exportguard.core.model.PartyType type;
    /**
     * Each word's spelling in Hangul syllables when it was written so, else null; null when no word was. Two such
     * words are compared syllable by syllable ({@link NameScorer}).
     */
    final String[] hangul;
    /** Per word, whether it was written as dotted initials ("U.S."); null when none was. */
    final boolean[] initialism;
    /** Per word, whether it was written in parentheses ("(Schweiz)"); null when none was. */
    final boolean[] aside;
    /**
     * Per word, whether it belongs to the second of two alternative names written with a slash ("Al-Qa'ida/Islamic
     * Army"); null for a name without one.
     */
    final boolean[] afterSlash;
    /** Vocabulary id of each word (listed names in an index only; null for queries): keys {@link SimilarityMemo}. */
    int[] ids;

    /** {@code natives}: each word as written in its own script, null for Latin words (the traits below come from it). */
    NameTokens(String[] text, TokenKind[] kind, String[] skeleton, WordOrigin[] origin, String[][] nativeUnits,
               String[][] readings, String[] natives, Writing writing) {
        this(text, kind, skeleton, origin, nativeUnits, readings, natives, writing, SpellingVariants.DEFAULT);
    }

    /** Latin words only, with the given spelling variants (the variant learner's test). */
    NameTokens(String[] text, TokenKind[] kind, String[] skeleton, WordOrigin[] origin, SpellingVariants variants) {
        this(text, kind, skeleton, origin, new String[text.length][], new String[text.length][],
                new String[text.length], Writing.PLAIN, variants);
    }

    NameTokens(String[] text, TokenKind[] kind, String[] skeleton, WordOrigin[] origin, String[][] nativeUnits,
               String[][] readings, String[] natives, Writing writing, SpellingVariants variants) {
        this.text = text;
        this.type = writing.type();
        this.hangul = writing.hangul();
        this.initialism = writing.initialism();
        this.aside = writing.aside();
        this.afterSlash = writing.afterSlash();
        this.readings = readings;
        this.readingPhonetic = new String[text.length][];
        this.readingSkeleton = new String[text.length][];
        for (int i = 0; i < text.length; i++) {
            String[] r = readings[i];
            if (r != null && r.length > 0) {
                readingPhonetic[i] = new String[r.length];
                readingSkeleton[i] = new String[r.length];
                for (int k = 0; k < r.length; k++) {
                    readingPhonetic[i][k] = PhoneticForm.of(r[k]);
                    readingSkeleton[i][k] = Skeleton.of(r[k]);
                }
            }
        }
        this.nativeUnits = nativeUnits;
        this.origin = origin;
        this.phonetic = new String[text.length];
        this.variant = new String[text.length];
        this.variantLookup = new String[text.length];
        this.phoneticIsText = new boolean[text.length];
        this.acronym = new boolean[text.length];
        this.chineseSyllable = new boolean[text.length];
        this.hanTranscription = new boolean[text.length];
        this.koreanSyllables = new int[text.length];
        this.finalYeh = new boolean[text.length];
        for (int i = 0; i < text.length; i++) {
            if (natives[i] != null) {
                chineseSyllable[i] = Readings.isChineseSyllable(natives[i]);
                hanTranscription[i] = HanTranscription.isTranscription(natives[i]);
                koreanSyllables[i] = Readings.koreanSyllables(natives[i]);
                finalYeh[i] = Readings.endsInYeh(natives[i]);
            }
        }
        for (int i = 0; i < text.length; i++) {
            boolean word = kind[i] == TokenKind.WORD || kind[i] == TokenKind.PATRONYMIC;
            phonetic[i] = word ? PhoneticForm.of(text[i]) : text[i];
            phoneticIsText[i] = phonetic[i].equals(text[i]);
            acronym[i] = TokenSimilarity.isAcronym(text[i]);
            if (word && origin[i] == WordOrigin.LATIN) {
                variant[i] = variants.key(phonetic[i]);
                variantLookup[i] = variants.consonants(variant[i]);
            }
        }
        this.kind = kind;
        this.skeleton = skeleton;
        this.weight = new float[text.length];
        float total = 0;
        for (int i = 0; i < text.length; i++) {
            weight[i] = kind[i].weight;
            total += weight[i];
        }
        this.totalWeight = total;
    }

    /**
     * Gives each word an id from the shared vocabulary (words with the same text, kind, script origin and, for a
     * word in another script, the same other readings and units share one), for memoised similarity; returns the
     * key used so callers can count the vocabulary.
     */
    public void assignIds(java.util.Map<String, Integer> vocabulary) {
        ids = new int[text.length];
        for (int i = 0; i < text.length; i++) {
            String key = text[i] + '\u0000' + kind[i].ordinal() + origin[i].ordinal() + (chineseSyllable[i] ? "c" : "")
                    + (hanTranscription[i] ? "t" : "") + koreanSyllables[i]
                    + (finalYeh[i] ? "y" : "");
            if (nativeUnits[i] != null || readings[i] != null && readings[i].length > 0) {
                // two native words with one main reading (单, 丹: "dan") differ in their other readings and units
                key += '\u0000' + String.join("|", readings(i)) + '\u0000'
                        + (nativeUnits[i] == null ? "" : String.join("|", nativeUnits[i]));
            }
            Integer id = vocabulary.get(key);
            if (id == null) {
                id = vocabulary.size();
                vocabulary.put(key, id);
            }
            ids[i] = id;
        }
    }

    /** The other romanisations of word {@code i} (none for a Latin word): index keys and comparisons use them. */
    public String[] readings(int i) {
        return readings[i] == null ? NO_READINGS : readings[i];
    }

    private static final String[] NO_READINGS = new String[0];

    public int size() {
        return text.length;
    }

    public boolean isEmpty() {
        return text.length == 0;
    }

    /** True when word {@code i} is a name particle ("al", "de", "bin"). */
    public boolean isParticle(int i) {
        return kind[i] == TokenKind.PARTICLE;
    }

    /** True when word {@code i} is a generic word or legal form of company names ("group", "trading", "ltd"). */
    public boolean isCompanyWord(int i) {
        return kind[i] == TokenKind.GENERIC || kind[i] == TokenKind.LEGAL_FORM;
    }

    public boolean hasLegalForm() {
        for (TokenKind k : kind) {
            if (k == TokenKind.LEGAL_FORM) {
                return true;
            }
        }
        return false;
    }

    /** The normalised name as one string, words separated by single spaces. */
    public String joined() {
        return String.join(" ", text);
    }

    @Override
    public String toString() {
        return joined();
    }
}
