package org.exportguard.lists.ofac;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Alias;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.CsvRows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OFAC legacy CSV set (no header rows) into one {@link PartyList}.
 *
 * <ul>
 *   <li>primary: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
 *       Vess_owner, Remarks</li>
 *   <li>alt: ent_num, alt_num, alt_type, alt_name, alt_remarks - every row (aka, fka, nka) is a STRONG alias,
 *       keeping its kind</li>
 *   <li>add: ent_num, add_num, address, city/state/postal, country, add_remarks</li>
 *   <li>comments: ent_num, remarks_extension - the rest of a remarks cell that was cut, appended verbatim</li>
 * </ul>
 * Title is a title or position, kept as such; the vessel columns are identifiers. {@code -0-} means empty. Weak aliases and other details are taken from the remarks (see {@link OfacRemarks}),
 * which are also kept verbatim. A companion row for an unknown ent_num is a warning, not an error.
 */
public final class OfacCsvReader {
    static final String[] PRIMARY = {"ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign",
            "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"};
    static final String[] ALT = {"ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"};
    static final String[] ADD = {"ent_num", "add_num", "address", "city_state_postal", "country", "add_remarks"};
    static final String[] COMMENTS = {"ent_num", "remarks_extension"};

    private OfacCsvReader() {
    }

    /** Mutable per-entry state while the companion files are read. */
    private static final class Entry {
        final ListedParty.Builder builder;
        final List<Alias> strongAliases = new ArrayList<>();
        final List<Address> addresses = new ArrayList<>();
        String remarks;

        Entry(ListedParty.Builder builder) {
            this.builder = builder;
        }
    }

    public static PartyList read(OfacSet set) throws ListFormatException, IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();

        CsvRows.forEach(set.primary(), CsvRows.CSV, (r, line) -> {
            checkColumns(set.primary(), r, line, PRIMARY);
            String entNum = entNum(set.primary(), r, line);
            if (entries.containsKey(entNum)) {
                throw new ListFormatException(set.primary(), line, "ent_num", "duplicate entry number " + entNum);
            }
            String name = value(r, 1);
            if (name == null) {
                throw new ListFormatException(set.primary(), line, "SDN_Name", "name is empty");
            }
            ListedParty.Builder b = ListedParty.builder(set.listId(), entNum)
                    .primaryName(name)
                    .type(type(value(r, 2)));
            String programs = value(r, 3);
            if (programs != null) {
                for (String p : programs.split("\\]\\s*\\[")) {
                    String program = p.replace("[", "").replace("]", "").trim();
                    if (!program.isEmpty()) {
                        b.program(program);
                    }
                }
            }
            String title = value(r, 4);
            if (title != null) {
                // A title or position ("Minister of Defence"), not a number that identifies the party.
                b.title(title);
            }
            for (int i = 5; i <= 10; i++) {
                String v = value(r, i);
                if (v != null) {
                    b.identifier(new Identifier(label(i), v, null));
                }
            }
            Entry e = new Entry(b);
            e.remarks = isEmpty(r.get(11)) ? null : r.get(11);
            entries.put(entNum, e);
        });

        if (set.comments() != null) {
            CsvRows.forEach(set.comments(), CsvRows.CSV, (r, line) -> {
                checkColumns(set.comments(), r, line, COMMENTS);
                String entNum = entNum(set.comments(), r, line);
                Entry e = entries.get(entNum);
                String ext = r.get(1);
                if (e == null) {
                    warnings.add(where(set.comments(), line) + "remarks continuation for unknown ent_num " + entNum);
                } else if (!isEmpty(ext)) {
                    e.remarks = e.remarks == null ? ext : e.remarks + ext;
                }
            });
        }
        if (set.alt() != null) {
            CsvRows.forEach(set.alt(), CsvRows.CSV, (r, line) -> {
                checkColumns(set.alt(), r, line, ALT);
                String entNum = entNum(set.alt(), r, line);
                Entry e = entries.get(entNum);
                String name = value(r, 3);
                if (e == null) {
                    warnings.add(where(set.alt(), line) + "alias for unknown ent_num " + entNum);
                } else if (name == null) {
                    warnings.add(where(set.alt(), line) + "empty alias name for ent_num " + entNum);
                } else {
                    e.strongAliases.add(Alias.strong(name).withKind(Alias.kindOf(value(r, 2))));
                }
            });
        }
        if (set.add() != null) {
            CsvRows.forEach(set.add(), CsvRows.CSV, (r, line) -> {
                checkColumns(set.add(), r, line, ADD);
                String entNum = entNum(set.add(), r, line);
                Entry e = entries.get(entNum);
                if (e == null) {
                    warnings.add(where(set.add(), line) + "address for unknown ent_num " + entNum);
                    return;
                }
                String country = value(r, 4);
                e.addresses.add(new Address(value(r, 2), value(r, 3), null, null, country, null));
            });
        }

        List<ListedParty> parties = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            e.strongAliases.forEach(e.builder::alias);
            e.addresses.forEach(e.builder::address);
            if (e.remarks != null) {
                e.builder.remarks(e.remarks);
                OfacRemarks.extract(e.remarks, e.builder);
            }
            parties.add(e.builder.build());
        }
        return new PartyList(set.listId(), ListFormat.OFAC_CSV.label(), set.folder().toString(), parties, warnings);
    }

    private static String label(int column) {
        return switch (column) {
            case 5 -> "Call Sign";
            case 6 -> "Vessel Type";
            case 7 -> "Tonnage";
            case 8 -> "Gross Registered Tonnage";
            case 9 -> "Vessel Flag";
            case 10 -> "Vessel Owner";
            default -> throw new IllegalArgumentException("column " + column);
        };
    }

    static PartyType type(String sdnType) {
        if (sdnType == null) {
            return PartyType.ORGANIZATION;
        }
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> PartyType.PERSON;
            case "vessel" -> PartyType.VESSEL;
            case "aircraft" -> PartyType.AIRCRAFT;
            default -> PartyType.UNKNOWN;
        };
    }

    private static void checkColumns(Path file, CSVRecord r, long line, String[] columns)
            throws ListFormatException {
        if (r.size() != columns.length) {
            throw new ListFormatException(file, line, r.size() < columns.length ? columns[r.size()] : "row",
                    "expected " + columns.length + " columns (" + String.join(", ", columns) + "), got "
                            + r.size());
        }
    }

    private static String entNum(Path file, CSVRecord r, long line) throws ListFormatException {
        String v = r.get(0).trim();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ListFormatException(file, line, "ent_num",
                    "expected a whole number, got \"" + abbreviate(v) + "\"");
        }
        return v;
    }

    static String abbreviate(String v) {
        String s = v.replaceAll("\\s+", " ");
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static boolean isEmpty(String v) {
        return v == null || v.trim().isEmpty() || v.trim().equals("-0-");
    }

    /** Trimmed cell, null for blank or OFAC's {@code -0-}. */
    static String value(CSVRecord r, int i) {
        String v = CsvRows.cell(r, i);
        return v == null || v.equals("-0-") ? null : v;
    }

    private static String where(Path file, long line) {
        return file.getFileName() + ":" + line + ": ";
    }
}
