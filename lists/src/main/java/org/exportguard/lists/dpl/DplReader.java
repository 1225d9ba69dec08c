package org.exportguard.lists.dpl;

import org.apache.commons.csv.CSVRecord;
import org.exportguard.core.model.Address;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.model.PartyType;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.io.CsvRows;
import org.exportguard.lists.io.Dates;
import org.exportguard.lists.io.Ids;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the BIS Denied Persons List: tab-separated, quoted cells, header
 * {@code "Name" "Street_Address" "City" "State" "Country" "Postal_Code" "Effective_Date" "Expiration_Date"
 * "Standard_Order" "Last_Update" "Action" "FR_Citation"}. The DPL has no ids, so each row gets
 * {@code "dpl-" + 16 hex of SHA-256(name|effective_date|street)}; a row repeating another's name, date and street
 * gets "-2", "-3" ... in file order (and a warning). Type is UNKNOWN (the list does not say).
 */
public final class DplReader {
    public static final String LIST_ID = "BIS-DPL";
    static final String[] HEADER = {"Name", "Street_Address", "City", "State", "Country", "Postal_Code",
            "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"};

    private DplReader() {
    }

    public static PartyList read(Path file) throws ListFormatException, IOException {
        List<ListedParty> parties = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean[] headerSeen = {false};
        CsvRows.forEach(file, CsvRows.TSV, (r, line) -> {
            if (!headerSeen[0]) {
                headerSeen[0] = true;
                for (int i = 0; i < HEADER.length; i++) {
                    String got = i < r.size() ? r.get(i).trim() : "(missing)";
                    if (!HEADER[i].equals(got)) {
                        throw new ListFormatException(file, line, HEADER[i],
                                "unexpected DPL header column " + (i + 1) + ": \"" + got + "\"");
                    }
                }
                return;
            }
            if (r.size() != HEADER.length) {
                throw new ListFormatException(file, line, r.size() < HEADER.length ? HEADER[r.size()] : "row",
                        "expected " + HEADER.length + " tab-separated columns, got " + r.size());
            }
            String name = CsvRows.cell(r, 0);
            if (name == null) {
                throw new ListFormatException(file, line, "Name", "name is empty");
            }
            String effective = CsvRows.cell(r, 6);
            String street = CsvRows.cell(r, 1);
            String id = Ids.derived("dpl", name, effective, street);
            int n = seen.merge(id, 1, Integer::sum);
            if (n > 1) {
                warnings.add(file.getFileName() + ":" + line + ": repeats an earlier row (same name, effective date"
                        + " and street); id " + id + "-" + n);
                id = id + "-" + n;
            }
            ListedParty.Builder b = ListedParty.builder(LIST_ID, id)
                    .type(PartyType.UNKNOWN)
                    .primaryName(name)
                    .listedOn(Dates.parse(file, line, "Effective_Date", effective, Dates.US, "like 06/19/2003"))
                    .listingEnd(Dates.parse(file, line, "Expiration_Date", CsvRows.cell(r, 7), Dates.US,
                            "like 06/19/2003"));
            String country = CsvRows.cell(r, 4);
            if (street != null || CsvRows.cell(r, 2) != null || country != null) {
                b.address(new Address(street, CsvRows.cell(r, 2), CsvRows.cell(r, 3), CsvRows.cell(r, 5), country,
                        country != null && country.length() == 2 ? country : null));
            }
            String fr = CsvRows.cell(r, 11);
            if (fr != null) {
                b.identifier(new Identifier("Federal Register Citation", fr, "US"));
            }
            String order = CsvRows.cell(r, 8);
            if (order != null) {
                b.identifier(new Identifier("Standard Order", order, null));
            }
            b.remarks(remarks(r));
            parties.add(b.build());
        });
        if (!headerSeen[0]) {
            throw new ListFormatException(file, 1, "Name", "no header row");
        }
        return new PartyList(LIST_ID, ListFormat.DPL_TSV.label(), file.toString(), parties, warnings);
    }

    private static String remarks(CSVRecord r) {
        List<String> parts = new ArrayList<>();
        if (CsvRows.cell(r, 10) != null) {
            parts.add("Action: " + CsvRows.cell(r, 10));
        }
        if (CsvRows.cell(r, 9) != null) {
            parts.add("Last update: " + CsvRows.cell(r, 9));
        }
        if (CsvRows.cell(r, 11) != null) {
            parts.add("FR: " + CsvRows.cell(r, 11));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
