-- 0001_init: documents with their analysis, full-text indexes, follow-ups
-- with their history, and the logs of notifications and scheduled runs.
--
-- Dates are ISO text (YYYY-MM-DD, '' when unknown) so they sort and read well
-- in the sqlite3 shell; instants are UTC text of fixed width
-- (YYYY-MM-DDTHH:MM:SS.ffffffZ) for the same reason.

CREATE TABLE documents (
	id         INTEGER PRIMARY KEY,
	file       TEXT NOT NULL DEFAULT '',
	hash       TEXT NOT NULL UNIQUE,
	kind       TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	parliament TEXT NOT NULL DEFAULT '',
	number     TEXT NOT NULL DEFAULT '',
	body       TEXT NOT NULL DEFAULT '',
	asker      TEXT NOT NULL DEFAULT '',
	minister   TEXT NOT NULL DEFAULT '',
	asked      TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL DEFAULT '',
	layout     TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL DEFAULT '',
	warnings   TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
	ingested   TEXT NOT NULL,              -- first ingest
	updated    TEXT NOT NULL               -- last ingest that changed it
);
CREATE INDEX documents_number ON documents (parliament, number) WHERE number <> '';
CREATE INDEX documents_title_date ON documents (title, date) WHERE title <> '';
CREATE INDEX documents_ingested ON documents (ingested);

-- Every version of a document's text that was ingested, oldest first.
CREATE TABLE document_versions (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id),
	hash        TEXT NOT NULL,
	file        TEXT NOT NULL DEFAULT '',
	ingested    TEXT NOT NULL
);
CREATE INDEX document_versions_document ON document_versions (document_id);

-- The analysis. Replaced as a whole when a corrected version comes in, so
-- the children cascade.
CREATE TABLE items (
	id            INTEGER PRIMARY KEY,
	document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord           INTEGER NOT NULL,
	number        INTEGER NOT NULL,
	question      TEXT NOT NULL DEFAULT '',
	answer        TEXT NOT NULL DEFAULT '',
	answered_with TEXT NOT NULL DEFAULT '[]', -- JSON array of numbers
	status        TEXT NOT NULL DEFAULT ''
		CHECK (status IN ('', 'answered', 'partial', 'deferred', 'pending', 'declined', 'unanswered')),
	UNIQUE (document_id, ord)
);

CREATE TABLE sub_questions (
	item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	text    TEXT NOT NULL DEFAULT '',
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	status  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (item_id, ord)
) WITHOUT ROWID;

CREATE TABLE findings (
	item_id      INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	kind         TEXT NOT NULL,
	rule         TEXT NOT NULL DEFAULT '',
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL,
	text         TEXT NOT NULL DEFAULT '',
	sub_question INTEGER NOT NULL DEFAULT -1,
	PRIMARY KEY (item_id, ord)
) WITHOUT ROWID;

CREATE TABLE deferrals (
	item_id    INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL DEFAULT '',
	date       TEXT NOT NULL DEFAULT '',
	ref        TEXT NOT NULL DEFAULT '',
	body       TEXT NOT NULL DEFAULT '',
	numbers    TEXT NOT NULL DEFAULT '[]', -- JSON array of question numbers
	number     TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	rule       TEXT NOT NULL DEFAULT '',
	start      INTEGER NOT NULL DEFAULT 0,
	end        INTEGER NOT NULL DEFAULT 0,
	text       TEXT NOT NULL DEFAULT '',
	resolution TEXT -- JSON of tracker.Resolution, NULL until followed
);

CREATE TABLE promises (
	item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	date      TEXT NOT NULL DEFAULT '',
	precision TEXT NOT NULL DEFAULT '',
	what      TEXT NOT NULL DEFAULT '',
	rule      TEXT NOT NULL DEFAULT '',
	start     INTEGER NOT NULL DEFAULT 0,
	end       INTEGER NOT NULL DEFAULT 0,
	text      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (item_id, ord)
) WITHOUT ROWID;

-- Full-text search over questions and answers: words without accents for
-- ranked search, trigrams for matches inside compounds. Both index the items
-- table (external content) and are kept in step by triggers.
CREATE VIRTUAL TABLE items_fts USING fts5 (
	question, answer,
	content = 'items', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE items_trigram USING fts5 (
	question, answer,
	content = 'items', content_rowid = 'id',
	tokenize = 'trigram remove_diacritics 1'
);
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
	INSERT INTO items_fts (rowid, question, answer) VALUES (new.id, new.question, new.answer);
	INSERT INTO items_trigram (rowid, question, answer) VALUES (new.id, new.question, new.answer);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
	INSERT INTO items_fts (items_fts, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
	INSERT INTO items_trigram (items_trigram, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
END;
CREATE TRIGGER items_au AFTER UPDATE OF question, answer ON items BEGIN
	INSERT INTO items_fts (items_fts, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
	INSERT INTO items_trigram (items_trigram, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
	INSERT INTO items_fts (rowid, question, answer) VALUES (new.id, new.question, new.answer);
	INSERT INTO items_trigram (rowid, question, answer) VALUES (new.id, new.question, new.answer);
END;

-- Follow-ups outlive re-analysis: they hang on the document, matched by key,
-- and are never deleted.
CREATE TABLE followups (
	id              INTEGER PRIMARY KEY,
	document_id     INTEGER NOT NULL REFERENCES documents (id),
	key             TEXT NOT NULL,
	question_number INTEGER NOT NULL,
	kind            TEXT NOT NULL
		CHECK (kind IN ('promise', 'deferral', 'pending', 'partial', 'declined', 'unanswered')),
	due             TEXT NOT NULL,
	state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'done')),
	snoozed_until   TEXT NOT NULL DEFAULT '',
	outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'delivered', 'reasked', 'dropped')),
	reasked_as      TEXT NOT NULL DEFAULT '',
	note            TEXT NOT NULL DEFAULT '',
	by              TEXT NOT NULL DEFAULT '',
	summary         TEXT NOT NULL DEFAULT '',
	promised        TEXT NOT NULL DEFAULT '',
	precision       TEXT NOT NULL DEFAULT '',
	created         TEXT NOT NULL,
	updated         TEXT NOT NULL,
	-- Same rule as tracker.FollowUp.EffectiveDue, so the due sweep can use an index.
	effective_due   TEXT GENERATED ALWAYS AS
		(CASE WHEN state = 'snoozed' AND snoozed_until > due THEN snoozed_until ELSE due END) VIRTUAL,
	UNIQUE (document_id, key)
);
-- Only live follow-ups are swept; the done ones pile up and stay out of it.
CREATE INDEX followups_due ON followups (effective_due) WHERE state <> 'done';

CREATE TABLE followup_events (
	id          INTEGER PRIMARY KEY,
	followup_id INTEGER NOT NULL REFERENCES followups (id),
	at          TEXT NOT NULL,
	action      TEXT NOT NULL,
	old_due     TEXT NOT NULL DEFAULT '',
	new_due     TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT '',
	by          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX followup_events_followup ON followup_events (followup_id, id);
CREATE INDEX followup_events_at ON followup_events (at);

-- What was sent, by key (tracker.FollowUp.ReminderKey, tracker.DigestKey).
CREATE TABLE sent (
	key TEXT PRIMARY KEY,
	at  TEXT NOT NULL
) WITHOUT ROWID;

-- When each scheduled job last ran.
CREATE TABLE runs (
	job TEXT PRIMARY KEY,
	at  TEXT NOT NULL
) WITHOUT ROWID;
