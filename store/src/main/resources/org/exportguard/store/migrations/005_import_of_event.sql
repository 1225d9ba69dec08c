-- ExportGuard store, schema 5: which import recorded each list event, so the change reports of one import (a
-- folder of several sources gives one report per source) are shown together. The id of the import's first event;
-- events recorded before this migration have none and stand alone.
ALTER TABLE list_events ADD COLUMN import_id BIGINT;
