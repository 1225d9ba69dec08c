package org.exportguard.store;

/** What an import did: stored a new version, or found the same content already stored (a no-op). */
public record ImportResult(VersionInfo version, boolean alreadyStored) {
}
