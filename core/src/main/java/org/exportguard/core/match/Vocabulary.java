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
    final Set<String> titles;
    final Set<String> particles;
    /** Each name or nickname mapped to the set of names it is interchangeable with. */
    final Map<String, Set<String>> nicknames;

    private Vocabulary(List<String[]> legalFormVariants, List<String> legalFormCanonical, Set<String> titles,
                       Set<String> particles, Map<String, Set<String>> nicknames) {
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
        return new Vocabulary(List.copyOf(sortedVariants), List.copyOf(sortedCanonical),
                Set.copyOf(lines("titles.txt")), Set.copyOf(lines("particles.txt")), Map.copyOf(nick));
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
