package org.exportguard.core.match;

import org.exportguard.core.model.PartyType;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Learns {@link SpellingVariants}' rules from alias sets: the names of one listed entry (its primary name and its
 * aliases) are spellings of one name. Entries are split deterministically in two halves by their id; in the tuning
 * half, two names of one entry with as many words, each word of one a near spelling of a word of the other (at most a
 * third of its letters differ), give word pairs; each pair is aligned letter by letter (edit distance) and every run
 * of differing letters is one substitution ({@code e}→{@code i}; a pure insertion takes the next letter along:
 * {@code eu}→{@code u}). A substitution seen in at least {@link #MIN_ENTRIES} entries is kept. The held-out half only
 * measures.
 */
final class SpellingVariantLearner {
    /** A rule must recur in this many entries of the tuning half: rarer ones are as often noise as a convention. */
    static final int MIN_ENTRIES = 25;
    /** Longest spelling on either side of a rule. */
    static final int MAX_RULE_LENGTH = 2;

    private final NameTokenizer tokenizer = new NameTokenizer();

    /** One entry's names, as tuples of phonetic word forms. */
    record Entry(String id, Set<List<String>> names) {
        boolean tuning() {
            return (id.hashCode() & 1) == 0;
        }
    }

    /** A word pair of two spellings of one name. */
    record WordPair(String a, String b, String entry) {
    }

    /** Reads the entries of the OFAC alias queries and the UN queries written in Latin letters. */
    List<Entry> entries(Path ofacQueries, Path unQueries) throws IOException {
        Map<String, Set<List<String>>> byEntry = new TreeMap<>();
        read(ofacQueries, "ofac:", "expected_ent_num", null, byEntry);
        read(unQueries, "un:", "expected_un_ref", "query_script", byEntry);
        List<Entry> out = new ArrayList<>();
        byEntry.forEach((id, names) -> out.add(new Entry(id, names)));
        return out;
    }

    private void read(Path csv, String prefix, String idColumn, String scriptColumn,
                      Map<String, Set<List<String>>> byEntry) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> header = parseCsvLine(r.readLine());
            int id = header.indexOf(idColumn);
            int query = header.indexOf("query_name");
            int primary = header.indexOf("primary_name");
            int script = scriptColumn == null ? -1 : header.indexOf(scriptColumn);
            String line;
            while ((line = r.readLine()) != null) {
                List<String> f = parseCsvLine(line);
                if (script >= 0 && !"LATIN".equals(f.get(script))) {
                    continue;
                }
                Set<List<String>> names = byEntry.computeIfAbsent(prefix + f.get(id), k -> new LinkedHashSet<>());
                for (String name : List.of(f.get(query), f.get(primary))) {
                    List<String> words = words(name);
                    if (!words.isEmpty()) {
                        names.add(words);
                    }
                }
            }
        }
    }

    /** The phonetic forms of a name's words (no particles, titles, legal forms or initials). */
    List<String> words(String name) {
        NameTokens t = tokenizer.tokenize(name, PartyType.UNKNOWN);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if ((t.kind[i] == TokenKind.WORD || t.kind[i] == TokenKind.PATRONYMIC) && t.origin[i] == WordOrigin.LATIN) {
                out.add(t.phonetic[i]);
            }
        }
        return out;
    }

    /** The differing word pairs of the entries of one half, each pair once per entry. */
    static List<WordPair> wordPairs(List<Entry> entries, boolean tuning) {
        List<WordPair> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.tuning() != tuning) {
                continue;
            }
            List<List<String>> names = new ArrayList<>(e.names());
            Set<String> seen = new HashSet<>();
            for (int x = 0; x < names.size(); x++) {
                for (int y = x + 1; y < names.size(); y++) {
                    List<String[]> pairs = pairWords(names.get(x), names.get(y));
                    if (pairs == null) {
                        continue;
                    }
                    for (String[] p : pairs) {
                        String a = p[0].compareTo(p[1]) < 0 ? p[0] : p[1];
                        String b = a == p[0] ? p[1] : p[0];
                        if (!a.equals(b) && seen.add(a + ' ' + b)) {
                            out.add(new WordPair(a, b, e.id()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Each word of {@code a} with its nearest unused word of {@code b}, or null when a word has none near. */
    private static List<String[]> pairWords(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return null;
        }
        boolean[] used = new boolean[b.size()];
        List<String[]> pairs = new ArrayList<>();
        for (String wa : a) {
            int best = -1;
            int bestD = Integer.MAX_VALUE;
            for (int j = 0; j < b.size(); j++) {
                if (used[j]) {
                    continue;
                }
                String wb = b.get(j);
                int limit = Math.max(1, (int) (0.34 * Math.max(wa.length(), wb.length())));
                int d = EditDistance.distance(wa, wb, limit);
                if (d <= limit && d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            if (best < 0) {
                return null;
            }
            used[best] = true;
            pairs.add(new String[]{wa, b.get(best)});
        }
        return pairs;
    }

    /** The runs of differing letters of two words by a Levenshtein alignment (diagonal first), as {from, to}. */
    static List<String[]> substitutions(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int sub = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        // Backtrace into aligned columns: {letter of a or 0, letter of b or 0}.
        List<char[]> cols = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1)) {
                cols.add(0, new char[]{a.charAt(i - 1), b.charAt(j - 1)});
                i--;
                j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                cols.add(0, new char[]{a.charAt(i - 1), 0});
                i--;
            } else {
                cols.add(0, new char[]{0, b.charAt(j - 1)});
                j--;
            }
        }
        List<String[]> out = new ArrayList<>();
        int k = 0;
        while (k < cols.size()) {
            if (cols.get(k)[0] == cols.get(k)[1]) {
                k++;
                continue;
            }
            int start = k;
            StringBuilder x = new StringBuilder();
            StringBuilder y = new StringBuilder();
            while (k < cols.size() && cols.get(k)[0] != cols.get(k)[1]) {
                if (cols.get(k)[0] != 0) {
                    x.append(cols.get(k)[0]);
                }
                if (cols.get(k)[1] != 0) {
                    y.append(cols.get(k)[1]);
                }
                k++;
            }
            if (x.isEmpty() || y.isEmpty()) {
                // A pure insertion says nothing alone: anchor it on the next letter (the one before at the end).
                if (k < cols.size()) {
                    x.append(cols.get(k)[0]);
                    y.append(cols.get(k)[1]);
                } else if (start > 0) {
                    x.insert(0, cols.get(start - 1)[0]);
                    y.insert(0, cols.get(start - 1)[1]);
                }
            }
            out.add(new String[]{x.toString(), y.toString()});
        }
        return out;
    }

    /** The substitutions of the word pairs with the number of distinct entries each occurs in, most frequent first. */
    static List<Map.Entry<String, Integer>> count(List<WordPair> pairs) {
        Map<String, Set<String>> entries = new HashMap<>();
        for (WordPair p : pairs) {
            for (String[] s : substitutions(p.a(), p.b())) {
                if (s[0].length() > MAX_RULE_LENGTH || s[1].length() > MAX_RULE_LENGTH) {
                    continue;
                }
                String rule = s[0].compareTo(s[1]) < 0 ? s[0] + ' ' + s[1] : s[1] + ' ' + s[0];
                entries.computeIfAbsent(rule, k -> new HashSet<>()).add(p.entry());
            }
        }
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        new TreeSet<>(entries.keySet()).forEach(r -> out.add(Map.entry(r, entries.get(r).size())));
        out.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue()));
        return out;
    }

    /** The rules file: the substitutions of at least {@link #MIN_ENTRIES} entries. */
    static String rulesFile(List<Map.Entry<String, Integer>> counted) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Spelling variants: letters that spellings of one name exchange, learned from the aliases of the\n")
                .append("# OFAC SDN and UN lists (the tuning half of the entries; no names) by SpellingVariantLearner in\n")
                .append("# core/src/test. Kept: substitutions seen in ").append(MIN_ENTRIES)
                .append(" entries or more. Regenerate (needs ../shared/data):\n")
                .append("#   mvn -B -o -pl core -am test -Dtest=SpellingVariantLearnerTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dvariants.write=true\n")
                .append("# from to entries\n");
        for (Map.Entry<String, Integer> e : counted) {
            if (e.getValue() >= MIN_ENTRIES) {
                sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    /** One line of a CSV file (RFC 4180 quotes; no line breaks inside fields in these files). */
    static List<String> parseCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
