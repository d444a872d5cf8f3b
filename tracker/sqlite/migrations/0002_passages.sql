-- 0002_passages: passages of stored documents (speaker turns, paragraphs,
-- answers) with their folded, stemmed terms, indexed for resolving
-- deferrals; and the documents that may deliver a promise.

-- A document's passages are replaced as a whole, in one transaction, so
-- they hold a contiguous range of ids: a search within one document is a
-- rowid range of the full-text index.
CREATE TABLE passages (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id),
	ord         INTEGER NOT NULL,
	idx         INTEGER NOT NULL, -- paragraph number, or question number for answers
	text        TEXT NOT NULL,
	terms       TEXT NOT NULL,    -- folded, stemmed content words, space separated
	UNIQUE (document_id, ord)
);

-- Whole terms for ranked search (bm25), trigrams for terms inside
-- compounds ("platform" in "ideeenplatform").
CREATE VIRTUAL TABLE passages_fts USING fts5 (
	terms, content = 'passages', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE passages_trigram USING fts5 (
	terms, content = 'passages', content_rowid = 'id',
	tokenize = 'trigram'
);
-- Document frequencies of terms, for weighing them by rarity.
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab (passages_fts, 'row');

CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
	INSERT INTO passages_fts (rowid, terms) VALUES (new.id, new.terms);
	INSERT INTO passages_trigram (rowid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
	INSERT INTO passages_fts (passages_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
	INSERT INTO passages_trigram (passages_trigram, rowid, terms) VALUES ('delete', old.id, old.terms);
END;

-- A document that may deliver a promise follow-up, found by pqtrack and
-- waiting for a person: 'possible' until confirmed (the follow-up is then
-- checked as delivered) or 'rejected' (never suggested again).
CREATE TABLE deliveries (
	followup_id INTEGER NOT NULL REFERENCES followups (id),
	document_id INTEGER NOT NULL REFERENCES documents (id),
	state       TEXT NOT NULL DEFAULT 'possible' CHECK (state IN ('possible', 'rejected')),
	resolution  TEXT NOT NULL, -- JSON of tracker.Resolution
	found       TEXT NOT NULL,
	updated     TEXT NOT NULL,
	PRIMARY KEY (followup_id, document_id)
) WITHOUT ROWID;

-- Resolution finds the deferral of a follow-up by document and number.
CREATE INDEX items_document_number ON items (document_id, number);
