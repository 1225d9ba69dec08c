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
        if (r.rollBack()) {
            return "rolled back " + v.source() + " to list version " + v.id() + " (the same content, sha256 "
                    + v.sha256() + "): " + inForceFrom(r);
        }
        if (r.alreadyStored()) {
            return "already stored as " + kind + " version " + v.id() + " (" + v.source() + ", sha256 " + v.sha256()
                    + "): nothing imported";
        }
        return "imported " + kind + " version " + v.id() + ": " + v.source() + ", " + v.fileCount()
                + (v.fileCount() == 1 ? " file, " : " files, ") + mb(v.byteCount()) + ", sha256 " + v.sha256()
                + ", effective " + (v.effectiveDate() == null ? "on import" : v.effectiveDate()) + ", counts "
                + v.counts() + (r.event() == null ? "" : "; " + inForceFrom(r));
    }

    private static String inForceFrom(ImportResult r) {
        java.time.LocalDate day = r.event().effectiveDate();
        return "in force from " + day + (day.isAfter(java.time.LocalDate.parse(r.event().recordedAt().substring(0, 10)))
                ? " (not before: its deals are re-decided that day)" : "");
    }

    /** The list versions, their events, and the version in force of each source. */
    public record ListHistory(List<VersionInfo> versions, List<org.exportguard.store.ListEvent> events,
                              java.util.Map<String, VersionInfo> inForce) {
    }

    /** {@code lists history}: one row per version of each source (which is in force), then the events. */
    public static String listHistory(ListHistory h, boolean json) {
        java.util.Set<Long> inForce = new java.util.HashSet<>();
        h.inForce().values().forEach(v -> inForce.add(v.id()));
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
            ArrayNode a = o.putArray("versions");
            for (VersionInfo v : h.versions()) {
                a.add(v.toJson().put("inForce", inForce.contains(v.id())));
            }
            ArrayNode e = o.putArray("events");
            h.events().forEach(x -> e.add(x.toJson()));
            return Json.pretty(o) + "\n";
        }
        if (h.versions().isEmpty()) {
            return "no list versions stored\n";
        }
        CliText.Table t = new CliText.Table("id", "source", "in force", "effective", "imported at", "by", "files",
                "size", "sha256", "counts");
        for (VersionInfo v : h.versions()) {
            t.row(v.id(), v.source(), inForce.contains(v.id()) ? "yes" : "-",
                    v.effectiveDate() == null ? "-" : v.effectiveDate(), v.importedAt(), v.importedBy(),
                    v.fileCount(), mb(v.byteCount()), v.sha256().substring(0, 12), v.counts());
        }
        CliText.Table ev = new CliText.Table("event", "source", "version", "kind", "effective", "recorded at", "by");
        for (org.exportguard.store.ListEvent x : h.events()) {
            ev.row(x.id(), x.source(), x.versionId(), x.kind(), x.effectiveDate(), x.recordedAt(), x.recordedBy());
        }
        return t.render("") + "\nevents (the version in force of a source is its event's with the latest effective "
                + "date up to today):\n" + ev.render("");
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
