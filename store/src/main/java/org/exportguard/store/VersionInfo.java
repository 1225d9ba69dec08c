package org.exportguard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.time.LocalDate;

/**
 * A stored list or policy version (without its bytes).
 *
 * @param id            1, 2, 3, ... per kind
 * @param source        what it is, e.g. {@code UN-SC} (given with {@code --source}, else taken from the content)
 * @param sha256        content hash, as {@link org.exportguard.lists.ListHash#of} gives for the imported file or folder
 * @param effectiveDate when it takes effect (null: from its import)
 * @param importedAt    ISO-8601 UTC
 * @param importedBy    the actor
 * @param origin        the path it was imported from, for people
 * @param fileCount     files stored
 * @param byteCount     their total size before compression
 * @param counts        a JSON object of what was read (lists: list ids, parties per list)
 */
public record VersionInfo(long id, String source, String sha256, LocalDate effectiveDate, String importedAt,
                          String importedBy, String origin, int fileCount, long byteCount, String counts) {
    /** The version as {@code lists history --json} and {@code POST /api/lists} show it. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("source", source);
        o.put("sha256", sha256);
        o.put("effectiveDate", effectiveDate == null ? null : effectiveDate.toString());
        o.put("importedAt", importedAt);
        o.put("importedBy", importedBy);
        o.put("origin", origin);
        o.put("files", fileCount);
        o.put("bytes", byteCount);
        try {
            o.set("counts", Json.MAPPER.readTree(counts));
        } catch (JsonProcessingException e) {
            o.put("counts", counts);
        }
        return o;
    }
}
