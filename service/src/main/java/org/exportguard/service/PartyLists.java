package org.exportguard.service;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.store.Store;

import java.io.IOException;
import java.util.List;

/** Loads the party lists of a stored list version. */
public final class PartyLists {
    private PartyLists() {
    }

    /** Stored list version {@code id}, loaded. */
    public static List<PartyList> ofVersion(Store store, long id) throws ServiceException {
        try {
            return store.lists().load(id);
        } catch (ListFormatException | IOException e) {
            throw new ServiceException("stored list version " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
