package org.exportguard.core.match;

import org.exportguard.core.match.MatchExplanation.Kind;
import org.exportguard.core.match.translit.OwnRomanisation;
import org.exportguard.core.match.translit.TransliterationModel;

/**
 * How alike two words of two names are, in [0, 1], and how they met. Below a length-dependent floor a fuzzy
 * similarity counts as no match at all, so near-misses of short words ("ali"/"ala") add nothing.
 */
final class TokenSimilarity {
    static final float NICKNAME = 0.90f;
    static final float INITIAL = 0.80f;
    static final float PHONETIC = 0.85f;
    static final float FLOOR_SHORT = 0.90f;
    static final float FLOOR_MEDIUM = 0.84f;
    static final float FLOOR_LONG = 0.80f;
    /** Two spellings with the same phonetic form. */
    static final float PHONETIC_EQUAL = 0.92f;
    /**
     * Two spellings of one name by the learned variants ({@link SpellingVariants}), by the shorter word's length:
     * the fewer letters, the more other names one vowel changes ("kim" / "kam").
     */
    static final float VARIANT_LONG = 0.90f;
    static final float VARIANT_MEDIUM = 0.87f;
    static final float VARIANT_SHORT = 0.80f;
    /** A typing slip in a word of up to {@link #SLIP_MAX_LENGTH} letters ({@link KeyboardSlip}): needs another word. */
    static final float SLIP = 0.80f;
    static final int SLIP_MAX_LENGTH = 5;
    /**
     * Two words that differ only where one has a letter the other writes with look-alike letters ("hamas" / "harnas":
     * {@link Disguises#readAlike}): a disguise, or a misreading, as strong as a one-letter typo in a long word.
     */
    static final float LOOK_ALIKE = 0.95f;

    /** The shared model, its answers remembered across queries (see {@link TransliterationMemo}). */
    static final TransliterationMemo MODEL = new TransliterationMemo(TransliterationModel.shared());

    private final Vocabulary vocabulary;

    TokenSimilarity(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    float similarity(NameTokens q, int i, NameTokens c, int j) {
        String a = q.text[i];
        String b = c.text[j];
        if (a.equals(b)) {
            return 1f;
        }
        TokenKind ka = q.kind[i];
        TokenKind kb = c.kind[j];
        if (ka == TokenKind.LEGAL_FORM || kb == TokenKind.LEGAL_FORM || ka == TokenKind.GENERIC
                || kb == TokenKind.GENERIC || ka == TokenKind.NUMBER || kb == TokenKind.NUMBER) {
            return 0f;
        }
        if (ka == TokenKind.INITIAL || kb == TokenKind.INITIAL) {
            return a.charAt(0) == b.charAt(0) ? INITIAL : 0f;
        }
        if (vocabulary.areNicknames(a, b)) {
            return NICKNAME;
        }
        WordOrigin oa = q.origin[i];
        WordOrigin ob = c.origin[j];
        if (q.chineseSyllable[i] && ob == WordOrigin.LATIN && OwnRomanisation.readsAsPinyin(b)) {
            return pinyinReading(q, i, b);
        }
        if (c.chineseSyllable[j] && oa == WordOrigin.LATIN && OwnRomanisation.readsAsPinyin(a)) {
            return pinyinReading(c, j, a);
        }
        if (q.finalYeh[i] && ob == WordOrigin.LATIN && endsInConsonant(b)
                || c.finalYeh[j] && oa == WordOrigin.LATIN && endsInConsonant(a)) {
            // اشرفی Ashrafi is not ASHRAF, هاشمی Hashemi not HASHIM: the final -i makes another name
            return 0f;
        }
        // counted only for a Korean name part: this runs for every pair of words a query scores
        if (q.koreanSyllables[i] > 0 && ob == WordOrigin.LATIN && q.koreanSyllables[i] > vowelGroups(b)
                || c.koreanSyllables[j] > 0 && oa == WordOrigin.LATIN && c.koreanSyllables[j] > vowelGroups(a)) {
            return 0f;
        }
        if (oa == WordOrigin.ABJAD && ob == WordOrigin.ABJAD) {
            return sameAbjad(a, b);
        }
        String pa = q.phonetic[i];
        String pb = c.phonetic[j];
        // Where both phonetic forms are the spellings themselves, comparing them again gives nothing new.
        boolean samePhonetic = q.phoneticIsText[i] && c.phoneticIsText[j];
        float sim = spelling(a, pa, q.skeleton[i], oa, b, pb, c.skeleton[j], ob, samePhonetic);
        if (oa == WordOrigin.LATIN && ob == WordOrigin.LATIN) {
            if (q.acronym[i] || c.acronym[j]) {
                // "SMT" is letters, not a misspelt "Smith": an acronym meets only itself (or a slip of it).
                sim = 0f;
            }
            // Letters exchanged by a learned spelling convention are not typos: no edit-distance cap on those.
            // Learned from Latin-script aliases, so not applied to syllable romanisations (pinyin "jun" / "jian").
            sim = Math.max(sim, variant(pa, pb, q.variant[i], c.variant[j]));
            if (sim < SLIP && isSlip(a, b, pa, pb)) {
                sim = SLIP;
            }
            if (sim < LOOK_ALIKE && Disguises.readAlike(a, b)) {
                sim = LOOK_ALIKE;
            }
            return sim;
        }
        // A word written in another script meets a Latin word by its best reading (see Readings).
        String[] ra = ob == WordOrigin.LATIN ? q.readings(i) : NO_READINGS;
        for (int k = 0; k < ra.length; k++) {
            sim = Math.max(sim, ra[k].equals(b) ? READING_EQUAL : spelling(ra[k], q.readingPhonetic[i][k],
                    q.readingSkeleton[i][k], oa, b, pb, c.skeleton[j], ob, false));
        }
        String[] rb = oa == WordOrigin.LATIN ? c.readings(j) : NO_READINGS;
        for (int k = 0; k < rb.length; k++) {
            sim = Math.max(sim, rb[k].equals(a) ? READING_EQUAL : spelling(a, pa, q.skeleton[i], oa, rb[k],
                    c.readingPhonetic[j][k], c.readingSkeleton[j][k], ob, false));
        }
        return weakBandChecked(q, i, c, j, Math.max(sim, crossScript(q, i, c, j)));
    }

    /**
     * The best similarity of a native word and a Latin word (by the learned model or a reading's spelling), or 0 when
     * it is weak evidence that does not stand ({@link WeakTransliteration}).
     */
    private static float weakBandChecked(NameTokens q, int i, NameTokens c, int j, float best) {
        if (best <= 0f || best >= WeakTransliteration.STRONG) {
            return best;
        }
        boolean stands = q.nativeUnits[i] != null
                ? WeakTransliteration.stands(q, i, c.text[j], c.skeleton[j], best)
                : WeakTransliteration.stands(c, j, q.text[i], q.skeleton[i], best);
        return stands ? best : 0f;
    }

    /**
     * A Chinese name syllable (one Han character) against a Latin word written in pinyin: the same name only when
     * the word is one of its readings. Its reading is exact, so a pinyin word a letter away is other characters, so
     * another name ({@code 成} cheng / {@code CHEN}, {@code 峰} feng / {@code FANG}), not a typo. A Latin word that is
     * not pinyin (another romanisation, a Western name) is compared as any other.
     */
    private static float pinyinReading(NameTokens t, int i, String pinyin) {
        if (t.text[i].equals(pinyin)) {
            return 1f;
        }
        for (String r : t.readings(i)) {
            if (r.equals(pinyin)) {
                return READING_EQUAL;
            }
        }
        return 0f;
    }

    /** Shortest abjad word (in letters written) in which one letter off may still be a slip rather than a name. */
    static final int ABJAD_SLIP_MIN_LENGTH = 6;

    /**
     * Two words both written in Arabic or Hebrew letters: compared as written, not by a romanisation's fuzzy
     * likeness. Their romanisations keep only consonants, where one letter is the whole difference between two
     * names ({@code محمدی} mhmdy / {@code احمدی} ahmdy, Mohammadi / Ahmadi, Jaro-Winkler 0.87); so short words must be
     * equal, and a longer one may be one letter off.
     */
    private static float sameAbjad(String a, String b) {
        if (Math.min(a.length(), b.length()) < ABJAD_SLIP_MIN_LENGTH || EditDistance.distance(a, b, 1) > 1) {
            return 0f;
        }
        return fuzzy(a, b, null, null);
    }

    /**
     * Runs of vowels in a Latin word (y and w count as consonants): one per syllable in any romanisation of Korean
     * ({@code seongho} 2, {@code song} 1, {@code choe} 1). A Korean name part of two syllables is not a Latin word of
     * one ({@code 성호} / {@code SONG}, {@code 진우} / {@code JIN}): each syllable's vowel is written in every
     * romanisation.
     */
    static int vowelGroups(String latin) {
        int groups = 0;
        boolean inVowel = false;
        for (int k = 0; k < latin.length(); k++) {
            char ch = latin.charAt(k);
            // y before a vowel is a consonant (yong, kyong); elsewhere a vowel (andy, kyle)
            boolean vowel = "aeiou".indexOf(ch) >= 0 || ch == 'y'
                    && (k + 1 == latin.length() || "aeiou".indexOf(latin.charAt(k + 1)) < 0);
            groups += vowel && !inVowel ? 1 : 0;
            inVowel = vowel;
        }
        return groups;
    }

    /**
     * A Latin word ending in a consonant, as no spelling of a final -i: not h (often silent: Fatimah, Abdallah) nor j
     * (a final -i in Slavic spellings: Jurij, Vasilj).
     */
    static boolean endsInConsonant(String latin) {
        char last = latin.charAt(latin.length() - 1);
        return "aeiouyhj".indexOf(last) < 0 && last >= 'a' && last <= 'z';
    }

    private static final String[] NO_READINGS = new String[0];
    /** A Latin word equal to another romanisation of a native word: as sure as equal phonetic forms. */
    static final float READING_EQUAL = PHONETIC_EQUAL;

    /** Similarity of two spellings (of two words, or of a reading of one and the other). */
    private static float spelling(String a, String pa, String ska, WordOrigin oa, String b, String pb, String skb,
                                  WordOrigin ob, boolean samePhonetic) {
        float sim = fuzzy(a, b, ska, skb);
        if (sim < 1f && !samePhonetic) {
            float ps = pa.equals(pb) ? PHONETIC_EQUAL : fuzzy(pa, pb, null, null);
            sim = Math.max(sim, ps);
        }
        if (spelledByRule(oa) && spelledByRule(ob) && sim > EditDistance.CAP_MORE) {
            // No cap is below CAP_MORE: a similarity at or under it needs no edit distance.
            float cap = EditDistance.cap(a, b);
            sim = Math.min(sim, cap < 1f && !samePhonetic ? Math.max(cap, EditDistance.cap(pa, pb)) : cap);
        }
        if ((oa == WordOrigin.LATIN) != (ob == WordOrigin.LATIN) && sim < FLOOR_LONG) {
            // Across scripts a reading two letters off (capped to 0.75) is another name read by the same table
            // (志忠 "zhizhong" / "zhiqing"), not a near spelling: it must not add up with the other words.
            sim = 0f;
        }
        return sim;
    }

    /** A Latin word of two or three letters without a vowel: an acronym or abbreviation ("smt", "bnk"). */
    static boolean isAcronym(String w) {
        int n = w.length();
        if (n < 2 || n > 3) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if ("aeiouy".indexOf(w.charAt(k)) >= 0 || w.charAt(k) < 'a' || w.charAt(k) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** A typing slip between two short words, on their spellings or their phonetic forms ({@link KeyboardSlip}). */
    private static boolean isSlip(String a, String b, String pa, String pb) {
        int longer = Math.max(a.length(), b.length());
        if (longer > SLIP_MAX_LENGTH) {
            return false;
        }
        if (longer == 3 && Math.min(a.length(), b.length()) == 2) {
            return a.length() == 2 ? KeyboardSlip.isDroppedConsonant(a, b) : KeyboardSlip.isDroppedConsonant(b, a);
        }
        return a.length() >= 3 && KeyboardSlip.isSlip(a, b) || pa.length() >= 3 && KeyboardSlip.isSlip(pa, pb);
    }

    /**
     * The similarity of two words (phonetic forms) whose variant keys agree, or 0. In short words one vowel is a
     * large part of the name ("lie" / "lee", "evan" / "ivan" are two names): up to three letters only a vowel
     * written twice or once ("eun" / "un") counts, at four letters only with the same first letter.
     */
    static float variant(String pa, String pb, String ka, String kb) {
        if (ka == null || !ka.equals(kb)) {
            return 0f;
        }
        int minLen = Math.min(pa.length(), pb.length());
        if (minLen >= 5) {
            return VARIANT_LONG;
        }
        if (minLen == 4) {
            return pa.charAt(0) == pb.charAt(0) ? VARIANT_MEDIUM : 0f;
        }
        return pa.length() != pb.length() && EditDistance.distance(pa, pb, 1) == 1 ? VARIANT_SHORT : 0f;
    }

    /**
     * A word written in another script against a Latin word: the learned model's similarity
     * ({@link TransliterationModel}), or 0 when neither or both are native, or the model does not cover the script.
     */
    static float crossScript(NameTokens q, int i, NameTokens c, int j) {
        String[] ua = q.nativeUnits[i];
        String[] ub = c.nativeUnits[j];
        if (ua != null && ub == null && c.origin[j] == WordOrigin.LATIN) {
            return MODEL.similarity(ua, c.text[j], q.hanTranscription[i]);
        }
        if (ub != null && ua == null && q.origin[i] == WordOrigin.LATIN) {
            return MODEL.similarity(ub, q.text[i], c.hanTranscription[j]);
        }
        return 0f;
    }

    /**
     * Words written joined ("kim seo yeong" → "kimseoyeong") against one word of another name: their spellings'
     * fuzzy similarity, or when the joined words are Latin and the other word native (김서영), the learned model's
     * if higher.
     */
    static float joinedSimilarity(String joined, String joinedSkeleton, boolean joinedIsLatin, NameTokens y, int j) {
        if (joined.equals(y.text[j])) {
            return 1f;
        }
        if (!joinedIsLatin && y.origin[j] == WordOrigin.ABJAD) {
            // words joined in Arabic script ("محمد حسن") against one ("محمدحسين"): the same name only as written
            return 0f;
        }
        if (joinedIsLatin && y.chineseSyllable[j] && OwnRomanisation.readsAsPinyin(joined)) {
            return pinyinReading(y, j, joined);
        }
        float s = fuzzy(joined, y.text[j], joinedSkeleton, y.skeleton[j]);
        String[] units = y.nativeUnits[j];
        return units == null || !joinedIsLatin ? s
                : Math.max(s, MODEL.joinedSimilarity(units, joined, y.hanTranscription[j]));
    }

    /** Latin spellings and fixed syllable romanisations: two letters apart is another name, not a convention. */
    private static boolean spelledByRule(WordOrigin o) {
        return o == WordOrigin.LATIN || o == WordOrigin.SYLLABIC;
    }

    /**
     * Fuzzy similarity of two words of the same kind; also used for joined words ("aero caribbean"): Jaro-Winkler
     * above a length-dependent floor, or {@link #PHONETIC} when four or more consonants agree in order. Between two
     * Latin spellings the caller caps it by edit distance ({@link EditDistance}).
     */
    static float fuzzy(String a, String b, String skeletonA, String skeletonB) {
        int minLen = Math.min(a.length(), b.length());
        if (minLen <= 2) {
            return 0f;
        }
        float jw = (float) JaroWinkler.similarityIfAtLeast(a, b, floor(minLen));
        if (jw < floor(minLen)) {
            jw = 0f;
        }
        // Four or more consonants in the same order is a fair sign of one name in two romanisations.
        if (jw < PHONETIC && skeletonA != null && skeletonA.length() >= 4 && skeletonA.equals(skeletonB)) {
            return PHONETIC;
        }
        return jw;
    }

    /** Lowest Jaro-Winkler similarity that still counts, by the shorter word's length. */
    static float floor(int minLen) {
        if (minLen <= 3) {
            return FLOOR_SHORT;
        }
        if (minLen <= 5) {
            return FLOOR_MEDIUM;
        }
        return FLOOR_LONG;
    }

    Kind kindOf(NameTokens q, int i, NameTokens c, int j, float sim) {
        if (q.text[i].equals(c.text[j])) {
            return Kind.EXACT;
        }
        if (q.kind[i] == TokenKind.INITIAL || c.kind[j] == TokenKind.INITIAL) {
            return Kind.INITIAL;
        }
        if (vocabulary.areNicknames(q.text[i], c.text[j])) {
            return Kind.NICKNAME;
        }
        if (sim == LOOK_ALIKE && Disguises.readAlike(q.text[i], c.text[j])) {
            return Kind.LOOK_ALIKE;
        }
        if (sim == PHONETIC || sim == PHONETIC_EQUAL || !q.text[i].equals(c.text[j])
                && JaroWinkler.similarity(q.text[i], c.text[j]) < sim) {
            return Kind.PHONETIC;
        }
        return Kind.FUZZY;
    }
}
