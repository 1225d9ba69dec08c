package org.exportguard.service.fetch;

import org.exportguard.lists.ListFormat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The list sources ExportGuard knows, and the formats each is published in: one publisher's list each. The ids are
 * the list ids the readers give (and policy rules name): {@code OFAC-SDN}, {@code OFAC-CONS}, {@code US-CSL},
 * {@code BIS-DPL}, {@code UN-SC}, {@code EU-FSF}, {@code UK-SL}, and {@code OS-<DATASET>} for an OpenSanctions
 * dataset ({@code eu_fsf} is {@code OS-EU_FSF}).
 */
public final class SourceIds {
    /** An OpenSanctions dataset's source id: {@code OS-} and the dataset name upper-cased. */
    public static final Pattern OPENSANCTIONS = Pattern.compile("OS-[A-Z0-9][A-Z0-9_]{0,99}");

    private static final Map<String, Set<ListFormat>> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("OFAC-SDN", EnumSet.of(ListFormat.OFAC_CSV));
        FIXED.put("OFAC-CONS", EnumSet.of(ListFormat.OFAC_CSV));
        FIXED.put("US-CSL", EnumSet.of(ListFormat.CSL_CSV, ListFormat.CSL_JSON));
        FIXED.put("BIS-DPL", EnumSet.of(ListFormat.DPL_TSV));
        FIXED.put("UN-SC", EnumSet.of(ListFormat.UN_XML));
        FIXED.put("EU-FSF", EnumSet.of(ListFormat.EU_FSF_XML));
        FIXED.put("UK-SL", EnumSet.of(ListFormat.UK_SL_XML));
    }

    private SourceIds() {
    }

    /** Whether {@code id} is a known source id (a fixed one, or an OpenSanctions dataset's). */
    public static boolean known(String id) {
        return id != null && (FIXED.containsKey(id) || OPENSANCTIONS.matcher(id).matches());
    }

    /** The formats source {@code id} is published in (empty for an unknown id). */
    public static Set<ListFormat> formats(String id) {
        if (id != null && OPENSANCTIONS.matcher(id).matches()) {
            return EnumSet.of(ListFormat.FTM_JSON);
        }
        return FIXED.getOrDefault(id, EnumSet.noneOf(ListFormat.class));
    }

    /** What the known ids are, for messages. */
    public static String describe() {
        return String.join(", ", FIXED.keySet()) + ", OS-<DATASET>";
    }

    /**
     * Whether a list read from source {@code source}'s file may carry list id {@code listId}: its own id, or a
     * sub-list of it ({@code source} + "-" + ...); an OpenSanctions dataset's file, any OpenSanctions list id (a
     * dataset's entities may name other datasets too; its own must be among them, see {@link ListFetcher}).
     */
    public static boolean belongs(String source, String listId) {
        if (OPENSANCTIONS.matcher(source).matches()) {
            return listId.startsWith("OS-");
        }
        return listId.equals(source) || listId.startsWith(source + "-");
    }

    /** The format with this label ({@link ListFormat#label()}), or null. */
    public static ListFormat format(String label) {
        for (ListFormat f : ListFormat.values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        return null;
    }
}
