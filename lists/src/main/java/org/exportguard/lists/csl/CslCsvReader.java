package org.exportguard.lists.csl;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.CsvRows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the US Consolidated Screening List in CSV form, with either header: the older one
 * ({@code source,entity_number,type,programs,name,...}) or the current one ({@code _id,source,entity_number,...}).
 * Columns are found by header name, so their order does not matter. Multi-valued cells are joined with "; ".
 * Addresses are one text per address ("street, city, state, postal, CC"): the whole text is kept as the street and
 * a final two-letter part is taken as the country code. Ids are "[country, ]number, type".
 */
public final class CslCsvReader {
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private CslCsvReader() {
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = new ArrayList<>();
        CsvRows.forEach(file, CsvRows.CSV, (r, line) -> {
            if (header.isEmpty()) {
                for (int i = 0; i < r.size(); i++) {
                    String h = r.get(i).trim();
                    header.add(h);
                    columns.putIfAbsent(h, i);
                }
                for (String required : List.of("source", "name")) {
                    if (!columns.containsKey(required)) {
                        throw new ListFormatException(file, line, required, "CSL header has no '" + required
                                + "' column");
                    }
                }
                return;
            }
            if (r.size() != header.size()) {
                throw new ListFormatException(file, line, r.size() < header.size() ? header.get(r.size()) : "row",
                        "expected " + header.size() + " columns as in the header, got " + r.size());
            }
            parties.add(CslParty.build(file, line, new Row(r, columns), seen, warnings));
        });
        if (header.isEmpty()) {
            throw new ListFormatException(file, 1, "_id", "no header row");
        }
        return new PartyList(CslParty.LIST_ID, ListFormat.CSL_CSV.label(), file.toString(), parties, warnings);
    }

    private record Row(CSVRecord record, Map<String, Integer> columns) implements CslRecord {
        @Override
        public String text(String field) {
            Integer i = columns.get(field);
            return i == null ? null : CsvRows.cell(record, i);
        }

        @Override
        public List<String> list(String field) {
            return CslParty.split(text(field));
        }

        @Override
        public List<Address> addresses() {
            List<Address> out = new ArrayList<>();
            for (String a : list("addresses")) {
                int comma = a.lastIndexOf(',');
                String last = (comma < 0 ? a : a.substring(comma + 1)).trim();
                String cc = COUNTRY_CODE.matcher(last).matches() ? last : null;
                out.add(new Address(a, null, null, null, cc, cc));
            }
            return out;
        }

        @Override
        public List<Identifier> ids() {
            List<Identifier> out = new ArrayList<>();
            for (String item : list("ids")) {
                String[] parts = item.split(", ");
                if (parts.length == 1) {
                    out.add(new Identifier(null, item, null));
                } else if (parts.length == 2) {
                    out.add(new Identifier(parts[1].trim(), parts[0].trim(), null));
                } else {
                    String number = String.join(", ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
                    out.add(new Identifier(parts[parts.length - 1].trim(), number.trim(), parts[0].trim()));
                }
            }
            return out;
        }
    }
}
