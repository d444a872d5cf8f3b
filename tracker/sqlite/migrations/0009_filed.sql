-- 0009_filed: written questions as the parliaments' open data lists them,
-- and the office's watch list. A filed question is one row per parliament
-- and the parliament's own id (ref); fetching it again updates the row.
CREATE TABLE filed_questions (
	id                 INTEGER PRIMARY KEY,
	parliament         TEXT NOT NULL CHECK (parliament IN ('vp', 'tk')),
	ref                TEXT NOT NULL,
	number             TEXT NOT NULL DEFAULT '',
	title              TEXT NOT NULL DEFAULT '',
	asker              TEXT NOT NULL DEFAULT '',
	asker_id           TEXT NOT NULL DEFAULT '',
	minister           TEXT NOT NULL DEFAULT '',
	committee          TEXT NOT NULL DEFAULT '',
	filed              TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
	sent               TEXT NOT NULL DEFAULT '',
	postponed          TEXT NOT NULL DEFAULT '',
	answered           TEXT NOT NULL DEFAULT '',
	answer_url         TEXT NOT NULL DEFAULT '',
	answer_document_id INTEGER REFERENCES documents (id),
	updated            TEXT NOT NULL,
	UNIQUE (parliament, ref)
);
-- Lateness sweeps read the unanswered ones.
CREATE INDEX filed_questions_open ON filed_questions (answered, parliament);

CREATE TABLE watches (
	id         INTEGER PRIMARY KEY,
	parliament TEXT NOT NULL CHECK (parliament IN ('vp', 'tk')),
	kind       TEXT NOT NULL CHECK (kind IN ('member', 'minister', 'committee', 'keyword')),
	value      TEXT NOT NULL,
	created    TEXT NOT NULL,
	by         TEXT NOT NULL DEFAULT '',
	UNIQUE (parliament, kind, value)
);
