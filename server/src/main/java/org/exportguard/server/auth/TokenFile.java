package org.exportguard.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API users from a text file, one per line: {@code name,role,sha256-of-token} (role viewer, analyst, approver or
 * admin; the hash as {@code printf %s "$TOKEN" | sha256sum} prints it). Blank lines and lines starting with
 * {@code #} are skipped. The file never holds a token itself. Read once; immutable, so thread-safe.
 */
public final class TokenFile implements Authenticator {
    private final Map<String, Caller> byHash;

    private TokenFile(Map<String, Caller> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** Reads the file; any bad line is an {@link IllegalArgumentException} naming file, line and problem. */
    public static TokenFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Caller> byHash = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                throw bad(file, i, "expected name,role,sha256-of-token");
            }
            String name = f[0].strip();
            Role role = Role.parseOrNull(f[1]);
            String hash = f[2].strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw bad(file, i, "empty name");
            }
            if (role == null) {
                throw bad(file, i, "unknown role '" + f[1].strip() + "' (expected viewer, analyst, approver or admin)");
            }
            if (!TokenHash.looksLikeHash(hash)) {
                throw bad(file, i, "the third field must be the SHA-256 of the token (64 hex digits), never the token");
            }
            if (!names.add(name)) {
                throw bad(file, i, "user '" + name + "' appears twice");
            }
            if (byHash.put(hash, new Caller(name, role)) != null) {
                throw bad(file, i, "the same token hash appears twice");
            }
        }
        return new TokenFile(byHash);
    }

    private static IllegalArgumentException bad(Path file, int index, String problem) {
        return new IllegalArgumentException(file + ":" + (index + 1) + ": " + problem);
    }

    public int size() {
        return byHash.size();
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(TokenHash.of(token)));
    }
}
