-- ExportGuard store, schema 5: the content each audit record vouches for. One row per item an audit record covers
-- (a deal's JSON, a decision, a list or policy version's stored bundle) with the SHA-256 of that content as it was
-- written; the record's details carry contentSha256, a digest over its rows, so the rows cannot be changed without
-- breaking the chain. `audit verify` hashes the stored deals, decisions and versions again and names any that
-- differ. Records written before this migration have no rows here: they vouch for counts and ids only.
CREATE TABLE audit_content (
    audit_seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    item TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (audit_seq, kind, item)
);
-- the latest record vouching for one item
CREATE INDEX audit_content_item ON audit_content (kind, item, audit_seq);
