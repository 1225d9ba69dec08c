package org.exportguard.store;

import org.exportguard.testkit.CslCsv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small list files written by the tests: a CSL CSV with made-up entries. */
final class TestLists {
    private TestLists() {
    }

    /** A CSL CSV file with {@code n} entries named "{@code prefix} Trading Company i". */
    static Path csl(Path file, String prefix, int n) {
        List<CslCsv.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(CslCsv.entity("t-" + prefix + "-" + i, prefix + " Trading Company " + i)
                    .addresses("1 Main Street, Springfield, IL").listed("86 FR 60759", "2021-11-04"));
        }
        return CslCsv.write(file, entries);
    }
}
