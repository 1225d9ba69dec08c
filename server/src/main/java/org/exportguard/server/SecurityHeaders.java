package org.exportguard.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries, the router's and the transport's own error answers alike. The API answers JSON
 * and one HTML page ({@code /docs}) that needs no script: the policy allows nothing but this origin's own files, no
 * script inline or from anywhere else, no framing (against clickjacking), and the one inline style of the docs page
 * by its hash. {@code Cache-Control: no-store} keeps answers (deals, decisions, tokens) out of shared and browser
 * caches; a route that serves something cacheable may set its own.
 */
public final class SecurityHeaders {
    /** The hash of the docs page's inline style: allowing exactly it keeps {@code 'unsafe-inline'} out. */
    private static final String DOCS_STYLE_HASH = "'sha256-" + Base64.getEncoder().encodeToString(
            org.exportguard.core.hash.Sha256.digest().digest(DocsPage.STYLE.getBytes(StandardCharsets.UTF_8))) + "'";

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + DOCS_STYLE_HASH + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Map<String, String> ALL;

    static {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Cache-Control", "no-store");
        ALL = java.util.Collections.unmodifiableMap(h);
    }

    private SecurityHeaders() {
    }

    /** Name to value, in a fixed order. */
    public static Map<String, String> all() {
        return ALL;
    }
}
