package org.exportguard.store;

/**
 * The outcome of checking the audit chain.
 *
 * @param records  how many records were read
 * @param badSeq   the first bad record's seq (0 when the chain is intact)
 * @param problem  what is wrong with it (null when intact)
 * @param headHash the hash of the last record (the value to keep elsewhere to detect a cut-off tail)
 */
public record AuditVerification(long records, long badSeq, String problem, String headHash) {
    public boolean intact() {
        return problem == null;
    }
}
