package org.exportguard.core.match.translit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The toneless Mandarin syllables of pinyin ({@code zhang}, {@code xiao}, {@code ming} ...), and whether a Latin word
 * is written wholly in them. A Chinese name part read by ICU is one exact pinyin spelling; a listed Latin word that is
 * itself pinyin but another spelling ({@code cheng} / {@code chen}, {@code feng} / {@code fang}) names other
 * characters, so another person, not a typo of the same one.
 *
 * <p>The resource {@value #RESOURCE} is every syllable ICU4J's {@code Han-Latin} gives the CJK Unified Ideographs
 * (regenerated and checked by {@code MandarinSyllablesTest}; computing it at run time costs seconds). Interjections
 * without a vowel ({@code m}, {@code ng}, {@code hm}) are left out: they would let any stray consonant count as
 * pinyin.
 */
public final class MandarinSyllables {
    static final String RESOURCE = "mandarin-syllables.txt";
    /** Longest syllable ({@code zhuang}). */
    private static final int MAX_SYLLABLE = 6;
    private static final Set<String> SYLLABLES = load();

    private MandarinSyllables() {
    }

    /** Whether the word is one or more pinyin syllables written together ({@code xiaoming}, {@code zhang}). */
    public static boolean isPinyin(String word) {
        int n = word.length();
        if (n == 0) {
            return false;
        }
        // reachable[k]: the first k letters split into syllables
        boolean[] reachable = new boolean[n + 1];
        reachable[0] = true;
        for (int k = 0; k < n; k++) {
            if (!reachable[k]) {
                continue;
            }
            for (int len = 1; len <= MAX_SYLLABLE && k + len <= n; len++) {
                if (SYLLABLES.contains(word.substring(k, k + len))) {
                    reachable[k + len] = true;
                }
            }
        }
        return reachable[n];
    }

    static Set<String> syllables() {
        return SYLLABLES;
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = MandarinSyllables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
