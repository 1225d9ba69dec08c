package org.exportguard.store;

/**
 * What an import did: stored a new version, or found the same content already stored (a no-op).
 *
 * @param version       the stored version (or the identical one found)
 * @param alreadyStored the same content was stored already and nothing changed
 * @param event         for a list version: the event that puts it in force (an import, or a roll-back to content
 *                      stored before); null when nothing changed, and for policy versions
 */
public record ImportResult(VersionInfo version, boolean alreadyStored, ListEvent event) {
    public ImportResult(VersionInfo version, boolean alreadyStored) {
        this(version, alreadyStored, null);
    }

    /** Whether this import made content stored before current again. */
    public boolean rollBack() {
        return event != null && ListEvent.ROLL_BACK.equals(event.kind());
    }
}
