package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API users and their tokens. A token is 32 random bytes from {@link SecureRandom}, shown once when the user is
 * added; only its SHA-256 is stored, so a copy of the database does not give anyone a working token.
 */
public final class Users {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final String TOKEN_PREFIX = "eg_";

    private final Database db;
    private final AuditLog audit;

    Users(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Adds a user and returns its new token (the only time it exists in clear). A revoked name can be re-added. */
    public String add(String name, Role role, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StoreException("invalid user name '" + name + "': 1 to 64 of letters, digits, '.', '_', '@', "
                    + "'-', starting with a letter or digit");
        }
        String token = newToken();
        db.write(c -> {
            Optional<User> old = find(c, name);
            if (old.isPresent() && old.get().active()) {
                throw new ConflictException("user " + name + " already exists (revoke it first to issue a new token)");
            }
            String sql = old.isPresent()
                    ? "UPDATE users SET role = ?, token_sha256 = ?, created_at = ?, revoked_at = NULL WHERE name = ?"
                    : "INSERT INTO users (role, token_sha256, created_at, name) VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, role.label());
                ps.setString(2, hash(token));
                ps.setString(3, db.now());
                ps.setString(4, name);
                ps.executeUpdate();
            }
            ObjectNode d = AuditLog.details();
            d.put("role", role.label());
            d.put("tokenIssued", true);
            audit.append(c, actor, "users.add", name, d);
            return null;
        });
        return token;
    }

    /** Revokes a user's token; the user can no longer call the API. */
    public void revoke(String name, String actor) {
        db.write(c -> {
            User u = find(c, name).orElseThrow(() -> new NotFoundException("no user " + name));
            if (!u.active()) {
                throw new ConflictException("user " + name + " is already revoked");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET revoked_at = ? WHERE name = ?")) {
                ps.setString(1, db.now());
                ps.setString(2, name);
                ps.executeUpdate();
            }
            audit.append(c, actor, "users.revoke", name, AuditLog.details());
            return null;
        });
    }

    public List<User> list() {
        return db.read(c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, created_at, revoked_at FROM users "
                    + "ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(user(rs));
                }
            }
            return out;
        });
    }

    /** The active user holding {@code token}, if any. */
    public Optional<User> userForToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, created_at, revoked_at FROM users "
                    + "WHERE token_sha256 = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Optional<User> find(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, role, created_at, revoked_at FROM users "
                + "WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws java.sql.SQLException {
        return new User(rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3), rs.getString(4));
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
