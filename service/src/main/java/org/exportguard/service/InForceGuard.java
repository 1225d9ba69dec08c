package org.exportguard.service;

import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;

import java.util.Map;
import java.util.Objects;

/**
 * Run inside a write transaction (which every other writer waits for): refuses a decision taken against lists or a
 * policy no longer in force, so that no deal is stored decided against a version an import has just superseded.
 * The caller rolls back, loads what is in force and decides again ({@link #retrying}).
 */
public final class InForceGuard {
    /** How often a write is tried again when versions keep changing under it. */
    static final int ATTEMPTS = 20;

    private InForceGuard() {
    }

    /** What is in force moved since a decision was taken; the transaction rolls back. */
    public static final class Moved extends RuntimeException {
        Moved(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Throws {@link Moved} unless {@code used} holds exactly the list versions in force today and the newest policy
     * version. Reads the committed state: inside the caller's write transaction nobody else can change it.
     */
    public static void ensureCurrent(Store store, InForce used) {
        Map<String, VersionInfo> lists = store.lists().inForce(store.lists().today());
        if (!used.lists().hasVersions(lists)) {
            throw new Moved("the list versions in force changed");
        }
        Long policy = store.policies().versions().latest().map(VersionInfo::id).orElse(null);
        if (!Objects.equals(policy, used.policyVersionId())) {
            throw new Moved("the policy version changed");
        }
    }

    /** A write that decides against what is in force and is refused ({@link Moved}) when that moved meanwhile. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws ServiceException;
    }

    /** Runs {@code attempt} until it is not refused for versions that moved, at most {@link #ATTEMPTS} times. */
    public static <T> T retrying(String what, Attempt<T> attempt) throws ServiceException {
        for (int i = 1; ; i++) {
            try {
                return attempt.run();
            } catch (Moved e) {
                if (i >= ATTEMPTS) {
                    throw new ServiceException.Conflict(what + ": the lists or policy in force changed " + i
                            + " times while it was decided; try again", e);
                }
            }
        }
    }
}
