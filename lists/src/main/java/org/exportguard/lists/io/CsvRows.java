package org.exportguard.lists.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.lists.ListFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Streams the records of a CSV or TSV file through commons-csv, over a {@link CheckedReader} (strict UTF-8, lines
 * capped at 1 MiB), and turns every parse problem into a one-line {@link ListFormatException} with the line number.
 */
public final class CsvRows {
    /** RFC 4180 comma-separated, as OFAC and the CSL write it. */
    public static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** Tab-separated with double-quoted cells, as BIS writes the Denied Persons List. */
    public static final CSVFormat TSV = CSVFormat.RFC4180.builder().setDelimiter('\t').setIgnoreEmptyLines(true)
            .get();

    /** DOS end-of-file marker (Ctrl-Z) that OFAC files end with. */
    private static final String DOS_EOF = "\u001A";

    private CsvRows() {
    }

    /** Receives each record with the line it starts on. */
    @FunctionalInterface
    public interface RowHandler {
        void row(CSVRecord record, long line) throws ListFormatException;
    }

    /** Reads every record of {@code file}; a lone Ctrl-Z record at the end is skipped. */
    public static void forEach(Path file, CSVFormat format, RowHandler handler)
            throws ListFormatException, IOException {
        try (InputStream in = Files.newInputStream(file);
             CheckedReader reader = new CheckedReader(in, CheckedReader.MAX_LINE);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            long previousEnd = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw translate(file, previousEnd + 1, e);
                }
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).contains(DOS_EOF) && record.get(0).replace(DOS_EOF, "").isBlank()) {
                    continue;
                }
                handler.row(record, line);
            }
        } catch (BadTextException e) {
            throw new ListFormatException(file, e.line(), e.field(), e.problem(), e);
        }
    }

    private static ListFormatException translate(Path file, long line, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadTextException bad) {
                return new ListFormatException(file, bad.line(), bad.field(), bad.problem(), e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        if (msg.contains("EOF reached before encapsulated token finished")) {
            msg = "unterminated quoted value: end of file reached inside quotes (truncated file?)";
        }
        return new ListFormatException(file, line, "row", "malformed CSV: " + msg, e);
    }

    /** The cell, trimmed, or null when blank. */
    public static String cell(CSVRecord record, int index) {
        if (index < 0 || index >= record.size()) {
            return null;
        }
        String v = record.get(index).trim();
        return v.isEmpty() ? null : v;
    }
}
