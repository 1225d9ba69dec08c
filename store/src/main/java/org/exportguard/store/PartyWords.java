package org.exportguard.store;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lookup words of a party name, as indexed in {@code deal_words}: accents removed, lower case, split at
 * anything that is not a letter or digit, words of one character dropped. "Saito Tech Ltd." → saito, tech, ltd.
 * Deliberately simple and fast (it runs for every party of every stored deal); callers looking deals up by the
 * words of a list entry pass that entry's names through the same function.
 */
public final class PartyWords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PartyWords() {
    }

    public static Set<String> of(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null) {
            return out;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD);
        n = MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
        for (String w : SPLIT.split(n)) {
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return out;
    }
}
