-- The workbench's deal queue (DealQueue): each page of open deals of one outcome in export-date order, read from an
-- index instead of sorting a million rows. The export date may be missing, so the key is COALESCE(export_date, '').
CREATE INDEX deals_queue ON deals (status, outcome, (COALESCE(export_date, '')), id);
CREATE INDEX deals_queue_destination ON deals (status, destination, outcome, (COALESCE(export_date, '')), id);
