package org.exportguard.core.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spelling variants of one name learned from the lists themselves: the aliases of one listed entry are spellings of
 * one name, and the letters in which they differ recur ({@code e}/{@code i}, {@code o}/{@code u}, {@code a}/{@code ah}
 * ...). The rules (a data file, {@code spelling-variants.txt}, written by {@code SpellingVariantLearner} in the test
 * sources: no names, only substitutions) are read as equivalence classes: letters one rule exchanges are one class,
 * and a rule between longer spellings rewrites the longer one. Two words with the same {@link #key} are the same
 * name spelled by different conventions ("hezbollah" / "hizballah", "eun" / "un").
 */
final class SpellingVariants {
    static final String RESOURCE = "spelling-variants.txt";
    static final SpellingVariants DEFAULT = load();

    /** Each letter's class representative (the first letter of its class); letters in no rule map to themselves. */
    private final char[] representative = new char[128];
    /** Rewrites between spellings of two letters or more, in class letters, longest first: {from, to}. */
    private final List<String[]> rewrites = new ArrayList<>();
    /** The class of 'a' when rules made one (vowels): the letters that vary most, left out of {@link #consonants}. */
    private final char vowelClass;

    SpellingVariants(List<String[]> rules) {
        for (char c = 0; c < 128; c++) {
            representative[c] = c;
        }
        for (String[] r : rules) {
            if (r[0].length() == 1 && r[1].length() == 1) {
                union(r[0].charAt(0), r[1].charAt(0));
            }
        }
        for (String[] r : rules) {
            if (r[0].length() == 1 && r[1].length() == 1) {
                continue;
            }
            String a = mapped(r[0]);
            String b = mapped(r[1]);
            if (a.equals(b)) {
                continue;
            }
            // The longer spelling becomes the shorter ("ah" → "a"); two of one length meet at the smaller.
            boolean aFirst = a.length() > b.length() || a.length() == b.length() && a.compareTo(b) > 0;
            rewrites.add(aFirst ? new String[]{a, b} : new String[]{b, a});
        }
        rewrites.sort(Comparator.comparingInt((String[] r) -> -r[0].length()));
        char v = find('a');
        int members = 0;
        for (char c = 'a'; c <= 'z'; c++) {
            members += find(c) == v ? 1 : 0;
        }
        vowelClass = members >= 3 ? v : 0;
    }

    /** The word (a {@link PhoneticForm}) with each letter replaced by its class and the learned rewrites applied. */
    String key(String phonetic) {
        String s = mapped(phonetic);
        for (String[] r : rewrites) {
            if (s.contains(r[0])) {
                s = s.replace(r[0], r[1]);
            }
        }
        return collapse(s);
    }

    /**
     * The key without the letters of the vowel class: the part of a name its spellings agree on most, for looking
     * names up ("zawahry" / "zawahiri" → "zvr"). Null below three letters: "mr" would meet every omar, amir, umar.
     */
    String consonants(String key) {
        if (vowelClass == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != vowelClass) {
                sb.append(c);
            }
        }
        return sb.length() >= 3 ? collapse(sb.toString()) : null;
    }

    private String mapped(String w) {
        char[] out = new char[w.length()];
        for (int i = 0; i < out.length; i++) {
            char c = w.charAt(i);
            out[i] = c < 128 ? find(c) : c;
        }
        return new String(out);
    }

    private static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                sb.append(s.charAt(i));
            }
        }
        return sb.length() == s.length() ? s : sb.toString();
    }

    private char find(char c) {
        while (representative[c] != c) {
            c = representative[c];
        }
        return c;
    }

    private void union(char a, char b) {
        char ra = find(a);
        char rb = find(b);
        if (ra != rb) {
            // The smaller letter represents the class, so the key does not depend on the order of the rules.
            representative[Math.max(ra, rb)] = (char) Math.min(ra, rb);
        }
    }

    /** Parses the rules: one a line, {@code from to entries}; {@code #} starts a comment. */
    static List<String[]> parse(BufferedReader in, String source) throws IOException {
        List<String[]> rules = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] f = s.split("\\s+");
            if (f.length < 2 || !f[0].matches("[a-z]{1,3}") || !f[1].matches("[a-z]{1,3}")) {
                throw new IllegalStateException(source + " line " + n + ": expected 'from to [entries]' in a-z, got: "
                        + line);
            }
            rules.add(new String[]{f[0], f[1]});
        }
        return rules;
    }

    private static SpellingVariants load() {
        try (InputStream is = SpellingVariants.class.getResourceAsStream(RESOURCE)) {
            if (is == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new SpellingVariants(parse(new BufferedReader(new InputStreamReader(is, StandardCharsets.UTF_8)),
                    RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
