package org.exportguard.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.json.Json;

import java.time.LocalDate;

/**
 * An event deciding which version of a list source is in force ({@code list_events}): the version in force of a
 * source on day D is the one of its event with the latest effective date on or before D (the later event when two
 * share a date).
 *
 * @param kind {@value #IMPORT} (a new version), {@value #ROLL_BACK} (an earlier version's content imported again)
 */
public record ListEvent(long id, String source, long versionId, String kind, LocalDate effectiveDate,
                        String recordedAt, String recordedBy) {
    public static final String IMPORT = "import";
    public static final String ROLL_BACK = "roll-back";

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("event", id);
        o.put("source", source);
        o.put("version", versionId);
        o.put("kind", kind);
        o.put("effectiveDate", effectiveDate.toString());
        o.put("recordedAt", recordedAt);
        o.put("recordedBy", recordedBy);
        return o;
    }
}
