package org.exportguard.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fuzz inputs from real files: each input is one of the seeds with one to four mutations (bit flips, interesting
 * bytes and tokens, deleted, duplicated or swapped ranges, truncation, splicing with another seed), or now and then
 * random bytes. Deterministic for a given {@link Random}, so a failing input is reproduced by its seed and index.
 */
public final class Mutator {
    /** How many inputs each fuzz test runs: {@code -Dfuzz.inputs=N} for longer runs than CI's. */
    public static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
    /** The seed of every fuzz test's generator: {@code -Dfuzz.seed=N} for other inputs than CI's. */
    public static final long SEED = Long.getLong("fuzz.seed", 13L);
    /** No input grows past this: a fuzz test looks for crashes and hangs, not for a reader's size limits. */
    static final int MAX_BYTES = 256 * 1024;

    private static final byte[] BYTES = {0, 1, 0x1b, 0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xe2, (byte) 0xef,
            (byte) 0xff, '"', '\'', ',', ';', '|', '\t', '\n', '\r', '<', '>', '&', '/', '=', '{', '}', '[', ']',
            ':', '\\', '-', '0', '9', ' ', '#', '%'};
    private static final List<String> TOKENS = List.of("<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "&amp;", "&#0;",
            "&#x110000;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<a>", "</a>", "xmlns:x=\"y\"",
            "\"\"", "\"\"\"", "NaN", "-Infinity", "1e999999", "99999999999999999999999", "-1", "null", "true", "{}",
            "[]", "{\"a\":1,\"a\":2}", "\uFEFF", "\u202E", "\u0000", "\uD83D\uDE00", "2021-02-30", "0000-00-00",
            "9999-12-31", "\r\n", "\n\n", ",,,,,,", "\"a\"\"b\"", "-0-", "A".repeat(5000), "\u00e9".repeat(300));

    private final List<byte[]> seeds;
    private final Random random;

    public Mutator(List<byte[]> seeds, Random random) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        this.seeds = seeds;
        this.random = random;
    }

    /** A generator for the fuzz test named {@code name}: its own sequence, the same on every run with one seed. */
    public static Random random(String name) {
        return new Random(SEED * 1_000_003L + name.hashCode());
    }

    /** The next input. */
    public byte[] next() {
        if (random.nextInt(25) == 0) {
            byte[] b = new byte[random.nextInt(2048)];
            random.nextBytes(b);
            return b;
        }
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = mutate(b);
        }
        return b.length > MAX_BYTES ? Arrays.copyOf(b, MAX_BYTES) : b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return token();
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(9)) {
            case 0 -> { // flip a bit
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << random.nextInt(8));
                return c;
            }
            case 1 -> { // an interesting byte in place of one
                byte[] c = b.clone();
                c[at] = BYTES[random.nextInt(BYTES.length)];
                return c;
            }
            case 2 -> { // an interesting token inserted
                return splice(b, at, at, token());
            }
            case 3 -> { // a range deleted
                return splice(b, at, Math.min(b.length, at + 1 + random.nextInt(Math.min(b.length, 512))),
                        new byte[0]);
            }
            case 4 -> { // a range duplicated
                int end = Math.min(b.length, at + 1 + random.nextInt(1024));
                return splice(b, end, end, Arrays.copyOfRange(b, at, end));
            }
            case 5 -> { // cut short
                return Arrays.copyOf(b, at);
            }
            case 6 -> { // spliced with another seed
                byte[] o = seeds.get(random.nextInt(seeds.size()));
                int from = o.length == 0 ? 0 : random.nextInt(o.length);
                return splice(b, at, b.length, Arrays.copyOfRange(o, from, o.length));
            }
            case 7 -> { // two lines swapped
                return swapLines(b);
            }
            default -> { // a digit or letter run changed into another (ids, dates, counts)
                byte[] c = b.clone();
                for (int i = at; i < c.length && i < at + 8 && Character.isLetterOrDigit(c[i]); i++) {
                    c[i] = (byte) ('0' + random.nextInt(10));
                }
                return c;
            }
        }
    }

    private byte[] token() {
        return TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    private byte[] swapLines(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        String[] lines = s.split("\n", -1);
        if (lines.length < 3) {
            return b;
        }
        int i = random.nextInt(lines.length);
        int j = random.nextInt(lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
