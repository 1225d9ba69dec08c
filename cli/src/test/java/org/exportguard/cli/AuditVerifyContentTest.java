package org.exportguard.cli;

import org.exportguard.store.Store;
import org.exportguard.store.StoreLocation;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.PostgresSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code audit verify} checks the stored rows against the content the chain vouches for (issue 13): a deal or a
 * decision edited directly with SQL is named, and the command exits 5, on both stores.
 */
class AuditVerifyContentTest {
    @TempDir
    Path dir;

    @AfterAll
    static void dropSchemas() {
        PostgresSchemas.dropSchemas();
    }

    @Test
    void sqlite() throws Exception {
        Path data = dir.resolve("data");
        check(List.of("--data-dir", data.toString()), StoreLocation.sqlite(data));
    }

    @Test
    void postgres() throws Exception {
        String url = PostgresSchemas.freshSchemaUrl("auditcontent_");
        check(List.of("--db", url), StoreLocation.postgres(url));
    }

    private void check(List<String> where, StoreLocation location) throws Exception {
        run(0, where, "users", "add", "ann", "--role", "analyst");
        Path deals = Files.writeString(dir.resolve("deals-" + location.kind() + ".jsonl"),
                DealJson.usSoftware("d-1", "Harmless Widgets GmbH", "DE").json() + "\n"
                        + DealJson.usSoftware("d-2", "Other Widgets Ltd", "FR").json() + "\n",
                StandardCharsets.UTF_8);
        run(0, where, "deals", "add", "--input", deals.toString());
        assertTrue(run(0, where, "audit", "verify").out().startsWith("audit chain intact"));

        try (Store s = Store.open(location)) {
            s.database().write(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("UPDATE decisions SET outcome = 'CLEARED', decision_json = "
                            + "replace(decision_json, 'REVIEW', 'CLEARED') WHERE deal_id = 'd-1'");
                    st.executeUpdate("UPDATE deals SET json = replace(json, '\"FR\"', '\"DE\"') WHERE id = 'd-2'");
                }
                return null;
            });
        }
        Cli.Result r = run(Main.EXIT_AUDIT, where, "audit", "verify");
        assertTrue(r.err().contains("decision 1 of deal d-1: its stored outcome or JSON differs"), r.err());
        assertTrue(r.err().contains("deal d-2: its stored JSON differs"), r.err());
        assertTrue(r.err().contains("2 stored rows differ"), r.err());
    }

    private static Cli.Result run(int code, List<String> where, String... args) {
        Cli.Result r = Cli.run(Stream.concat(Stream.of(args), where.stream()).toArray(String[]::new));
        assertEquals(code, r.code(), r.toString());
        return r;
    }
}
