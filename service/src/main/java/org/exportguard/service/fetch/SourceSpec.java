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
     * @param uri  where it is downloaded from (http or https)
     * @param file the name it is saved under (OFAC's set is told apart by its files' names: sdn.csv, cons_prim.csv)
     */
    public record SourceUrl(URI uri, String file) {
    }
}
