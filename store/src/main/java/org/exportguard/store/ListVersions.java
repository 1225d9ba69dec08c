package org.exportguard.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exportguard.core.model.PartyList;
import org.exportguard.json.Json;
import org.exportguard.lists.FormatDetector;
import org.exportguard.lists.ListFormat;
import org.exportguard.lists.ListFormatException;
import org.exportguard.lists.ListLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * List versions, ONE per list source: a list file or folder is read with {@link ListLoader} first (so a bad file is
 * refused with the reader's own error and nothing is stored), split by source (an OFAC CSV set, a UN file, a CSL
 * file ... each its own version, with its own files and hash), and each source's raw bytes are stored as a version
 * of that source. Which version of a source is in force is decided by events ({@link ListEvent}); a stored version
 * loads back into the same {@link PartyList}s by extracting its files to a temporary folder and reading them the
 * same way.
 *
 * <p><b>Safe imports</b> (the rules every import obeys, whatever calls it): a source must be a known id or
 * {@code OS-<DATASET>} and agree with the lists the files hold; an OFAC CSV set must be complete; a version with no
 * entries is refused, and one with over {@link #DEFAULT_MAX_SHRINK} fewer entries than the version in force unless
 * allowed; the content of an earlier version again is a roll-back to it (a new event); a future effective date
 * stores the version, in force from that day.
 */
public final class ListVersions {
    /** The share of the entries in force a new version may lack before it is refused (unless allowed). */
    public static final double DEFAULT_MAX_SHRINK = 0.5;

    private final Versions versions;

    ListVersions(Versions versions) {
        this.versions = versions;
    }

    public Versions versions() {
        return versions;
    }

    /** How an import is checked: the largest share of entries a version may lose, and whether more is allowed. */
    public record Rules(double maxShrink, boolean allowShrink) {
        public static final Rules DEFAULT = new Rules(DEFAULT_MAX_SHRINK, false);

        public Rules {
            if (!(maxShrink >= 0 && maxShrink <= 1)) {
                throw new IllegalArgumentException("the largest shrink is a share from 0 to 1, not " + maxShrink);
            }
        }

        public static Rules allowingShrink(boolean allow) {
            return new Rules(DEFAULT_MAX_SHRINK, allow);
        }

        /**
         * The rules with the largest shrink given in percent (null: the default, 50).
         *
         * @throws IllegalArgumentException a percentage that is not a number from 0 to 100, saying so
         */
        public static Rules of(Double maxShrinkPercent, boolean allow) {
            if (maxShrinkPercent == null) {
                return allowingShrink(allow);
            }
            if (!(maxShrinkPercent >= 0 && maxShrinkPercent <= 100)) {
                throw new IllegalArgumentException("the largest shrink is a percentage from 0 to 100, not "
                        + maxShrinkPercent);
            }
            return new Rules(maxShrinkPercent / 100, allow);
        }

        /**
         * Whether {@code now} entries are more than {@link #maxShrink} fewer than the {@code had} of the version in
         * force (-1 or 0: none to shrink from): what an import refuses unless {@link #allowShrink}. The one shrink
         * rule; a fetch asks it only to say, after the import, that a shrink was allowed.
         */
        public boolean shrinks(long had, long now) {
            return had > 0 && now < had * (1 - maxShrink);
        }
    }

    /**
     * One source's part of an import: its files (relative to their folder), which to load (null: the folder), what
     * was read from them.
     */
    public record SourcePart(String source, FileBundle files, String loadEntry, ObjectNode counts, int parties,
                             String origin) {
        public String sha256() {
            return Versions.hash(files, loadEntry);
        }
    }

    /**
     * Imports the list at {@code path} with the default rules: the one version of its one source.
     *
     * @throws ListFormatException when the path holds more than one source (see {@link #importSources})
     */
    public ImportResult importPath(Path path, String source, LocalDate effective, String actor)
            throws ListFormatException, IOException {
        List<ImportResult> all = importSources(path, source, effective, actor, Rules.DEFAULT);
        if (all.size() != 1) {
            throw new ListFormatException(path, 0, null, "holds " + all.size() + " list sources; import them with "
                    + "importSources");
        }
        return all.get(0);
    }

    /**
     * Imports the lists at {@code path}: one version per source it holds, all or none, in one transaction.
     *
     * @param source the one source the path must hold (null: whichever it holds)
     * @param effective the day the versions take effect (null: today); a future day stores them, not yet in force
     * @throws ListFormatException a bad file, or an import the rules refuse (nothing is stored)
     */
    public List<ImportResult> importSources(Path path, String source, LocalDate effective, String actor, Rules rules)
            throws ListFormatException, IOException {
        List<SourcePart> parts = parts(path, source);
        LocalDate today = today();
        LocalDate day = effective == null || effective.isBefore(today) ? today : effective;
        List<ImportResult> out;
        try {
            out = versions.database().write(c -> {
            Map<String, ListEvent> inForce = inForceEvents(c, day);
            List<ImportResult> results = new ArrayList<>();
            Long importId = null; // the id of this import's first event, which every event of it names
            for (SourcePart p : parts) {
                String sha = p.sha256();
                Optional<VersionInfo> existing = versions.bySourceSha(c, p.source(), sha);
                ListEvent current = inForce.get(p.source());
                if (existing.isPresent() && current != null && current.versionId() == existing.get().id()) {
                    results.add(new ImportResult(existing.get(), true));
                    continue;
                }
                String shrink = shrink(c, current, p, rules);
                if (shrink != null) {
                    throw new Refused(shrink); // rolls back what this import stored before
                }
                VersionInfo v = existing.isPresent() ? existing.get()
                        : versions.insert(c, p.files(), p.files().zip(), sha, p.loadEntry(), p.source(), effective,
                        p.origin(), p.counts(), actor);
                ListEvent e = event(c, p.source(), v.id(), existing.isPresent() ? ListEvent.ROLL_BACK
                        : ListEvent.IMPORT, day, actor, importId);
                importId = importId == null ? e.id() : importId;
                results.add(new ImportResult(v, existing.isPresent(), e));
            }
            return results;
            });
        } catch (Refused r) {
            throw new ListFormatException(path, 0, null, r.getMessage());
        }
        return out;
    }

    /** An import the rules refuse, carried out of the write transaction (which it rolls back). */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Why part {@code p} may not replace the version of event {@code current} (null: it may). */
    private String shrink(Connection c, ListEvent current, SourcePart p, Rules rules) throws SQLException {
        if (p.parties() == 0) {
            return p.source() + ": the list holds no entries; an empty list is never imported (it would clear "
                    + "every deal it touched)";
        }
        if (current == null) {
            return null;
        }
        VersionInfo before = versions.byId(c, current.versionId()).orElseThrow();
        long had = parties(before);
        if (rules.shrinks(had, p.parties()) && !rules.allowShrink()) {
            return String.format(Locale.ROOT, "%s: %d entries where the version in force (%d) has %d: %.0f%% fewer, "
                            + "more than the %.0f%% an import may drop; if the publisher really removed them, "
                            + "import with --allow-shrink or a higher --max-shrink PERCENT (API: allowShrink=true "
                            + "or maxShrink=PERCENT)", p.source(), p.parties(),
                    before.id(), had, 100.0 * (had - p.parties()) / had, rules.maxShrink() * 100);
        }
        return null;
    }

    /** The entries of a stored version, from its counts (-1: not known). */
    public static long parties(VersionInfo v) {
        try {
            JsonNode n = Json.MAPPER.readTree(v.counts());
            return n.path("parties").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Today, by the store's clock (UTC). */
    public LocalDate today() {
        return LocalDate.now(versions.database().clock());
    }

    private ListEvent event(Connection c, String source, long versionId, String kind, LocalDate day, String actor,
                            Long importId) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM list_events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        String at = versions.database().now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_events (id, source, version_id, kind, "
                + "effective_date, recorded_at, recorded_by, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, source);
            ps.setLong(3, versionId);
            ps.setString(4, kind);
            ps.setString(5, day.toString());
            ps.setString(6, at);
            ps.setString(7, actor);
            ps.setLong(8, importId == null ? id : importId);
            ps.executeUpdate();
        }
        ObjectNode d = AuditLog.details();
        d.put("source", source);
        d.put("version", versionId);
        d.put("kind", kind);
        d.put("effectiveDate", day.toString());
        auditAppend(c, actor, Long.toString(id), d);
        return new ListEvent(id, source, versionId, kind, day, at, actor);
    }

    private void auditAppend(Connection c, String actor, String subject, ObjectNode d) throws SQLException {
        versions.audit().append(c, actor, "lists.event", subject, d);
    }

    private static final String EVENT_COLUMNS = "id, source, version_id, kind, effective_date, recorded_at, "
            + "recorded_by";

    private static ListEvent eventOf(ResultSet rs) throws SQLException {
        return new ListEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                LocalDate.parse(rs.getString(5)), rs.getString(6), rs.getString(7));
    }

    /** The event in force of each source on {@code day}, by source. */
    static Map<String, ListEvent> inForceEvents(Connection c, LocalDate day) throws SQLException {
        Map<String, ListEvent> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM list_events "
                + "WHERE effective_date <= ? ORDER BY source, effective_date DESC, id DESC")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ListEvent e = eventOf(rs);
                    out.putIfAbsent(e.source(), e);
                }
            }
        }
        return out;
    }

    /** The event that puts each source's version in force on {@code day}, by source. */
    public Map<String, ListEvent> inForceEvents(LocalDate day) {
        return versions.database().read(c -> inForceEvents(c, day));
    }

    /** The version in force of each source on {@code day}, by source. */
    public Map<String, VersionInfo> inForce(LocalDate day) {
        return versions.database().read(c -> {
            Map<String, VersionInfo> out = new TreeMap<>();
            for (ListEvent e : inForceEvents(c, day).values()) {
                out.put(e.source(), versions.byId(c, e.versionId()).orElseThrow());
            }
            return out;
        });
    }

    /** The version in force of each source today. */
    public Map<String, VersionInfo> inForce() {
        return inForce(today());
    }

    /** Every event, oldest first. */
    public List<ListEvent> events() {
        return versions.database().read(c -> {
            List<ListEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM list_events ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(eventOf(rs));
                }
            }
            return out;
        });
    }

    /**
     * The largest event id, 0 when there is none: with the day, what decides whether what is in force may have
     * changed since it was last read (ids only grow).
     */
    public long newestEventId() {
        return versions.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM list_events");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * What {@code path} holds, split by source, checked: one part per list source, each with the files it was read
     * from. {@code source} (null: any) must be a list source and the only one the path holds.
     */
    public List<SourcePart> parts(Path path, String source) throws ListFormatException, IOException {
        if (source != null && !ListSources.valid(source)) {
            throw new ListFormatException(path, 0, "source", ListSources.problem(source));
        }
        if (!Files.exists(path)) {
            throw new ListFormatException(path, 0, null, "no such file or folder");
        }
        Path root;
        List<Path> files;
        if (Files.isDirectory(path)) {
            root = path.toAbsolutePath().normalize();
            files = FileBundle.regularFiles(root);
        } else {
            root = path.toAbsolutePath().normalize().getParent();
            FormatDetector.Detection d = FormatDetector.detect(path);
            if (!d.recognised()) {
                throw new ListFormatException(path, 0, null, "unrecognised list format: " + d.reason());
            }
            files = new ArrayList<>();
            if (d.format().isOfac()) {
                String key = setKey(path);
                for (Path p : ofacSiblings(root)) {
                    if (setKey(p).equals(key)) {
                        files.add(p);
                    }
                }
            } else {
                files.add(path.toAbsolutePath().normalize());
            }
        }
        // units: a file, or an OFAC set (its folder's files of one set); each read on its own
        Map<String, Map<ListFormat, Path>> ofac = new LinkedHashMap<>();
        List<Unit> units = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            FormatDetector.Detection d = FormatDetector.detect(f);
            if (!d.recognised()) {
                skipped.add(root.relativize(f) + ": " + d.reason());
            } else if (d.format().isOfac()) {
                Path other = ofac.computeIfAbsent(f.getParent() + "\0" + setKey(f), k -> new EnumMap<>(ListFormat.class))
                        .put(d.format(), f);
                if (other != null) {
                    throw new ListFormatException(f, 0, null, "two OFAC " + d.format().label()
                            + " files in one folder: " + other.getFileName() + " and " + f.getFileName());
                }
            } else {
                units.add(new Unit(List.of(f), f, ListLoader.load(f), f));
            }
        }
        for (Map<ListFormat, Path> set : ofac.values()) {
            Path any = set.values().iterator().next();
            boolean cons = setKey(any).equals("cons");
            Map<ListFormat, String> names = cons ? ListSources.CONS_SET : ListSources.SDN_SET;
            List<String> missing = new ArrayList<>();
            List<Path> setFiles = new ArrayList<>(set.values());
            for (ListFormat part : ListSources.SET_PARTS) {
                if (!set.containsKey(part)) {
                    // a part with nothing in it (an empty sdn_comments.csv) is there, only not recognisable
                    Path named = named(any.getParent(), names.get(part));
                    if (named != null && Files.size(named) == 0) {
                        setFiles.add(named);
                    } else {
                        missing.add(names.get(part));
                    }
                }
            }
            if (!missing.isEmpty()) {
                List<String> all = ListSources.SET_PARTS.stream().map(names::get).toList();
                throw new ListFormatException(any.getParent(), 0, null, "incomplete OFAC "
                        + (cons ? "consolidated (non-SDN)" : "SDN") + " CSV set: missing " + String.join(", ", missing)
                        + " (the set is " + String.join(", ", all) + ", published together; without them the "
                        + "list would lose its aliases, addresses or remarks)");
            }
            Path primary = set.get(ListFormat.OFAC_CSV);
            setFiles.sort(Comparator.naturalOrder());
            units.add(new Unit(setFiles, primary, ListLoader.load(primary), primary.getParent()));
        }
        if (units.isEmpty()) {
            throw new ListFormatException(path, 0, null, "no recognised list in folder"
                    + (skipped.isEmpty() ? "" : " (skipped: " + String.join("; ", skipped) + ")"));
        }
        // by source: the lists of each id, and the units they came from
        Map<String, List<Unit>> bySource = new TreeMap<>();
        Map<String, Integer> partiesBy = new TreeMap<>();
        Map<String, Map<String, Integer>> listsBy = new TreeMap<>();
        for (Unit u : units) {
            for (PartyList l : u.lists()) {
                List<Unit> us = bySource.computeIfAbsent(l.id(), k -> new ArrayList<>());
                if (!us.contains(u)) {
                    us.add(u);
                }
                partiesBy.merge(l.id(), l.parties().size(), Integer::sum);
                listsBy.computeIfAbsent(l.id(), k -> new TreeMap<>()).merge(l.id(), l.parties().size(), Integer::sum);
            }
        }
        if (source != null) {
            boolean openSanctions = source.startsWith("OS-")
                    && bySource.keySet().stream().allMatch(id -> id.startsWith("OS-"));
            if (!openSanctions && !bySource.keySet().equals(java.util.Set.of(source))) {
                throw new ListFormatException(path, 0, "source", "holds " + String.join(", ", bySource.keySet())
                        + ", not " + source + ": --source must name the list the file holds (or be left out)");
            }
        }
        for (String id : bySource.keySet()) {
            if (!ListSources.valid(id)) {
                throw new ListFormatException(path, 0, null, "holds list '" + id + "', which is not a list source");
            }
        }
        List<SourcePart> out = new ArrayList<>();
        for (Map.Entry<String, List<Unit>> e : bySource.entrySet()) {
            List<Unit> us = e.getValue();
            List<Path> partFiles = us.stream().flatMap(u -> u.files().stream()).distinct().sorted().toList();
            Path base;
            String loadEntry;
            Path origin;
            if (us.size() == 1) {
                Unit u = us.get(0);
                base = u.files().get(0).getParent();
                loadEntry = u.entry().getFileName().toString();
                origin = u.origin();
            } else {
                base = root;
                loadEntry = null;
                origin = root;
            }
            ObjectNode counts = AuditLog.details();
            ObjectNode perList = counts.putObject("lists");
            listsBy.get(e.getKey()).forEach(perList::put);
            counts.put("parties", partiesBy.get(e.getKey()));
            out.add(new SourcePart(e.getKey(), FileBundle.of(base, partFiles), loadEntry, counts,
                    partiesBy.get(e.getKey()), origin.toString()));
        }
        return out;
    }

    /** The file in {@code folder} named {@code name}, ignoring case, or null. */
    private static Path named(Path folder, String name) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().equalsIgnoreCase(name))
                    .findFirst().map(p -> p.toAbsolutePath().normalize()).orElse(null);
        }
    }

    /** A file, or an OFAC set: its files, the one to load, the lists read, what to call it. */
    private record Unit(List<Path> files, Path entry, List<PartyList> lists, Path origin) {
    }

    /** "cons" for the consolidated non-SDN set (cons_prim.csv, cons_alt.csv, ...), else "sdn". */
    private static String setKey(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("cons") ? "cons" : "sdn";
    }

    /** The OFAC files in a folder (what {@link ListLoader} reads with a file of the set). */
    private static List<Path> ofacSiblings(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> s = Files.list(folder)) {
            all = s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
        }
        for (Path p : all) {
            try {
                FormatDetector.Detection d = FormatDetector.detect(p);
                if (d.recognised() && d.format().isOfac()) {
                    out.add(p.toAbsolutePath().normalize());
                }
            } catch (ListFormatException e) {
                // not part of the set, as ListLoader sees it
            }
        }
        return out;
    }

    /**
     * The lists of stored version {@code id}, read back with {@link ListLoader}: only its source's (a file naming
     * several OpenSanctions datasets is a version of each); a version stored before one version per source (its
     * source the list ids joined by '+') gives all its lists.
     */
    public List<PartyList> load(long id) throws ListFormatException, IOException {
        Versions.Content content = versions.content(id);
        String source = versions.get(id).map(VersionInfo::source).orElse(null);
        Path dir = Files.createTempDirectory("exportguard-list-" + id + "-");
        try {
            content.files().writeTo(dir);
            List<PartyList> all = ListLoader.load(content.loadEntry() == null ? dir : dir.resolve(content.loadEntry()));
            List<PartyList> mine = all.stream().filter(l -> l.id().equals(source)).toList();
            return mine.isEmpty() ? all : mine;
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** The list ids of the sources in force, as a sorted set (for messages). */
    static java.util.SortedSet<String> ids(Map<String, ?> bySource) {
        return new TreeSet<>(bySource.keySet());
    }
}
