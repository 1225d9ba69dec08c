-- ExportGuard store, schema 4: one version per list source, and events that decide which version is in force.
-- Runs unchanged on SQLite and PostgreSQL.

-- A list version's content hash is unique per source, no longer across sources: one OpenSanctions file naming
-- several datasets is one version of each dataset's source, all holding that file. SQLite cannot drop a UNIQUE
-- constraint, so the table is copied into one without it.
CREATE TABLE list_versions_v4 (
    id BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    effective_date TEXT,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    origin TEXT NOT NULL,
    load_entry TEXT,
    file_count INTEGER NOT NULL,
    byte_count BIGINT NOT NULL,
    counts TEXT NOT NULL,
    content BYTEA NOT NULL
);
INSERT INTO list_versions_v4 (id, source, sha256, effective_date, imported_at, imported_by, origin, load_entry,
    file_count, byte_count, counts, content)
    SELECT id, source, sha256, effective_date, imported_at, imported_by, origin, load_entry, file_count, byte_count,
           counts, content FROM list_versions;
DROP TABLE list_versions;
ALTER TABLE list_versions_v4 RENAME TO list_versions;
CREATE UNIQUE INDEX list_versions_source_sha256 ON list_versions (source, sha256);

-- Which version of a source is in force is decided by events: an import, a roll-back to an earlier version's
-- content, (later) a fetch that confirmed it. The version in force of a source on day D is the one of its event
-- with the latest effective date on or before D (the later event when two share a date). An event is never
-- changed or deleted; a version imported with a future effective date is stored, and in force from that day. An
-- event's effective date is the version's, or the day it was recorded when that is later: an import never
-- rewrites what was in force in the past.
CREATE TABLE list_events (
    id BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    version_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX list_events_source ON list_events (source, effective_date);

-- Every version stored so far was in force from its import (or its effective date): one import event each, with
-- the version's id as the event's.
INSERT INTO list_events (id, source, version_id, kind, effective_date, recorded_at, recorded_by)
    SELECT id, source, id, 'import',
           CASE WHEN effective_date IS NOT NULL AND effective_date > SUBSTR(imported_at, 1, 10) THEN effective_date
                ELSE SUBSTR(imported_at, 1, 10) END,
           imported_at, imported_by
    FROM list_versions;

-- A list change report belongs to the event that put a version in force (a roll-back to version 1 is a change of
-- its own, with its own report). The reports so far belong to the import events made above.
ALTER TABLE change_report ADD COLUMN list_event_id BIGINT;
UPDATE change_report SET list_event_id = list_version_id WHERE kind = 'list';
