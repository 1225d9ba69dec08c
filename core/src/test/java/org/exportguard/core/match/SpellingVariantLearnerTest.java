package org.exportguard.core.match;

import org.exportguard.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed {@code spelling-variants.txt} is what {@link SpellingVariantLearner} learns from the tuning half of
 * the shared alias sets; the held-out half measures how well the rules carry over to entries they were not learned
 * from. With {@code -Dvariants.write=true} the test rewrites the file instead of comparing.
 */
class SpellingVariantLearnerTest {
    private static final Path RULES = Path.of("src/main/resources/org/exportguard/core/match",
            SpellingVariants.RESOURCE);

    @Test
    void committedRulesAreWhatTheTuningHalfTeaches() throws Exception {
        SpellingVariantLearner learner = new SpellingVariantLearner();
        List<SpellingVariantLearner.Entry> entries = learner.entries(SharedData.dev("ofac-alias-queries.csv"),
                SharedData.dev("un-alias-and-script-queries.csv"));
        List<SpellingVariantLearner.WordPair> tuning = SpellingVariantLearner.wordPairs(entries, true);
        List<Map.Entry<String, Integer>> counted = SpellingVariantLearner.count(tuning);
        String learned = SpellingVariantLearner.rulesFile(counted);
        if (Boolean.getBoolean("variants.write")) {
            Files.writeString(RULES, learned, StandardCharsets.UTF_8);
        }
        assertEquals(learned, Files.readString(RULES, StandardCharsets.UTF_8),
                "spelling-variants.txt is not what the learner gives: regenerate it (command in the file's header)");

        SpellingVariants learnedRules = new SpellingVariants(SpellingVariants.parse(
                new BufferedReader(new StringReader(learned)), "learned"));
        SpellingVariants none = new SpellingVariants(List.of());
        for (boolean half : new boolean[]{true, false}) {
            List<SpellingVariantLearner.WordPair> pairs = half ? tuning
                    : SpellingVariantLearner.wordPairs(entries, false);
            int sameKey = 0;
            int matched = 0;
            int matchedBefore = 0;
            NameScorer scorer = new NameScorer();
            NameScorer before = new NameScorer();
            for (SpellingVariantLearner.WordPair p : pairs) {
                sameKey += learnedRules.key(p.a()).equals(learnedRules.key(p.b())) ? 1 : 0;
                NameTokens a = word(p.a(), learnedRules);
                NameTokens b = word(p.b(), learnedRules);
                matched += scorer.score(a, b) >= NameMatcher.DEFAULT_THRESHOLD ? 1 : 0;
                matchedBefore += before.score(word(p.a(), none), word(p.b(), none)) >= NameMatcher.DEFAULT_THRESHOLD
                        ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "[accuracy] spelling variants, %s half: %d word pairs of one entry; same "
                            + "variant key %.4f; matched at the default threshold %.4f (without the rules %.4f)%n",
                    half ? "tuning" : "held-out", pairs.size(), sameKey / (double) pairs.size(),
                    matched / (double) pairs.size(), matchedBefore / (double) pairs.size());
            assertTrue(matched > matchedBefore, "the rules must find more variant pairs than without them");
        }
    }

    /** A one-word name of a phonetic form (the learner's words are phonetic forms already: a fixed point). */
    private static NameTokens word(String phonetic, SpellingVariants variants) {
        return new NameTokens(new String[]{phonetic}, new TokenKind[]{TokenKind.WORD},
                new String[]{Skeleton.of(phonetic)}, new WordOrigin[]{WordOrigin.LATIN}, variants);
    }

    @Test
    void learnerFindsTheSubstitutionsOfAnAlignment() {
        assertEquals(List.of("e i", "o a"), SpellingVariantLearner.substitutions("hezbolah", "hizbalah").stream()
                .map(s -> s[0] + ' ' + s[1]).toList());
        // A pure deletion is anchored on the next letter.
        assertEquals(List.of("eu u"), SpellingVariantLearner.substitutions("eun", "un").stream()
                .map(s -> s[0] + ' ' + s[1]).toList());
        assertEquals(List.of("Foo", "a,b", "x"), SpellingVariantLearner.parseCsvLine("Foo,\"a,b\",x"));
        assertTrue(new SpellingVariantLearner().words("Ayman al-Zawahiri").contains("zavahiri"));
    }
}
