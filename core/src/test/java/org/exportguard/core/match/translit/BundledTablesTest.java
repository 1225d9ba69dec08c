package org.exportguard.core.match.translit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledTablesTest {
    @Test
    void aTableMissingFromTheBuildIsAnErrorNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BundledTables.read(BundledTablesTest.class, "/org/exportguard/no-such-table.txt", r -> r.readLine()));
        assertEquals("missing resource /org/exportguard/no-such-table.txt", e.getMessage());
    }

    @Test
    void aShippedTableIsReadWithItsReader() {
        String first = BundledTables.read(TransliterationModel.class, TransliterationModel.RESOURCE, r -> r.readLine());
        assertTrue(first.startsWith("#"), first);
    }
}
