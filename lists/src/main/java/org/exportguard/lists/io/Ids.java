package org.exportguard.lists.io;

import org.exportguard.core.hash.Sha256;

/** Stable ids for list rows that have none of their own. */
public final class Ids {
    private Ids() {
    }

    /**
     * {@code prefix + "-" +} the first 16 hex digits of SHA-256 over the parts joined with "|" (null as empty), so
     * the same entry gets the same id in another version of the file.
     */
    public static String derived(String prefix, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(parts[i] == null ? "" : parts[i].trim());
        }
        return prefix + "-" + Sha256.hex(sb.toString()).substring(0, 16);
    }
}
