package org.exportguard.lists.ofac;

import java.nio.file.Path;

/**
 * The files of one OFAC legacy CSV set (SDN: sdn.csv, alt.csv, add.csv, sdn_comments.csv; consolidated non-SDN:
 * cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv). Only the primary file is required.
 *
 * @param listId   {@code OFAC-SDN} or {@code OFAC-CONS}
 * @param folder   the folder holding the set, used as the list's origin
 * @param primary  entries file (12 columns)
 * @param alt      aliases file (5 columns), or null
 * @param add      addresses file (6 columns), or null
 * @param comments remarks continuation file (2 columns), or null
 */
public record OfacSet(String listId, Path folder, Path primary, Path alt, Path add, Path comments) {
}
