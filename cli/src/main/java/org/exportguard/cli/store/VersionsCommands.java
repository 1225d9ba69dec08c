package org.exportguard.cli.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exportguard.cli.CliText;
import org.exportguard.json.Json;
import org.exportguard.store.ImportResult;
import org.exportguard.store.VersionInfo;

import java.util.List;
import java.util.Locale;

/** What {@code lists import/history} and {@code policy import/history} print. */
public final class VersionsCommands {
    private VersionsCommands() {
    }

    public static String imported(String kind, ImportResult r) {
        VersionInfo v = r.version();
        if (r.alreadyStored()) {
            return "already stored as " + kind + " version " + v.id() + " (" + v.source() + ", sha256 " + v.sha256()
                    + "): nothing imported";
        }
        return "imported " + kind + " version " + v.id() + ": " + v.source() + ", " + v.fileCount()
                + (v.fileCount() == 1 ? " file, " : " files, ") + mb(v.byteCount()) + ", sha256 " + v.sha256()
                + ", effective " + (v.effectiveDate() == null ? "on import" : v.effectiveDate()) + ", counts "
                + v.counts();
    }

    /** One line: what the import's change impact did (see {@code exportguard impact}). */
    public static String impact(org.exportguard.service.impact.ImportOutcome o) {
        if (o.reportJson() == null) {
            return "impact: nothing changed, no deal re-decided";
        }
        try {
            com.fasterxml.jackson.databind.JsonNode r = Json.MAPPER.readTree(o.reportJson());
            return "impact: re-decided " + r.path("reevaluated").asInt() + " open deals, "
                    + r.path("changedCount").asInt() + " changed outcome (report " + o.reportId()
                    + "; see: exportguard impact)";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String history(String kind, List<VersionInfo> versions, boolean json) {
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (VersionInfo v : versions) {
                a.add(v.toJson());
            }
            return Json.pretty(a) + "\n";
        }
        if (versions.isEmpty()) {
            return "no " + kind + " versions stored\n";
        }
        CliText.Table t = new CliText.Table("id", "source", "effective", "imported at", "by", "files", "size",
                "sha256", "counts");
        for (VersionInfo v : versions) {
            t.row(v.id(), v.source(), v.effectiveDate() == null ? "-" : v.effectiveDate(), v.importedAt(),
                    v.importedBy(), v.fileCount(), mb(v.byteCount()), v.sha256().substring(0, 12), v.counts());
        }
        return t.render("");
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
