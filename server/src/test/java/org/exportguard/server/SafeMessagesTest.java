package org.exportguard.server;

import org.exportguard.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the libraries really say, cleaned: a SQLite driver's error naming the database file, Jackson's limits naming
 * its classes, a JDK exception's class name; the API's own words (route paths, field names, list ids, file names
 * the caller sent) stay as they are.
 */
class SafeMessagesTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseDriversMessageLosesTheFileItNames() {
        Path db = dir.resolve("no-such-folder").resolve("exportguard.db");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlite:" + db).close());
        assertFalse(SafeMessages.clean(e.getMessage()).contains(dir.toString()), e.getMessage());
        assertFalse(SafeMessages.clean("cannot open " + db).contains("no-such-folder"));
    }

    @Test
    void jacksonsLimitsLoseTheirClassNames() {
        for (String json : List.of("[".repeat(1200) + "]".repeat(1200), "{\"a\":" + "9".repeat(1200) + "}")) {
            Exception e = assertThrows(Exception.class, () -> Json.STRICT_READER.readTree(json));
            String cleaned = SafeMessages.clean(e.getMessage());
            assertFalse(cleaned.contains("`") || cleaned.contains("StreamReadConstraints")
                    || cleaned.contains("com.fasterxml"), e.getMessage() + " -> " + cleaned);
        }
        assertEquals("boom", SafeMessages.clean("java.lang.IllegalStateException boom"));
    }

    @Test
    void theApisOwnWordsStay() {
        for (String m : List.of("no such route: /api/nothing", "method DELETE not allowed on /health",
                "role viewer may not call POST /api/deals/{id}/close (needs analyst)",
                "sdn.csv: OFAC-SDN needs add.csv, alt.csv, sdn_comments.csv", "unknown field 'name1' (expected name)",
                "csl.csv:3: field 'name': empty name")) {
            assertEquals(m, SafeMessages.clean(m));
        }
    }
}
