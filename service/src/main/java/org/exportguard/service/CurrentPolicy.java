package org.exportguard.service;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.policy.eval.DealEvaluator;
import org.exportguard.policy.pack.PackLoader;
import org.exportguard.policy.pack.PolicyFormatException;
import org.exportguard.policy.pack.PolicyPack;
import org.exportguard.policy.screen.PartyScreener;
import org.exportguard.store.Store;
import org.exportguard.store.TempDirs;
import org.exportguard.store.VersionInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What decisions are taken against right now: the latest stored version of each list source, and the latest stored
 * policy version (or the pack shipped in the jar when none is stored), with an evaluator over them. Immutable.
 *
 * @param pack            the policy
 * @param policyVersionId the stored policy version it came from (null: the shipped pack)
 * @param listVersions    the list versions in use, by source
 * @param lists           their lists, loaded
 * @param evaluator       decides deals against exactly these
 */
public record CurrentPolicy(PolicyPack pack, Long policyVersionId, Map<String, VersionInfo> listVersions,
                            List<PartyList> lists, DealEvaluator evaluator) {

    /** The ids of the list versions in use, in source order (what each decision records). */
    public List<Long> listVersionIds() {
        return listVersions.values().stream().map(VersionInfo::id).toList();
    }

    /** The latest version of each list source, and the latest policy, as stored now. */
    public static CurrentPolicy load(Store store) throws ServiceException {
        return load(store, latestLists(store.lists().versions().history()), latestPolicy(store));
    }

    /** These list versions and this policy version (null: the shipped pack). */
    public static CurrentPolicy load(Store store, Map<String, VersionInfo> listVersions, VersionInfo policy)
            throws ServiceException {
        PolicyPack pack = policy == null ? defaultPack() : pack(store, policy.id());
        List<PartyList> lists = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        for (VersionInfo v : listVersions.values()) {
            for (PartyList l : lists(store, v.id())) {
                lists.add(l);
                versions.merge(l.id(), "v" + v.id() + " sha256:" + v.sha256(), (a, b) -> a.equals(b) ? a : a + "+" + b);
            }
        }
        DealEvaluator evaluator = new DealEvaluator(pack, PartyScreener.over(lists, versions));
        return new CurrentPolicy(pack, policy == null ? null : policy.id(), new TreeMap<>(listVersions),
                List.copyOf(lists), evaluator);
    }

    /** The same lists (and their screening results so far) under another policy. */
    public CurrentPolicy withPolicy(PolicyPack other, Long otherVersionId) {
        return new CurrentPolicy(other, otherVersionId, listVersions, lists, evaluator.withPack(other));
    }

    /** The newest version of each source among {@code history} (oldest first, as the store lists them). */
    public static Map<String, VersionInfo> latestLists(Collection<VersionInfo> history) {
        Map<String, VersionInfo> latest = new TreeMap<>();
        history.forEach(v -> latest.put(v.source(), v));
        return latest;
    }

    public static VersionInfo latestPolicy(Store store) {
        return store.policies().versions().latest().orElse(null);
    }

    public static PolicyPack defaultPack() throws ServiceException {
        try {
            return PackLoader.loadDefault();
        } catch (PolicyFormatException e) {
            throw new ServiceException("the policy pack shipped in the jar cannot be read: " + e.getMessage(), e);
        }
    }

    /** Stored policy version {@code id}, loaded. */
    public static PolicyPack pack(Store store, long id) throws ServiceException {
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

    /** Stored list version {@code id}, loaded. */
    public static List<PartyList> lists(Store store, long id) throws ServiceException {
        try {
            return store.lists().load(id);
        } catch (ListFormatException | IOException e) {
            throw new ServiceException("stored list version " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

}
