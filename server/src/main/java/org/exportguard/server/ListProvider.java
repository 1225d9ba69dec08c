package org.exportguard.server;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the served lists come from; asked again on every reload. All or nothing: it returns every list or throws. */
@FunctionalInterface
public interface ListProvider {
    List<PartyList> load() throws Exception;

    /** The lists in these files and folders, read with {@link ListLoader} (formats detected from content). */
    static ListProvider paths(List<Path> paths) {
        List<Path> copy = List.copyOf(paths);
        return () -> {
            List<PartyList> all = new ArrayList<>();
            for (Path p : copy) {
                all.addAll(ListLoader.load(p));
            }
            return all;
        };
    }
}
