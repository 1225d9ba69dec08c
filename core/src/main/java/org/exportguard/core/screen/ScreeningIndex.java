package org.exportguard.core.screen;

import org.exportguard.core.match.MatchExplanation;
import org.exportguard.core.match.NameLimits;
import org.exportguard.core.match.NameScorer;
import org.exportguard.core.match.NameTokenizer;
import org.exportguard.core.match.NameTokens;
import org.exportguard.core.match.SimilarityMemo;
import org.exportguard.core.match.TypeCompatibility;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.AliasStrength;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name of every loaded list (primary names, aliases, original-script names), normalised once and reachable
 * from an inverted index of word keys, so a query scores only the few names that share a word, a near-spelling or
 * a sound with it: never a scan of every name. Immutable after {@link #build}; {@link #screen} is thread-safe.
 *
 * <p>Keys per listed word: the word itself, its one-letter deletions (so a query one typo away meets it, the
 * symmetric-delete trick), its phonetic form, its consonant skeleton, and each pair of adjacent words joined.
 */
public final class ScreeningIndex {
    /** A hit on a weak alias scores this much of the same hit on a strong name. */
    public static final float WEAK_ALIAS_FACTOR = 0.98f;
    /** A fuzzy (not exact) hit on a weak alias: weak aliases are often short nicknames, easy to hit by chance. */
    public static final float WEAK_ALIAS_FUZZY_FACTOR = 0.92f;
    /** At most this many candidates (by shared key weight) are scored in full per query. */
    static final int MAX_CANDIDATES = 64;
    /** A candidate must share keys worth at least this share of the query's weight. */
    static final float MIN_SHARED_WEIGHT = 0.45f;

    private final List<ListedParty> parties;
    private final int[] nameParty;
    private final boolean[] nameWeak;
    private final String[] nameRaw;
    private final NameTokens[] nameTokens;
    private final Map<String, int[]> postings;
    private final NameTokenizer tokenizer = new NameTokenizer();
    private final NameScorer scorer = new NameScorer();
    private final ThreadLocal<Scratch> scratch;

    private ScreeningIndex(List<ListedParty> parties, int[] nameParty, boolean[] nameWeak, String[] nameRaw,
                           NameTokens[] nameTokens, Map<String, int[]> postings, int vocabularySize) {
        this.parties = parties;
        this.nameParty = nameParty;
        this.nameWeak = nameWeak;
        this.nameRaw = nameRaw;
        this.nameTokens = nameTokens;
        this.postings = postings;
        int names = nameTokens.length;
        int partyCount = parties.size();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(names, partyCount, vocabularySize));
    }

    public static ScreeningIndex build(Collection<PartyList> lists) {
        List<ListedParty> parties = new ArrayList<>();
        for (PartyList l : lists) {
            parties.addAll(l.parties());
        }
        NameTokenizer tokenizer = new NameTokenizer();
        IntListBuilder nameParty = new IntListBuilder();
        List<Boolean> weak = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<NameTokens> tokens = new ArrayList<>();
        Map<String, IntListBuilder> keys = new HashMap<>();
        Map<String, Integer> vocabulary = new HashMap<>();
        for (int p = 0; p < parties.size(); p++) {
            ListedParty party = parties.get(p);
            Map<String, Integer> seen = new HashMap<>();
            List<Alias> names = new ArrayList<>();
            names.add(Alias.strong(party.primaryName()));
            names.addAll(party.aliases());
            for (Alias name : names) {
                NameTokens t = tokenizer.tokenize(name.name(), party.type());
                if (t.isEmpty()) {
                    continue;
                }
                String norm = t.joined();
                Integer previous = seen.get(norm);
                if (previous != null) {
                    // The same name again: keep one, strong if either is strong.
                    if (name.strength() == AliasStrength.STRONG) {
                        weak.set(previous, false);
                    }
                    continue;
                }
                int id = tokens.size();
                seen.put(norm, id);
                t.assignIds(vocabulary);
                nameParty.add(p);
                weak.add(name.strength() == AliasStrength.WEAK);
                raw.add(name.name());
                tokens.add(t);
                for (String key : IndexKeys.forListedName(t)) {
                    IntListBuilder b = keys.computeIfAbsent(key, k -> new IntListBuilder());
                    if (b.size == 0 || b.last() != id) {
                        b.add(id);
                    }
                }
            }
        }
        Map<String, int[]> postings = new HashMap<>(keys.size() * 2);
        keys.forEach((k, v) -> postings.put(k, v.toArray()));
        boolean[] weakArr = new boolean[weak.size()];
        for (int i = 0; i < weakArr.length; i++) {
            weakArr[i] = weak.get(i);
        }
        return new ScreeningIndex(List.copyOf(parties), nameParty.toArray(), weakArr, raw.toArray(new String[0]),
                tokens.toArray(new NameTokens[0]), postings, vocabulary.size());
    }

    public int partyCount() {
        return parties.size();
    }

    public int nameCount() {
        return nameTokens.length;
    }

    public List<ListedParty> parties() {
        return parties;
    }

    /**
     * The listed parties whose best name scores at least {@code threshold} against the query, best first, at most
     * {@code limit}. Ties are ordered by list and id, so the same query gives the same answer every time.
     *
     * @throws NameLimits.NameTooLongException when the query's name is over {@link NameLimits}
     */
    public List<ScreeningHit> screen(ScreeningQuery query, double threshold, int limit) {
        NameLimits.check(query.name());
        NameTokens q = tokenizer.tokenize(query.name(), query.type());
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        Scratch s = scratch.get();
        s.memo.nextQuery();
        int[] candidates = candidates(q, s);
        // Best name per party: the index into ranked of each party's best, by per-thread stamped arrays (no map).
        List<Best> ranked = new ArrayList<>();
        for (int name : candidates) {
            int p = nameParty[name];
            float f = TypeCompatibility.factor(query.type(), parties.get(p).type());
            if (f * (nameWeak[name] ? WEAK_ALIAS_FACTOR : 1f) < threshold) {
                continue;
            }
            float raw = scorer.align(q, nameTokens[name], s.memo).score();
            float score = raw * f * weakFactor(name, raw);
            if (score >= threshold) {
                int at = s.partyStamp[p] == s.query ? s.partyBest[p] : -1;
                Best b = at < 0 ? null : ranked.get(at);
                if (b == null) {
                    s.partyStamp[p] = s.query;
                    s.partyBest[p] = ranked.size();
                    ranked.add(new Best(name, score));
                } else if (score > b.score || (score == b.score && !nameWeak[name] && nameWeak[b.name])) {
                    ranked.set(at, new Best(name, score));
                }
            }
        }
        ranked.sort(Comparator.comparingDouble((Best b) -> -b.score)
                .thenComparing(b -> nameWeak[b.name])
                .thenComparing(b -> parties.get(nameParty[b.name]).source())
                .thenComparing(b -> parties.get(nameParty[b.name]).sourceId()));
        List<ScreeningHit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
        for (Best b : ranked) {
            if (hits.size() == limit) {
                break;
            }
            hits.add(hit(query, q, b, s.memo));
        }
        return hits;
    }

    private float weakFactor(int name, float raw) {
        if (!nameWeak[name]) {
            return 1f;
        }
        return raw >= 0.9999f ? WEAK_ALIAS_FACTOR : WEAK_ALIAS_FUZZY_FACTOR;
    }

    private ScreeningHit hit(ScreeningQuery query, NameTokens q, Best b, SimilarityMemo memo) {
        ListedParty party = parties.get(nameParty[b.name]);
        // the query's memo still holds this name's word similarities: the same alignment, not computed again
        NameScorer.Alignment al = scorer.align(q, nameTokens[b.name], memo);
        List<MatchExplanation.Penalty> penalties = new ArrayList<>(2);
        if (nameWeak[b.name]) {
            penalties.add(new MatchExplanation.Penalty("weak alias", weakFactor(b.name, al.score())));
        }
        float typeFactor = TypeCompatibility.factor(query.type(), party.type());
        if (typeFactor < 1f) {
            penalties.add(new MatchExplanation.Penalty(
                    "type " + query.type().label() + " vs listed " + party.type().label(), typeFactor));
        }
        return new ScreeningHit(party, nameRaw[b.name], nameWeak[b.name] ? AliasStrength.WEAK : AliasStrength.STRONG,
                Math.round(b.score * 10000.0) / 10000.0, scorer.explain(q, nameTokens[b.name], al, penalties));
    }

    /** Names sharing enough key weight with the query, the most promising first, at most MAX_CANDIDATES. */
    private int[] candidates(NameTokens q, Scratch s) {
        s.nextQuery();
        List<List<String>> keysPerWord = IndexKeys.forQuery(q);
        float minShared = MIN_SHARED_WEIGHT * q.totalWeight;
        for (int i = 0; i < keysPerWord.size(); i++) {
            float w = IndexKeys.queryWordWeight(q, i);
            s.nextWord();
            for (String key : keysPerWord.get(i)) {
                int[] ids = postings.get(key);
                if (ids == null) {
                    continue;
                }
                for (int id : ids) {
                    s.add(id, w);
                }
            }
        }
        int n = 0;
        int[] touched = s.touched;
        float[] acc = s.acc;
        float qw = q.totalWeight;
        int[] out = new int[Math.min(s.touchedCount, 4096)];
        for (int t = 0; t < s.touchedCount; t++) {
            int id = touched[t];
            if (acc[id] >= minShared) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = id;
                // Rank by a Dice-like estimate, so among many names sharing "mohammad" the short ones come first.
                acc[id] = 2f * acc[id] / (qw + nameTokens[id].totalWeight);
            }
        }
        if (n > MAX_CANDIDATES) {
            return topByShared(out, n, acc);
        }
        return Arrays.copyOf(out, n);
    }

    /** The MAX_CANDIDATES ids with the most shared weight (ties by id), by a bounded min-heap on primitives. */
    private static int[] topByShared(int[] ids, int n, float[] acc) {
        int k = MAX_CANDIDATES;
        int[] heap = new int[k];
        int size = 0;
        for (int t = 0; t < n; t++) {
            int id = ids[t];
            if (size < k) {
                heap[size] = id;
                siftUp(heap, size++, acc);
            } else if (better(id, heap[0], acc)) {
                heap[0] = id;
                siftDown(heap, k, acc);
            }
        }
        return heap;
    }

    /** True when x ranks above y: more shared weight, then lower id. */
    private static boolean better(int x, int y, float[] acc) {
        return acc[x] > acc[y] || (acc[x] == acc[y] && x < y);
    }

    private static void siftUp(int[] h, int i, float[] acc) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(h[parent], h[i], acc)) {
                break;
            }
            int tmp = h[parent];
            h[parent] = h[i];
            h[i] = tmp;
            i = parent;
        }
    }

    private static void siftDown(int[] h, int size, float[] acc) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && better(h[worst], h[l], acc)) {
                worst = l;
            }
            if (r < size && better(h[worst], h[r], acc)) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            int tmp = h[worst];
            h[worst] = h[i];
            h[i] = tmp;
            i = worst;
        }
    }

    private record Best(int name, float score) {
    }

    /** Per-thread work arrays, reused across queries (stamped, so nothing is cleared per query). */
    private static final class Scratch {
        final float[] acc;
        final int[] queryStamp;
        final int[] wordStamp;
        final int[] touched;
        /** Per party: the query that last gave it a hit, and the index of its best name among that query's hits. */
        final int[] partyStamp;
        final int[] partyBest;
        int touchedCount;
        int query;
        int word;

        final SimilarityMemo memo;

        Scratch(int names, int parties, int vocabularySize) {
            memo = new SimilarityMemo(vocabularySize);
            partyStamp = new int[parties];
            partyBest = new int[parties];
            acc = new float[names];
            queryStamp = new int[names];
            wordStamp = new int[names];
            touched = new int[names];
        }

        void nextQuery() {
            query++;
            touchedCount = 0;
        }

        void nextWord() {
            word++;
        }

        void add(int id, float w) {
            if (queryStamp[id] != query) {
                queryStamp[id] = query;
                acc[id] = 0f;
                touched[touchedCount++] = id;
            }
            if (wordStamp[id] != word) {
                wordStamp[id] = word;
                acc[id] += w;
            }
        }
    }

    /** Growable int array for building postings. */
    private static final class IntListBuilder {
        int[] data = new int[4];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int last() {
            return data[size - 1];
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
