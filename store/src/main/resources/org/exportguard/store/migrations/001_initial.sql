-- ExportGuard store, schema 1. Runs unchanged on SQLite and PostgreSQL: TEXT for strings, instants (ISO-8601 UTC)
-- and dates (YYYY-MM-DD); BIGINT/INTEGER for numbers; BYTEA for bytes (SQLite keeps blobs as they are under any
-- type name). Ids are handed out by the program inside serialised write transactions, not by the database.

-- Immutable, content-addressed list versions: the imported files, zipped, and what was read from them.
CREATE TABLE list_versions (
    id BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
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

-- Policy versions: the same shape; the files are the policy pack's YAML files.
CREATE TABLE policy_versions (
    id BIGINT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
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

-- Deals: the deal's JSON as given, and the columns queries need. outcome/decision_seq follow the last decision.
CREATE TABLE deals (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    export_date TEXT,
    destination TEXT NOT NULL,
    status TEXT NOT NULL,
    party_names TEXT NOT NULL,
    outcome TEXT,
    decision_seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- "open deals of these destinations" (impact of a policy change) and paging through open deals in id order.
CREATE INDEX deals_destination_status ON deals (destination, status);
CREATE INDEX deals_status_id ON deals (status, id);

-- The normalised words of every party name of a deal (PartyWords), for "which deals can this new entry touch".
-- No index by deal: an update deletes the old words by this key, computed from the old party names.
CREATE TABLE deal_words (
    word TEXT NOT NULL,
    deal_id TEXT NOT NULL,
    PRIMARY KEY (word, deal_id)
);

-- Every decision on a deal, in order (seq 1, 2, ...), with the versions it used and why it was taken.
CREATE TABLE decisions (
    deal_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    as_of TEXT NOT NULL,
    outcome TEXT NOT NULL,
    decision_json TEXT NOT NULL,
    list_version_ids TEXT NOT NULL,
    policy_version_id BIGINT,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (deal_id, seq)
);

-- The impact report of each change (list or policy version), as JSON.
CREATE TABLE change_report (
    id BIGINT PRIMARY KEY,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    list_version_id BIGINT,
    policy_version_id BIGINT,
    report_json TEXT NOT NULL
);

-- API users: only the SHA-256 of the token is kept.
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- The audit chain: each record's hash covers the previous record's hash and every field of its own.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- The chain's head (one row): locked by every write on PostgreSQL, so appends from all processes are one chain.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
