package org.exportguard.core.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the same text {@code sha256sum} prints: the one helper behind every content hash
 * (list versions, policy packs, audit records, token hashes, derived list ids).
 */
public final class Sha256 {
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A fresh SHA-256 digest, for hashes built from several parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The hex of the bytes' hash. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(digest().digest(bytes));
    }

    /** The hex of the hash of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex of the hash of everything left in the stream (not closed). */
    public static String hex(InputStream in) throws IOException {
        MessageDigest md = digest();
        update(md, in);
        return hex(md);
    }

    /** Feeds everything left in the stream (not closed) to the digest. */
    public static void update(MessageDigest md, InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
    }

    /** Completes the digest and gives its hex. */
    public static String hex(MessageDigest md) {
        return HEX.formatHex(md.digest());
    }
}
