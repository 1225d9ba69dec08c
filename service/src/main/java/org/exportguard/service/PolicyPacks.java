package org.exportguard.service;

import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.store.Store;
import org.exportguard.store.TempDirs;
import org.exportguard.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads policy packs: a stored policy version, or the pack shipped in the jar. */
public final class PolicyPacks {
    private PolicyPacks() {
    }

    /** Stored policy version {@code version}; null: the pack shipped in the jar. */
    public static PolicyPack of(Store store, VersionInfo version) throws ServiceException {
        return version == null ? shipped() : stored(store, version.id());
    }

    /** The pack shipped in the jar (what decisions use while the store holds no policy version). */
    public static PolicyPack shipped() throws ServiceException {
        try {
            return PackLoader.loadDefault();
        } catch (PolicyFormatException e) {
            throw new ServiceException("the policy pack shipped in the jar cannot be read: " + e.getMessage(), e);
        }
    }

    /** Stored policy version {@code id}, loaded. */
    public static PolicyPack stored(Store store, long id) throws ServiceException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("exportguard-policy-" + id + "-");
            store.policies().extract(id, dir);
            return PackLoader.load(dir);
        } catch (PolicyFormatException e) {
            throw new ServiceException("stored policy version " + id + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ServiceException("stored policy version " + id + " cannot be extracted: " + e.getMessage(), e);
        } finally {
            TempDirs.deleteQuietly(dir);
        }
    }
}
