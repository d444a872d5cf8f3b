-- 0008_page_indexes: indexes found missing by the dashboard's load
-- benchmark (tracker/web BenchmarkLoad, 100,000 follow-ups).
--
-- A queue filtered by asker or minister and kind reads each selected
-- document's follow-ups of that kind in due order, without reading the
-- follow-ups of other kinds.
CREATE INDEX followups_document_kind_due ON followups (document_id, kind, effective_due);
-- The document listings count each document's items per status from the
-- index alone.
CREATE INDEX items_document_status ON items (document_id, status);
