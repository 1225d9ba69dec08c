package org.exportguard.service.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.FormatDetector;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListHash;
import org.exportguard.lists.ListLoader;
import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.FetchState;
import org.exportguard.store.FetchStates;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Store;
import org.exportguard.store.TempDirs;
import org.exportguard.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches one list source from its publisher and, when it changed, imports it through the desk exactly as
 * {@code lists import} does (a new list version, with its change impact):
 * <ol>
 * <li>downloads every file of the source to a temporary folder ({@link Downloader}), with a conditional GET when
 * the store remembers the validators of the version in force; 304 for all of them, or the same SHA-256 as the
 * version in force, is "unchanged": nothing is imported and the source is recorded as confirmed current;</li>
 * <li>checks what came: every file is a list the readers recognise and read; the format and the list ids are the
 * source's;</li>
 * <li>imports it under the source's id with the store's rules ({@link ListVersions.Rules}: an empty list, or one
 * with over half fewer entries than the version in force unless {@code allowShrink}, is refused there, on every
 * import path alike), and checks that the version in force is now the one fetched.</li>
 * </ol>
 * <b>A failure changes nothing</b>: a timeout, an HTTP error, a truncated or oversized body, a wrong format or an
 * implausible shrink leaves the version in force as it was, imports nothing, and is recorded in the store's fetch
 * state (time, reason, failures in a row), which {@code lists history} and {@code GET /health} show.
 */
public final class ListFetcher {
    private final Desk desk;
    private final Store store;
    private final Downloader downloader;

    /** Fetches through {@code desk}; the times it records come from its store's clock. */
    public ListFetcher(Desk desk, Downloader downloader) {
        this.desk = desk;
        this.store = desk.store();
        this.downloader = downloader;
    }

    /**
     * Fetches {@code spec}; never throws for a failed fetch (it is the result, recorded in the store). A store that
     * cannot be written throws its {@link org.exportguard.store.StoreException}.
     *
     * @param allowShrink accept a version with over half fewer entries than the one in force (or none)
     * @param actor       who is fetching, for the audit chain
     */
    public FetchResult fetch(SourceSpec spec, boolean allowShrink, String actor) throws InterruptedException {
        return fetch(spec, ListVersions.Rules.allowingShrink(allowShrink), actor);
    }

    /**
     * Fetches {@code spec} as {@link #fetch(SourceSpec, boolean, String)}, importing under these rules (the largest
     * shrink refused, and whether a person allowed more).
     */
    public FetchResult fetch(SourceSpec spec, ListVersions.Rules rules, String actor) throws InterruptedException {
        boolean allowShrink = rules.allowShrink();
        String id = spec.id();
        VersionInfo inForce = inForce(id);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("exportguard-fetch-");
            Path dir = Files.createDirectory(tmp.resolve(id.toLowerCase(Locale.ROOT)));
            Map<String, FetchStates.UrlValidators> remembered = store.fetchStates().validators(id);
            boolean conditional = inForce != null && spec.urls().stream().allMatch(u -> {
                FetchStates.UrlValidators v = remembered.get(u.uri().toString());
                return v != null && v.versionSha256().equals(inForce.sha256())
                        && (v.etag() != null || v.lastModified() != null);
            });
            Map<SourceSpec.SourceUrl, Downloader.Result> got = new LinkedHashMap<>();
            for (SourceSpec.SourceUrl u : spec.urls()) {
                FetchStates.UrlValidators v = conditional ? remembered.get(u.uri().toString()) : null;
                got.put(u, download(spec, u, dir, v));
            }
            if (got.values().stream().allMatch(r -> r instanceof Downloader.NotModified)) {
                List<FetchStates.UrlValidators> keep = spec.urls().stream()
                        .map(u -> remembered.get(u.uri().toString())).toList();
                return confirmed(spec, inForce, keep, "not modified since the last fetch (HTTP 304): list "
                        + "version " + inForce.id() + " confirmed current", actor);
            }
            for (Map.Entry<SourceSpec.SourceUrl, Downloader.Result> e : got.entrySet()) {
                if (e.getValue() instanceof Downloader.NotModified) { // part of a set changed: all of it is needed
                    e.setValue(download(spec, e.getKey(), dir, null));
                }
            }
            for (Map.Entry<SourceSpec.SourceUrl, Downloader.Result> e : got.entrySet()) {
                checksum(spec, e.getKey(), (Downloader.Fetched) e.getValue(), tmp);
            }
            Path importPath = spec.isSet() ? dir : dir.resolve(spec.urls().get(0).file());
            String sha = ListHash.of(importPath);
            List<FetchStates.UrlValidators> validators = new ArrayList<>();
            got.forEach((u, r) -> {
                Downloader.Fetched f = (Downloader.Fetched) r;
                validators.add(new FetchStates.UrlValidators(u.uri().toString(), f.etag(), f.lastModified(),
                        f.sha256(), sha));
            });
            if (inForce != null && inForce.sha256().equals(sha)) {
                return confirmed(spec, inForce, validators, "same content as list version " + inForce.id()
                        + " (sha256 " + shortSha(sha) + "): confirmed current", actor);
            }
            long entries = check(spec, dir, importPath);
            boolean shrinks = rules.shrinks(parties(inForce), entries);
            ImportOutcome o;
            try {
                // the store's import rules decide (source, completeness, empty, shrink unless allowed): one rule for
                // every import path, so fetch has no check of its own to drift from it
                java.util.List<ImportOutcome> all = desk.importLists(importPath, id, null, actor, rules);
                o = all.stream().filter(x -> x.imported().version().source().equals(id)).findFirst()
                        .orElse(all.get(0));
            } catch (ServiceException e) {
                throw new FetchFailure("refused: " + reason(e, importPath) + (shrinks && !allowShrink
                        ? "; to fetch it anyway: lists fetch --source " + id + " --allow-shrink" : ""), e);
            }
            VersionInfo now = inForce(id);
            if (now == null || !now.sha256().equals(sha)) {
                VersionInfo stored = o.imported().version();
                throw new FetchFailure("the publisher's file is stored list version " + stored.id() + " (source "
                        + stored.source() + "), which is not in force, and importing the same content again does "
                        + "not make it current");
            }
            String detail = (o.imported().alreadyStored() ? "list version " + now.id() + " in force again"
                    : "list version " + now.id() + " imported") + " (" + entries + " entries, sha256 "
                    + shortSha(sha) + ")" + (shrinks ? "; shrink allowed: " + entries + " entries where the "
                    + "version in force has " + parties(inForce) : "") + "; "
                    + impact(o);
            store.fetchStates().recordSuccess(id, FetchState.FETCHED, now.id(), sha, validators, detail, actor);
            return new FetchResult(id, FetchResult.Outcome.FETCHED, detail, now, o);
        } catch (FetchFailure f) {
            return failed(spec, inForce, f.getMessage(), actor);
        } catch (IOException e) {
            return failed(spec, inForce, "cannot keep the download: " + e.getMessage(), actor);
        } finally {
            TempDirs.deleteQuietly(tmp);
        }
    }

    /**
     * Refuses a file whose SHA-256 is not the one the sources file gives or the publisher's hash file says: a
     * corrupted or tampered download, or a file and hash from different publications. Nothing is imported then.
     */
    private void checksum(SourceSpec spec, SourceSpec.SourceUrl u, Downloader.Fetched got, Path tmp)
            throws FetchFailure, InterruptedException, IOException {
        SourceSpec.Checksum c = u.checksum();
        if (c == null) {
            return;
        }
        String expected = c.sha256();
        String from = "the sources file";
        if (expected == null) {
            Path hashFile = tmp.resolve("checksum-" + u.file());
            downloader.download(c.url(), hashFile, null, null, spec.timeout(), MAX_HASH_FILE);
            try {
                expected = PublishedChecksum.of(Files.readString(hashFile, java.nio.charset.StandardCharsets.UTF_8),
                        u.file());
            } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
                throw new FetchFailure("checksum: the hash file " + c.url() + " gives no SHA-256 for " + u.file()
                        + ": " + (e.getMessage() == null ? "not text" : e.getMessage()));
            }
            from = c.url().toString();
        }
        if (!expected.equals(got.sha256())) {
            throw new FetchFailure("checksum mismatch: " + u.uri() + " has sha256 " + got.sha256() + ", " + from
                    + " says " + expected);
        }
    }

    /** The largest hash file read: a few digests, never a list. */
    private static final long MAX_HASH_FILE = 1 << 20;

    /** The version of {@code source} in force now: what its events put in force today, as the desk's lists. */
    VersionInfo inForce(String source) {
        return store.lists().inForce().get(source);
    }

    private Downloader.Result download(SourceSpec spec, SourceSpec.SourceUrl u, Path dir,
                                       FetchStates.UrlValidators v) throws FetchFailure, InterruptedException {
        return downloader.download(u.uri(), dir.resolve(u.file()), v == null ? null : v.etag(),
                v == null ? null : v.lastModified(), spec.timeout(), spec.maxBytes());
    }

    /**
     * Checks the downloaded files are the source's list: every file recognised (an OFAC set's companion files too,
     * so a set is never read without its aliases), read without error, in the source's format and under its list
     * ids. Returns the entries read.
     */
    static long check(SourceSpec spec, Path dir, Path importPath) throws FetchFailure, IOException {
        for (SourceSpec.SourceUrl u : spec.urls()) {
            if (HtmlBody.is(dir.resolve(u.file()))) {
                throw new FetchFailure("wrong format: " + u.uri() + " served an HTML page, not a list file ("
                        + spec.format().label() + "; the address may have moved: check it against the publisher's "
                        + "documentation)");
            }
        }
        if (spec.isSet()) {
            for (SourceSpec.SourceUrl u : spec.urls()) {
                Path f = dir.resolve(u.file());
                if (Files.size(f) == 0) {
                    continue; // OFAC publishes a companion file empty when it has no rows; nothing to read
                }
                FormatDetector.Detection d;
                try {
                    d = FormatDetector.detect(f);
                } catch (ListFormatException e) {
                    throw new FetchFailure("wrong format: " + u.uri() + ": " + e.getMessage());
                }
                if (!d.recognised()) {
                    throw new FetchFailure("wrong format: " + u.uri() + " is not part of an OFAC CSV set: "
                            + d.reason());
                }
                if (!d.format().isOfac()) {
                    throw new FetchFailure("wrong format: " + u.uri() + " is " + d.format().label()
                            + ", not part of an OFAC CSV set");
                }
            }
        }
        List<PartyList> lists;
        try {
            lists = ListLoader.load(importPath);
        } catch (ListFormatException e) {
            throw new FetchFailure("wrong format: " + (spec.isSet() ? "" : spec.urls().get(0).uri() + ": ")
                    + e.getMessage());
        }
        long entries = 0;
        boolean own = false;
        for (PartyList l : lists) {
            if (!l.format().equals(spec.format().label())) {
                throw new FetchFailure("wrong format: the file is " + l.format() + " (list " + l.id() + "), "
                        + spec.id() + " is published as " + spec.format().label());
            }
            if (!SourceIds.belongs(spec.id(), l.id())) {
                throw new FetchFailure("wrong list: the file holds list " + l.id() + ", not " + spec.id());
            }
            own |= l.id().equals(spec.id()) || !SourceIds.OPENSANCTIONS.matcher(spec.id()).matches();
            entries += l.parties().size();
        }
        if (!own) {
            throw new FetchFailure("wrong list: no entity of the file is in dataset " + spec.id() + " (it holds "
                    + String.join(", ", lists.stream().map(PartyList::id).toList()) + ")");
        }
        return entries;
    }

    /**
     * Records the version in force as confirmed current. When it had gone stale, the open deals made REVIEW by its
     * age meanwhile are decided again (a confirmation renews it as an import would).
     */
    private FetchResult confirmed(SourceSpec spec, VersionInfo inForce, List<FetchStates.UrlValidators> validators,
                                  String detail, String actor) {
        java.time.Instant staleSince = desk.staleSince(inForce);
        boolean wasStale = !staleSince.isAfter(store.database().clock().instant());
        store.fetchStates().recordSuccess(spec.id(), FetchState.UNCHANGED, inForce.id(), inForce.sha256(),
                validators, detail, actor);
        ImportOutcome renewed = null;
        String line = detail;
        if (wasStale) {
            try {
                renewed = desk.renewed(inForce, staleSince, actor);
                line = detail + "; it had gone stale: " + impact(renewed);
            } catch (ServiceException e) { // the confirmation stands; the next sweep or import decides them again
                line = detail + "; it had gone stale, and re-deciding its deals failed: " + e.getMessage();
            }
        }
        return new FetchResult(spec.id(), FetchResult.Outcome.UNCHANGED, line, inForce, renewed);
    }

    private FetchResult failed(SourceSpec spec, VersionInfo inForce, String reason, String actor) {
        FetchState s = store.fetchStates().recordFailure(spec.id(), reason, actor);
        String detail = s.lastFailureReason() + "; " + (inForce == null ? "no version of " + spec.id()
                + " is stored yet" : "list version " + inForce.id() + " stays in force") + " ("
                + s.consecutiveFailures() + (s.consecutiveFailures() == 1 ? " failure" : " failures in a row") + ")";
        return new FetchResult(spec.id(), FetchResult.Outcome.FAILED, detail, inForce, null);
    }

    /** Why the store refused an import, without the temporary folder the download was in. */
    private static String reason(ServiceException e, Path imported) {
        String m = e.getMessage();
        if (e.getCause() instanceof ListFormatException f && imported.equals(f.file())
                && m.startsWith(f.file() + ": ")) {
            return m.substring((f.file() + ": ").length());
        }
        return m;
    }

    /** The entries of a stored version, from the counts read at its import (-1: none, or unknown). */
    static long parties(VersionInfo v) {
        if (v == null) {
            return -1;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(v.counts()).path("parties");
            return n.canConvertToLong() ? n.asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String impact(ImportOutcome o) {
        if (o == null || o.reportJson() == null) {
            return "impact: nothing to re-decide";
        }
        try {
            JsonNode r = Json.MAPPER.readTree(o.reportJson());
            return "impact: re-decided " + r.path("reevaluated").asInt() + " open deals, "
                    + r.path("changedCount").asInt() + " changed outcome (report " + o.reportId() + ")";
        } catch (IOException e) {
            return "impact: report " + o.reportId();
        }
    }

    private static String shortSha(String sha) {
        return sha.substring(0, 12);
    }
}
