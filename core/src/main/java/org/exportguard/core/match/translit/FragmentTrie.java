package org.exportguard.core.match.translit;

import java.util.Map;

/**
 * The Latin fragments one unit is spelled as, as a trie over the letters a-z: the Viterbi alignment walks it along
 * the Latin word a letter at a time instead of cutting a substring and hashing it per position and length.
 */
final class FragmentTrie {
    private static final int LETTERS = 26;
    /** Node of the empty fragment. */
    static final int ROOT = 0;
    /** No node: the letters so far start no fragment of this unit. */
    static final int NONE = -1;

    /** {@code children[node * 26 + letter]}: the child node, or 0 (the root is never a child) for none. */
    private final int[] children;
    /** Log probability of the fragment ending at a node, NaN where none ends. */
    private final float[] logp;

    private FragmentTrie(int[] children, float[] logp) {
        this.children = children;
        this.logp = logp;
    }

    /** The trie of a unit's fragments (lower-case a-z only; the model's tables hold no other letters). */
    static FragmentTrie of(Map<String, Float> fragments) {
        int nodes = 1;
        for (String f : fragments.keySet()) {
            nodes += f.length();
        }
        int[] children = new int[nodes * LETTERS];
        float[] logp = new float[nodes];
        java.util.Arrays.fill(logp, Float.NaN);
        int used = 1;
        for (Map.Entry<String, Float> e : fragments.entrySet()) {
            String f = e.getKey();
            int node = ROOT;
            for (int i = 0; i < f.length(); i++) {
                int letter = letter(f.charAt(i));
                if (letter < 0) {
                    throw new IllegalArgumentException("fragment outside a-z: " + f);
                }
                int child = children[node * LETTERS + letter];
                if (child == 0) {
                    child = used++;
                    children[node * LETTERS + letter] = child;
                }
                node = child;
            }
            logp[node] = e.getValue();
        }
        return new FragmentTrie(children, logp);
    }

    /** The node of the fragment one letter longer, or {@link #NONE}. */
    int next(int node, char c) {
        int letter = letter(c);
        if (letter < 0) {
            return NONE;
        }
        int child = children[node * LETTERS + letter];
        return child == 0 ? NONE : child;
    }

    /** True when a fragment ends at the node. */
    boolean isFragment(int node) {
        return !Float.isNaN(logp[node]);
    }

    /** Log probability of the fragment ending at the node. */
    float logp(int node) {
        return logp[node];
    }

    private static int letter(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : -1;
    }
}
