package org.exportguard.accuracy;

/**
 * The floor (or, for false alerts, the ceiling) of every accuracy figure, set from what the engine measured on
 * 2026-11-30 ({@code mvn -B -o -pl accuracy -am test}, lines {@code [accuracy]}), so a change that costs accuracy
 * fails the build instead of slipping under a floor set far below what the engine does.
 *
 * <p>The policy: floor = measured − 0.5 point on sets of 1,000 rows or more, − 1 point on smaller ones (one row is
 * then worth 0.25 point or more), rounded down; never looser than the acceptance bar the project must meet (the
 * floors before these: OFAC aliases 99.5%, UN 99%, febrl 95%, Russian transliteration 90%, labelled F1 0.80, false
 * alerts at most 1%), in which case the bar is the floor, noted below. Sets of a few rows that are all found keep
 * "all found". The false-alert rate gets a ceiling of measured + 0.1 point: half a point on a rate of 0.8% would
 * let false alerts grow by 60% unnoticed. The engine is deterministic and the sets are fixed, so a figure moves
 * only when the code (or the data) does; when a change moves one on purpose, re-measure and move its floor here and
 * in {@code docs/matching.md} together.
 */
final class Floors {
    private Floors() {
    }

    // Screening (ScreeningAccuracyTest)

    /**
     * OFAC aliases, expected entry among the top-scored hits: 15,388/15,441 = 0.9966 (was 15,395); − 0.5 is under
     * the bar.
     */
    static final double OFAC_ALIASES_TOP = 0.995; // acceptance bar
    /** OFAC aliases, expected entry strictly first: 14,967/15,441 = 0.9693 (was 14,974). */
    static final double OFAC_ALIASES_STRICTLY_FIRST = 0.964;
    /** UN aliases and original-script names, all: 3,107/3,129 = 0.9930; − 0.5 = 0.9880 is under the bar. */
    static final double UN_ALIASES = 0.99; // acceptance bar
    /** UN queries in Latin script: 2,708/2,730 = 0.9919. */
    static final double UN_LATIN = 0.986;
    /** UN queries in Arabic script: 384/384 = 1.0 (a set under 1,000: − 1 point). */
    static final double UN_ARABIC = 0.99;
    /** UN queries in Cyrillic (11/11) and CJK (4/4): all found; one miss would be 9 or 25 points. */
    static final double UN_CYRILLIC = 1.0;
    static final double UN_CJK = 1.0;
    /**
     * False alerts of 53,934 background names against all shared lists: 230 = 0.0043 with ins14's silent Latin letters;
     * 232 with every branch of issue 14 before it (fa14d: weak evidence in Arabic script and Cyrillic must keep a reading's consonants, 267 -> 232; before it
     * zh14c, ko14c, gen14 and joint14 had taken 251 to 267). The ceiling is issue 14's bar itself, 0.50%: measured +
     * 0.1 point, the rule for the other figures, would let a figure over the bar pass. History: 250 = 0.0046 with the
     * native-script name parts read exactly (fa14), 325 = 0.0060 before; 446 = 0.0083 before issue 14 part 3, the
     * learned cross-script comparison in place of the loose consonant rules.
     */
    static final double FALSE_ALERTS_CEILING = 0.0050;

    // Pairs (PairMatchingAccuracyTest)

    /**
     * febrl typo pairs with char_ratio ≥ 0.8: 3,803/3,841 = 0.9901 (issue 14: learned variants, typing slips; was
     * 3,785); − 0.5 is under the acceptance bar of issue 14 (99%), which is the floor.
     */
    static final double FEBRL = 0.99; // acceptance bar
    /**
     * Transliteration pairs (Latin vs native script), per language, on the held-out half (TransliterationSplit: the
     * learned cross-script model never saw these pairs); about 1,000 pairs each, Arabic 1,930. Issue 14 part 3; the
     * figures before it were over the whole set: ar 0.8275, he 0.5420, ja 0.6620, ja-kana 0.6410, ko 0.3140,
     * ru 0.9035, zh 0.4100.
     */
    static final double TRANSLIT_AR = 0.953; // 1,850/1,930 = 0.9585 (tuning 0.9647): ins14, silent Latin letters; 1,833/1,930 = 0.9497 (tuning half 0.9657): gen14, the model re-learned (second training on the pairs the first explains, 5 rounds, unseen spelling 6 + 3 nats a letter); was 1,807 (0.9363, tuning 0.9498); 1,809 before fa14's final-yeh rule
    static final double TRANSLIT_HE = 0.936; // 941/1,000 = 0.9410 (tuning 0.9430): ins14; 932/1,000 = 0.9320 (tuning 0.9400): gen14; was 905 (0.9050, tuning 0.9280)
    static final double TRANSLIT_JA = 0.864; // 848/970 = 0.8742, under 1,000 rows: − 1 point (tuning 0.9359): ins14; 846/970 = 0.8722, under 1,000 rows: − 1 point (tuning 0.9369): gen14; was 834 (0.8598, tuning 0.9379); zh14b's pinyin-only rule for short Han words, was 833 (0.8588); short words, was 0.8412
    static final double TRANSLIT_JA_KANA = 0.879; // 885/995 = 0.8894, under 1,000 rows: − 1 point (tuning 0.9423): ins14; 871/995 = 0.8754, under 1,000 rows: − 1 point (tuning 0.9413): gen14; was 856 (0.8603, tuning 0.9333); was 0.8503
    static final double TRANSLIT_KO = 0.815; // 834/1,017 = 0.8201 (tuning 0.8433): ins14; 827/1,017 = 0.8132 (tuning 0.8433) with joint14's whole-name rule too (CrossScriptNames, calibration re-learned on gen14's model); 813/1,017 = 0.7994 (tuning 0.8281) with zh14c, ko14c and gen14 merged and the Hangul thresholds re-learned on gen14's model; ko14c alone 780 = 0.7670 (tuning 0.8016): ko14c, short Hangul words that look transcribed are judged like transcriptions, even against Korean-shaped Latin words (HangulOrigin), Latin words reading a Hangul name syllable by syllable are that name, learned vowel spellings, the vowel-group rule and the Korean-name rule only for Korean-looking words; before it 721 (0.7089, tuning 0.7213): ko14b, romanised Korean names meet a Hangul word only syllable by syllable; before it 727 (0.7148, tuning 0.7355) with all of issue 14 merged; zhko14 alone 732 (0.7198), main before it 0.6608
    static final double TRANSLIT_RU = 0.958; // 964/1,001 = 0.9630 (tuning 0.9830): ins14, one pair lost; 965/1,001 = 0.9640 (tuning 0.9830): gen14; was 959 (0.9580, tuning 0.9790)
    static final double TRANSLIT_ZH = 0.8094; // 825/1,013 = 0.8144 (tuning 0.8713): ins14, silent Latin letters (a letter the transcription drops, short / 肖特); before it 808/1,013 = 0.7976 (tuning 0.8622): zh14d, a Chinese name told by its own pinyin when learning the transcription characters; before it 806 = 0.7957 (tuning 0.8602): zh14d, such a word judged also against a Latin word that reads as pinyin, at a threshold ten times stricter; before it 801 = 0.7907 (tuning 0.8531): zh14d, a two-character Han word with one transcription character (not both) judged as a transcription, and no such word under 0.85; was 784/1,013 = 0.7739 (tuning 0.8450) with zh14c, ko14c and gen14 merged and the Han threshold re-learned on gen14's model; zh14c alone 749 = 0.7394 (tuning 0.8207): zh14c, two Han characters Chinese transcribes foreign names with judged as a transcription; was 737 (0.7275, tuning 0.8095): short Han words kept from pinyin only (zh14b), was 716 (0.7068); short words, was 0.6910 (0.5972 before the Han units split)
    /**
     * Labelled pairs (399, half of the OpenSanctions bench; − 1 point): precision 0.9477 (tp 163, fp 9), recall
     * 0.7725 (fn 48), F1 0.8512. OpenSanctions' own logic-v2 scores F1 about 0.80 on the bench: that is the bar.
     */
    static final double LABELLED_PRECISION = 0.952; // 0.9624 (tp 179, fp 7): f1v14b's generic word on each side; 0.9572 (fp 8): f1v14's rules (tp 180 alone) with fa14's Arabic-script rule; was 0.9489 (tp 167, fp 9)
    static final double LABELLED_RECALL = 0.838; // 0.8483 (fn 32); was 0.7915 (fn 44)
    static final double LABELLED_F1 = 0.891; // 0.9018 (f1v14b); 0.8995 (f1v14 alone 0.9023); was 0.8630, before the variants 0.8542 (tp 164, fp 9, fn 47)

    // Disguises (DisguiseAccuracyTest): every third entry of the five shared lists, disguised one way each;
    // measured 2026-11-30 (main before issue 14 in brackets): − 0.5 point, − 1 point on the set under 1,000
    static final java.util.Map<String, Double> DISGUISES = java.util.Map.of(
            "soft hyphen inside the longest word", 0.993, // 3,426/3,431 = 0.9985 (3,139 = 0.9149)
            "one Cyrillic look-alike letter", 0.993, // 3,428/3,433 = 0.9985 (3,408 = 0.9927)
            "one digit for a letter", 0.993, // 2,582/2,587 = 0.9981 (2,501 = 0.9668)
            "trade-mark sign glued on", 0.993, // 3,700/3,706 = 0.9984 (2,608 = 0.7037)
            "first two words joined", 0.948, // 1,526/1,600 = 0.9538 (1,460 = 0.9125)
            "longest word split", 0.961, // 1,623/1,680 = 0.9661 (1,601 = 0.9530)
            "typo in a generic or legal-form word", 0.987, // 481/482 = 0.9979 (202 = 0.4191)
            "m written as rn", 0.948, // 1,055/1,107 = 0.9530 (820 = 0.7407)
            "capital I written as small l", 0.992); // 1,188/1,191 = 0.9975 (1,153 = 0.9681)
}
