package org.exportguard.service.fetch;

import org.exportguard.lists.ListFormat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One list source in a sources file: where its publisher puts it and what to expect.
 *
 * @param id         the source id, e.g. {@code OFAC-SDN} (see {@link SourceIds})
 * @param format     the format its files are in
 * @param urls       its files (an OFAC CSV set is several: sdn.csv, add.csv, alt.csv, sdn_comments.csv)
 * @param maxAgeDays how old the source may get (counted from when it was last confirmed current) before decisions
 *                   that need it must say so
 * @param timeout    how long a download may wait for the publisher's answer, or for more data, before it fails
 * @param maxBytes   the largest file accepted
 * @param enabled    whether {@code lists fetch} and {@code serve --refresh} fetch it without being named
 */
public record SourceSpec(String id, ListFormat format, List<SourceUrl> urls, int maxAgeDays, Duration timeout,
                         long maxBytes, boolean enabled) {
    public static final int DEFAULT_MAX_AGE_DAYS = 2;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_MIB = 512;

    public SourceSpec {
        urls = List.copyOf(urls);
    }

    /** Whether the source is a set of files fetched into one folder (an OFAC CSV set), not one file. */
    public boolean isSet() {
        return format.isOfac();
    }

    /**
     * One file of a source.
     *
     * @param uri      where it is downloaded from (http or https)
     * @param file     the name it is saved under (OFAC's set is told apart by its files' names: sdn.csv, cons_prim.csv)
     * @param checksum the SHA-256 the file must have, or where the publisher says it (null: none is checked)
     */
    public record SourceUrl(URI uri, String file, Checksum checksum) {
        public SourceUrl(URI uri, String file) {
            this(uri, file, null);
        }
    }

    /**
     * Where a file's expected SHA-256 comes from: given in the sources file ({@code sha256}), or a hash file the
     * publisher serves ({@code sha256Url}: plain text holding the hex digest, alone or on the line naming the file,
     * as {@code sha256sum} writes it). Exactly one of the two is set.
     */
    public record Checksum(String sha256, URI url) {
        public Checksum {
            if ((sha256 == null) == (url == null)) {
                throw new IllegalArgumentException("a checksum is either a SHA-256 or the URL of one");
            }
        }
    }
}
