package org.exportguard.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;
import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;
import org.exportguard.server.JsonRequest;
import org.exportguard.server.Request;
import org.exportguard.server.Route;
import org.exportguard.server.json.Schemas;
import org.exportguard.store.ConflictException;
import org.exportguard.store.NotFoundException;
import org.exportguard.store.Role;
import org.exportguard.store.StoreException;
import org.exportguard.store.Users;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API users, for admins: list them, add one (its token is in the answer, the only time it exists in clear; the
 * store keeps its SHA-256), revoke one. The same as {@code exportguard users}, audited under the admin's name.
 */
public final class UsersApi {
    private static final Set<String> FIELDS = Set.of("name", "role");
    private static final String USER = """
            {"type":"object","properties":{"name":{"type":"string"},
              "role":{"type":"string","enum":["viewer","analyst","approver","admin"]},
              "createdAt":{"type":"string"},"revokedAt":{"type":"string"},"active":{"type":"boolean"}}}""";

    private final Users users;
    private final Runnable usersChanged;

    public UsersApi(Users users) {
        this(users, () -> { });
    }

    /** @param usersChanged told after each change of a user, so this server's token cache forgets at once */
    public UsersApi(Users users, Runnable usersChanged) {
        this.users = users;
        this.usersChanged = usersChanged;
    }

    public List<Route> routes(long maxBody) {
        return List.of(
                new Route("GET", "/api/users", Role.ADMIN, 0, "API users and their roles (never their tokens)",
                        null, Schemas.parse("""
                                {"type":"object","properties":{"users":{"type":"array","items":%s}}}"""
                                .formatted(USER)),
                        r -> {
                            ObjectNode o = Json.MAPPER.createObjectNode();
                            ArrayNode a = o.putArray("users");
                            users.list().forEach(u -> {
                                ObjectNode e = a.addObject();
                                e.put("name", u.name());
                                e.put("role", u.role().label());
                                e.put("createdAt", u.createdAt());
                                e.put("revokedAt", u.revokedAt());
                                e.put("active", u.active());
                            });
                            return ApiResponse.ok(o);
                        }),
                new Route("POST", "/api/users", Role.ADMIN, maxBody,
                        "Add a user (201); the answer holds its new token, shown only this once (409 if the name "
                                + "is in use)",
                        Schemas.parse("""
                                {"type":"object","required":["name","role"],"additionalProperties":false,
                                 "properties":{"name":{"type":"string"},
                                  "role":{"type":"string","enum":["viewer","analyst","approver","admin"]}}}"""),
                        Schemas.parse("""
                                {"type":"object","properties":{"name":{"type":"string"},"role":{"type":"string"},
                                  "token":{"type":"string","description":"shown only now"}}}"""),
                        this::add).withErrors(Map.of(409, "a user of this name exists")),
                new Route("POST", "/api/users/{name}/revoke", Role.ADMIN, 0,
                        "Revoke a user's token: refused by this server from the next request, by other servers over the same "
                                + "store within 2 s",
                        null, Schemas.parse("{\"type\":\"object\"}"), this::revoke)
                        .withErrors(Map.of(404, "no such user", 409, "already revoked")));
    }

    private ApiResponse add(Request r) throws ApiException {
        JsonRequest body = r.json().only(FIELDS);
        String name = body.requiredText("name");
        String roleText = body.requiredText("role");
        Role role;
        try {
            role = Role.parse(roleText);
        } catch (StoreException e) {
            throw ApiException.badField("role", e.getMessage());
        }
        String token;
        try {
            token = users.add(name, role, DealsApi.actor(r));
            usersChanged.run();
        } catch (ConflictException e) {
            throw new ApiException(409, e.getMessage());
        } catch (StoreException e) { // an invalid name
            throw ApiException.badField("name", e.getMessage());
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", name);
        o.put("role", role.label());
        o.put("token", token);
        return ApiResponse.json(201, o);
    }

    private ApiResponse revoke(Request r) throws ApiException {
        String name = r.pathParams().get("name");
        try {
            users.revoke(name, DealsApi.actor(r));
        } catch (NotFoundException e) {
            throw new ApiException(404, e.getMessage());
        } catch (ConflictException e) {
            throw new ApiException(409, e.getMessage());
        }
        usersChanged.run(); // committed: this server refuses the token from the next request on
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", name);
        o.put("revoked", true);
        return ApiResponse.ok(o);
    }
}
