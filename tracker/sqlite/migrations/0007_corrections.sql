-- 0007_corrections: staff's corrections of judgements, kept as labels.
--
-- A correction names its question by document and number, which survive a
-- re-ingest (items are replaced then). Rows are never changed: a correction
-- of a correction is a new row and the latest (highest id) counts. The
-- question and answer text are copied as they were, for training.
--
-- Follow-ups closed by a correction get the outcome 'corrected'. SQLite
-- cannot alter a CHECK constraint; adding a value to it only loosens it, the
-- case for which https://www.sqlite.org/lang_altertable.html#otheralter
-- allows editing the stored schema instead of rebuilding the table (and
-- rebuilding would have to know every column later migrations add). The
-- CREATE TABLE below changes the schema cookie, so every connection reads
-- the new schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
	'outcome IN ('''', ''delivered'', ''reasked'', ''dropped'')',
	'outcome IN ('''', ''delivered'', ''reasked'', ''dropped'', ''corrected'')')
WHERE type = 'table' AND name = 'followups';
PRAGMA writable_schema = OFF;

CREATE TABLE corrections (
	id                INTEGER PRIMARY KEY,
	document_id       INTEGER NOT NULL REFERENCES documents (id),
	question_number   INTEGER NOT NULL,
	sub_question      INTEGER NOT NULL DEFAULT 0, -- 1-based; 0: the whole question
	sub_question_text TEXT NOT NULL DEFAULT '',
	was               TEXT NOT NULL, -- pqtrack's status
	status            TEXT NOT NULL
		CHECK (status IN ('answered', 'partial', 'deferred', 'pending', 'declined', 'unanswered')),
	note              TEXT NOT NULL DEFAULT '',
	by                TEXT NOT NULL DEFAULT '',
	at                TEXT NOT NULL,
	source            TEXT NOT NULL CHECK (source IN ('cli', 'web')),
	question          TEXT NOT NULL DEFAULT '',
	answer            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrections_question ON corrections (document_id, question_number, id);
CREATE INDEX corrections_at ON corrections (at);

-- items.status is the status that counts (staff's when corrected), so every
-- reader of it sees the correction; analysed keeps pqtrack's own status
-- when a correction replaced it ('' when none did).
ALTER TABLE items ADD COLUMN analysed TEXT NOT NULL DEFAULT '';
