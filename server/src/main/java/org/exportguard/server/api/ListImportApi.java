package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.BodyReader;
import org.exportguard.server.ListService;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.service.Desk;
import org.exportguard.service.ServiceException;
import org.exportguard.service.impact.ImportOutcome;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Role;
import org.exportguard.store.TempDirs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /api/lists}: imports one list file (the request body, up to the import limit, 200 MiB by default) as
 * a new list version, exactly as {@code exportguard lists import} does: all or nothing, identical content is a
 * no-op, and the open deals the change can touch are re-decided (the answer carries the change report). The body is
 * streamed to a temporary file, never held in memory, and the file is deleted afterwards.
 */
public final class ListImportApi {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Desk desk;
    private final ListService lists;
    private final long maxImport;
    private final PrintStream log;
    /** The rules an import is held to unless the request says otherwise (the server's {@code --max-shrink}). */
    private final ListVersions.Rules rules;

    public ListImportApi(Desk desk, ListService lists, long maxImport, PrintStream log) {
        this(desk, lists, maxImport, ListVersions.Rules.DEFAULT, log);
    }

    public ListImportApi(Desk desk, ListService lists, long maxImport, ListVersions.Rules rules, PrintStream log) {
        this.desk = desk;
        this.lists = lists;
        this.maxImport = maxImport;
        this.rules = rules;
        this.log = log;
    }

    public Route route() {
        return new Route("POST", "/api/lists", Role.ADMIN, maxImport,
                "Import a list file (the body; query: source=ID, effective=YYYY-MM-DD, filename=NAME as the "
                        + "format detection needs it, e.g. cons_prim.csv, allowShrink=true to accept a version with "
                        + "over half fewer entries, maxShrink=PERCENT (0-100) for the largest share of entries a "
                        + "version may drop, default the server's --max-shrink, 50), or a zip of list files (Content-Type: application/zip; an OFAC "
                        + "CSV set is sent this way, all its files), as one new version per list source it holds; "
                        + "re-decides the open deals each touches and answers with the change reports",
                null, Schemas.parse("""
                        {"type":"object","properties":{
                          "imported":{"type":"boolean","description":"false: identical content was already stored"},
                          "version":{"type":"object"},
                          "impact":{"type":"object","description":"the change report, as GET /api/impact"}}}"""),
                this::handle, true);
    }

    private ApiResponse handle(Request r) throws Exception {
        String fileName = r.query("filename") == null ? "upload" : r.query("filename").strip();
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new ApiException(400, "query parameter 'filename' must be a plain file name (letters, digits, "
                    + "'.', '_', '-'), not '" + fileName + "'");
        }
        LocalDate effective = null;
        if (r.query("effective") != null) {
            try {
                effective = LocalDate.parse(r.query("effective").strip());
            } catch (DateTimeParseException e) {
                throw new ApiException(400, "query parameter 'effective' must be a date YYYY-MM-DD, not '"
                        + r.query("effective") + "'");
            }
        }
        String source = r.query("source") == null || r.query("source").isEmpty() ? null : r.query("source");
        boolean allowShrink = false;
        if (r.query("allowShrink") != null) {
            if (!r.query("allowShrink").equals("true") && !r.query("allowShrink").equals("false")) {
                throw new ApiException(400, "query parameter 'allowShrink' must be true or false");
            }
            allowShrink = r.query("allowShrink").equals("true");
        }
        ListVersions.Rules importRules = new ListVersions.Rules(rules.maxShrink(), allowShrink);
        if (r.query("maxShrink") != null) {
            try {
                importRules = ListVersions.Rules.of(Double.valueOf(r.query("maxShrink").strip()), allowShrink);
            } catch (IllegalArgumentException e) { // NumberFormatException too
                throw new ApiException(400, "query parameter 'maxShrink' must be a percentage from 0 to 100, not '"
                        + r.query("maxShrink") + "'");
            }
        }
        boolean zip = r.contentType() != null
                && r.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/zip");
        Path dir = Files.createTempDirectory("exportguard-upload-");
        try {
            Path file = dir.resolve(zip ? "upload.zip" : fileName);
            long bytes = BodyReader.toFile(r.stream(), r.contentLength(), maxImport, file);
            if (bytes == 0) {
                throw new ApiException(400, "empty body; expected a list file");
            }
            Path target = file;
            if (zip) {
                target = dir.resolve("lists");
                try {
                    SafeUnzip.extract(file, target, maxImport, SafeUnzip.MAX_ENTRIES);
                } catch (SafeUnzip.BadZip e) {
                    throw new ApiException(400, "the zip body: " + e.getMessage());
                }
                Files.delete(file);
            }
            List<ImportOutcome> all;
            try {
                all = desk.importLists(target, source, effective, DealsApi.actor(r),
                        importRules);
            } catch (ServiceException e) {
                // The message names the temporary file; the caller knows it as what they sent.
                String m = zip ? e.getMessage().replace(target + "/", "").replace(target.toString(), "the zip")
                        : e.getMessage().replace(file.toString(), fileName);
                m = m.replace(dir.toString(), "the upload");
                throw ServiceErrors.of(e, m);
            }
            reloadLists();
            return ApiResponse.ok(describe(all));
        } finally {
            TempDirs.deleteQuietly(dir);
        }
    }

    /** The new version is stored; screening picks it up now rather than at the next periodic check. */
    private void reloadLists() {
        try {
            lists.reload();
        } catch (Exception e) { // the import stands; screening catches up on its next check
            log.println("exportguard: lists not reloaded after an import: " + e.getMessage());
        }
    }

    /** The first source's answer as before (imported, version, impact), and every source's under {@code sources}. */
    private static ObjectNode describe(List<ImportOutcome> all) {
        ObjectNode n = describe(all.get(0));
        var a = n.putArray("sources");
        all.forEach(o -> a.add(describe(o)));
        return n;
    }

    private static ObjectNode describe(ImportOutcome o) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("imported", !o.imported().alreadyStored());
        n.set("version", o.imported().version().toJson());
        if (o.imported().event() != null) {
            n.set("event", o.imported().event().toJson());
        }
        if (o.reportJson() != null) {
            n.set("impact", Json.readTree(o.reportJson()));
        } else {
            n.putNull("impact");
        }
        return n;
    }
}
