package org.exportguard.cli.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.cli.Options;
import org.exportguard.cli.UserException;
import org.exportguard.core.model.ListedParty;
import org.exportguard.core.model.PartyList;
import org.exportguard.policy.deal.Deal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code exportguard bench spark-inputs}: the inputs the Spark benchmark runs on, the same for the CLI batch and the
 * jobs: a names table (mostly made-up counterparties, about 3% names from the given lists, some misspelt), a deals
 * file, and the change {@code bench impact} measures (the cyber group cut by 65 countries, 4 new Entity List
 * entries) as two list folders and two policy packs. Seeded: the same counts give the same files.
 */
@Command(name = "spark-inputs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the Spark benchmark's inputs into a folder: names.csv, deals.jsonl, lists-before/,",
                "lists-after/, policy-before/, policy-after/ (a 65-country cut and 4 new entities)."})
public final class SparkInputsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--names", paramLabel = "N", description = "Rows of names.csv (default: ${DEFAULT-VALUE}).")
    long names = 1_000_000;

    @Option(names = "--deals", paramLabel = "N", description = "Lines of deals.jsonl (default: ${DEFAULT-VALUE}).")
    long deals = 1_000_000;

    @Option(names = "--list", paramLabel = "PATH", description = "Lists whose names some rows take (repeatable; "
            + "default: the shipped samples).")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "The folder to write (new).")
    Path output;

    private final Context ctx;

    public SparkInputsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (names < 0 || deals < 0) {
            throw Options.usage(spec, "--names and --deals must be 0 or more");
        }
        if (Files.exists(output)) {
            throw UserException.at(output, 0, null, "already exists; give a new folder");
        }
        Files.createDirectories(output);
        ImpactBench.Fixture f = ImpactBench.Fixture.write(output.resolve("fixture"));
        Path before = Files.createDirectories(output.resolve("lists-before"));
        Path after = Files.createDirectories(output.resolve("lists-after"));
        Files.copy(f.samples().resolve("un-consolidated.xml"), before.resolve("un-consolidated.xml"));
        Files.copy(f.samples().resolve("un-consolidated.xml"), after.resolve("un-consolidated.xml"));
        Files.move(f.cslBefore(), before.resolve("us-csl.csv"));
        Files.move(f.cslAfter(), after.resolve("us-csl.csv"));
        Files.move(f.policyBefore(), output.resolve("policy-before"));
        Files.move(f.policyAfter(), output.resolve("policy-after"));

        List<ListedParty> listed = new ArrayList<>();
        for (PartyList l : lists.isEmpty() ? ctx.loadList(f.samples()) : ctx.loadLists(lists)) {
            listed.addAll(l.parties());
        }
        BenchDealsCommand.DealGenerator names0 = new BenchDealsCommand.DealGenerator(listed, 20261130L, 1);
        try (BufferedWriter w = Files.newBufferedWriter(output.resolve("names.csv"));
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord("id", "name", "type");
            for (long i = 0; i < names; i++) {
                String[] p = names0.counterparty();
                csv.printRecord("n" + i, p[0], p[1].equals("individual") ? "person" : "organization");
            }
        }
        // deals as bench impact stores them: to the 200 destinations, the 4 entities to be listed in the book
        BenchDealsCommand.DealGenerator gen = new BenchDealsCommand.DealGenerator(listed, 20261128L, 5_000,
                f.destinations());
        List<String> toBeListed = new ArrayList<>();
        for (PartyList l : ctx.loadList(f.samples().resolve("us-csl.csv"))) {
            for (ListedParty p : l.parties()) {
                toBeListed.add(p.primaryName());
            }
        }
        gen.addCounterparties(toBeListed);
        try (BufferedWriter w = Files.newBufferedWriter(output.resolve("deals.jsonl"))) {
            for (long first = 0; first < deals; first += 10_000) {
                int n = (int) Math.min(10_000, deals - first);
                for (Deal d : gen.deals(n, (int) first, LocalDate.of(2027, 1, 1))) {
                    w.write(ImpactBench.json(d));
                    w.write('\n');
                }
            }
        }
        org.exportguard.store.TempDirs.deleteQuietly(output.resolve("fixture"));
        ctx.out().println(String.format(Locale.ROOT, "wrote %,d names and %,d deals, and the change (65-country cut, "
                + "4 new entities) -> %s", names, deals, output));
        return Main.EXIT_OK;
    }
}
