-- ExportGuard store, schema 2: four-eyes dispositions of screening hits. Runs unchanged on SQLite and PostgreSQL.

-- A human verdict on one screening hit of one deal (party name as given in the deal, list source, entry id):
-- proposed by one user, and counting in decisions only once another user confirmed it. Ids are handed out by the
-- program inside the write transaction, as for the other tables.
CREATE TABLE dispositions (
    id BIGINT PRIMARY KEY,
    deal_id TEXT NOT NULL,
    party_name TEXT NOT NULL,
    list_source TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    verdict TEXT NOT NULL,
    reason TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    confirmed_by TEXT,
    confirmed_at TEXT
);
-- a deal's dispositions, read on every (re-)decision of it
CREATE INDEX dispositions_deal ON dispositions (deal_id);
