package org.exportguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads the input tables and writes the output, in the formats the jobs take: CSV, JSON lines, Parquet. */
final class Tables {
    enum Format { CSV, JSON, PARQUET }

    private Tables() {
    }

    /** The format named, else the one the path's extension says ({@code .csv}, {@code .jsonl}/{@code .json}, {@code .parquet}). */
    static Format format(String named, String path) {
        String f = named != null ? named : extension(path);
        switch (f.toLowerCase(Locale.ROOT)) {
            case "csv":
                return Format.CSV;
            case "json":
            case "jsonl":
            case "ndjson":
                return Format.JSON;
            case "parquet":
                return Format.PARQUET;
            default:
                throw new JobException(path + ": cannot tell the format (csv, json or parquet): name it with "
                        + "--input-format / --output-format");
        }
    }

    private static String extension(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /**
     * The names table: columns {@code id,name} and optional {@code type,country,dob,ids} (as the CLI batch's), every
     * value read as text (an
     * id of digits must stay as written).
     */
    static Dataset<Row> names(SparkSession spark, String input, Format format) {
        requireExists(input);
        Dataset<Row> t;
        switch (format) {
            case CSV:
                // escape '"': a quote inside a quoted cell is doubled (RFC 4180, as the CLI's reader and every
                // spreadsheet write it); Spark's default escape, a backslash, left the doubled quotes in the names
                t = spark.read().option("header", "true").option("inferSchema", "false").option("multiLine", "true")
                        .option("escape", "\"").option("mode", "FAILFAST").csv(input);
                break;
            case JSON:
                t = spark.read().option("mode", "FAILFAST").option("primitivesAsString", "true").json(input);
                break;
            default:
                t = spark.read().parquet(input);
        }
        List<String> cols = Arrays.asList(t.columns());
        for (String need : List.of("id", "name")) {
            if (!cols.contains(need)) {
                throw new JobException(input + ": no column '" + need + "' (the columns are id,name and optional "
                        + "type,country,dob; found " + String.join(",", cols) + ")");
            }
        }
        for (String c : List.of("id", "name", "type", "country", "dob", "ids")) {
            t = cols.contains(c) ? t.withColumn(c, t.col(c).cast(DataTypes.StringType))
                    : t.withColumn(c, org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType));
        }
        return t.select("id", "name", "type", "country", "dob", "ids");
    }

    static void requireExists(String input) {
        if (!input.contains("://") && !Files.exists(Path.of(input))) {
            throw new JobException(input + ": no such file or folder");
        }
    }

    /** The schema of a result written as Parquet: the key columns and the whole JSON line. */
    static StructType resultSchema(String key) {
        return new StructType().add(key, DataTypes.StringType).add("flagged", DataTypes.BooleanType)
                .add("json", DataTypes.StringType);
    }
}
