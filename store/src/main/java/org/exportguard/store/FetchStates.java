package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fetch state of list sources ({@code fetch_sources}, {@code fetch_urls}): when each was last confirmed current,
 * its failures since, and the validators of each publisher file for a conditional GET. Every record is written in
 * one transaction with an audit record ({@code lists.fetch}), as every other change: a confirmation moves a
 * source's age, which decisions depend on.
 */
public final class FetchStates {
    private static final String COLUMNS = "source, confirmed_at, confirmed_version_id, confirmed_sha256, "
            + "last_attempt_at, last_outcome, last_failure_at, last_failure_reason, consecutive_failures";
    static final int MAX_REASON = 2000;

    private final Database db;
    private final AuditLog audit;

    FetchStates(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * What a conditional GET of one publisher file may send, and what it was for.
     *
     * @param url           the file's URL as configured
     * @param etag          the ETag of the file last fetched (null: the publisher gave none)
     * @param lastModified  its Last-Modified header, as given (null: none)
     * @param contentSha256 SHA-256 of the body fetched
     * @param versionSha256 the list version it went into (the validators count only while that version is in force)
     */
    public record UrlValidators(String url, String etag, String lastModified, String contentSha256,
                                String versionSha256) {
    }

    /** Every source fetched at least once, by source id. */
    public List<FetchState> all() {
        return db.read(c -> {
            List<FetchState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM fetch_sources ORDER BY source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(state(rs));
                }
            }
            return out;
        });
    }

    public Optional<FetchState> get(String source) {
        return db.read(c -> find(c, source));
    }

    /**
     * When a fetch last confirmed {@code source} current (imported it, or found it unchanged); empty when no fetch
     * ever did. What a source's age counts from, together with its version's import time.
     */
    public Optional<Instant> confirmedAt(String source) {
        return get(source).map(FetchState::confirmedAt);
    }

    /** The validators remembered for the URLs of {@code source}, by URL. */
    public Map<String, UrlValidators> validators(String source) {
        return db.read(c -> {
            Map<String, UrlValidators> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT url, etag, last_modified, content_sha256, "
                    + "version_sha256 FROM fetch_urls WHERE source = ? ORDER BY url")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new UrlValidators(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A fetch that confirmed {@code source} current now (the store's clock): it imported list version {@code versionId}
     * ({@link FetchState#FETCHED}), or found the publisher's files to be that version still
     * ({@link FetchState#UNCHANGED}). The failure count goes back to 0, and {@code urls} replace the source's
     * validators.
     */
    public FetchState recordSuccess(String source, String outcome, long versionId, String versionSha256,
                                    List<UrlValidators> urls, String detail, String actor) {
        if (!FetchState.FETCHED.equals(outcome) && !FetchState.UNCHANGED.equals(outcome)) {
            throw new IllegalArgumentException("not a successful outcome: " + outcome);
        }
        return db.write(c -> {
            String when = db.now();
            Optional<FetchState> old = find(c, source);
            upsert(c, old.isPresent(), source, when, versionId, versionSha256, when, outcome,
                    old.map(s -> time(s.lastFailureAt())).orElse(null),
                    old.map(FetchState::lastFailureReason).orElse(null), 0);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM fetch_urls WHERE source = ?")) {
                ps.setString(1, source);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fetch_urls (source, url, etag, last_modified, "
                    + "content_sha256, version_sha256, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (UrlValidators u : urls) {
                    ps.setString(1, source);
                    ps.setString(2, u.url());
                    ps.setString(3, u.etag());
                    ps.setString(4, u.lastModified());
                    ps.setString(5, u.contentSha256());
                    ps.setString(6, u.versionSha256());
                    ps.setString(7, when);
                    ps.addBatch();
                }
                if (!urls.isEmpty()) {
                    ps.executeBatch();
                }
            }
            ObjectNode d = AuditLog.details();
            d.put("outcome", outcome);
            d.put("version", versionId);
            d.put("sha256", versionSha256);
            d.put("detail", detail);
            ArrayNode u = d.putArray("urls");
            urls.forEach(x -> u.add(x.url()));
            audit.append(c, actor, "lists.fetch", source, d);
            return find(c, source).orElseThrow();
        });
    }

    /**
     * A fetch of {@code source} that failed (now, by the store's clock): no version changed; the failure and its reason are kept
     * and counted until the next success. The validators stay as they were.
     */
    public FetchState recordFailure(String source, String reason, String actor) {
        String why = reason == null || reason.isBlank() ? "unknown failure" : oneLine(reason);
        return db.write(c -> {
            String when = db.now();
            Optional<FetchState> old = find(c, source);
            upsert(c, old.isPresent(), source, old.map(s -> time(s.confirmedAt())).orElse(null),
                    old.map(FetchState::confirmedVersionId).orElse(null),
                    old.map(FetchState::confirmedSha256).orElse(null), when, FetchState.FAILED, when, why,
                    old.map(FetchState::consecutiveFailures).orElse(0) + 1);
            ObjectNode d = AuditLog.details();
            d.put("outcome", FetchState.FAILED);
            d.put("reason", why);
            audit.append(c, actor, "lists.fetch", source, d);
            return find(c, source).orElseThrow();
        });
    }

    private static void upsert(Connection c, boolean exists, String source, String confirmedAt, Long versionId,
                               String sha, String attemptAt, String outcome, String failureAt, String reason,
                               int failures) throws SQLException {
        String sql = exists
                ? "UPDATE fetch_sources SET confirmed_at = ?, confirmed_version_id = ?, confirmed_sha256 = ?, "
                + "last_attempt_at = ?, last_outcome = ?, last_failure_at = ?, last_failure_reason = ?, "
                + "consecutive_failures = ? WHERE source = ?"
                : "INSERT INTO fetch_sources (confirmed_at, confirmed_version_id, confirmed_sha256, last_attempt_at, "
                + "last_outcome, last_failure_at, last_failure_reason, consecutive_failures, source) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, confirmedAt);
            if (versionId == null) {
                ps.setNull(2, java.sql.Types.BIGINT);
            } else {
                ps.setLong(2, versionId);
            }
            ps.setString(3, sha);
            ps.setString(4, attemptAt);
            ps.setString(5, outcome);
            ps.setString(6, failureAt);
            ps.setString(7, reason);
            ps.setInt(8, failures);
            ps.setString(9, source);
            ps.executeUpdate();
        }
    }

    private static Optional<FetchState> find(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM fetch_sources WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        }
    }

    private static FetchState state(ResultSet rs) throws SQLException {
        long v = rs.getLong(3);
        Long version = rs.wasNull() ? null : v;
        return new FetchState(rs.getString(1), instant(rs.getString(2)), version, rs.getString(4),
                instant(rs.getString(5)), rs.getString(6), instant(rs.getString(7)), rs.getString(8), rs.getInt(9));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String time(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s*\\R\\s*", " ").trim();
        return t.length() <= MAX_REASON ? t : t.substring(0, MAX_REASON - 1) + "…";
    }
}
