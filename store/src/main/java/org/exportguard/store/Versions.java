package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable, content-addressed versions of one kind ({@code list_versions} or {@code policy_versions}). A version is
 * written once, in one transaction with its audit record, and never changed; the same content again is found by
 * its hash and not stored twice.
 */
public final class Versions {
    static final String COLUMNS = "id, source, sha256, effective_date, imported_at, imported_by, origin, "
            + "file_count, byte_count, counts";

    private final Database db;
    private final AuditLog audit;
    private final String table;
    private final String action;

    Versions(Database db, AuditLog audit, String table, String action) {
        this.db = db;
        this.audit = audit;
        this.table = table;
        this.action = action;
    }

    /** The files of a stored version, and which of them to load (null: the whole folder). */
    public record Content(FileBundle files, String loadEntry) {
        /** The content hash, recomputed from the stored bytes. */
        public String sha256() {
            return hash(files, loadEntry);
        }
    }

    /**
     * The version's hash: the imported file's own SHA-256 when the version is that one file, else the folder hash
     * (both as {@link org.exportguard.lists.ListHash#of} gives for the imported path).
     */
    static String hash(FileBundle files, String loadEntry) {
        boolean plain = loadEntry != null && files.fileCount() == 1 && files.files().containsKey(loadEntry);
        return files.sha256(plain);
    }

    /**
     * Stores a version, or finds it by content hash. One write transaction: the version row and its audit record
     * commit together or not at all.
     */
    public ImportResult put(FileBundle files, String loadEntry, String source, LocalDate effective, String origin,
                            ObjectNode counts, String actor) {
        String sha = hash(files, loadEntry);
        byte[] zip = files.zip();
        return db.write(c -> {
            Optional<VersionInfo> existing = bySha(c, sha);
            if (existing.isPresent()) {
                return new ImportResult(existing.get(), true);
            }
            return new ImportResult(insert(c, files, zip, sha, loadEntry, source, effective, origin, counts, actor),
                    false);
        });
    }

    /** Inserts a version row with its audit record, inside the caller's write transaction. */
    VersionInfo insert(Connection c, FileBundle files, byte[] zip, String sha, String loadEntry, String source,
                       LocalDate effective, String origin, ObjectNode counts, String actor) throws SQLException {
        long id = nextId(c);
        String at = db.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ", load_entry, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, source);
            ps.setString(3, sha);
            ps.setString(4, effective == null ? null : effective.toString());
            ps.setString(5, at);
            ps.setString(6, actor);
            ps.setString(7, origin);
            ps.setInt(8, files.fileCount());
            ps.setLong(9, files.byteCount());
            ps.setString(10, counts.toString());
            ps.setString(11, loadEntry);
            ps.setBytes(12, zip);
            ps.executeUpdate();
        }
        ObjectNode d = AuditLog.details();
        d.put("source", source);
        d.put("sha256", sha);
        d.put("effectiveDate", effective == null ? null : effective.toString());
        d.put("origin", origin);
        d.put("files", files.fileCount());
        d.put("bytes", files.byteCount());
        d.set("counts", counts);
        audit.append(c, actor, action, Long.toString(id), d, List.of(AuditContent.version(table, id, zip)));
        return byId(c, id).orElseThrow();
    }

    /** The version of {@code source} with this content hash, if stored. */
    Optional<VersionInfo> bySourceSha(Connection c, String source, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE source = ? AND sha256 = ?")) {
            ps.setString(1, source);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    AuditLog audit() {
        return audit;
    }

    Database database() {
        return db;
    }

    /** Every version, oldest first. */
    public List<VersionInfo> history() {
        return db.read(c -> {
            List<VersionInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(info(rs));
                }
            }
            return out;
        });
    }

    public Optional<VersionInfo> get(long id) {
        return db.read(c -> byId(c, id));
    }

    /** The newest version (largest id), if any. */
    public Optional<VersionInfo> latest() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The largest version id, 0 when there is none. Ids only grow and a new version is always the newest of its
     * source, so this one-value query says whether anything was stored since a given version set was read.
     */
    public long newestId() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The newest version (largest id) of each source, by source. */
    public Map<String, VersionInfo> newestBySource() {
        return db.read(c -> {
            Map<String, VersionInfo> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE id IN (SELECT MAX(id) FROM " + table + " GROUP BY source)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VersionInfo v = info(rs);
                    out.put(v.source(), v);
                }
            }
            return out;
        });
    }

    /** The stored files of version {@code id}. */
    public Content content(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content, load_entry FROM " + table
                    + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no " + action.substring(0, action.indexOf('.'))
                                + " version " + id);
                    }
                    try {
                        return new Content(FileBundle.unzip(rs.getBytes(1)), rs.getString(2));
                    } catch (IOException e) {
                        throw new StoreException("stored content of version " + id + " in " + table
                                + " cannot be read: " + e.getMessage(), e);
                    }
                }
            }
        });
    }

    private long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Optional<VersionInfo> bySha(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    Optional<VersionInfo> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    static VersionInfo info(ResultSet rs) throws SQLException {
        String eff = rs.getString(4);
        return new VersionInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                eff == null ? null : LocalDate.parse(eff), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getLong(9), rs.getString(10));
    }
}
