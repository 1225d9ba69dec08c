package org.exportguard.core.screen;

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
 * consonant skeleton.
 */
final class IndexKeys {
    /** Words shorter than this get no deletion keys: one edit of "ali" is too many other names. */
    static final int MIN_DELETION_LENGTH = 5;

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
            keys.add("~" + t.phonetic[i]);
            if (t.skeleton[i] != null) {
                keys.add("^" + t.skeleton[i]);
            }
            if (w.length() >= MIN_DELETION_LENGTH) {
                for (int d = 0; d < w.length(); d++) {
                    keys.add("-" + deleteAt(w, d));
                }
            }
            if (i + 1 < t.size() && isKeyWord(t, i + 1)) {
                keys.add("=" + w + t.text[i + 1]);
            }
        }
        if (!any) {
            // A name of only minor words ("THE CO") is still findable by them.
            for (int i = 0; i < t.size(); i++) {
                keys.add("=" + t.text[i]);
            }
        }
        return keys;
    }

    /** Lookup keys per query word (index-aligned with the query's words); minor words get none. */
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
                keys.add("~" + q.phonetic[i]);
                if (q.skeleton[i] != null) {
                    keys.add("^" + q.skeleton[i]);
                }
                if (w.length() >= MIN_DELETION_LENGTH) {
                    keys.add("-" + w);
                    for (int d = 0; d < w.length(); d++) {
                        String del = deleteAt(w, d);
                        keys.add("=" + del);
                        keys.add("-" + del);
                    }
                } else if (w.length() == MIN_DELETION_LENGTH - 1) {
                    keys.add("-" + w);
                }
                if (i + 1 < q.size() && isKeyWord(q, i + 1)) {
                    keys.add("=" + w + q.text[i + 1]);
                }
            }
            out.add(keys);
        }
        return out;
    }

    static float queryWordWeight(NameTokens q, int i) {
        return q.weight[i];
    }

    private static boolean isKeyWord(NameTokens t, int i) {
        return t.weight[i] >= 0.99f;
    }

    private static String deleteAt(String w, int d) {
        return new StringBuilder(w.length() - 1).append(w, 0, d).append(w, d + 1, w.length()).toString();
    }
}
