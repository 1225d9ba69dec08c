package org.exportguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.testkit.DealJson;
import org.exportguard.testkit.PostgresSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail closed (issue 13): a store that does not exist is an error naming it, never a new empty store or the shipped
 * samples; a store without lists decides REVIEW, never CLEARED; only the commands that put data in create a store,
 * owner-only.
 */
class FailClosedStoreTest {
    @TempDir
    Path dir;

    @AfterAll
    static void dropSchemas() {
        PostgresSchemas.dropSchemas();
    }

    /** A deal nothing would stop: CLEARED when screened against lists that do not list its parties. */
    private Path harmlessDeal() throws IOException {
        return Files.writeString(dir.resolve("deal.json"),
                DealJson.usSoftware("d-1", "Harmless Widgets GmbH", "DE").json(), StandardCharsets.UTF_8);
    }

    @Test
    void aMistypedDataDirIsAnErrorNamingItNotASampleScreening() throws IOException {
        Path typo = dir.resolve("exportguard-dta");
        Cli.Result r = Cli.run("deal", "evaluate", harmlessDeal().toString(), "--data-dir", typo.toString());
        assertEquals(Main.EXIT_STORE, r.code(), r.toString());
        assertTrue(r.err().contains(typo.toString()) && r.err().contains("does not exist"), r.err());
        assertFalse(r.out().contains("CLEARED"), r.out());
        assertFalse(Files.exists(typo), "a read must not create the store");
    }

    @Test
    void commandsThatOnlyReadOrAddNeverCreateAStore() {
        Path typo = dir.resolve("nowhere");
        for (String[] args : new String[][]{{"deals", "show", "x"}, {"audit", "verify"}, {"lists", "history"},
                {"impact"}, {"users", "list"}}) {
            String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--data-dir", typo.toString())).toArray(String[]::new);
            Cli.Result r = Cli.run(full);
            assertEquals(Main.EXIT_STORE, r.code(), String.join(" ", args) + ": " + r);
            assertTrue(r.err().contains(typo.toString()), r.err());
            assertFalse(Files.exists(typo), String.join(" ", args) + " created the store");
        }
    }

    @Test
    void aDataDirWithoutADatabaseIsNotAStore() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Result r = Cli.run("deals", "show", "x", "--data-dir", empty.toString());
        assertEquals(Main.EXIT_STORE, r.code(), r.toString());
        assertTrue(r.err().contains("exportguard.db") && r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(empty.resolve("exportguard.db")));
    }

    @Test
    void aStoreWithoutListsDecidesReviewNamingTheMissingListsNeverCleared() throws IOException {
        Path store = dir.resolve("store");
        assertEquals(0, Cli.run("users", "add", "alice", "--role", "analyst", "--data-dir", store.toString()).code());
        Cli.Result r = Cli.run("deal", "evaluate", harmlessDeal().toString(), "--json", "--data-dir",
                store.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode d = Cli.json(r.out().strip());
        assertEquals("REVIEW", d.path("outcome").asText(), r.out());
        assertTrue(r.out().contains("was not among the loaded lists"), r.out());
        // the same deal against lists that are there (and do not list it) is CLEARED: REVIEW came from the absence
        Cli.Result withLists = Cli.run("deal", "evaluate", harmlessDeal().toString(), "--json", "--list",
                Path.of("src/main/resources/sample-lists").toString());
        assertEquals("CLEARED", Cli.json(withLists.out().strip()).path("outcome").asText(), withLists.toString());
    }

    @Test
    void storesAndTheirDataDirsAreCreatedOwnerOnly() throws IOException {
        Path store = dir.resolve("new").resolve("store");
        assertEquals(0, Cli.run("users", "add", "alice", "--role", "analyst", "--data-dir", store.toString()).code());
        assertEquals("rwx------", mode(store));
        assertEquals("rwx------", mode(store.getParent()));
        assertEquals("rw-------", mode(store.resolve("exportguard.db")));
        try (var files = Files.list(store)) {
            for (Path f : files.toList()) { // -wal and -shm, when SQLite left them
                assertEquals("rw-------", mode(f), f.toString());
            }
        }
    }

    @Test
    void aPostgresDatabaseWithoutTheSchemaIsNotAStore() {
        String url = PostgresSchemas.freshSchemaUrl("failclosed_");
        Cli.Result r = Cli.run("deals", "show", "x", "--db", url);
        assertEquals(Main.EXIT_STORE, r.code(), r.toString());
        assertTrue(r.err().contains("no ExportGuard store"), r.err());
        Cli.Result again = Cli.run("lists", "history", "--db", url);
        assertEquals(Main.EXIT_STORE, again.code(), "the refused read created the schema: " + again);
        assertEquals(0, Cli.run("users", "add", "alice", "--role", "analyst", "--db", url).code());
        assertEquals(0, Cli.run("users", "list", "--db", url).code());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
