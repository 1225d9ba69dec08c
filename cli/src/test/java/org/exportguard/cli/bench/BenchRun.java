package org.exportguard.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.exportguard.cli.Context;
import org.exportguard.cli.Main;
import org.exportguard.json.Json;
import org.exportguard.lists.ListLoader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** A bench run in-process, with its streams captured; and a context for calling a bench's parts directly. */
record BenchRun(int code, String out, String err) {
    static BenchRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new BenchRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one JSON object printed. */
    JsonNode json() {
        try {
            return Json.MAPPER.readTree(out.strip());
        } catch (Exception e) {
            throw new AssertionError("not one JSON object: " + this, e);
        }
    }

    static Context context() {
        return new Context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                ListLoader::load, false);
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
