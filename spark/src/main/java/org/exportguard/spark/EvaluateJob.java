package org.exportguard.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.exportguard.json.Json;
import org.exportguard.policy.deal.Deal;
import org.exportguard.policy.deal.DealFormatException;
import org.exportguard.policy.deal.DealParser;
import org.exportguard.policy.eval.DealEvaluator;
import scala.Tuple2;

import java.time.LocalDate;

/**
 * {@code evaluate}: deals (JSON lines, as {@code deals add} takes them) decided with a policy pack and lists, as of
 * each deal's export date or {@code --as-of}, each line answered as {@code deal evaluate --input} answers it: the
 * decision, or {@code {"line","error"}} for a line that is not a valid deal.
 */
final class EvaluateJob {
    private EvaluateJob() {
    }

    /** Each non-blank input line (numbered from 1) decided; the pair is (line number, output JSON line). */
    static JavaRDD<Tuple2<Long, String>> run(SparkSession spark, String input, ShippedLists lists, ShippedPack pack,
                                             LocalDate asOf) {
        Tables.requireExists(input);
        return spark.read().textFile(input).javaRDD().zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .mapPartitions(it -> {
                    DealEvaluator evaluator = new DealEvaluator(pack.pack(), lists.screener());
                    DealParser parser = new DealParser(evaluator.pack());
                    return Streamed.map(it, t -> new Tuple2<>(t._2() + 1, decide(parser, evaluator, t._1(),
                            t._2() + 1, asOf)));
                });
    }

    static String decide(DealParser parser, DealEvaluator evaluator, String text, long line, LocalDate asOf) {
        ParsedLine parsed = ParsedLine.of(parser, text, line);
        if (parsed.deal() == null) {
            return parsed.errorLine();
        }
        return evaluator.evaluate(parsed.deal(), asOf != null ? asOf : parsed.deal().date()).toJson();
    }

    /** One input line: its deal, or the {@code {"line","error"}} line that answers it (as the CLI batch does). */
    record ParsedLine(Deal deal, String errorLine) {
        static ParsedLine of(DealParser parser, String text, long line) {
            try {
                return new ParsedLine(parser.parse(text), null);
            } catch (DealFormatException e) {
                ObjectNode o = Json.object();
                o.put("line", line);
                o.put("error", e.getMessage());
                return new ParsedLine(null, Json.line(o));
            }
        }
    }
}
