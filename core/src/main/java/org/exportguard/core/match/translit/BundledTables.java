package org.exportguard.core.match.translit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Opens a table the matcher ships in core's resources (the learned model, spellings, calibrations, the pinyin
 * syllables). A table missing from the build is an error, never an empty table that would quietly match less.
 */
public final class BundledTables {
    private BundledTables() {
    }

    /** Reads a table's lines into what it describes. */
    @FunctionalInterface
    public interface TableReader<T> {
        T read(BufferedReader lines) throws IOException;
    }

    /** Reads {@code resource} (a path beside {@code owner}'s package, or absolute) with {@code reader}. */
    public static <T> T read(Class<?> owner, String resource, TableReader<T> reader) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
