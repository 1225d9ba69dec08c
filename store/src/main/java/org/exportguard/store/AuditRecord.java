package org.exportguard.store;

import org.exportguard.core.hash.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One record of the audit chain. {@link #computeHash()} is SHA-256 over every field but the hash itself, each
 * written as {@code <length>:<text>;} in the order seq, at, actor, action, subject, details, prevHash, so no two
 * different records encode alike.
 *
 * @param seq      1, 2, 3, ... without gaps
 * @param at       when (ISO-8601 UTC)
 * @param actor    who ({@code cli:NAME}, later {@code api:USER})
 * @param action   what, e.g. {@code lists.import}, {@code deals.add}, {@code users.add}
 * @param subject  on what (a version id, deal id, user name)
 * @param details  a JSON object with the rest
 * @param prevHash the previous record's hash (64 zeros before the first)
 * @param hash     this record's hash as stored
 */
public record AuditRecord(long seq, String at, String actor, String action, String subject, String details,
                          String prevHash, String hash) {
    public static final String GENESIS = "0".repeat(64);

    public String computeHash() {
        MessageDigest md = Sha256.digest();
        for (String f : new String[]{Long.toString(seq), at, actor, action, subject, details, prevHash}) {
            String v = f == null ? "" : f;
            md.update((v.length() + ":" + v + ";").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(md);
    }
}
