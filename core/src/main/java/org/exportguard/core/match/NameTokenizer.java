package org.exportguard.core.match;

import org.exportguard.core.match.translit.Graphemes;
import org.exportguard.core.match.translit.Readings;
import org.exportguard.core.model.PartyType;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw name into {@link NameTokens}: any script to ASCII, case folded, dots and apostrophes dropped
 * ("S.A." → "sa", "Nu'man" → "numan"), other punctuation split, then each word classified: legal forms
 * canonicalised ("Limited" → "ltd"), titles, particles and initials marked as minor words, digits kept.
 * Word order is not kept as meaning: "PUTIN, Vladimir" and "Vladimir Putin" give the same words.
 */
public final class NameTokenizer {
    private final Vocabulary vocabulary;

    public NameTokenizer() {
        this(Vocabulary.DEFAULT);
    }

    NameTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The normalised words of a name, for display and tests. */
    public List<String> words(String name, PartyType type) {
        return List.of(tokenize(name, type).text);
    }

    public NameTokens tokenize(String name, PartyType type) {
        if (name == null || name.isBlank()) {
            return NameTokens.EMPTY;
        }
        List<String> words = new ArrayList<>(6);
        List<WordOrigin> wordOrigins = new ArrayList<>(6);
        List<String> natives = new ArrayList<>(6);
        java.util.Set<String> initialisms = new java.util.HashSet<>(2);
        java.util.Set<String> asides = new java.util.HashSet<>(2);
        String undone = Disguises.undo(name);
        int comma = splitRaw(undone, words, wordOrigins, natives);
        noteInitialismsAndAsides(undone, initialisms, asides);
        if (words.isEmpty()) {
            return NameTokens.EMPTY;
        }
        if (comma > 0 && comma < words.size() && type != PartyType.ORGANIZATION && type != PartyType.VESSEL
                && type != PartyType.AIRCRAFT && legalFormAt(words, comma) < 0) {
            // "LAST, First" → "First LAST": word order carries meaning in a few places (joined words, "X bin Y").
            java.util.Collections.rotate(words, -comma);
            java.util.Collections.rotate(wordOrigins, -comma);
            java.util.Collections.rotate(natives, -comma);
        }
        List<String> text = new ArrayList<>(words.size());
        List<TokenKind> kinds = new ArrayList<>(words.size());
        List<WordOrigin> origins = new ArrayList<>(words.size());
        List<String[]> units = new ArrayList<>(words.size());
        List<String[]> readings = new ArrayList<>(words.size());
        List<String> tokenNatives = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            // first, so that "C0MPANY" is read as the legal form it disguises
            words.set(i, undoDigitForLetter(words.get(i)));
        }
        if (type != PartyType.PERSON) {
            splitGluedBusinessWords(words, wordOrigins, natives);
        }
        boolean mayHaveLegalForm = type != PartyType.PERSON && words.size() > 1;
        if (mayHaveLegalForm) {
            joinSplitBusinessWords(words, wordOrigins, natives);
            correctTyposOfVocabularyWords(words);
        }
        boolean person = type == PartyType.PERSON;
        for (int i = 0; i < words.size(); ) {
            String w = words.get(i);
            int legal = mayHaveLegalForm ? legalFormAt(words, i)
                    : person && words.size() > 1 ? unmistakableLegalFormAt(words, i) : -1;
            if (legal >= 0) {
                text.add(vocabulary.legalFormCanonical.get(legal));
                kinds.add(TokenKind.LEGAL_FORM);
                origins.add(WordOrigin.LATIN);
                units.add(null);
                readings.add(null);
                tokenNatives.add(null);
                i += vocabulary.legalFormVariants.get(legal).length;
                continue;
            }
            String generic = mayHaveLegalForm ? vocabulary.genericWords.get(w) : null;
            if (generic != null) {
                text.add(generic);
                kinds.add(TokenKind.GENERIC);
                origins.add(WordOrigin.LATIN);
                units.add(null);
                readings.add(null);
                tokenNatives.add(null);
                i++;
                continue;
            }
            text.add(w);
            kinds.add(classify(w));
            origins.add(wordOrigins.get(i));
            units.add(natives.get(i) == null ? null : Graphemes.of(natives.get(i)));
            readings.add(natives.get(i) == null ? null : Readings.of(natives.get(i), w));
            tokenNatives.add(natives.get(i));
            i++;
        }
        markTitles(text, kinds, type);
        markPatronymics(text, kinds, type);
        markAllParticlesAsWords(kinds);
        String[] t = text.toArray(new String[0]);
        WordOrigin[] origin = origins.toArray(new WordOrigin[0]);
        String[] skeletons = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            if (kinds.get(i) == TokenKind.WORD || kinds.get(i) == TokenKind.PATRONYMIC) {
                skeletons[i] = Skeleton.of(t[i]);
            }
        }
        NameTokens.Writing writing = new NameTokens.Writing(type, hangulWords(tokenNatives),
                mark(t, kinds, initialisms, TokenKind.WORD), mark(t, kinds, asides, null), afterSlash(undone, t));
        return new NameTokens(t, kinds.toArray(new TokenKind[0]), skeletons, origin, units.toArray(new String[0][]),
                readings.toArray(new String[0][]), tokenNatives.toArray(new String[0]), writing);
    }

    /**
     * For a name of two alternatives written with one slash ("Al-Qa'ida/Islamic Army"), which words are the second
     * one's (words of the first are not); null for any other name. Each side needs a word of three letters or more,
     * so "A/S" and "c/o" are no alternatives.
     */
    private static boolean[] afterSlash(String name, String[] text) {
        int slash = name.indexOf('/');
        if (slash < 0 || name.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        java.util.Set<String> first = wordsOf(name.substring(0, slash));
        java.util.Set<String> second = wordsOf(name.substring(slash + 1));
        if (!hasLongWord(first) || !hasLongWord(second)) {
            return null;
        }
        boolean[] out = new boolean[text.length];
        boolean any = false;
        for (int i = 0; i < text.length; i++) {
            out[i] = second.contains(text[i]) && !first.contains(text[i]);
            any |= out[i];
        }
        return any ? out : null;
    }

    private static java.util.Set<String> wordsOf(String part) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String raw : part.trim().split("[\\s,]+")) {
            out.addAll(splitWords(ScriptTransliterator.wordToAscii(raw)));
        }
        return out;
    }

    private static boolean hasLongWord(java.util.Set<String> words) {
        for (String w : words) {
            if (w.length() >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Per word, whether it is a word (of {@code kind}, when given) whose text is in {@code texts}; null if none. */
    private static boolean[] mark(String[] text, List<TokenKind> kinds, java.util.Set<String> texts, TokenKind kind) {
        if (texts.isEmpty()) {
            return null;
        }
        boolean[] out = null;
        for (int i = 0; i < text.length; i++) {
            if (texts.contains(text[i]) && (kind == null || kinds.get(i) == kind)) {
                if (out == null) {
                    out = new boolean[text.length];
                }
                out[i] = true;
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern DOTTED_INITIALS =
            java.util.regex.Pattern.compile("(?:[a-z]\\.){2,}|[a-z](?:\\.[a-z])+");
    private static final java.util.regex.Pattern PARENTHESES = java.util.regex.Pattern.compile("\\(([^()]*)\\)");

    /**
     * Words written as letters with dots ("U.S.", "U.K"), which stand for the initials of several words, and words
     * written in parentheses ("Deutsche Bank (Schweiz) AG"), which qualify a name (a country, a branch, a former
     * name) rather than being it.
     */
    private static void noteInitialismsAndAsides(String name, java.util.Set<String> initialisms,
                                                 java.util.Set<String> asides) {
        for (String piece : name.indexOf('.') < 0 ? new String[0] : name.split("\\s+")) {
            String ascii = ScriptTransliterator.wordToAscii(piece.replace(",", ""));
            if (DOTTED_INITIALS.matcher(ascii).matches()) {
                initialisms.add(ascii.replace(".", ""));
            }
        }
        java.util.regex.Matcher m = PARENTHESES.matcher(name);
        while (name.indexOf('(') >= 0 && m.find()) {
            for (String raw : m.group(1).split("\\s+")) {
                asides.addAll(splitWords(ScriptTransliterator.wordToAscii(raw)));
            }
        }
    }

    /**
     * Legal forms no person's name holds ("Nicolás Maduro LLC"): in a name said to be a person's, these are still
     * legal forms, so the name reads as the person's name with a business form added, not as a third name.
     */
    private static final java.util.Set<String> UNMISTAKABLE_LEGAL_FORMS = java.util.Set.of("ltd", "llc", "plc", "inc",
            "gmbh", "limited", "incorporated", "corporation");

    private int unmistakableLegalFormAt(List<String> words, int i) {
        int v = UNMISTAKABLE_LEGAL_FORMS.contains(words.get(i)) ? legalFormAt(words, i) : -1;
        return v >= 0 && vocabulary.legalFormVariants.get(v).length == 1 ? v : -1;
    }

    /** Each word's Hangul spelling when it was written in Hangul syllables only, else null; null when none was. */
    private static String[] hangulWords(List<String> natives) {
        String[] out = null;
        for (int i = 0; i < natives.size(); i++) {
            String w = natives.get(i);
            if (w != null && isHangulSyllables(w)) {
                if (out == null) {
                    out = new String[natives.size()];
                }
                out[i] = w;
            }
        }
        return out;
    }

    private static boolean isHangulSyllables(String w) {
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            if (ch < 0xAC00 || ch > 0xD7A3) {
                return false;
            }
        }
        return !w.isEmpty();
    }

    /**
     * Shortest business word split off the end of a longer word, and shortest stem it may leave. Shorter legal forms
     * end too many ordinary words ("Bucharest" / est, "Galicia" / cia, "Arkansas" / sas, "Rostov" / tov); only
     * these abbreviations, which end no common word, are split off too.
     */
    private static final int MIN_GLUED_SUFFIX = 5;
    private static final int MIN_GLUED_STEM = 4;
    private static final java.util.Set<String> SHORT_GLUED_SUFFIXES =
            java.util.Set.of("ltd", "llc", "plc", "inc", "gmbh", "ooo", "oao", "zao", "pao", "jsc", "fzco");

    /**
     * Two adjacent words that together are a legal form or generic word ("CORPO RATION", "HOLD INGS", "LIMI TADA")
     * are that word, written split.
     */
    private void joinSplitBusinessWords(List<String> words, List<WordOrigin> origins, List<String> natives) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String joined = words.get(i) + words.get(i + 1);
            if (joined.length() >= 5 && vocabulary.isSingleWordBusinessWord(joined)
                    && !vocabulary.isSingleWordBusinessWord(words.get(i))) {
                words.set(i, joined);
                words.remove(i + 1);
                origins.remove(i + 1);
                natives.set(i, null);
                natives.remove(i + 1);
            }
        }
    }

    /**
     * A word that ends in a legal form or generic word of five letters or more (or one of a few unmistakable
     * abbreviations), after a stem of four or more ("VOLGAGROUP", "SAKHATRANSLLC", "KEENCLOUDLIMITED"), is two words
     * written glued: the name and its business. Not in names known to be a person's.
     */
    private void splitGluedBusinessWords(List<String> words, List<WordOrigin> origins, List<String> natives) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() < 3 + MIN_GLUED_STEM || vocabulary.isSingleWordBusinessWord(w)) {
                continue;
            }
            for (String suffix : vocabulary.singleWordBusinessWords) {
                boolean splittable = suffix.length() >= MIN_GLUED_SUFFIX || SHORT_GLUED_SUFFIXES.contains(suffix);
                if (splittable && w.length() - suffix.length() >= MIN_GLUED_STEM
                        && w.endsWith(suffix) && isLetters(w)) {
                    words.set(i, w.substring(0, w.length() - suffix.length()));
                    words.add(i + 1, suffix);
                    origins.add(i + 1, origins.get(i));
                    natives.set(i, null);
                    natives.add(i + 1, null);
                    i++;
                    break;
                }
            }
        }
    }

    private static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < 'a' || w.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /**
     * A legal form or generic word with one typo ("Gruop", "Limted", "COMPAoNY") is that word, so it keeps its low
     * weight instead of counting as a distinctive word nobody else has. Only words not already known (a word of a
     * longer legal form, "limitata" of "societa a responsabilita limitata", is not a typo of "limitada").
     */
    private void correctTyposOfVocabularyWords(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() < Vocabulary.MIN_TYPO_LENGTH || vocabulary.genericWords.containsKey(w)
                    || vocabulary.legalFormWords.contains(w) || vocabulary.particles.contains(w)) {
                continue;
            }
            String meant = vocabulary.typoOfVocabularyWord(w);
            if (meant != null) {
                words.set(i, meant);
            }
        }
    }

    private static final String LOOK_ALIKE_DIGITS = "0134578";
    private static final String LETTERS_THEY_LOOK_LIKE = "oieastb";

    /**
     * "Ig0r Sech1n", "NS0": a word of letters with a few look-alike digits (0 o, 1 i or l, 3 e, 4 a, 5 s, 7 t, 8 b)
     * in it is read as letters. A 1 between two consonants is an i ("sech1n"), elsewhere an l ("a1qaeda",
     * "ka1ashnikov"). Words with other digits, or as many digits as letters ("A1", "747", "F16"), stay numbers.
     */
    static String undoDigitForLetter(String w) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters++;
            } else if (LOOK_ALIKE_DIGITS.indexOf(c) >= 0) {
                digits++;
            } else {
                return w;
            }
        }
        if (digits == 0 || letters < 2 || digits * 2 > letters) {
            return w;
        }
        char[] cs = w.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            int d = LOOK_ALIKE_DIGITS.indexOf(w.charAt(i));
            if (d == 1) {
                cs[i] = isConsonant(w, i - 1) && isConsonant(w, i + 1) ? 'i' : 'l';
            } else if (d >= 0) {
                cs[i] = LETTERS_THEY_LOOK_LIKE.charAt(d);
            }
        }
        return new String(cs);
    }

    private static boolean isConsonant(String w, int i) {
        if (i < 0 || i >= w.length()) {
            return false;
        }
        char c = w.charAt(i);
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }

    private TokenKind classify(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                return TokenKind.NUMBER;
            }
        }
        if (w.length() == 1) {
            return TokenKind.INITIAL;
        }
        if (vocabulary.particles.contains(w)) {
            return TokenKind.PARTICLE;
        }
        return TokenKind.WORD;
    }

    /** Index of the (longest) legal-form variant starting at word {@code i}, or -1. */
    private int legalFormAt(List<String> words, int i) {
        if (!vocabulary.legalFormFirstTokens.contains(words.get(i))) {
            return -1;
        }
        List<String[]> variants = vocabulary.legalFormVariants;
        for (int v = 0; v < variants.size(); v++) {
            String[] variant = variants.get(v);
            if (i + variant.length > words.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < variant.length && all; k++) {
                all = variant[k].equals(words.get(i + k));
            }
            if (all) {
                return v;
            }
        }
        return -1;
    }

    /**
     * Titles ("Dr.", "Colonel", "Sheikh") stay in the name as low-weight words, so a query with or without one meets
     * the listed name; for organisations the same words are ordinary ("General Electric").
     */
    private void markTitles(List<String> text, List<TokenKind> kinds, PartyType type) {
        if (type == PartyType.ORGANIZATION || type == PartyType.VESSEL || type == PartyType.AIRCRAFT
                || kinds.contains(TokenKind.LEGAL_FORM)) {
            return;
        }
        int words = 0;
        for (TokenKind k : kinds) {
            words += k == TokenKind.WORD ? 1 : 0;
        }
        for (int i = 0; i < text.size() && words > 1; i++) {
            if (kinds.get(i) == TokenKind.WORD && vocabulary.titles.contains(text.get(i))) {
                kinds.set(i, TokenKind.TITLE);
                words--;
            }
        }
    }

    private static final String[] PATRONYMIC_ENDINGS = {"ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna"};

    /** In a person's name of three or more words, words with an East Slavic patronymic ending weigh half. */
    private static void markPatronymics(List<String> text, List<TokenKind> kinds, PartyType type) {
        if (type != PartyType.PERSON && type != PartyType.UNKNOWN) {
            return;
        }
        int words = 0;
        for (TokenKind k : kinds) {
            words += k == TokenKind.WORD ? 1 : 0;
        }
        if (words < 3 || kinds.contains(TokenKind.LEGAL_FORM)) {
            return;
        }
        for (int i = 0; i < text.size(); i++) {
            if (kinds.get(i) == TokenKind.WORD && text.get(i).length() > 6) {
                for (String ending : PATRONYMIC_ENDINGS) {
                    if (text.get(i).endsWith(ending)) {
                        kinds.set(i, TokenKind.PATRONYMIC);
                        break;
                    }
                }
            }
        }
    }

    /**
     * A name made only of particles ("DE LA") or generic words ("International Trading Co") still needs weight:
     * treat them as words.
     */
    private static void markAllParticlesAsWords(List<TokenKind> kinds) {
        for (TokenKind k : kinds) {
            if (k != TokenKind.PARTICLE && k != TokenKind.LEGAL_FORM && k != TokenKind.TITLE
                    && k != TokenKind.GENERIC) {
                return;
            }
        }
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == TokenKind.PARTICLE || kinds.get(i) == TokenKind.GENERIC) {
                kinds.set(i, TokenKind.WORD);
            }
        }
    }

    /**
     * Splits a raw name at white space, turns each piece to ASCII and splits that into words, noting their script.
     * Returns the number of words before the name's only comma ("LAST, First"), or -1 when there is not exactly one.
     */
    private static int splitRaw(String name, List<String> words, List<WordOrigin> origins, List<String> natives) {
        int start = 0;
        int len = name.length();
        int commas = 0;
        int wordsBeforeComma = -1;
        for (int i = 0; i <= len; i++) {
            if (i < len && name.charAt(i) == ',') {
                commas++;
            }
            if (i == len || Character.isWhitespace(name.charAt(i)) || name.charAt(i) == ','
                    || isNameSeparatorDot(name.charAt(i)) || separatesChineseOrJapanese(name, i)) {
                if (i > start) {
                    String raw = name.substring(start, i);
                    WordOrigin origin = WordOrigin.of(raw);
                    int before = words.size();
                    List<String> ascii = splitWords(ScriptTransliterator.wordToAscii(raw));
                    words.addAll(ascii.isEmpty() ? asWritten(raw) : ascii);
                    List<String> pieces = origin == WordOrigin.LATIN ? null : nativePieces(raw);
                    for (int k = before; k < words.size(); k++) {
                        origins.add(origin);
                        // the native spelling of each word, when the pieces line up with the words one to one
                        natives.add(pieces != null && pieces.size() == words.size() - before ? pieces.get(k - before)
                                : null);
                    }
                }
                if (i < len && name.charAt(i) == ',' && commas == 1) {
                    wordsBeforeComma = words.size();
                }
                start = i + 1;
            }
        }
        return commas == 1 ? wordsBeforeComma : -1;
    }

    /**
     * The words of a piece of a name in a script no transliterator reads (Khmer: ហ៊ុន ម៉ាណែត), kept as written (NFC,
     * lower case, cut at anything but letters and marks): a name the engine cannot romanise still meets itself and
     * its near spellings, rather than vanishing into no words at all. A single letter is left out as before (a
     * Hebrew initial with a geresh, ג', reads as nothing): an initial in another script can meet no Latin word.
     */
    static List<String> asWritten(String raw) {
        String nfc = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>(1);
        StringBuilder cur = new StringBuilder(nfc.length());
        int letters = 0;
        for (int i = 0; i <= nfc.length(); ) {
            int cp = i < nfc.length() ? nfc.codePointAt(i) : ' ';
            i += i < nfc.length() ? Character.charCount(cp) : 1;
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                cur.appendCodePoint(cp);
                letters += Character.isLetter(cp) ? 1 : 0;
            } else {
                if (letters >= 2) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                letters = 0;
            }
        }
        return out;
    }

    /**
     * The middle dots that separate the parts of a foreign name written in Chinese or Japanese (贝拉克·奥巴马,
     * ウラジーミル・プーチン): spaces, not letters, though transliteration would drop them and join the parts.
     */
    private static boolean isNameSeparatorDot(char ch) {
        return ch == '\u00B7' || ch == '\u30FB' || ch == '\uFF65' || ch == '\u2027';
    }

    /**
     * Other dots and hyphens between two Han or kana characters (约翰•甘迺迪, 約翰．甘迺迪, 约翰-甘迺迪): Chinese and Japanese
     * write no word with a dot or hyphen inside, so one there stands for the middle dot; read as part of the word it
     * would join the name's parts into one word that meets neither.
     */
    private static boolean separatesChineseOrJapanese(String name, int i) {
        char ch = name.charAt(i);
        boolean dotOrHyphen = ch == '\u2022' || ch == '.' || ch == '\uFF0E' || ch == '\uFE52' || ch == '\u2219'
                || ch == '-' || ch == '\u2010' || ch == '\u2011' || ch == '\uFF0D';
        return dotOrHyphen && i > 0 && i + 1 < name.length() && isHanOrKana(name.codePointBefore(i))
                && isHanOrKana(name.codePointAt(i + 1));
    }

    private static boolean isHanOrKana(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || cp == 0x30FC;
    }

    /**
     * A non-Latin piece of a name cut where its ASCII form is cut into words: at characters that are neither
     * letters, marks nor a geresh or apostrophe (hyphens, the katakana middle dot ...).
     */
    private static List<String> nativePieces(String raw) {
        List<String> out = new ArrayList<>(2);
        StringBuilder cur = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean keep = Character.isLetter(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || cp == '\'' || cp == 0x05F3 || cp == 0x05F4
                    || cp == 0x2019 || cp == '"' || cp == 0x30FC /* katakana long vowel mark */;
            if (keep) {
                cur.appendCodePoint(cp);
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Splits lower-case ASCII into words; dots and apostrophes join, '&' becomes "and", the rest separates. */
    static List<String> splitWords(String ascii) {
        List<String> out = new ArrayList<>(6);
        StringBuilder cur = new StringBuilder(16);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                cur.append(c);
            } else if (c == '.' || c == '\'' || c == '`' || c == '~') {
                // joins: "s.a." -> "sa", "o'brien" -> "obrien"
            } else {
                flush(cur, out);
                if (c == '&') {
                    out.add("and");
                }
            }
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}
