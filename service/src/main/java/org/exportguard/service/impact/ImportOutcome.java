package org.exportguard.service.impact;

import org.exportguard.store.ImportResult;

/**
 * An import and what it changed.
 *
 * @param imported   the stored version (or the identical one found)
 * @param reportId   the stored change report (null: nothing changed, so nothing was re-decided)
 * @param reportJson that report (null with it)
 */
public record ImportOutcome(ImportResult imported, Long reportId, String reportJson) {
}
