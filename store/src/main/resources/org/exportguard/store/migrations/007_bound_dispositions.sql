-- ExportGuard store, schema 6: four-eyes dispositions bound to what was reviewed (issue 13). Runs unchanged on
-- SQLite and PostgreSQL.

-- A deal's revision: 1 when added, one more each time its JSON changes. Deals stored before count as revision 1.
ALTER TABLE deals ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;

-- A disposition names the deal revision it was proposed (and so confirmed) for, and the hit as reviewed: the list
-- version the decision named and a fingerprint of the listed entry (ListedParty) in force then. A later revision of
-- the deal, or a changed entry, re-opens it for review.
ALTER TABLE dispositions ADD COLUMN deal_revision BIGINT;
ALTER TABLE dispositions ADD COLUMN list_version TEXT;
ALTER TABLE dispositions ADD COLUMN entry_sha256 TEXT;
-- Dispositions stored before are bound to the revision current at this migration (every deal is revision 1 now);
-- their list version and entry are unknown (NULL): they are re-opened by a change of the deal, not of the entry.
UPDATE dispositions SET deal_revision = 1;
