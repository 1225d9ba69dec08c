-- ExportGuard store, schema 3: what `lists fetch` and `serve --refresh` know of each list source's publisher. Runs
-- unchanged on SQLite and PostgreSQL. The list versions themselves stay in list_versions; these rows only say when
-- a source was last confirmed current, what went wrong since, and how to ask the publisher cheaply next time.

-- One row per list source fetched at least once. confirmed_at is the last time a fetch confirmed the version in
-- force current (it imported it, or found the publisher's file unchanged): a source's age counts from it (or from
-- the version's import, when that is later). A failure changes no version; it is counted until the next success.
CREATE TABLE fetch_sources (
    source TEXT PRIMARY KEY,
    confirmed_at TEXT,
    confirmed_version_id BIGINT,
    confirmed_sha256 TEXT,
    last_attempt_at TEXT NOT NULL,
    last_outcome TEXT NOT NULL,
    last_failure_at TEXT,
    last_failure_reason TEXT,
    consecutive_failures INTEGER NOT NULL
);

-- Per URL of a source: the validators of the publisher's file last fetched (ETag, Last-Modified) for a conditional
-- GET, and the content they describe. version_sha256 is the list version they belong to: they are sent only while
-- that version is in force, so a 304 can never confirm a version the publisher's file is not.
CREATE TABLE fetch_urls (
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    content_sha256 TEXT NOT NULL,
    version_sha256 TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (source, url)
);
