-- 0006_counts: the overview's counts kept up to date by triggers, so the
-- dashboard reads a few hundred rows instead of counting every item and
-- follow-up at each page view; and indexes for the queue's keyset pages.
--
-- Follow-ups are counted per minister, state and effective due date ('' for
-- done ones), so what is overdue on any day is a sum over a small table.
-- Items and answer documents are counted per minister (answer documents
-- only, as the overview shows them). Rows may reach n = 0; readers skip them.

CREATE TABLE stat_documents (
	minister TEXT NOT NULL PRIMARY KEY,
	n        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stat_items (
	minister TEXT NOT NULL,
	status   TEXT NOT NULL,
	n        INTEGER NOT NULL,
	PRIMARY KEY (minister, status)
) WITHOUT ROWID;

CREATE TABLE stat_followups (
	minister TEXT NOT NULL,
	state    TEXT NOT NULL,
	due      TEXT NOT NULL, -- effective due date; '' when done
	n        INTEGER NOT NULL,
	PRIMARY KEY (minister, state, due)
) WITHOUT ROWID;

INSERT INTO stat_documents (minister, n)
SELECT minister, count(*) FROM documents WHERE kind IN ('', 'answer') GROUP BY minister;

INSERT INTO stat_items (minister, status, n)
SELECT d.minister, i.status, count(*) FROM items i JOIN documents d ON d.id = i.document_id
WHERE d.kind IN ('', 'answer') GROUP BY d.minister, i.status;

INSERT INTO stat_followups (minister, state, due, n)
SELECT d.minister, f.state, CASE f.state WHEN 'done' THEN '' ELSE f.effective_due END, count(*)
FROM followups f JOIN documents d ON d.id = f.document_id GROUP BY 1, 2, 3;

-- Documents.
CREATE TRIGGER documents_stat_ai AFTER INSERT ON documents WHEN new.kind IN ('', 'answer') BEGIN
	INSERT INTO stat_documents (minister, n) VALUES (new.minister, 1)
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

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
	INSERT INTO stat_followups (minister, state, due, n)
	SELECT old.minister, state, CASE state WHEN 'done' THEN '' ELSE effective_due END, -count(*)
	FROM followups WHERE document_id = old.id AND old.minister IS NOT new.minister GROUP BY 2, 3
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
	INSERT INTO stat_followups (minister, state, due, n)
	SELECT new.minister, state, CASE state WHEN 'done' THEN '' ELSE effective_due END, count(*)
	FROM followups WHERE document_id = new.id AND old.minister IS NOT new.minister GROUP BY 2, 3
	ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Items (replaced as a whole when a document is corrected).
CREATE TRIGGER items_stat_ai AFTER INSERT ON items BEGIN
	INSERT INTO stat_items (minister, status, n)
	SELECT minister, new.status, 1 FROM documents WHERE id = new.document_id AND kind IN ('', 'answer')
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER items_stat_ad AFTER DELETE ON items BEGIN
	UPDATE stat_items SET n = n - 1 WHERE status = old.status
		AND minister = (SELECT minister FROM documents WHERE id = old.document_id AND kind IN ('', 'answer'));
END;

CREATE TRIGGER items_stat_au AFTER UPDATE OF status ON items WHEN old.status IS NOT new.status BEGIN
	UPDATE stat_items SET n = n - 1 WHERE status = old.status
		AND minister = (SELECT minister FROM documents WHERE id = old.document_id AND kind IN ('', 'answer'));
	INSERT INTO stat_items (minister, status, n)
	SELECT minister, new.status, 1 FROM documents WHERE id = new.document_id AND kind IN ('', 'answer')
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Follow-ups.
CREATE TRIGGER followups_stat_ai AFTER INSERT ON followups BEGIN
	INSERT INTO stat_followups (minister, state, due, n)
	SELECT minister, new.state, CASE new.state WHEN 'done' THEN '' ELSE new.effective_due END, 1
	FROM documents WHERE id = new.document_id
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER followups_stat_ad AFTER DELETE ON followups BEGIN
	UPDATE stat_followups SET n = n - 1 WHERE state = old.state
		AND due = CASE old.state WHEN 'done' THEN '' ELSE old.effective_due END
		AND minister = (SELECT minister FROM documents WHERE id = old.document_id);
END;

CREATE TRIGGER followups_stat_au AFTER UPDATE OF state, due, snoozed_until, document_id ON followups
WHEN old.state IS NOT new.state OR old.effective_due IS NOT new.effective_due OR old.document_id IS NOT new.document_id BEGIN
	UPDATE stat_followups SET n = n - 1 WHERE state = old.state
		AND due = CASE old.state WHEN 'done' THEN '' ELSE old.effective_due END
		AND minister = (SELECT minister FROM documents WHERE id = old.document_id);
	INSERT INTO stat_followups (minister, state, due, n)
	SELECT minister, new.state, CASE new.state WHEN 'done' THEN '' ELSE new.effective_due END, 1
	FROM documents WHERE id = new.document_id
	ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The queue's tabs, each read in order of effective due date and id: the
-- live ones by followups_due, one state by followups_state, all by
-- followups_effective_due; followups_document_due reads a minister's or
-- asker's follow-ups from their documents; followups_kind_due the
-- calendar's promises.
CREATE INDEX followups_state ON followups (state, effective_due);
CREATE INDEX followups_effective_due ON followups (effective_due);
CREATE INDEX followups_document_due ON followups (document_id, effective_due, state);
CREATE INDEX followups_kind_due ON followups (kind, effective_due) WHERE state <> 'done';
-- Filters by minister and asker select documents first.
CREATE INDEX documents_minister ON documents (minister);
CREATE INDEX documents_asker ON documents (asker);
