package org.exportguard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small US Consolidated Screening List files written by tests (the CSV form, with its 29 columns): made-up Entity
 * List entries, so a test owns the list content it imports, diffs or screens against.
 *
 * <pre>{@code
 * Path f = CslCsv.write(dir.resolve("csl.csv"), CslCsv.entity("el-1", "NSO Group"),
 *         CslCsv.entity("el-2", "Candiru").aliases("Saito Tech Ltd.; Taveta Ltd."));
 * }</pre>
 */
public final class CslCsv {
    /** The header row (no line end). */
    public static final String HEADER = "_id,source,entity_number,type,programs,name,title,addresses,"
            + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,"
            + "call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
            + "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
            + "source_information_url,ids";
    public static final String ENTITY_LIST = "Entity List (EL) - Bureau of Industry and Security";
    private static final int COLUMNS = 29;
    private static final int ID = 0, SOURCE = 1, NAME = 5, ADDRESSES = 7, NOTICE = 8, START = 9, ALT_NAMES = 22;

    private CslCsv() {
    }

    /**
     * One row. Multi-valued cells ({@code aliases}, {@code addresses}) are joined with "; " as the real file does.
     * Empty strings are empty cells.
     */
    public record Entry(String id, String source, String name, String aliases, String addresses, String notice,
                        String startDate) {
        public Entry aliases(String v) {
            return new Entry(id, source, name, v, addresses, notice, startDate);
        }

        public Entry addresses(String v) {
            return new Entry(id, source, name, aliases, v, notice, startDate);
        }

        /** Listed by the Federal Register notice {@code notice} from {@code startDate} (YYYY-MM-DD). */
        public Entry listed(String notice, String startDate) {
            return new Entry(id, source, name, aliases, addresses, notice, startDate);
        }

        public Entry source(String v) {
            return new Entry(id, v, name, aliases, addresses, notice, startDate);
        }

        /** The row, with its line end. */
        public String row() {
            String[] cells = new String[COLUMNS];
            java.util.Arrays.fill(cells, "");
            cells[ID] = id;
            cells[SOURCE] = source;
            cells[NAME] = name;
            cells[ADDRESSES] = addresses;
            cells[NOTICE] = notice;
            cells[START] = startDate;
            cells[ALT_NAMES] = aliases;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < COLUMNS; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quoted(cells[i]));
            }
            return sb.append('\n').toString();
        }
    }

    /** An Entity List entry with only an id and a name. */
    public static Entry entity(String id, String name) {
        return new Entry(id, ENTITY_LIST, name, "", "", "", "");
    }

    /** The file's text: the header and the rows. */
    public static String text(List<Entry> entries) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        entries.forEach(e -> sb.append(e.row()));
        return sb.toString();
    }

    public static String text(Entry... entries) {
        return text(List.of(entries));
    }

    /** Writes the file (creating its folder), UTF-8; returns it. */
    public static Path write(Path file, List<Entry> entries) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.writeString(file, text(entries), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, Entry... entries) {
        return write(file, List.of(entries));
    }

    private static String quoted(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
