package org.exportguard.cli;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where commands get their lists from. In production this is {@link org.exportguard.lists.ListLoader#load}; tests
 * can hand in lists built in memory so the CLI contract is testable independently of the list readers.
 */
@FunctionalInterface
public interface ListSource {
    List<PartyList> load(Path path) throws ListFormatException, IOException;
}
