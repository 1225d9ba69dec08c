package org.exportguard.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenFileTest {
    @TempDir
    Path dir;

    @Test
    void knownTokensGiveTheirCallerOthersNothing() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "# comment\n\nann, Approver ," + TokenHash.of("t1").toUpperCase() + "\n");
        TokenFile t = TokenFile.read(f);
        assertEquals(new Caller("ann", Role.APPROVER), t.authenticate("t1").orElseThrow());
        assertTrue(t.authenticate("t2").isEmpty());
        assertTrue(t.authenticate("").isEmpty());
        assertTrue(Role.APPROVER.atLeast(Role.ANALYST) && !Role.APPROVER.atLeast(Role.ADMIN));
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumber() throws Exception {
        String h = TokenHash.of("x");
        Map<String, String> cases = Map.of(
                "a,viewer", "expected name,role",
                "a,boss," + h, "unknown role",
                "a,viewer,plain-token", "never the token",
                ",viewer," + h, "empty name",
                "a,viewer," + h + "\na,admin," + TokenHash.of("y"), "appears twice",
                "a,viewer," + h + "\nb,admin," + h, "same token hash");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = dir.resolve("bad.csv");
            Files.writeString(f, c.getKey() + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenFile.read(f));
            assertTrue(e.getMessage().contains(c.getValue()) && e.getMessage().contains("bad.csv:"), e.getMessage());
        }
    }
}
