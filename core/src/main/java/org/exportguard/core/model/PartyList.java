package org.exportguard.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One loaded restricted-party list: what it is, where it came from and its entries.
 *
 * @param id       stable list id used as {@code source} in hits: {@code OFAC-SDN}, {@code OFAC-CONS}, {@code UN-SC},
 *                 {@code US-CSL}, {@code BIS-DPL}
 * @param format   the detected file format, e.g. {@code ofac-csv}, {@code un-xml}, {@code csl-csv}, {@code csl-json},
 *                 {@code dpl-tsv}
 * @param origin   the file or folder it was read from, for messages
 * @param parties  the entries, in file order
 * @param warnings problems found that did not stop the load (e.g. an alias row for an unknown entry)
 */
public record PartyList(String id, String format, String origin, List<ListedParty> parties, List<String> warnings) {
    public PartyList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        parties = List.copyOf(parties);
        warnings = List.copyOf(warnings);
    }
}
