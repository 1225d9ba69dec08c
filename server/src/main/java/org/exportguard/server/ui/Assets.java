package org.exportguard.server.ui;

import org.exportguard.server.ApiException;
import org.exportguard.server.ApiResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench's files, read once from the jar ({@code org/exportguard/server/ui}) and served with a strict
 * Content-Security-Policy: scripts, styles, images and requests only from this server, no inline script or style,
 * no framing. The list of files is explicit: only these names are ever served.
 */
final class Assets {
    static final List<String> FILES = List.of("index.html", "style.css", "app.js", "api.js", "view.js",
            "screen.js", "deals.js", "deal.js", "lists.js", "impact.js", "audit.js", "map.js", "world-110m.json");
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String BASE = "/org/exportguard/server/ui/";

    private final Map<String, ApiResponse> byName;

    private Assets(Map<String, ApiResponse> byName) {
        this.byName = byName;
    }

    static Assets load() {
        Map<String, ApiResponse> out = new HashMap<>();
        for (String f : FILES) {
            try (InputStream in = Assets.class.getResourceAsStream(BASE + f)) {
                if (in == null) {
                    throw new IllegalStateException("workbench asset missing from the jar: " + f);
                }
                out.put(f, new ApiResponse(200, contentType(f), in.readAllBytes(), Map.of(
                        "Content-Security-Policy", CSP, "X-Frame-Options", "DENY",
                        "Referrer-Policy", "same-origin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Assets(Map.copyOf(out));
    }

    ApiResponse get(String name) throws ApiException {
        ApiResponse r = byName.get(name);
        if (r == null) {
            throw new ApiException(404, "no workbench file " + name);
        }
        return r;
    }

    private static String contentType(String f) {
        if (f.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (f.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (f.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (f.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        return "text/plain; charset=utf-8";
    }
}
