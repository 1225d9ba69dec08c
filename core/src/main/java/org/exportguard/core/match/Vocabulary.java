package org.exportguard.core.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists that matching needs, kept as data files beside this class: company legal forms, titles, name
 * particles and nicknames. Loaded once; immutable after.
 */
final class Vocabulary {
    static final Vocabulary DEFAULT = load();

    /** Legal-form variants (as token sequences) mapped to their canonical form. Longest variants first. */
    final List<String[]> legalFormVariants;
    final List<String> legalFormCanonical;
    /** Every single token that is, or starts, a legal-form variant: a quick pre-check. */
    final Set<String> legalFormFirstTokens;
    /** Every word of every legal-form variant ("limitata" of "societa a responsabilita limitata"). */
    final Set<String> legalFormWords;
    final Set<String> titles;
    final Set<String> particles;
    /** Each name or nickname mapped to the set of names it is interchangeable with. */
    final Map<String, Set<String>> nicknames;
    /** Generic words of organisation names ("technologies", "intl") mapped to their canonical spelling. */
    final Map<String, String> genericWords;
    /**
     * Every one-word legal form and generic word of {@link #MIN_TYPO_LENGTH} letters or more, and each of its
     * one-letter deletions, mapped to that word: finds the word a one-edit typo ("gruop", "limted") was meant to be.
     */
    private final Map<String, List<String>> typoNeighbours = new HashMap<>();
    /**
     * Every legal form or generic word that is one word ("limited", "llc", "holdings", "technologies"), longest
     * first: what a name may write glued to another word ("VOLGAGROUP") or split in two ("CORPO RATION").
     */
    final List<String> singleWordBusinessWords;
    /** Shorter words are not corrected: one edit from "corp" or "intl" is too many other words. */
    static final int MIN_TYPO_LENGTH = 5;

    private Vocabulary(List<String[]> legalFormVariants, List<String> legalFormCanonical, Set<String> titles,
                       Set<String> particles, Map<String, Set<String>> nicknames, Map<String, String> genericWords) {
        this.legalFormVariants = legalFormVariants;
        this.legalFormCanonical = legalFormCanonical;
        this.titles = titles;
        this.particles = particles;
        this.nicknames = nicknames;
        Set<String> first = new HashSet<>();
        for (String[] v : legalFormVariants) {
            first.add(v[0]);
        }
        this.legalFormFirstTokens = first;
        Set<String> all = new HashSet<>();
        for (String[] v : legalFormVariants) {
            all.addAll(List.of(v));
        }
        this.legalFormWords = all;
        this.genericWords = genericWords;
        for (String[] v : legalFormVariants) {
            if (v.length == 1) {
                addTypoTarget(v[0]);
            }
        }
        genericWords.keySet().forEach(this::addTypoTarget);
        Set<String> business = new HashSet<>(genericWords.keySet());
        for (String[] v : legalFormVariants) {
            if (v.length == 1) {
                business.add(v[0]);
            }
        }
        List<String> sorted = new ArrayList<>(business);
        sorted.sort((x, y) -> y.length() != x.length() ? Integer.compare(y.length(), x.length()) : x.compareTo(y));
        this.singleWordBusinessWords = List.copyOf(sorted);
    }

    boolean isSingleWordBusinessWord(String w) {
        return genericWords.containsKey(w) || legalFormFirstTokens.contains(w) && singleWordBusinessWords.contains(w);
    }

    private void addTypoTarget(String word) {
        if (word.length() < MIN_TYPO_LENGTH) {
            return;
        }
        typoNeighbours.computeIfAbsent(word, k -> new ArrayList<>(1)).add(word);
        for (int d = 0; d < word.length(); d++) {
            String del = word.substring(0, d) + word.substring(d + 1);
            List<String> targets = typoNeighbours.computeIfAbsent(del, k -> new ArrayList<>(1));
            if (!targets.contains(word)) {
                targets.add(word);
            }
        }
    }

    /**
     * The legal form or generic word that {@code word} is one edit (insert, delete, substitute, swap) away from, or
     * null: "gruop" → "group", "limted" → "limited", "compaony" → "company". Words shorter than
     * {@link #MIN_TYPO_LENGTH} and words that are themselves such words are not looked at.
     */
    String typoOfVocabularyWord(String word) {
        if (word.length() < MIN_TYPO_LENGTH || word.length() > 32) {
            return null;
        }
        String found = closest(word, typoNeighbours.get(word));
        for (int d = 0; d < word.length() && found == null; d++) {
            found = closest(word, typoNeighbours.get(word.substring(0, d) + word.substring(d + 1)));
        }
        return found;
    }

    private static String closest(String word, List<String> targets) {
        if (targets == null) {
            return null;
        }
        for (String t : targets) {
            if (!t.equals(word) && EditDistance.distance(word, t, 1) <= 1) {
                return t;
            }
        }
        return null;
    }

    boolean areNicknames(String a, String b) {
        Set<String> s = nicknames.get(a);
        return s != null && s.contains(b);
    }

    private static Vocabulary load() {
        List<String[]> variants = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        for (String line : lines("legal-forms.txt")) {
            int eq = line.indexOf('=');
            String canon = line.substring(0, eq).trim();
            for (String v : line.substring(eq + 1).split("\\|")) {
                variants.add(v.trim().split(" +"));
                canonical.add(canon);
            }
        }
        // Longest first, so "pte ltd" wins over "pte".
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> Integer.compare(variants.get(y).length, variants.get(x).length));
        List<String[]> sortedVariants = new ArrayList<>();
        List<String> sortedCanonical = new ArrayList<>();
        for (int i : order) {
            sortedVariants.add(variants.get(i));
            sortedCanonical.add(canonical.get(i));
        }

        Map<String, Set<String>> nick = new HashMap<>();
        for (String line : lines("nicknames.txt")) {
            int eq = line.indexOf('=');
            String name = line.substring(0, eq).trim();
            for (String n : line.substring(eq + 1).split("\\|")) {
                String nn = n.trim();
                nick.computeIfAbsent(name, k -> new HashSet<>()).add(nn);
                nick.computeIfAbsent(nn, k -> new HashSet<>()).add(name);
            }
        }
        Map<String, String> generic = new HashMap<>();
        for (String line : lines("generic-words.txt")) {
            int eq = line.indexOf('=');
            String canon = line.substring(0, eq).trim();
            for (String v : line.substring(eq + 1).split("\\|")) {
                generic.put(v.trim(), canon);
            }
        }
        return new Vocabulary(List.copyOf(sortedVariants), List.copyOf(sortedCanonical),
                Set.copyOf(lines("titles.txt")), Set.copyOf(lines("particles.txt")), Map.copyOf(nick),
                Map.copyOf(generic));
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
