package org.exportguard.service.fetch;

import org.exportguard.lists.ListFormat;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sources file: which list sources to fetch, from where, in what format, and how old each may get. YAML, read with
 * SnakeYAML Engine (YAML 1.2) and checked strictly: an unknown key, a wrong type, an unknown source id or format, or
 * a format the source is not published in is an error naming the file and the key. The project ships one
 * ({@link #shipped()}) with the publishers' official addresses.
 *
 * <pre>
 * sources:
 *   UN-SC:
 *     format: un-xml                   # as the reader calls it: ofac-csv, csl-csv, csl-json, dpl-tsv, un-xml,
 *                                      # eu-fsf-xml, uk-sl-xml, ftm-json
 *     urls:
 *       - https://scsanctions.un.org/resources/xml/en/consolidated.xml
 *     maxAgeDays: 2                    # optional (default 2)
 *     timeoutSeconds: 60               # optional: how long to wait for an answer or more data (default 60)
 *     maxMiB: 512                      # optional: the largest file accepted (default 512)
 *     enabled: true                    # optional: false = fetched only when named with --source
 *   EU-FSF:
 *     format: eu-fsf-xml
 *     urls:
 *       - url: https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=...
 *         file: eu-fsf.xml             # the name to save it as (default: the URL's last path segment, lower-case)
 * </pre>
 */
public final class SourcesFile {
    /** The sources file shipped in the jar. */
    public static final String SHIPPED = "/org/exportguard/service/fetch/sources.yaml";
    private static final Set<String> TOP_KEYS = Set.of("sources");
    private static final Set<String> SOURCE_KEYS = Set.of("format", "urls", "maxAgeDays", "timeoutSeconds", "maxMiB",
            "enabled");
    private static final Set<String> URL_KEYS = Set.of("url", "file", "sha256", "sha256Url");
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String name;
    private final Map<String, SourceSpec> sources;

    private SourcesFile(String name, Map<String, SourceSpec> sources) {
        this.name = name;
        this.sources = sources;
    }

    /** Where it was read from, for messages. */
    public String name() {
        return name;
    }

    /** Every source, in file order. */
    public List<SourceSpec> sources() {
        return List.copyOf(sources.values());
    }

    /** The sources fetched when none is named: the enabled ones. */
    public List<SourceSpec> enabled() {
        return sources.values().stream().filter(SourceSpec::enabled).toList();
    }

    public Optional<SourceSpec> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** Reads and checks a sources file. */
    public static SourcesFile load(Path file) throws SourcesFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourcesFileException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** The sources file shipped in the jar. */
    public static SourcesFile shipped() {
        try (InputStream in = SourcesFile.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " missing from the jar");
            }
            return parse("sources.yaml (shipped)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SourcesFileException e) {
            throw new IllegalStateException("the sources file shipped in the jar cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** Parses and checks the text of a sources file; {@code name} names it in errors. */
    public static SourcesFile parse(String name, String text) throws SourcesFileException {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false).build())
                    .loadFromString(text);
        } catch (YamlEngineException e) {
            throw new SourcesFileException(name + ": not valid YAML: "
                    + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        Map<String, Object> top = map(name, "(top level)", doc);
        keys(name, "", top, TOP_KEYS);
        Object all = top.get("sources");
        if (all == null) {
            throw new SourcesFileException(name + ": sources: missing (a map of source id to its settings)");
        }
        Map<String, Object> byId = map(name, "sources", all);
        if (byId.isEmpty()) {
            throw new SourcesFileException(name + ": sources: no source given");
        }
        Map<String, SourceSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : byId.entrySet()) {
            out.put(e.getKey(), source(name, e.getKey(), e.getValue()));
        }
        return new SourcesFile(name, out);
    }

    private static SourceSpec source(String name, String id, Object value) throws SourcesFileException {
        String path = "sources." + id;
        if (!SourceIds.known(id)) {
            throw new SourcesFileException(name + ": " + path + ": unknown source id '" + id + "' (known: "
                    + SourceIds.describe() + ")");
        }
        Map<String, Object> m = map(name, path, value);
        keys(name, path + ".", m, SOURCE_KEYS);
        String label = string(name, path + ".format", required(name, path + ".format", m.get("format")));
        ListFormat format = SourceIds.format(label);
        if (format == null || format.isOfacCompanion()) {
            throw new SourcesFileException(name + ": " + path + ".format: unknown format '" + label + "' (one of "
                    + "ofac-csv, csl-csv, csl-json, dpl-tsv, un-xml, eu-fsf-xml, uk-sl-xml, ftm-json)");
        }
        if (!SourceIds.formats(id).contains(format)) {
            throw new SourcesFileException(name + ": " + path + ".format: " + id + " is not published as '" + label
                    + "' (expected " + String.join(" or ", SourceIds.formats(id).stream().map(ListFormat::label)
                    .toList()) + ")");
        }
        Object urlsValue = required(name, path + ".urls", m.get("urls"));
        if (!(urlsValue instanceof List<?> list) || list.isEmpty()) {
            throw new SourcesFileException(name + ": " + path + ".urls: expected a list of one or more URLs");
        }
        if (!format.isOfac() && list.size() != 1) {
            throw new SourcesFileException(name + ": " + path + ".urls: a " + label + " source is one file: give "
                    + "exactly one URL (only an OFAC CSV set has several)");
        }
        List<SourceSpec.SourceUrl> urls = new ArrayList<>();
        Set<String> files = new HashSet<>();
        Set<URI> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SourceSpec.SourceUrl u = url(name, path + ".urls[" + i + "]", list.get(i));
            if (!files.add(u.file().toLowerCase(Locale.ROOT))) {
                throw new SourcesFileException(name + ": " + path + ".urls[" + i + "]: file name '" + u.file()
                        + "' is used twice in this source");
            }
            if (!seen.add(u.uri())) {
                throw new SourcesFileException(name + ": " + path + ".urls[" + i + "]: URL given twice: " + u.uri());
            }
            urls.add(u);
        }
        int maxAge = (int) positive(name, path + ".maxAgeDays", m.get("maxAgeDays"), SourceSpec.DEFAULT_MAX_AGE_DAYS,
                3650);
        long timeout = positive(name, path + ".timeoutSeconds", m.get("timeoutSeconds"),
                SourceSpec.DEFAULT_TIMEOUT.toSeconds(), 3600);
        long maxMiB = positive(name, path + ".maxMiB", m.get("maxMiB"), SourceSpec.DEFAULT_MAX_MIB, 16 * 1024);
        boolean enabled = true;
        if (m.containsKey("enabled")) {
            if (!(m.get("enabled") instanceof Boolean b)) {
                throw new SourcesFileException(name + ": " + path + ".enabled: expected true or false");
            }
            enabled = b;
        }
        return new SourceSpec(id, format, urls, maxAge, Duration.ofSeconds(timeout), maxMiB << 20, enabled);
    }

    private static SourceSpec.SourceUrl url(String name, String path, Object value) throws SourcesFileException {
        String text;
        String file = null;
        SourceSpec.Checksum checksum = null;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Map<?, ?>) {
            Map<String, Object> m = map(name, path, value);
            keys(name, path + ".", m, URL_KEYS);
            text = string(name, path + ".url", required(name, path + ".url", m.get("url")));
            if (m.containsKey("file")) {
                file = string(name, path + ".file", m.get("file"));
                if (!FILE.matcher(file).matches()) {
                    throw new SourcesFileException(name + ": " + path + ".file: '" + file + "' is not a plain file "
                            + "name (letters, digits, '.', '_', '-')");
                }
            }
            if (m.containsKey("sha256") && m.containsKey("sha256Url")) {
                throw new SourcesFileException(name + ": " + path + ": give sha256 or sha256Url, not both");
            }
            if (m.containsKey("sha256")) {
                String sha = string(name, path + ".sha256", m.get("sha256"));
                if (!SHA256.matcher(sha).matches()) {
                    throw new SourcesFileException(name + ": " + path + ".sha256: not a SHA-256 (64 hex digits): '"
                            + sha + "'");
                }
                checksum = new SourceSpec.Checksum(sha.toLowerCase(Locale.ROOT), null);
            } else if (m.containsKey("sha256Url")) {
                String u = string(name, path + ".sha256Url", m.get("sha256Url"));
                checksum = new SourceSpec.Checksum(null, httpUri(name, path + ".sha256Url", u));
            }
        } else {
            throw new SourcesFileException(name + ": " + path + ": expected a URL, or a map with url and file");
        }
        URI uri = httpUri(name, path, text);
        if (file == null) {
            String p = uri.getPath() == null ? "" : uri.getPath();
            String last = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!FILE.matcher(last).matches()) {
                throw new SourcesFileException(name + ": " + path + ": the URL's path does not end in a file name: "
                        + "give one with 'file'");
            }
            file = last;
        }
        return new SourceSpec.SourceUrl(uri, file, checksum);
    }

    private static URI httpUri(String name, String path, String text) throws SourcesFileException {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new SourcesFileException(name + ": " + path + ": not a URL: '" + text + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new SourcesFileException(name + ": " + path + ": not an http or https URL: '" + text + "'");
        }
        return uri;
    }

    private static Object required(String name, String path, Object v) throws SourcesFileException {
        if (v == null) {
            throw new SourcesFileException(name + ": " + path + ": missing");
        }
        return v;
    }

    private static String string(String name, String path, Object v) throws SourcesFileException {
        if (!(v instanceof String s) || s.isBlank()) {
            throw new SourcesFileException(name + ": " + path + ": expected a text");
        }
        return s.strip();
    }

    private static long positive(String name, String path, Object v, long dflt, long max)
            throws SourcesFileException {
        if (v == null) {
            return dflt;
        }
        long n;
        if (v instanceof Integer i) {
            n = i;
        } else if (v instanceof Long l) {
            n = l;
        } else if (v instanceof BigInteger) {
            n = Long.MAX_VALUE;
        } else {
            throw new SourcesFileException(name + ": " + path + ": expected a whole number, not '" + v + "'");
        }
        if (n < 1 || n > max) {
            throw new SourcesFileException(name + ": " + path + ": " + v + " is out of range (1 to " + max + ")");
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String name, String path, Object v) throws SourcesFileException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new SourcesFileException(name + ": " + path + ": expected a map of keys to values");
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw new SourcesFileException(name + ": " + path + ": key " + k + " is not a text");
            }
        }
        return (Map<String, Object>) m;
    }

    private static void keys(String name, String prefix, Map<String, Object> m, Set<String> allowed)
            throws SourcesFileException {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new SourcesFileException(name + ": " + prefix + k + ": unknown key (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
