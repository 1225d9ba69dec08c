package org.exportguard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /docs}: the OpenAPI document rendered as one plain HTML page (no scripts, no external resources, so it
 * works offline): each operation with its least role, request body schema and answers.
 */
final class DocsPage {
    /** The page's one inline style; the Content-Security-Policy allows exactly it, by its hash. */
    static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
            + "h2{margin-top:2em;font-family:monospace}.m{display:inline-block;min-width:4em;color:#fff;"
            + "background:#357;padding:0 .3em;border-radius:3px}pre{background:#f4f4f4;padding:.6em;overflow:auto}"
            + "td{padding:.1em .8em .1em 0;vertical-align:top}";

    private DocsPage() {
    }

    static String render(ObjectNode openApi) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
          .append(esc(openApi.path("info").path("title").asText())).append("</title>\n<style>")
          .append(STYLE).append("</style></head><body>\n<h1>")
          .append(esc(openApi.path("info").path("title").asText())).append(" <small>")
          .append(esc(openApi.path("info").path("version").asText())).append("</small></h1>\n<p>")
          .append(esc(openApi.path("info").path("description").asText()))
          .append("</p>\n<p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI ")
          .append(esc(openApi.path("openapi").asText())).append(").</p>\n");
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> o = ops.next();
                operation(sb, p.getKey(), o.getKey(), o.getValue());
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void operation(StringBuilder sb, String path, String method, JsonNode op) {
        sb.append("<h2 id=\"").append(esc(op.path("operationId").asText())).append("\"><span class=\"m\">")
          .append(method.toUpperCase(Locale.ROOT)).append("</span> ").append(esc(path)).append("</h2>\n<p>")
          .append(esc(op.path("summary").asText())).append("</p>\n<p>Access: ")
          .append(op.has("x-min-role") ? "bearer token, role <b>" + esc(op.get("x-min-role").asText())
                  + "</b> or above" : "public, no token").append("</p>\n");
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            sb.append("<p>Request body (JSON):</p><pre>").append(esc(pretty(body))).append("</pre>\n");
        }
        sb.append("<table>");
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
            Map.Entry<String, JsonNode> r = rs.next();
            sb.append("<tr><td>").append(esc(r.getKey())).append("</td><td>")
              .append(esc(r.getValue().path("description").asText())).append("</td></tr>");
        }
        sb.append("</table>\n");
        JsonNode ok = op.path("responses").path("200").path("content").path("application/json").path("schema");
        if (!ok.isMissingNode()) {
            sb.append("<p>200 body (JSON):</p><pre>").append(esc(pretty(ok))).append("</pre>\n");
        }
    }

    private static String pretty(JsonNode n) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
