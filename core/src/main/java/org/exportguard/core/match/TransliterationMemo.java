package org.exportguard.core.match;

import org.exportguard.core.match.translit.TransliterationModel;

import java.util.Arrays;

/**
 * The learned model's similarity of a native word and a Latin word ({@link TransliterationModel#similarity(String[],
 * String)}), remembered across queries and threads: the model aligns every unit with every fragment of the Latin
 * word (a Viterbi pass, the costliest step of a native-script query), and the same pairs recur, for the Latin words
 * of listed names are few and common ("mohammed", "kim") and a name's words are met again and again. The model is
 * a pure function of the pair, so a remembered answer is the answer.
 *
 * <p>Bounded: a fixed table of {@value #SLOTS} slots, one pair each, where a new pair overwrites the one in its slot
 * (no eviction bookkeeping, no lock). Slots hold immutable entries, so a thread reads a whole entry or an older one,
 * never a torn one (final-field semantics), and at worst computes a pair again.
 */
final class TransliterationMemo {
    static final int SLOTS = 1 << 16;

    private final TransliterationModel model;
    private final Entry[] slots;
    /** The model's evidence of pairs ({@link #evidence}), in a table of its own: a whole name asks for it. */
    private final Entry[] evidenceSlots;
    private final int mask;

    TransliterationMemo(TransliterationModel model) {
        this(model, SLOTS);
    }

    /** A memo of {@code slots} slots, a power of two (tests use a small one). */
    TransliterationMemo(TransliterationModel model, int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.model = model;
        this.slots = new Entry[slots];
        this.evidenceSlots = new Entry[slots];
        this.mask = slots - 1;
    }

    /** As {@link TransliterationModel#similarity(String[], String)}. */
    float similarity(String[] units, String latin) {
        return similarity(units, latin, false);
    }

    /** As {@link TransliterationModel#similarity(String[], String, boolean)}. */
    float similarity(String[] units, String latin, boolean hanTranscription) {
        int h = hash(units, latin, hanTranscription);
        int slot = h & mask;
        Entry e = slots[slot];
        if (e != null && e.hash == h && e.hanTranscription == hanTranscription && e.latin.equals(latin)
                && (e.units == units || Arrays.equals(e.units, units))) {
            return e.value;
        }
        float sim = model.similarity(units, latin, hanTranscription);
        slots[slot] = new Entry(h, units, latin, hanTranscription, sim);
        return sim;
    }

    /** As {@link TransliterationModel#evidence}, in nats (-inf as {@link Float#NEGATIVE_INFINITY}). */
    float evidence(String[] units, String latin) {
        int h = hash(units, latin, false);
        int slot = h & mask;
        Entry e = evidenceSlots[slot];
        if (e != null && e.hash == h && e.latin.equals(latin) && (e.units == units || Arrays.equals(e.units, units))) {
            return e.value;
        }
        float nats = (float) model.evidence(units, latin);
        evidenceSlots[slot] = new Entry(h, units, latin, false, nats);
        return nats;
    }

    /** As {@link TransliterationModel#joinedSimilarity}: the Korean syllable test, then the memo. */
    float joinedSimilarity(String[] units, String joined, boolean hanTranscription) {
        float korean = TransliterationModel.koreanNameSimilarity(units, joined);
        return korean >= 0 ? korean : similarity(units, joined, hanTranscription);
    }

    private static int hash(String[] units, String latin, boolean hanTranscription) {
        int h = (Arrays.hashCode(units) * 31 + latin.hashCode()) * 2 + (hanTranscription ? 1 : 0);
        return h ^ (h >>> 16);
    }

    private static final class Entry {
        final int hash;
        final String[] units;
        final String latin;
        final boolean hanTranscription;
        final float value; // a similarity, or evidence in nats

        Entry(int hash, String[] units, String latin, boolean hanTranscription, float value) {
            this.hash = hash;
            this.units = units;
            this.latin = latin;
            this.hanTranscription = hanTranscription;
            this.value = value;
        }
    }
}
