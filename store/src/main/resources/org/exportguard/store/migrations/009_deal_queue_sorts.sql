-- The deal queue's regime filter and its other sort orders (issue 16, DealQueue). `regimes` holds the regimes of
-- the deal's latest decision as "|EU-2021-821|US-EAR|" (NULL: not decided), set with the outcome; deals decided
-- before this migration get theirs from their latest decision's JSON, in this same transaction (DealRegimes).
ALTER TABLE deals ADD COLUMN regimes TEXT;
-- One index per sort order, each ending in id so a page's cursor is one index range on both databases. The queue
-- order itself and the destination filter over it have theirs since migration 8.
CREATE INDEX deals_by_date ON deals (status, (COALESCE(export_date, '')), id);
CREATE INDEX deals_by_destination ON deals (status, destination, id);
CREATE INDEX deals_by_party ON deals (status, (substr(party_names, 1, 100)), id);
CREATE INDEX deals_by_updated ON deals (status, updated_at, id);
-- The same orders within one outcome (the filter an analyst uses most: REVIEW only), read outcome by outcome; the
-- export-date order within an outcome is the queue's own index.
CREATE INDEX deals_outcome_by_destination ON deals (status, outcome, destination, id);
CREATE INDEX deals_outcome_by_party ON deals (status, outcome, (substr(party_names, 1, 100)), id);
CREATE INDEX deals_outcome_by_updated ON deals (status, outcome, updated_at, id);
