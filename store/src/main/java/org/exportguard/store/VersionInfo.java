package org.exportguard.store;

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
}
