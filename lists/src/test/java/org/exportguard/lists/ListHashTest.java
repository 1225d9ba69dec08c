package org.exportguard.lists;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ListHashTest {
    @TempDir
    Path tmp;

    @Test
    void aFileHashesToTheSha256OfItsBytes() throws Exception {
        Path f = tmp.resolve("a.txt");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        // the published SHA-256 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ListHash.of(f));
    }

    @Test
    void aFolderHashDependsOnEveryFileButNotOnWhereTheFolderIs() throws Exception {
        Path a = tmp.resolve("one/set");
        Path b = tmp.resolve("two/elsewhere");
        for (Path dir : new Path[]{a, b}) {
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sdn.csv"), "1,\"X\"\n");
            Files.writeString(dir.resolve("sub/alt.csv"), "1,2\n");
        }
        assertEquals(ListHash.of(a), ListHash.of(b));

        Files.writeString(b.resolve("sub/alt.csv"), "1,3\n");
        assertNotEquals(ListHash.of(a), ListHash.of(b), "a changed byte changes the hash");

        Files.writeString(b.resolve("sub/alt.csv"), "1,2\n");
        Files.move(b.resolve("sub/alt.csv"), b.resolve("alt.csv"));
        assertNotEquals(ListHash.of(a), ListHash.of(b), "a moved file changes the hash");
    }
}
