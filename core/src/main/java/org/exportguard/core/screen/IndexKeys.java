package org.exportguard.core.screen;

import org.exportguard.core.match.Disguises;
import org.exportguard.core.match.NameTokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lookup keys of the inverted index, for listed names and for queries. The two sides differ on purpose: a
 * listed word is stored under itself and its one-letter deletions; a query word looks up itself and its deletions
 * under both, which finds every listed word within one edit (the symmetric-delete scheme).
 *
 * <p>Key prefixes: {@code =} word, {@code -} deletion of a listed word, {@code ~} phonetic form, {@code ^}
 * consonant skeleton, {@code %} the consonants of the learned spelling-variant key (see {@code SpellingVariants}) where the word has no
 * skeleton.
 */
final class IndexKeys {
    /** Words shorter than this get no deletion keys: one edit of "ali" is too many other names. */
    static final int MIN_DELETION_LENGTH = 5;
    /**
     * Words longer than this get no deletion keys either: no real name word is this long, and a word of n letters
     * has n deletions of n - 1 letters each, which for a 70 KB "word" is gigabytes.
     */
    static final int MAX_DELETION_LENGTH = 32;

    private IndexKeys() {
    }

    static Set<String> forListedName(NameTokens t) {
        Set<String> keys = new LinkedHashSet<>();
        boolean any = false;
        for (int i = 0; i < t.size(); i++) {
            if (!isKeyWord(t, i)) {
                continue;
            }
            any = true;
            String w = t.text[i];
            keys.add("=" + w);
            addLookAlikeKey(w, keys);
            keys.add("~" + t.phonetic[i]);
            addSoundKeys(t, i, keys);
            if (w.length() >= MIN_DELETION_LENGTH && w.length() <= MAX_DELETION_LENGTH) {
                for (int d = 0; d < w.length(); d++) {
                    keys.add("-" + deleteAt(w, d));
                }
            }
            addJoinedKeys(t, i, keys);
        }
        if (!any) {
            // A name of only minor words ("THE CO") is still findable by them.
            for (int i = 0; i < t.size(); i++) {
                keys.add("=" + t.text[i]);
            }
        }
        return keys;
    }

    /**
     * Lookup keys per query word (index-aligned with the query's words), then one entry per run of initials;
     * minor words get none.
     */
    static List<List<String>> forQuery(NameTokens q) {
        List<List<String>> out = new ArrayList<>(q.size());
        boolean anyMajor = false;
        for (int i = 0; i < q.size(); i++) {
            anyMajor |= isKeyWord(q, i);
        }
        for (int i = 0; i < q.size(); i++) {
            List<String> keys = new ArrayList<>();
            if (!anyMajor || isKeyWord(q, i)) {
                String w = q.text[i];
                keys.add("=" + w);
                addLookAlikeKey(w, keys);
                keys.add("~" + q.phonetic[i]);
                addSoundKeys(q, i, keys);
                if (w.length() >= MIN_DELETION_LENGTH && w.length() <= MAX_DELETION_LENGTH) {
                    keys.add("-" + w);
                    for (int d = 0; d < w.length(); d++) {
                        String del = deleteAt(w, d);
                        keys.add("=" + del);
                        keys.add("-" + del);
                    }
                } else if (w.length() == MIN_DELETION_LENGTH - 1) {
                    keys.add("-" + w);
                }
                addJoinedKeys(q, i, keys);
            }
            out.add(keys);
        }
        for (int i = 0; i < q.size(); i++) {
            // "N S O Group": a run of initials may be one listed word written spaced out; looked up as one more
            // word, weighing what the run weighs.
            String run = isInitial(q, i) ? initialsRunFrom(q, i) : null;
            if (run != null) {
                out.add(List.of("=" + run));
            }
        }
        return out;
    }

    /**
     * The consonant skeleton of word {@code i}, or where it has too few consonants for one ("zawahry": the skeleton
     * drops w and h), the consonants of its learned variant key ("zvr"). Not both: the skeleton already meets most
     * spellings, and every key more is more candidates to score.
     */
    private static void addSoundKeys(NameTokens t, int i, java.util.Collection<String> keys) {
        if (t.skeleton[i] != null) {
            keys.add("^" + t.skeleton[i]);
        } else if (t.variantLookup[i] != null) {
            keys.add("%" + t.variantLookup[i]);
        }
    }

    /**
     * The word's look-alike skeleton where it differs ("hamas" → "harnas"), on both sides: a word and one that reads
     * alike ({@code Disguises.readAlike}) then share a key, which no edit-distance key gives a short word.
     */
    private static void addLookAlikeKey(String w, java.util.Collection<String> keys) {
        String look = Disguises.lookAlikeSkeleton(w);
        if (!look.equals(w)) {
            keys.add("=" + look);
        }
    }

    /**
     * The key word at {@code i} joined with its neighbour when that is a key word, a particle, a generic word or a
     * legal form ("al kawthar" → "alkawthar", "nso group" → "nsogroup"): a name may be written with or without the
     * space.
     */
    private static void addJoinedKeys(NameTokens t, int i, java.util.Collection<String> keys) {
        String w = t.text[i];
        if (i + 1 < t.size() && (isKeyWord(t, i + 1) || isParticle(t, i + 1) || t.isCompanyWord(i + 1))) {
            keys.add("=" + w + t.text[i + 1]);
        }
        if (i > 0 && isParticle(t, i - 1)) {
            keys.add("=" + t.text[i - 1] + w);
        }
    }

    /** The letters of a run of two to four initials starting at {@code i} ("n s o" → "nso"), or null. */
    private static String initialsRunFrom(NameTokens q, int i) {
        if (i > 0 && isInitial(q, i - 1)) {
            return null;
        }
        StringBuilder run = new StringBuilder(4);
        for (int k = i; k < q.size() && isInitial(q, k) && run.length() < 4; k++) {
            run.append(q.text[k]);
        }
        return run.length() >= 2 ? run.toString() : null;
    }

    private static boolean isInitial(NameTokens t, int i) {
        return t.text[i].length() == 1 && !Character.isDigit(t.text[i].charAt(0));
    }

    private static boolean isParticle(NameTokens t, int i) {
        return t.isParticle(i);
    }

    /** The weight of the query word whose keys are at {@code i} of {@link #forQuery}; past the words, a run's. */
    static float queryWordWeight(NameTokens q, int i) {
        if (i < q.size()) {
            return q.weight[i];
        }
        int seen = q.size();
        for (int k = 0; k < q.size(); k++) {
            String run = isInitial(q, k) ? initialsRunFrom(q, k) : null;
            if (run != null && seen++ == i) {
                float w = 0f;
                for (int r = k; r < k + run.length(); r++) {
                    w += q.weight[r];
                }
                return w;
            }
        }
        return 0f;
    }

    private static boolean isKeyWord(NameTokens t, int i) {
        return t.weight[i] >= 0.99f;
    }

    private static String deleteAt(String w, int d) {
        return new StringBuilder(w.length() - 1).append(w, 0, d).append(w, d + 1, w.length()).toString();
    }
}
