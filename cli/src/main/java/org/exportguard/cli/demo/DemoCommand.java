package org.exportguard.cli.demo;

import org.exportguard.cli.CliText;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.core.model.PartyList;
import org.exportguard.core.screen.ScreeningIndex;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code exportguard demo}: runs with no arguments on a fresh clone. Copies the sample lists shipped in the jar
 * ({@code sample-lists/}) to a temporary folder, loads them with the real list readers, and runs each
 * {@link DemoSection} in order.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows ExportGuard at work on the small sample lists it ships (no arguments needed).")
public final class DemoCommand implements Callable<Integer> {
    /** Folder of the samples on the classpath; {@code index.txt} there names every file to copy. */
    public static final String SAMPLES = "sample-lists/";
    /** What to load from the copied samples: each is one list (the OFAC CSV set is one folder). */
    public static final List<String> LISTS = List.of("ofac-sdn", "us-csl.csv", "un-consolidated.xml");
    /** The demo's parts, in order. Add a section here to grow the demo. */
    public static final List<DemoSection> SECTIONS = List.of(new ScreeningShowcase(), new DealShowcase(),
            new ImpactShowcase());

    private final Context ctx;

    public DemoCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("exportguard-demo-");
        try {
            copySamples(dir);
            List<PartyList> lists = new ArrayList<>();
            for (String l : LISTS) {
                lists.addAll(ctx.loadList(dir.resolve(l)));
            }
            ScreeningIndex index = ScreeningIndex.build(lists);
            var out = ctx.out();
            out.println("ExportGuard demo: sample lists (illustrative extracts, not the current lists)");
            CliText.Table t = new CliText.Table("list", "format", "parties", "file");
            for (PartyList l : lists) {
                t.row(l.id(), l.format(), l.parties().size(), shortOrigin(dir, l.origin()));
            }
            out.print(t.render("  "));
            out.println();
            DemoEnv env = new DemoEnv(out, dir, List.copyOf(lists), index);
            int n = 0;
            for (DemoSection s : SECTIONS) {
                String title = (++n) + ". " + s.title();
                out.println(title);
                out.println("=".repeat(Math.min(100, title.length())));
                s.run(env);
            }
            return Main.EXIT_OK;
        } finally {
            org.exportguard.store.TempDirs.deleteQuietly(dir);
        }
    }

    /** The list's origin relative to the sample folder when it lies inside it, else as given. */
    static String shortOrigin(Path dir, String origin) {
        if (origin == null) {
            return "";
        }
        try {
            Path p = Path.of(origin).toAbsolutePath().normalize();
            return p.startsWith(dir) ? dir.relativize(p).toString() : origin;
        } catch (RuntimeException e) {
            return origin;
        }
    }

    /** Copies every file named in {@code sample-lists/index.txt} from the classpath to {@code dir}. */
    public static void copySamples(Path dir) throws IOException {
        ClassLoader cl = DemoCommand.class.getClassLoader();
        List<String> files = new ArrayList<>();
        try (InputStream idx = cl.getResourceAsStream(SAMPLES + "index.txt")) {
            if (idx == null) {
                throw new IOException("sample list index " + SAMPLES + "index.txt missing from the jar");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(idx, StandardCharsets.UTF_8))) {
                r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).forEach(files::add);
            }
        }
        for (String f : files) {
            try (InputStream in = cl.getResourceAsStream(SAMPLES + f)) {
                if (in == null) {
                    throw new IOException("sample list " + SAMPLES + f + " missing from the jar");
                }
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
