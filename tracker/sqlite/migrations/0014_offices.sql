-- foreign_keys: off
-- 0014_offices: offices, each a member's staff with its own Slack channel,
-- watch list, follow-ups and dashboard login. Documents and their analysis
-- stay shared; follow-ups, watches and the follow-up counts belong to one
-- office. Office 1 is the default and owns everything that was here.
--
-- SQLite cannot change a UNIQUE constraint, so followups and watches are
-- rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter): this
-- migration runs with foreign keys off, and foreign_key_check runs before
-- it commits (sqlite.go). The triggers that read followups are dropped
-- first (a rename checks every trigger) and made again with the office.
CREATE TABLE offices (
	id       INTEGER PRIMARY KEY,
	slug     TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL DEFAULT '',
	channel  TEXT NOT NULL DEFAULT '',
	lang     TEXT NOT NULL DEFAULT '',
	secret   TEXT NOT NULL DEFAULT '', -- hex SHA-256 of the login secret; '' for none
	created  TEXT NOT NULL
);
INSERT INTO offices (id, slug, name, created) VALUES (1, 'kantoor', '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

DROP TRIGGER documents_stat_au;
DROP TRIGGER followups_stat_ai;
DROP TRIGGER followups_stat_ad;
DROP TRIGGER followups_stat_au;

CREATE TABLE followups_0014 (
	id              INTEGER PRIMARY KEY,
	office_id       INTEGER NOT NULL DEFAULT 1 REFERENCES offices (id),
	document_id     INTEGER NOT NULL REFERENCES documents (id),
	key             TEXT NOT NULL,
	question_number INTEGER NOT NULL,
	kind            TEXT NOT NULL
		CHECK (kind IN ('promise', 'deferral', 'pending', 'partial', 'declined', 'unanswered', 'late-answer', 'commitment')),
	due             TEXT NOT NULL,
	state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'done')),
	snoozed_until   TEXT NOT NULL DEFAULT '',
	outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'delivered', 'reasked', 'dropped', 'corrected')),
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
	reminded        TEXT NOT NULL DEFAULT '',
	UNIQUE (office_id, document_id, key)
);
INSERT INTO followups_0014 (id, office_id, document_id, key, question_number, kind, due, state,
	snoozed_until, outcome, reasked_as, note, by, summary, promised, precision, created, updated, reminded)
SELECT id, 1, document_id, key, question_number, kind, due, state,
	snoozed_until, outcome, reasked_as, note, by, summary, promised, precision, created, updated, reminded
FROM followups;
DROP TABLE followups;
ALTER TABLE followups_0014 RENAME TO followups;

-- The indexes of 0001, 0003, 0006 and 0008, led by the office (every
-- reading of follow-ups is one office's) or, those that lead with the
-- document, ending with it. followups_effective_due comes first: on a tie
-- SQLite takes the later index, and the sweeps must read the partial ones
-- (TestDueFollowUpsUsesIndex, TestReminderDueUsesIndex).
CREATE INDEX followups_effective_due ON followups (office_id, effective_due);
CREATE INDEX followups_due ON followups (office_id, effective_due) WHERE state <> 'done';
CREATE INDEX followups_unreminded ON followups (office_id, effective_due)
	WHERE state <> 'done' AND reminded <> effective_due;
CREATE INDEX followups_state ON followups (office_id, state, effective_due);
CREATE INDEX followups_document_due ON followups (document_id, effective_due, state, office_id);
CREATE INDEX followups_kind_due ON followups (office_id, kind, effective_due) WHERE state <> 'done';
CREATE INDEX followups_document_kind_due ON followups (document_id, kind, effective_due, office_id);

-- The follow-up counts per office.
CREATE TABLE stat_followups_0014 (
	office_id INTEGER NOT NULL,
	minister  TEXT NOT NULL,
	state     TEXT NOT NULL,
	due       TEXT NOT NULL, -- effective due date; '' when done
	n         INTEGER NOT NULL,
	PRIMARY KEY (office_id, minister, state, due)
) WITHOUT ROWID;
INSERT INTO stat_followups_0014 (office_id, minister, state, due, n)
SELECT 1, minister, state, due, n FROM stat_followups WHERE n <> 0;
DROP TABLE stat_followups;
ALTER TABLE stat_followups_0014 RENAME TO stat_followups;

CREATE TRIGGER documents_stat_au AFTER UPDATE OF minister, kind ON documents
WHEN old.minister IS NOT new.minister OR (old.kind IN ('', 'answer')) IS NOT (new.kind IN ('', 'answer')) BEGIN
	UPDATE stat_documents SET n = n - 1 WHERE minister = old.minister AND old.kind IN ('', 'answer');
	INSERT INTO stat_documents (minister, n) SELECT new.minister, 1 WHERE new.kind IN ('', 'answer')
	ON CONFLICT DO UPDATE SET n = n + 1;
	-- The document's items and follow-ups move to the new minister.
	INSERT INTO stat_items (minister, status, n)
	SELECT old.minister, status, -count(*) FROM items WHERE document_id = old.id AND old.kind IN ('', 'answer') GROUP BY status
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO stat_items (minister, status, n)
	SELECT new.minister, status, count(*) FROM items WHERE document_id = new.id AND new.kind IN ('', 'answer') GROUP BY status
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO stat_followups (office_id, minister, state, due, n)
	SELECT office_id, old.minister, state, CASE state WHEN 'done' THEN '' ELSE effective_due END, -count(*)
	FROM followups WHERE document_id = old.id AND old.minister IS NOT new.minister GROUP BY 1, 3, 4
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO stat_followups (office_id, minister, state, due, n)
	SELECT office_id, new.minister, state, CASE state WHEN 'done' THEN '' ELSE effective_due END, count(*)
	FROM followups WHERE document_id = new.id AND old.minister IS NOT new.minister GROUP BY 1, 3, 4
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER followups_stat_ai AFTER INSERT ON followups BEGIN
	INSERT INTO stat_followups (office_id, minister, state, due, n)
	SELECT new.office_id, minister, new.state, CASE new.state WHEN 'done' THEN '' ELSE new.effective_due END, 1
	FROM documents WHERE id = new.document_id
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER followups_stat_ad AFTER DELETE ON followups BEGIN
	UPDATE stat_followups SET n = n - 1 WHERE office_id = old.office_id AND state = old.state
		AND due = CASE old.state WHEN 'done' THEN '' ELSE old.effective_due END
		AND minister = (SELECT minister FROM documents WHERE id = old.document_id);
END;

CREATE TRIGGER followups_stat_au AFTER UPDATE OF state, due, snoozed_until, document_id ON followups
WHEN old.state IS NOT new.state OR old.effective_due IS NOT new.effective_due OR old.document_id IS NOT new.document_id BEGIN
	UPDATE stat_followups SET n = n - 1 WHERE office_id = old.office_id AND state = old.state
		AND due = CASE old.state WHEN 'done' THEN '' ELSE old.effective_due END
		AND minister = (SELECT minister FROM documents WHERE id = old.document_id);
	INSERT INTO stat_followups (office_id, minister, state, due, n)
	SELECT new.office_id, minister, new.state, CASE new.state WHEN 'done' THEN '' ELSE new.effective_due END, 1
	FROM documents WHERE id = new.document_id
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Each office its own watch list.
CREATE TABLE watches_0014 (
	id         INTEGER PRIMARY KEY,
	office_id  INTEGER NOT NULL DEFAULT 1 REFERENCES offices (id),
	parliament TEXT NOT NULL CHECK (parliament IN ('vp', 'tk')),
	kind       TEXT NOT NULL CHECK (kind IN ('member', 'minister', 'committee', 'keyword')),
	value      TEXT NOT NULL,
	created    TEXT NOT NULL,
	by         TEXT NOT NULL DEFAULT '',
	UNIQUE (office_id, parliament, kind, value)
);
INSERT INTO watches_0014 (id, office_id, parliament, kind, value, created, by)
SELECT id, 1, parliament, kind, value, created, by FROM watches;
DROP TABLE watches;
ALTER TABLE watches_0014 RENAME TO watches;
