package org.exportguard.store;

import java.util.List;

/**
 * The outcome of checking the audit chain.
 *
 * @param records  how many records were read
 * @param badSeq   the first bad record's seq (0 when the chain is intact)
 * @param problem  what is wrong with it (null when intact)
 * @param headHash the hash of the last record (the value to keep elsewhere to detect a cut-off tail)
 * @param rows     the stored rows (deals, decisions, versions) or content lists that differ from what the chain
 *                 vouches for, one line each naming the row and the record (empty when all agree)
 */
public record AuditVerification(long records, long badSeq, String problem, String headHash, List<String> rows) {
    /** At most this many differing rows are named; beyond, the check stops listing. */
    public static final int MAX_ROWS = 100;

    public AuditVerification(long records, long badSeq, String problem, String headHash) {
        this(records, badSeq, problem, headHash, List.of());
    }

    public AuditVerification {
        rows = List.copyOf(rows);
    }

    public boolean intact() {
        return problem == null;
    }
}
