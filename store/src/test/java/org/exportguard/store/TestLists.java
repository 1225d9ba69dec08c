package org.exportguard.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small list files written by the tests: a CSL CSV with made-up entries. */
final class TestLists {
    static final String CSL_HEADER = "_id,source,entity_number,type,programs,name,title,addresses,"
            + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,"
            + "call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
            + "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
            + "source_information_url,ids";

    private TestLists() {
    }

    /** A CSL CSV file with {@code n} entries named "{@code prefix} Trading Company i". */
    static Path csl(Path file, String prefix, int n) {
        StringBuilder sb = new StringBuilder(CSL_HEADER).append('\n');
        for (int i = 1; i <= n; i++) {
            sb.append("t-").append(prefix).append('-').append(i)
              .append(",Entity List (EL) - Bureau of Industry and Security,,,,")
              .append(prefix).append(" Trading Company ").append(i)
              .append(",,\"1 Main Street, Springfield, IL\",86 FR 60759,2021-11-04,,,,,,,,,,,,,,,,,,,\n");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
