package org.exportguard.core.hash;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Sha256Test {
    // printf 'abc' | sha256sum
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void bytesTextAndStreamsGiveWhatSha256sumPrints() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ABC, Sha256.hex(abc));
        assertEquals(ABC, Sha256.hex("abc"));
        assertEquals(ABC, Sha256.hex(new ByteArrayInputStream(abc)));
        MessageDigest md = Sha256.digest();
        md.update((byte) 'a');
        Sha256.update(md, new ByteArrayInputStream("bc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ABC, Sha256.hex(md));
    }

    @Test
    void textIsHashedAsUtf8() {
        assertEquals(Sha256.hex("Ж".getBytes(StandardCharsets.UTF_8)), Sha256.hex("Ж"));
    }
}
