package org.exportguard.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.exportguard.core.match.NameMatcher;
import org.exportguard.core.model.PartyType;
import org.exportguard.json.Json;
import org.exportguard.lists.ListFormatException;
import org.exportguard.policy.pack.PolicyFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The Spark job jar's entry point: {@code spark-submit --class org.exportguard.spark.SparkMain exportguard-spark.jar
 * screen|evaluate|impact ...}. The same engine, readers, packs and JSON shapes as the CLI; Spark only spreads the
 * rows. Exit codes as the CLI's: 0 done, 1 the job failed (one line says why), 2 bad usage, 3 done but some input rows
 * were bad (each answered by an {@code error} line).
 */
@Command(name = "exportguard-spark", mixinStandardHelpOptions = true,
        description = "ExportGuard jobs on Apache Spark: screen, evaluate, impact.",
        subcommands = {SparkMain.Screen.class, SparkMain.Evaluate.class, SparkMain.Impact.class})
public final class SparkMain implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_ROWS = 3;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing job: screen, evaluate or impact");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    /** Runs a job; returns its exit code (what tests call, in the test's JVM). */
    public static int run(String[] args, PrintStream err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable t = e;
            if (t instanceof org.apache.spark.SparkException && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof JobException || t instanceof ListFormatException || t instanceof PolicyFormatException
                    || t instanceof java.io.IOException) {
                err.println("exportguard-spark: error: " + t.getMessage());
            } else {
                err.println("exportguard-spark: job failed: " + t);
            }
            return EXIT_FAILED;
        });
        return cl.execute(args);
    }

    /** What every job takes, and how every job runs: check, start a session, run, report, stop. */
    abstract static class Job implements Callable<Integer> {
        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default: what spark-submit gives, else local[*]).")
        String master;

        @Option(names = "--output", paramLabel = "DIR", required = true,
                description = "Output folder (Spark writes part files into it; it must not exist).")
        String output;

        @Option(names = "--output-format", paramLabel = "FORMAT",
                description = "json (JSON lines, default) or parquet.")
        String outputFormat = "json";

        /**
         * What a job's run reports: its one-line summary (after "exportguard-spark: "), how many rows were bad, and
         * for a rate, how many of what were done ({@code per} null: no rate).
         */
        record Done(String summary, long badRows, long done, String per) {
        }

        /** Checks the job's own options before any session starts (a bad option must not cost a cluster). */
        void checkOptions() {
        }

        /** The job's work, in a running session. */
        abstract Done run(SparkSession spark) throws Exception;

        @Override
        public final Integer call() throws Exception {
            checkOptions();
            checkOutput();
            long start = System.nanoTime();
            SparkSession spark = session(getClass().getSimpleName().toLowerCase(Locale.ROOT));
            try {
                Done done = run(spark);
                double s = (System.nanoTime() - start) / 1e9;
                String rate = done.per() == null ? "" : String.format(Locale.ROOT, " (%.0f %s/s)",
                        done.done() / Math.max(s, 1e-9), done.per());
                System.err.println(String.format(Locale.ROOT, "exportguard-spark: %s, in %.2f s%s -> %s",
                        done.summary(), s, rate, output));
                return done.badRows() > 0 ? EXIT_BAD_ROWS : EXIT_OK;
            } finally {
                spark.stop();
            }
        }

        SparkSession session(String job) {
            SparkConf conf = new SparkConf().setAppName("exportguard " + job);
            if (master != null) {
                conf.setMaster(master);
            } else if (!conf.contains("spark.master")) {
                conf.setMaster("local[*]");
            }
            conf.setIfMissing("spark.ui.enabled", "false");
            return SparkSession.builder().config(conf).getOrCreate();
        }

        Path scratch() throws java.io.IOException {
            return Files.createTempDirectory("exportguard-spark-");
        }

        void checkOutput() {
            if (!output.contains("://") && Files.exists(Path.of(output))) {
                throw new JobException(output + ": already exists; give a new output folder");
            }
            Tables.format(outputFormat, output);
        }

        /** Writes (key, flagged, JSON line) rows as JSON lines or Parquet. */
        void write(SparkSession spark, JavaRDD<Row> rows, String key) {
            Dataset<Row> table = spark.createDataFrame(rows, Tables.resultSchema(key));
            if (Tables.format(outputFormat, output) == Tables.Format.PARQUET) {
                table.write().parquet(output);
            } else {
                table.select("json").as(Encoders.STRING()).write().text(output);
            }
        }

        static LocalDate date(String text, String option) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new JobException(option + ": '" + text + "' is not a date (YYYY-MM-DD)");
            }
        }
    }

    @Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Screens a names table (columns id,name and optional type,country,dob; CSV, JSON lines or",
                    "Parquet) against list files or a bundle ('exportguard lists export'): one line per row, in the",
                    "CLI batch's shape."})
    static final class Screen extends Job {
        @Option(names = "--lists", paramLabel = "PATH", required = true, arity = "1..*",
                description = "A list bundle (zip from 'exportguard lists export'), or list files and folders.")
        List<Path> lists = new ArrayList<>();

        @Option(names = "--input", paramLabel = "PATH", required = true, description = "The names table.")
        String input;

        @Option(names = "--input-format", paramLabel = "FORMAT", description = "csv, json or parquet (default: from the extension).")
        String inputFormat;

        @Option(names = "--threshold", paramLabel = "T", description = "Lowest score reported, 0..1 (default: ${DEFAULT-VALUE}).")
        double threshold = NameMatcher.DEFAULT_THRESHOLD;

        @Option(names = "--limit", paramLabel = "N", description = "Most hits per name (default: ${DEFAULT-VALUE}).")
        int limit = 10;

        @Option(names = "--partitions", paramLabel = "N",
                description = "Spread the rows over N partitions first (default: as the input is split).")
        int partitions;

        @Option(names = "--type", paramLabel = "TYPE", description = "What the names are when a row does not say "
                + "(person, organization, vessel, aircraft; default: any).")
        String type;

        @Override
        void checkOptions() {
            if (threshold < 0 || threshold > 1 || Double.isNaN(threshold)) {
                throw new JobException("--threshold must be between 0 and 1");
            }
            if (limit < 1) {
                throw new JobException("--limit must be at least 1");
            }
            if (type != null && !PartyType.isKnownWord(type)) {
                throw new JobException("--type: unknown type '" + type + "'");
            }
            Tables.format(inputFormat, input);
        }

        @Override
        Done run(SparkSession spark) throws Exception {
            ShippedLists shipped = ShippedLists.ship(spark, lists, scratch());
            LongAccumulator rows = spark.sparkContext().longAccumulator("rows");
            LongAccumulator flagged = spark.sparkContext().longAccumulator("flagged");
            LongAccumulator bad = spark.sparkContext().longAccumulator("bad");
            Dataset<Row> table = Tables.names(spark, input, Tables.format(inputFormat, input));
            if (partitions > 0) {
                table = table.repartition(partitions);
            }
            JavaRDD<Row> out = ScreenJob.run(table, shipped, threshold, limit, PartyType.parse(type)).javaRDD()
                    .map(line -> {
                        rows.add(1);
                        var node = Json.readTree(line);
                        boolean error = node.has(ScreenJob.ERROR);
                        boolean hit = !error && node.path("hits").size() > 0;
                        if (error) {
                            bad.add(1);
                        } else if (hit) {
                            flagged.add(1);
                        }
                        return RowFactory.create(node.path("id").asText(null), hit, line);
                    });
            write(spark, out, "id");
            return new Done(String.format(Locale.ROOT, "screened %d rows, %d with hits, %d bad rows",
                    rows.value(), flagged.value(), bad.value()), bad.value(), rows.value(), "names");
        }
    }

    /** A job over a deals table: its input and day, checked before any session starts. */
    abstract static class DealsJob extends Job {
        @Mixin
        DealsInput deals = new DealsInput();

        @Override
        void checkOptions() {
            deals.day();
        }
    }

    /** The deals a job decides, and the day. */
    static final class DealsInput {
        @Option(names = "--input", paramLabel = "PATH", required = true, description = "Deals, one JSON object per line.")
        String input;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Decide as of this day (default: each deal's date).")
        String asOf;

        LocalDate day() {
            return Job.date(asOf, "--as-of");
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Decides deals (JSON lines, as 'deals add' takes them) with a policy pack and lists, as of",
                    "each deal's date or --as-of: one line per deal, as 'deal evaluate --input' writes them."})
    static final class Evaluate extends DealsJob {
        @Option(names = "--lists", paramLabel = "PATH", required = true, arity = "1..*",
                description = "A list bundle (zip from 'exportguard lists export'), or list files and folders.")
        List<Path> lists = new ArrayList<>();

        @Option(names = "--policy", paramLabel = "DIR", description = "A policy pack folder (default: the pack in the jar).")
        Path policy;

        @Override
        Done run(SparkSession spark) throws Exception {
            ShippedPack pack = ShippedPack.of(policy);
            ShippedLists shipped = ShippedLists.ship(spark, lists, scratch());
            LongAccumulator decided = spark.sparkContext().longAccumulator("deals");
            LongAccumulator bad = spark.sparkContext().longAccumulator("bad");
            JavaRDD<Row> out = EvaluateJob.run(spark, deals.input, shipped, pack, deals.day()).map(t -> {
                var node = Json.readTree(t._2());
                boolean error = node.has("error");
                (error ? bad : decided).add(1);
                return RowFactory.create(error ? "line " + t._1() : node.path("dealId").asText(null),
                        !error && !"CLEARED".equals(node.path("outcome").asText()), t._2());
            });
            write(spark, out, "dealId");
            return new Done(String.format(Locale.ROOT, "evaluated %d deals, %d bad lines", decided.value(),
                    bad.value()), bad.value(), decided.value(), "deals");
        }
    }

    @Command(name = "impact", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Which deals change outcome between two sets of lists and/or two policy packs: one line",
                    "per changed deal, {dealId, before, after, reasons}. Only the deals the change can touch are",
                    "decided (screened against the changed entries only)."})
    static final class Impact extends DealsJob {
        @Option(names = "--lists-before", paramLabel = "PATH", required = true, arity = "1..*",
                description = "The lists before: a bundle, or list files and folders.")
        List<Path> listsBefore = new ArrayList<>();

        @Option(names = "--lists-after", paramLabel = "PATH", arity = "1..*",
                description = "The lists after (default: the same as before).")
        List<Path> listsAfter = new ArrayList<>();

        @Option(names = "--policy-before", paramLabel = "DIR", description = "The pack before (default: the pack in the jar).")
        Path policyBefore;

        @Option(names = "--policy-after", paramLabel = "DIR", description = "The pack after (default: the pack before).")
        Path policyAfter;

        @Override
        Done run(SparkSession spark) throws Exception {
            ShippedPack before = ShippedPack.of(policyBefore);
            ShippedPack after = policyAfter == null ? before : ShippedPack.of(policyAfter);
            Path scratch = scratch();
            ShippedLists lb = ShippedLists.ship(spark, listsBefore, scratch);
            ShippedLists la = listsAfter.isEmpty() ? lb : ShippedLists.ship(spark, listsAfter, scratch);
            LongAccumulator changed = spark.sparkContext().longAccumulator("changed");
            LongAccumulator bad = spark.sparkContext().longAccumulator("bad");
            JavaRDD<Row> out = ImpactJob.run(spark, deals.input, new ImpactJob.Sides(lb, la, before, after),
                    deals.day()).map(line -> {
                        var node = Json.readTree(line);
                        boolean error = node.has("error");
                        (error ? bad : changed).add(1);
                        return RowFactory.create(error ? "line " + node.path("line").asText()
                                : node.path("dealId").asText(null), !error, line);
                    });
            write(spark, out, "dealId");
            return new Done(String.format(Locale.ROOT, "%d deals changed outcome, %d bad lines", changed.value(),
                    bad.value()), bad.value(), 0, null);
        }
    }
}
