package org.exportguard.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.exportguard.core.match.NameLimits;
import org.exportguard.core.model.Identifier;
import org.exportguard.core.model.PartyType;
import org.exportguard.core.screen.evidence.EvidenceScreening;
import org.exportguard.core.screen.evidence.QueryFields;
import org.exportguard.core.screen.ScreeningHit;
import org.exportguard.core.screen.ScreeningQuery;
import org.exportguard.json.Json;
import org.exportguard.json.ResultJson;
import org.exportguard.policy.screen.PartyScreener;

import java.util.Iterator;
import java.util.List;

/**
 * {@code screen}: each row of the names table screened with the CLI batch's engine and written in its shape (one
 * JSON object per row: {@code id, query, hits, lists}). Rows are screened where they lie; only the small
 * {@link ShippedLists} descriptor travels with the tasks, and each executor builds the index once.
 */
final class ScreenJob {
    /** Output lines that are a row's problem rather than its hits carry this key. */
    static final String ERROR = "error";

    private ScreenJob() {
    }

    static Dataset<String> run(Dataset<Row> names, ShippedLists lists, double threshold, int limit, PartyType type) {
        return names.mapPartitions(new Screen(lists, threshold, limit, type), Encoders.STRING());
    }

    /** Screens one partition's rows. */
    static final class Screen implements MapPartitionsFunction<Row, String> {
        private static final long serialVersionUID = 1L;
        private final ShippedLists lists;
        private final double threshold;
        private final int limit;
        private final PartyType type;

        Screen(ShippedLists lists, double threshold, int limit, PartyType type) {
            this.lists = lists;
            this.threshold = threshold;
            this.limit = limit;
            this.type = type;
        }

        @Override
        public Iterator<String> call(Iterator<Row> rows) {
            PartyScreener screener = lists.screener();
            EvidenceScreening index = EvidenceScreening.of(screener.index());
            JsonNode screened = screener.coverage().toJson();
            return Streamed.map(rows, r -> line(r, index, screened));
        }

        private String line(Row r, EvidenceScreening index, JsonNode screened) {
            String id = r.getString(0);
            String name = r.getString(1) == null ? "" : r.getString(1).strip();
            if (name.isEmpty()) {
                return error(id, "name", "empty; every row needs a name to screen");
            }
            String tooLong = NameLimits.problem(name);
            if (tooLong != null) {
                return error(id, "name", tooLong);
            }
            String typeText = r.getString(2);
            if (!PartyType.isKnownWord(typeText)) {
                return error(id, "type", "unknown type '" + typeText.strip()
                        + "' (expected person, organization, vessel, aircraft or unknown, or blank)");
            }
            PartyType t = PartyType.parse(typeText);
            if (t == PartyType.UNKNOWN) {
                t = type;
            }
            String country;
            String dob;
            List<Identifier> ids;
            try {
                country = QueryFields.country(r.getString(3));
            } catch (IllegalArgumentException e) {
                return error(id, "country", e.getMessage());
            }
            try {
                dob = QueryFields.dateOfBirth(r.getString(4));
            } catch (IllegalArgumentException e) {
                return error(id, "dob", e.getMessage());
            }
            try {
                ids = QueryFields.identifiers(r.getString(5));
            } catch (IllegalArgumentException e) {
                return error(id, "ids", e.getMessage());
            }
            // the CLI batch's query and engine exactly: the name score, then the secondary evidence on top
            ScreeningQuery q = new ScreeningQuery(name, t, country, dob, ids);
            List<ScreeningHit> hits = index.screen(q, threshold, limit);
            return Json.line(ResultJson.screenResult(id, name, hits, screened));
        }
    }

    static String error(String id, String field, String problem) {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put(ERROR, "field '" + field + "': " + problem);
        return Json.line(o);
    }

}
