package org.exportguard.lists;

import org.exportguard.core.model.PartyList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Loads every recognised list in a file or folder. PLACEHOLDER: real readers come with the lists module. */
public final class ListLoader {
    private ListLoader() {
    }

    /**
     * Reads a list file, or every recognised list in a folder (recursively; an OFAC CSV set in one folder is one
     * list). All or nothing: on any problem it throws and returns no partial result.
     */
    public static List<PartyList> load(Path path) throws ListFormatException, IOException {
        throw new ListFormatException(path, 0, null, "list readers are not built yet");
    }
}
