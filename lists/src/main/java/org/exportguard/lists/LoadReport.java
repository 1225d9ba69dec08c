package org.exportguard.lists;

import org.exportguard.core.model.PartyList;

import java.util.List;

/**
 * The outcome of loading a file or folder.
 *
 * @param lists   the lists read, in path order
 * @param skipped one line per file in the folder that was not a recognised list (or an OFAC companion file without
 *                its primary), with the reason
 */
public record LoadReport(List<PartyList> lists, List<String> skipped) {
    public LoadReport {
        lists = List.copyOf(lists);
        skipped = List.copyOf(skipped);
    }
}
