package org.exportguard.policy.eval;

import org.exportguard.core.hash.Sha256;
import org.exportguard.core.model.ListedParty;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SHA-256 of a listed entry's content: every field of its {@link ListedParty}, a list field's elements in a
 * fixed order (a list re-published in another row or alias order has not changed, as {@code ListDiff} counts
 * changes). A confirmed disposition keeps the fingerprint of the entry it was reviewed against; a different
 * fingerprint later means the entry itself changed, and the disposition is re-opened.
 */
public final class EntryFingerprint {
    private EntryFingerprint() {
    }

    public static String of(ListedParty p) {
        StringBuilder text = new StringBuilder();
        for (RecordComponent c : ListedParty.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(p);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of a listed party", e);
            }
            String s;
            if (v instanceof List<?> l) {
                List<String> items = new ArrayList<>();
                l.forEach(x -> items.add(String.valueOf(x)));
                items.sort(null);
                s = String.join("\u0001", items);
            } else {
                s = String.valueOf(v);
            }
            // length-prefixed, so no two different entries give the same text
            text.append(c.getName()).append(':').append(s.length()).append(':').append(s).append('\n');
        }
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
