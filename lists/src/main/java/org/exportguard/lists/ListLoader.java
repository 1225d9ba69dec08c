package org.exportguard.lists;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.csl.CslCsvReader;
import org.exportguard.lists.csl.CslJsonReader;
import org.exportguard.lists.dpl.DplReader;
import org.exportguard.lists.eu.EuFsfReader;
import org.exportguard.lists.ftm.FtmReader;
import org.exportguard.lists.ofac.OfacCsvReader;
import org.exportguard.lists.ofac.OfacSet;
import org.exportguard.lists.uk.UkSanctionsListReader;
import org.exportguard.lists.un.UnXmlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads every recognised list in a file or folder. Formats are recognised from content ({@link FormatDetector}).
 *
 * <p><b>Files.</b> A single file must be a recognised list, else it is an error. A file that is part of an OFAC
 * CSV set ({@code sdn.csv}, {@code alt.csv}, ... or {@code cons_prim.csv}, ...) loads the <em>whole set</em> from
 * its folder, as one list: {@code load(".../sdn.csv")} gives the SDN list with its aliases, addresses and remarks
 * continuations. A companion file ({@code alt.csv}) without a primary file beside it is an error.
 *
 * <p><b>Folders</b> are walked recursively in sorted path order. Each recognised file gives one list (a
 * FollowTheMoney file one per dataset it names), except that the OFAC CSV files of one folder make one list per set (files named {@code cons_*} form the consolidated
 * non-SDN set {@code OFAC-CONS}; the others the SDN set {@code OFAC-SDN}: OFAC's file names are the only thing
 * telling the two apart). Unrecognised files are skipped; each is named in {@link LoadReport#skipped()} and, with
 * {@link #load}, in the warnings of the first list loaded. A folder with no list at all is an error.
 *
 * <p><b>All or nothing:</b> any problem in a recognised file throws a {@link ListFormatException} naming file, line
 * and field, and nothing is returned.
 */
public final class ListLoader {
    private ListLoader() {
    }

    /**
     * Reads a list file, or every recognised list in a folder (recursively; an OFAC CSV set in one folder is one
     * list). All or nothing: on any problem it throws and returns no partial result.
     */
    public static List<PartyList> load(Path path) throws ListFormatException, IOException {
        LoadReport report = loadReport(path);
        if (report.skipped().isEmpty()) {
            return report.lists();
        }
        List<PartyList> lists = new ArrayList<>(report.lists());
        PartyList first = lists.get(0);
        List<String> warnings = new ArrayList<>(first.warnings());
        report.skipped().forEach(s -> warnings.add("skipped " + s));
        lists.set(0, new PartyList(first.id(), first.format(), first.origin(), first.parties(), warnings));
        return List.copyOf(lists);
    }

    /** Like {@link #load} but keeps the skipped files apart from the lists. */
    public static LoadReport loadReport(Path path) throws ListFormatException, IOException {
        if (!Files.exists(path)) {
            throw new ListFormatException(path, 0, null, "no such file or folder");
        }
        if (Files.isDirectory(path)) {
            return loadFolder(path);
        }
        FormatDetector.Detection d = FormatDetector.detect(path);
        if (!d.recognised()) {
            throw new ListFormatException(path, 0, null, "unrecognised list format: " + d.reason());
        }
        if (d.format().isOfac()) {
            Path folder = path.toAbsolutePath().getParent();
            Map<Path, ListFormat> parts = new LinkedHashMap<>();
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    if (p.getFileName().equals(path.getFileName())) {
                        parts.put(p, d.format());
                        continue;
                    }
                    FormatDetector.Detection pd = detectSibling(p);
                    if (pd != null && pd.recognised() && pd.format().isOfac()) {
                        parts.put(p, pd.format());
                    }
                }
            }
            String key = setKey(path);
            Map<Path, ListFormat> mine = new LinkedHashMap<>();
            parts.forEach((p, f) -> {
                if (setKey(p).equals(key)) {
                    mine.put(p, f);
                }
            });
            OfacSet set = ofacSet(folder, key, mine);
            if (set == null) {
                throw new ListFormatException(path, 0, null,
                        "OFAC companion file without its primary (entries) file in " + folder);
            }
            return new LoadReport(List.of(OfacCsvReader.read(set)), List.of());
        }
        return new LoadReport(readSingle(path, d.format()), List.of());
    }

    /**
     * Sniffs a file beside a requested OFAC file; a file that cannot even be sniffed (binary, over-long line) is not
     * part of the set, and must not fail a load that did not ask for it.
     */
    private static FormatDetector.Detection detectSibling(Path p) throws IOException {
        try {
            return FormatDetector.detect(p);
        } catch (ListFormatException e) {
            return null;
        }
    }

    private static LoadReport loadFolder(Path root) throws ListFormatException, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                    .collect(Collectors.toList());
        }
        List<PartyList> lists = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // OFAC parts grouped by folder, then by set (sdn / cons); loaded when their folder's files are done.
        Map<Path, Map<String, Map<Path, ListFormat>>> ofac = new LinkedHashMap<>();
        for (Path f : files) {
            FormatDetector.Detection d = FormatDetector.detect(f);
            if (!d.recognised()) {
                skipped.add(root.relativize(f) + ": " + d.reason());
            } else if (d.format().isOfac()) {
                ofac.computeIfAbsent(f.getParent(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(setKey(f), k -> new LinkedHashMap<>()).put(f, d.format());
            } else {
                lists.addAll(readSingle(f, d.format()));
            }
        }
        for (Map.Entry<Path, Map<String, Map<Path, ListFormat>>> folder : ofac.entrySet()) {
            for (Map.Entry<String, Map<Path, ListFormat>> set : folder.getValue().entrySet()) {
                OfacSet ofacSet = ofacSet(folder.getKey(), set.getKey(), set.getValue());
                if (ofacSet == null) {
                    for (Path p : set.getValue().keySet()) {
                        skipped.add(root.relativize(p) + ": OFAC companion file without its primary file");
                    }
                } else {
                    lists.add(OfacCsvReader.read(ofacSet));
                }
            }
        }
        if (lists.isEmpty()) {
            throw new ListFormatException(root, 0, null, "no recognised list in folder"
                    + (skipped.isEmpty() ? "" : " (skipped: " + String.join("; ", skipped) + ")"));
        }
        lists.sort(Comparator.comparing(PartyList::origin));
        return new LoadReport(lists, skipped);
    }

    /** The lists of one file: one, except a FollowTheMoney file, which gives one per dataset. */
    private static List<PartyList> readSingle(Path file, ListFormat format) throws ListFormatException, IOException {
        return switch (format) {
            case UN_XML -> List.of(UnXmlReader.read(file));
            case CSL_CSV -> List.of(CslCsvReader.read(file));
            case CSL_JSON -> List.of(CslJsonReader.read(file));
            case DPL_TSV -> List.of(DplReader.read(file));
            case EU_FSF_XML -> List.of(EuFsfReader.read(file));
            case UK_SL_XML -> List.of(UkSanctionsListReader.read(file));
            case FTM_JSON -> FtmReader.read(file);
            default -> throw new IllegalStateException("not a single-file format: " + format);
        };
    }

    /** "cons" for the consolidated non-SDN set (cons_prim.csv, cons_alt.csv, ...), else "sdn". */
    private static String setKey(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("cons") ? "cons" : "sdn";
    }

    /** The set made of these parts, or null when there is no primary file. */
    private static OfacSet ofacSet(Path folder, String key, Map<Path, ListFormat> parts) throws ListFormatException {
        Map<ListFormat, Path> byKind = new EnumMap<>(ListFormat.class);
        for (Map.Entry<Path, ListFormat> e : parts.entrySet()) {
            Path other = byKind.put(e.getValue(), e.getKey());
            if (other != null) {
                throw new ListFormatException(e.getKey(), 0, null, "two OFAC " + e.getValue().label()
                        + " files in one folder: " + other.getFileName() + " and " + e.getKey().getFileName());
            }
        }
        Path primary = byKind.get(ListFormat.OFAC_CSV);
        if (primary == null) {
            return null;
        }
        return new OfacSet(key.equals("cons") ? "OFAC-CONS" : "OFAC-SDN", folder, primary,
                byKind.get(ListFormat.OFAC_ALT), byKind.get(ListFormat.OFAC_ADD),
                byKind.get(ListFormat.OFAC_COMMENTS));
    }
}
