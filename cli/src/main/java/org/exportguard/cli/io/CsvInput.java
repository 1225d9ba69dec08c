package org.exportguard.cli.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exportguard.cli.UserException;
import org.exportguard.lists.io.BadTextException;
import org.exportguard.lists.io.CheckedReader;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict reader for the CLI's batch CSV inputs: a header row naming the columns, then one row per item. Every
 * problem is a {@link UserException} naming the file and line: empty file, a required column missing from the
 * header, a row with a different number of fields than the header, invalid UTF-8, an over-long line, broken quoting.
 * Empty lines are skipped; unknown extra columns are ignored.
 */
public final class CsvInput implements Closeable {
    /** One data row; {@link #get} gives "" for optional columns the header does not have. */
    public final class Row {
        private final long line;
        private final CSVRecord record;

        private Row(long line, CSVRecord record) {
            this.line = line;
            this.record = record;
        }

        public long line() { return line; }

        public String get(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : record.get(i);
        }

        /** A located problem with this row's value of {@code column}. */
        public UserException problem(String column, String problem) {
            return UserException.at(file, line, column, problem);
        }
    }

    private final Path file;
    private final CheckedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final int width;

    private CsvInput(Path file, List<String> required) throws UserException, IOException {
        this.file = file;
        try {
            this.reader = new CheckedReader(Files.newInputStream(file), CheckedReader.MAX_LINE);
        } catch (NoSuchFileException e) {
            throw UserException.at(file, 0, null, "no such file");
        }
        this.parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader);
        this.records = parser.iterator();
        CSVRecord header = nextRecord();
        if (header == null) {
            throw UserException.at(file, 1, null, "empty file; expected a header row " + String.join(",", required));
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                throw UserException.at(file, 1, name, "column named twice in the header");
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw UserException.at(file, 1, r, "missing from the header row (expected "
                        + String.join(",", required) + ", found " + String.join(",", header.toList()) + ")");
            }
        }
        this.width = header.size();
    }

    /** Opens {@code file} and checks its header has every {@code required} column. */
    public static CsvInput open(Path file, List<String> required) throws UserException, IOException {
        return new CsvInput(file, required);
    }

    /** Bytes read so far, for progress. */
    public long bytesRead() {
        return reader.bytesRead();
    }

    /** The next row, or null at the end. */
    public Row next() throws UserException, IOException {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord r = nextRecord();
        if (r == null) {
            return null;
        }
        if (r.size() == 1 && r.get(0).isBlank() && width > 1) {
            return next(); // a line of spaces only: skip like an empty line
        }
        if (r.size() != width) {
            throw UserException.at(file, line, null,
                    "expected " + width + " fields as in the header, got " + r.size());
        }
        return new Row(line, r);
    }

    /** Reads up to {@code max} rows into {@code into}; returns false when the file is done. */
    public boolean nextBatch(List<Row> into, int max) throws UserException, IOException {
        while (into.size() < max) {
            Row r = next();
            if (r == null) {
                return false;
            }
            into.add(r);
        }
        return true;
    }

    private CSVRecord nextRecord() throws UserException, IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BadTextException b) {
                    throw UserException.at(file, b.line(), null, b.problem());
                }
            }
            String msg = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            throw UserException.at(file, parser.getCurrentLineNumber(), null, "malformed CSV: " + oneLine(msg));
        }
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Rows read so far as a list; for small files in tests. */
    public List<Row> readAll() throws UserException, IOException {
        List<Row> rows = new ArrayList<>();
        for (Row r = next(); r != null; r = next()) {
            rows.add(r);
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
