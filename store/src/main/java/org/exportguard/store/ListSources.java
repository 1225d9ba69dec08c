package org.exportguard.store;

import org.exportguard.lists.ListFormat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The list sources a version can be of: one publisher's list each, named by the list id its reader gives
 * ({@code OFAC-SDN}, {@code OFAC-CONS}, {@code US-CSL}, {@code BIS-DPL}, {@code UN-SC}, {@code EU-FSF},
 * {@code UK-SL}) or {@code OS-<DATASET>} for an OpenSanctions dataset. No other text is a source: it names the
 * version in files, messages and decisions.
 */
public final class ListSources {
    public static final List<String> KNOWN = List.of("OFAC-SDN", "OFAC-CONS", "US-CSL", "BIS-DPL", "UN-SC", "EU-FSF",
            "UK-SL");
    /** An OpenSanctions dataset's source: {@code OS-} and the dataset's name, upper-cased. */
    public static final Pattern OPENSANCTIONS = Pattern.compile("OS-[A-Z0-9_-]{1,100}");

    /** The files an OFAC CSV set is published as, by part, for the SDN set and the consolidated (cons) set. */
    static final Map<ListFormat, String> SDN_SET = Map.of(ListFormat.OFAC_CSV, "sdn.csv",
            ListFormat.OFAC_ADD, "add.csv", ListFormat.OFAC_ALT, "alt.csv", ListFormat.OFAC_COMMENTS, "sdn_comments.csv");
    static final Map<ListFormat, String> CONS_SET = Map.of(ListFormat.OFAC_CSV, "cons_prim.csv",
            ListFormat.OFAC_ADD, "cons_add.csv", ListFormat.OFAC_ALT, "cons_alt.csv",
            ListFormat.OFAC_COMMENTS, "cons_comments.csv");
    /** In the order the messages name them. */
    static final List<ListFormat> SET_PARTS = List.of(ListFormat.OFAC_CSV, ListFormat.OFAC_ADD, ListFormat.OFAC_ALT,
            ListFormat.OFAC_COMMENTS);

    private ListSources() {
    }

    /** Whether {@code id} names a list source. */
    public static boolean valid(String id) {
        return id != null && (KNOWN.contains(id) || OPENSANCTIONS.matcher(id).matches());
    }

    /** Why {@code id} is no source (null: it is one). */
    public static String problem(String id) {
        if (valid(id)) {
            return null;
        }
        return "'" + printable(id) + "' is not a list source: one of " + String.join(", ", KNOWN)
                + ", or OS-<DATASET> (OS- and capital letters, digits, '_' or '-')";
    }

    /** A given text as a message may quote it: control characters shown as \\uXXXX, at most 60 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch)) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return s.length() > 60 ? b + "..." : b.toString();
    }
}
