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
import org.exportguard.store.Role;
import org.exportguard.store.TempDirs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    public ListImportApi(Desk desk, ListService lists, long maxImport, PrintStream log) {
        this.desk = desk;
        this.lists = lists;
        this.maxImport = maxImport;
        this.log = log;
    }

    public Route route() {
        return new Route("POST", "/api/lists", Role.ADMIN, maxImport,
                "Import a list file (the body; query: source=ID, effective=YYYY-MM-DD, filename=NAME as the "
                        + "format detection needs it, e.g. cons_prim.csv) as a new list version; re-decides the "
                        + "open deals it touches and answers with the change report",
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
        String source = r.query("source") == null || r.query("source").isBlank() ? null : r.query("source").strip();
        Path dir = Files.createTempDirectory("exportguard-upload-");
        try {
            Path file = dir.resolve(fileName);
            long bytes = BodyReader.toFile(r.stream(), r.contentLength(), maxImport, file);
            if (bytes == 0) {
                throw new ApiException(400, "empty body; expected a list file");
            }
            ImportOutcome o;
            try {
                o = desk.importList(file, source, effective, DealsApi.actor(r));
            } catch (ServiceException e) {
                // The message names the temporary file; the caller knows it as what they sent.
                throw ServiceErrors.of(e, e.getMessage().replace(file.toString(), fileName));
            }
            reloadLists();
            return ApiResponse.ok(describe(o));
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

    private static ObjectNode describe(ImportOutcome o) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("imported", !o.imported().alreadyStored());
        n.set("version", o.imported().version().toJson());
        if (o.reportJson() != null) {
            n.set("impact", Json.readTree(o.reportJson()));
        } else {
            n.putNull("impact");
        }
        return n;
    }
}
