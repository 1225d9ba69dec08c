package org.exportguard.store;

import org.exportguard.core.hash.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an audit record vouches for, item by item (schema 5, {@code audit_content}): a deal's JSON, a decision (its
 * outcome and JSON), a list or policy version's stored bundle, each with the SHA-256 of the content as written.
 * The record's details carry {@link #digest} over its items, so neither the items nor the rows they describe can be
 * changed without {@code audit verify} noticing.
 */
public record AuditContent(String kind, String item, String sha256) {
    public static final String DEAL = "deal";
    public static final String DECISION = "decision";

    /** A deal's JSON text as stored. */
    public static AuditContent deal(String id, String json) {
        return new AuditContent(DEAL, id, Sha256.hex(json));
    }

    /** A decision row: its outcome column and its JSON. */
    public static AuditContent decision(String dealId, int seq, String outcome, String json) {
        return new AuditContent(DECISION, decisionItem(dealId, seq), decisionHash(outcome, json));
    }

    static String decisionItem(String dealId, int seq) {
        return dealId + "#" + seq;
    }

    static String decisionHash(String outcome, String json) {
        return Sha256.hex(outcome + "\n" + json);
    }

    /** A list or policy version's stored bundle (the zipped files in its row), by table and id. */
    public static AuditContent version(String table, long id, byte[] content) {
        return new AuditContent(table, Long.toString(id), Sha256.hex(content));
    }

    /** The digest of a record's items: SHA-256 over "kind TAB item TAB sha256" lines, in a fixed order. */
    static String digest(List<AuditContent> items) {
        List<AuditContent> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(AuditContent::kind).thenComparing(AuditContent::item));
        StringBuilder sb = new StringBuilder();
        for (AuditContent a : sorted) {
            sb.append(a.kind).append('\t').append(a.item).append('\t').append(a.sha256).append('\n');
        }
        return Sha256.hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
