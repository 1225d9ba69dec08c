package org.exportguard.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.core.model.PartyList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports run in a separate JVM ({@link ImportChild}) killed with SIGKILL at random moments, {@value #KILLS} times.
 * Afterwards: every version the child reported as imported is there with the same hash; every stored version is
 * whole (its bytes hash to its sha256, it loads back to the counts recorded, it has its audit record); the audit
 * chain verifies; and the store opens and imports again.
 */
abstract class ImportCrashTest {
    static final int KILLS = 20;
    static final int FILES_PER_RUN = 3;
    static final int ENTRIES = 2500;

    @TempDir
    Path tmp;

    /** The store location, and its form for the child's first argument. */
    abstract StoreLocation location();

    abstract String childArg(StoreLocation loc);

    @Test
    void killedImportsLeaveNoHalfVersionAndLoseNoAcknowledgedOne() throws Exception {
        StoreLocation loc = location();
        Store.open(loc);
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        Map<Long, String> acknowledged = new HashMap<>();

        Run calibration = run(loc, 0, false, Long.MAX_VALUE);
        assertEquals(FILES_PER_RUN, calibration.imported.size(), "an unkilled run imports every file: " + calibration);
        calibration.imported.forEach(acknowledged::put);
        long startMs = calibration.openMs;
        long importMs = calibration.totalMs - calibration.openMs;

        int kills = 0;
        int killedMidway = 0;
        for (int k = 1; kills < KILLS; k++) {
            assertTrue(k <= 3 * KILLS, "too few runs were still going when their kill came (seed " + seed + ")");
            // one kill in four while the JVM starts and the store opens, the others while it imports
            boolean duringStart = rnd.nextInt(4) == 0;
            long delay = (long) ((duringStart ? startMs : importMs) * (0.05 + 0.9 * rnd.nextDouble()));
            Run r = run(loc, k, !duringStart, delay);
            for (Map.Entry<Long, String> e : r.imported.entrySet()) {
                String before = acknowledged.put(e.getKey(), e.getValue());
                assertTrue(before == null, "version id " + e.getKey() + " reported twice");
            }
            if (r.killed) {
                kills++;
                if (r.output.contains("OPEN") && r.imported.size() < FILES_PER_RUN) {
                    killedMidway++;
                }
            }
        }
        assertTrue(killedMidway > 0, "no kill landed while the child was importing (seed " + seed + ")");

        Store store = Store.open(loc);
        List<VersionInfo> stored = store.lists().versions().history();
        Map<Long, VersionInfo> byId = new HashMap<>();
        stored.forEach(v -> byId.put(v.id(), v));
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            VersionInfo v = byId.get(e.getKey());
            assertTrue(v != null, "acknowledged version " + e.getKey() + " is missing (seed " + seed + ")");
            assertEquals(e.getValue(), v.sha256(), "version " + e.getKey());
        }
        for (VersionInfo v : stored) {
            assertWhole(store, v);
        }
        long auditImports = store.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = 'lists.import'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(stored.size(), auditImports, "one audit record per stored version, no more, no less");
        AuditVerification audit = store.audit().verify();
        assertTrue(audit.intact(), audit.problem());
        afterKills(store);
        System.out.println(getClass().getSimpleName() + ": " + kills + " SIGKILLs (" + killedMidway
                + " while importing: after the store opened, before the last import committed), " + acknowledged.size() + " versions acknowledged, "
                + stored.size() + " stored, all whole (seed " + seed + ", unkilled run " + calibration.totalMs + " ms, "
                + importMs + " of them importing)");

        Path next = TestLists.csl(tmp.resolve("after.csv"), "After", ENTRIES); // not a shrink the rules refuse
        ImportResult r = store.lists().importPath(next, null, null, "test:crash");
        assertFalse(r.alreadyStored());
        assertEquals(stored.size() + 1, store.lists().versions().history().size());
    }

    /** Several processes importing into one store at once: every import lands, with one unbroken audit chain. */
    @Test
    void concurrentImportProcessesKeepOneChain() throws Exception {
        StoreLocation loc = location();
        Store.open(loc);
        List<Process> procs = new ArrayList<>();
        for (int w = 1; w <= 3; w++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-cp", classPath(), ImportChild.class.getName(),
                    childArg(loc)));
            for (int f = 1; f <= 3; f++) {
                cmd.add(TestLists.csl(tmp.resolve("w" + w + "-" + f + ".csv"), "W" + w + "F" + f, 200).toString());
            }
            procs.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }
        for (Process p : procs) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
        }
        Store store = Store.open(loc);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
                store.lists().versions().history().stream().map(VersionInfo::id).toList());
        AuditVerification v = store.audit().verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(18, v.records(), "each import: its version and the event putting it in force");
    }

    /** Store-specific checks after the kills (SQLite: the file's integrity check). */
    void afterKills(Store store) {
    }

    private static void assertWhole(Store store, VersionInfo v) throws Exception {
        Versions.Content content = store.lists().versions().content(v.id());
        assertEquals(v.sha256(), content.sha256(), "version " + v.id() + " bytes");
        List<PartyList> lists = store.lists().load(v.id());
        JsonNode counts = AuditLog.JSON.readTree(v.counts());
        assertEquals(counts.get("parties").asInt(), lists.stream().mapToInt(l -> l.parties().size()).sum(),
                "version " + v.id() + " loads back whole");
    }

    private record Run(Map<Long, String> imported, boolean killed, String output, long openMs, long totalMs) {
    }

    /**
     * Starts a child importing this run's files and kills it with SIGKILL {@code killAfterMs} after its start, or
     * (with {@code afterOpen}) after it reported the store open.
     */
    private Run run(StoreLocation loc, int k, boolean afterOpen, long killAfterMs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath(), ImportChild.class.getName(),
                childArg(loc)));
        for (int f = 1; f <= FILES_PER_RUN; f++) {
            cmd.add(TestLists.csl(tmp.resolve("run" + k + "-" + f + ".csv"), "R" + k + "F" + f, ENTRIES).toString());
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CountDownLatch opened = new CountDownLatch(1);
        AtomicLong openMs = new AtomicLong(-1);
        Map<Long, String> imported = new ConcurrentHashMap<>();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (line.equals("OPEN")) {
                        openMs.set((System.nanoTime() - t0) / 1_000_000);
                        opened.countDown();
                    } else if (line.startsWith("IMPORTED ")) {
                        String[] f = line.split(" ");
                        imported.put(Long.parseLong(f[1]), f[2]);
                    }
                }
            } catch (IOException e) {
                out.append("(reading the child failed: ").append(e).append(")\n");
            }
        });
        reader.start();
        if (afterOpen) {
            opened.await(60, TimeUnit.SECONDS);
        }
        boolean killed = false;
        if (!p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start();
            boolean sent = kill.waitFor() == 0; // fails only when the child ended just before
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not die");
            killed = sent && p.exitValue() == 128 + 9;
        }
        long totalMs = (System.nanoTime() - t0) / 1_000_000;
        reader.join(30_000);
        if (!killed) {
            assertEquals(0, p.exitValue(), "child failed:\n" + out);
        }
        return new Run(new HashMap<>(imported), killed, out.toString(), openMs.get(), totalMs);
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static String sep() {
        return File.pathSeparator;
    }
}
