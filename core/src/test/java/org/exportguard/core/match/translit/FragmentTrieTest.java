package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trie holds exactly a unit's fragments, and the alignment walking it gives, bit for bit, what the alignment
 * that cut and hashed each fragment gave (kept here as the reference).
 */
class FragmentTrieTest {
    @Test
    void holdsExactlyTheFragments() {
        FragmentTrie t = FragmentTrie.of(Map.of("", -3f, "k", -0.5f, "ks", -1f));
        assertEquals(-3f, t.logp(FragmentTrie.ROOT));
        int k = t.next(FragmentTrie.ROOT, 'k');
        assertEquals(-0.5f, t.logp(k));
        assertEquals(-1f, t.logp(t.next(k, 's')));
        assertEquals(FragmentTrie.NONE, t.next(FragmentTrie.ROOT, 's'));
        assertEquals(FragmentTrie.NONE, t.next(k, '-'));
        assertEquals(false, FragmentTrie.of(Map.of("ab", 0f)).isFragment(
                FragmentTrie.of(Map.of("ab", 0f)).next(FragmentTrie.ROOT, 'a')));
    }

    @Test
    void theAlignmentIsUnchanged() {
        TransliterationModel model = TransliterationModel.shared();
        List<String> units = new ArrayList<>(model.emissions().keySet());
        units.add("\u0915"); // a unit the model never saw
        Random r = new Random(14);
        for (int trial = 0; trial < 5_000; trial++) {
            String[] word = new String[1 + r.nextInt(6)];
            for (int i = 0; i < word.length; i++) {
                word[i] = units.get(r.nextInt(units.size()));
            }
            StringBuilder latin = new StringBuilder();
            if (trial % 2 == 0) {
                // a spelling the tables hold, fragment by fragment
                for (String u : word) {
                    List<String> fragments = new ArrayList<>(model.emissions().getOrDefault(u, Map.of("x", 0f)).keySet());
                    latin.append(fragments.get(r.nextInt(fragments.size())));
                }
            } else {
                int len = r.nextInt(14);
                for (int i = 0; i < len; i++) {
                    // mostly letters, now and then something outside a-z
                    latin.append(r.nextInt(40) == 0 ? '-' : (char) ('a' + r.nextInt(26)));
                }
            }
            String l = latin.toString();
            assertEquals(reference(model, word, l), model.logLikelihood(word, l), 0.0, String.join("", word) + " / " + l);
        }
    }

    /**
     * The alignment as it was written before the trie: a substring and a map lookup per fragment length; with a
     * silent letter at most in each slot, from a copy of the row.
     */
    private static double reference(TransliterationModel model, String[] units, String latin) {
        Map<String, Map<String, Float>> emissions = model.emissions();
        int maxFragment = 0;
        for (Map<String, Float> m : emissions.values()) {
            for (String f : m.keySet()) {
                maxFragment = Math.max(maxFragment, f.length());
            }
        }
        float unseenBase = model.unseenBase();
        float unseenPerLetter = model.unseenPerLetter();
        int m = latin.length();
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        java.util.Arrays.fill(prev, Double.NEGATIVE_INFINITY);
        prev[0] = 0;
        prev = silent(model, units, 0, prev, latin);
        int slot = 0;
        for (String unit : units) {
            java.util.Arrays.fill(cur, Double.NEGATIVE_INFINITY);
            Map<String, Float> e = emissions.getOrDefault(unit, Map.of());
            for (int j = 0; j <= m; j++) {
                if (prev[j] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int k = 0; k <= maxFragment && j + k <= m; k++) {
                    Float lp = e.get(latin.substring(j, j + k));
                    double v = lp != null ? lp : k <= TransliterationModel.MAX_UNSEEN_FRAGMENT
                            ? unseenBase - unseenPerLetter * k : Double.NEGATIVE_INFINITY;
                    if (prev[j] + v > cur[j + k]) {
                        cur[j + k] = prev[j] + v;
                    }
                }
            }
            double[] t = prev;
            prev = silent(model, units, ++slot, cur, latin);
            cur = t;
        }
        return prev[m];
    }

    private static double[] silent(TransliterationModel model, String[] units, int slot, double[] row, String latin) {
        float[] table = null;
        for (String key : TransliterationModel.slotKeys(units, slot)) {
            table = table != null ? table : model.insertions().get(key);
        }
        double[] out = row.clone();
        for (int j = 0; table != null && j < latin.length(); j++) {
            char c = latin.charAt(j);
            double v = c >= 'a' && c <= 'z' ? row[j] + table[c - 'a' + 1] : Double.NEGATIVE_INFINITY;
            out[j + 1] = Math.max(out[j + 1], v);
        }
        return out;
    }
}
