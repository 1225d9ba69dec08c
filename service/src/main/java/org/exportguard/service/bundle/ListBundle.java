package org.exportguard.service.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.hash.Sha256;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.ListFormatException;
import org.exportguard.policy.screen.Staleness;
import org.exportguard.service.ListsInForce;
import org.exportguard.store.FileBundle;
import org.exportguard.store.ListVersions;
import org.exportguard.store.Store;
import org.exportguard.store.VersionInfo;
import org.exportguard.store.Versions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The lists in force in a store, as one file that another process (a Spark executor, another machine) screens
 * against without the store: {@code exportguard lists export --output lists.zip}. The zip holds a
 * {@code manifest.json} (each source's stored version, with its hash and when the store last confirmed it current)
 * and each version's stored files exactly as the store keeps them, so the lists, their versions and the ages every
 * answer names are the same as over the store.
 */
public final class ListBundle {
    public static final String MANIFEST = "manifest.json";
    static final String FORMAT = "exportguard-list-bundle";
    static final int FORMAT_VERSION = 1;
    /** A bundle is the lists of one store: a bound on its parts, so a hostile zip cannot exhaust memory. */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    private final Map<String, VersionInfo> versions;
    private final Map<String, java.util.List<PartyList>> lists;
    private final Map<String, Instant> confirmed;
    private final String sha256;

    private ListBundle(Map<String, VersionInfo> versions, Map<String, java.util.List<PartyList>> lists,
                       Map<String, Instant> confirmed, String sha256) {
        this.versions = versions;
        this.lists = lists;
        this.confirmed = confirmed;
        this.sha256 = sha256;
    }

    /** Writes the lists in force in {@code store} to {@code out}; returns how many sources it holds. */
    public static int export(Store store, OutputStream out) throws IOException {
        Map<String, VersionInfo> inForce = store.lists().inForce();
        Map<String, Instant> confirmations = ListsInForce.confirmations(inForce, store.fetchStates().all());
        ObjectNode manifest = Json.object();
        manifest.put("format", FORMAT);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("exportedAt", store.database().clock().instant().toString());
        ArrayNode sources = manifest.putArray("sources");
        ZipOutputStream zip = new ZipOutputStream(out);
        for (VersionInfo v : new TreeMap<>(inForce).values()) {
            Versions.Content content = store.lists().versions().content(v.id());
            String entry = v.source() + "/v" + v.id() + ".zip";
            ObjectNode s = sources.addObject();
            s.put("source", v.source());
            s.set("version", v.toJson());
            Instant c = confirmations.get(v.source());
            s.put("confirmedAt", c == null ? null : c.toString());
            s.put("loadEntry", content.loadEntry());
            s.put("content", entry);
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.files().zip());
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(Json.pretty(manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        return inForce.size();
    }

    /** Reads a bundle: every source's files are checked against the hash its version names, then loaded. */
    public static ListBundle read(Path file) throws IOException, ListFormatException {
        byte[] bytes = Files.readAllBytes(file);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), readBounded(zip, file, e.getName()));
                }
            }
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw problem(file, MANIFEST, "missing: not a list bundle (made by 'exportguard lists export')");
        }
        JsonNode manifest;
        try {
            manifest = Json.STRICT_READER.readTree(manifestBytes);
        } catch (IOException e) {
            throw problem(file, MANIFEST, "not valid JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw problem(file, MANIFEST, "format must be " + FORMAT + " version " + FORMAT_VERSION);
        }
        Map<String, VersionInfo> versions = new TreeMap<>();
        Map<String, java.util.List<PartyList>> lists = new TreeMap<>();
        Map<String, Instant> confirmed = new TreeMap<>();
        for (JsonNode s : manifest.path("sources")) {
            String source = s.path("source").asText();
            VersionInfo v = version(file, s.path("version"));
            byte[] content = entries.get(s.path("content").asText());
            if (content == null) {
                throw problem(file, s.path("content").asText(), "named in the manifest but missing");
            }
            Versions.Content files = new Versions.Content(FileBundle.unzip(content),
                    s.path("loadEntry").isNull() ? null : s.path("loadEntry").asText());
            if (!files.sha256().equals(v.sha256())) {
                throw problem(file, s.path("content").asText(), "content does not match its version's sha256 "
                        + v.sha256());
            }
            versions.put(source, v);
            lists.put(source, ListVersions.load(files, source));
            if (!s.path("confirmedAt").isNull() && s.has("confirmedAt")) {
                confirmed.put(source, Instant.parse(s.path("confirmedAt").asText()));
            }
        }
        return new ListBundle(versions, lists, confirmed, Sha256.hex(bytes));
    }

    /** The lists in force this bundle holds, aged by {@code clock} and held to {@code staleness}. */
    public ListsInForce inForce(Clock clock, Staleness staleness) {
        return ListsInForce.of(versions, lists, confirmed, clock, staleness);
    }

    /** The SHA-256 of the bundle file: one bundle, one index (what an executor keys its index by). */
    public String sha256() {
        return sha256;
    }

    public Map<String, VersionInfo> versions() {
        return versions;
    }

    public Map<String, java.util.List<PartyList>> listsBySource() {
        return lists;
    }

    /** Whether {@code file} is a list bundle (a zip with a manifest) rather than a list file. */
    public static boolean isBundle(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (MANIFEST.equals(e.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static VersionInfo version(Path file, JsonNode v) throws ListFormatException {
        try {
            String effective = v.path("effectiveDate").isNull() ? null : v.path("effectiveDate").asText(null);
            return new VersionInfo(v.path("id").asLong(), v.path("source").asText(), v.path("sha256").asText(),
                    effective == null ? null : LocalDate.parse(effective), v.path("importedAt").asText(),
                    v.path("importedBy").asText(), v.path("origin").asText(null), v.path("files").asInt(),
                    v.path("bytes").asLong(), v.path("counts").toString());
        } catch (RuntimeException e) {
            throw problem(file, MANIFEST, "a source's version is unreadable: " + e.getMessage());
        }
    }

    private static byte[] readBounded(InputStream in, Path file, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new IOException(file + ": " + name + ": larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static ListFormatException problem(Path file, String entry, String what) {
        return new ListFormatException(file, 0, entry, what);
    }
}
