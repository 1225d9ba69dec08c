package org.exportguard.lists.csl;

import org.exportguard.core.model.Address;
import org.exportguard.core.model.Identifier;

import java.util.List;

/** One CSL row, whether it came from the CSV or the JSON form. */
interface CslRecord {
    /** A single-valued field, trimmed, or null when absent or blank. */
    String text(String field);

    /** A multi-valued field (CSV: cell split on "; "; JSON: array of strings), blanks dropped. */
    List<String> list(String field);

    List<Address> addresses();

    List<Identifier> ids();
}
