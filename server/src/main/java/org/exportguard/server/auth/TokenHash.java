package org.exportguard.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a token, lower-case hex: what is stored instead of the token (same as {@code sha256sum}). */
public final class TokenHash {
    private TokenHash() {
    }

    public static String of(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** True for 64 lower- or upper-case hex digits. */
    public static boolean looksLikeHash(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
