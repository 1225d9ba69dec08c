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

    /** An OpenSanctions FollowTheMoney file of {@code n} people "{@code prefix} Person i" in dataset {@code dataset}. */
    static Path ftm(Path file, String dataset, String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("{\"id\":\"").append(dataset).append('-').append(i).append("\",\"schema\":\"Person\",")
                    .append("\"properties\":{\"name\":[\"").append(prefix).append(" Person ").append(i)
                    .append("\"]},\"datasets\":[\"").append(dataset).append("\"],\"target\":true}\n");
        }
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            return java.nio.file.Files.writeString(file, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
