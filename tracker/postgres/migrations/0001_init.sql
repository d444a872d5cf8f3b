-- 0001_init: the schema of the SQLite store's migrations 0001-0010, in
-- PostgreSQL's terms. SQLite's migrations 0011 and later (fetch, late,
-- slackui) come after this as migrations of their own here.
--
-- Dates and instants are text as in the SQLite store (YYYY-MM-DD, '' when
-- unknown; UTC instants of fixed width), so both stores sort, compare and
-- key them the same way (reminder keys carry the due date as written).
-- Every text comparison that orders them uses COLLATE "C".

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Search: Dutch stemming on words without accents. unaccent is only STABLE
-- (its dictionary could change), so an immutable wrapper lets indexes use it.
CREATE TEXT SEARCH CONFIGURATION pqtrack_dutch (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION pqtrack_dutch
	ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;

CREATE FUNCTION pqtrack_fold(text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1));

CREATE TABLE documents (
	id         bigserial PRIMARY KEY,
	file       text NOT NULL DEFAULT '',
	hash       text NOT NULL UNIQUE,
	kind       text NOT NULL DEFAULT '',
	title      text NOT NULL DEFAULT '',
	parliament text NOT NULL DEFAULT '',
	number     text NOT NULL DEFAULT '',
	body       text NOT NULL DEFAULT '',
	asker      text NOT NULL DEFAULT '',
	minister   text NOT NULL DEFAULT '',
	asked      text NOT NULL DEFAULT '',
	date       text NOT NULL DEFAULT '',
	layout     text NOT NULL DEFAULT '',
	text       text NOT NULL DEFAULT '',
	warnings   text NOT NULL DEFAULT '[]', -- JSON array of strings
	ingested   text NOT NULL COLLATE "C",
	updated    text NOT NULL COLLATE "C"
);
CREATE INDEX documents_number ON documents (parliament, number) WHERE number <> '';
CREATE INDEX documents_title_date ON documents (title, date) WHERE title <> '';
CREATE INDEX documents_ingested ON documents (ingested, id);
CREATE INDEX documents_minister ON documents (minister);
CREATE INDEX documents_asker ON documents (asker);

CREATE TABLE document_versions (
	id          bigserial PRIMARY KEY,
	document_id bigint NOT NULL REFERENCES documents (id),
	hash        text NOT NULL,
	file        text NOT NULL DEFAULT '',
	ingested    text NOT NULL
);
CREATE INDEX document_versions_document ON document_versions (document_id);

CREATE TABLE items (
	id            bigserial PRIMARY KEY,
	document_id   bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord           integer NOT NULL,
	number        integer NOT NULL,
	question      text NOT NULL DEFAULT '',
	answer        text NOT NULL DEFAULT '',
	answered_with text NOT NULL DEFAULT '[]', -- JSON array of numbers
	status        text NOT NULL DEFAULT ''
		CHECK (status IN ('', 'answered', 'partial', 'deferred', 'pending', 'declined', 'unanswered')),
	analysed      text NOT NULL DEFAULT '', -- pqtrack's own status when a correction replaced it
	-- Ranked search: whole words, stemmed, accents folded.
	question_tsv  tsvector GENERATED ALWAYS AS (to_tsvector('pqtrack_dutch', question)) STORED,
	answer_tsv    tsvector GENERATED ALWAYS AS (to_tsvector('pqtrack_dutch', answer)) STORED,
	UNIQUE (document_id, ord)
);
CREATE INDEX items_question_tsv ON items USING gin (question_tsv);
CREATE INDEX items_answer_tsv ON items USING gin (answer_tsv);
-- The fallback: words inside compounds ("platform" in "ideeënplatform").
CREATE INDEX items_question_trgm ON items USING gin (pqtrack_fold(question) gin_trgm_ops);
CREATE INDEX items_answer_trgm ON items USING gin (pqtrack_fold(answer) gin_trgm_ops);
CREATE INDEX items_document_number ON items (document_id, number);
CREATE INDEX items_document_status ON items (document_id, status);

CREATE TABLE sub_questions (
	item_id bigint NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	ord     integer NOT NULL,
	text    text NOT NULL DEFAULT '',
	start   integer NOT NULL,
	"end"   integer NOT NULL,
	status  text NOT NULL DEFAULT '',
	PRIMARY KEY (item_id, ord)
);

CREATE TABLE findings (
	item_id      bigint NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	ord          integer NOT NULL,
	kind         text NOT NULL,
	rule         text NOT NULL DEFAULT '',
	start        integer NOT NULL,
	"end"        integer NOT NULL,
	text         text NOT NULL DEFAULT '',
	sub_question integer NOT NULL DEFAULT -1,
	PRIMARY KEY (item_id, ord)
);

CREATE TABLE deferrals (
	item_id    bigint PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
	kind       text NOT NULL DEFAULT '',
	date       text NOT NULL DEFAULT '',
	ref        text NOT NULL DEFAULT '',
	body       text NOT NULL DEFAULT '',
	numbers    text NOT NULL DEFAULT '[]',
	number     text NOT NULL DEFAULT '',
	url        text NOT NULL DEFAULT '',
	rule       text NOT NULL DEFAULT '',
	start      integer NOT NULL DEFAULT 0,
	"end"      integer NOT NULL DEFAULT 0,
	text       text NOT NULL DEFAULT '',
	resolution text -- JSON of tracker.Resolution, NULL until followed
);

CREATE TABLE promises (
	item_id   bigint NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	ord       integer NOT NULL,
	date      text NOT NULL DEFAULT '',
	precision text NOT NULL DEFAULT '',
	what      text NOT NULL DEFAULT '',
	rule      text NOT NULL DEFAULT '',
	start     integer NOT NULL DEFAULT 0,
	"end"     integer NOT NULL DEFAULT 0,
	text      text NOT NULL DEFAULT '',
	PRIMARY KEY (item_id, ord)
);

CREATE TABLE followups (
	id              bigserial PRIMARY KEY,
	document_id     bigint NOT NULL REFERENCES documents (id),
	key             text NOT NULL,
	question_number integer NOT NULL,
	kind            text NOT NULL CHECK (kind IN ('promise', 'deferral', 'pending', 'partial', 'declined',
		'unanswered', 'late-answer', 'commitment')),
	due             text NOT NULL COLLATE "C",
	state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'done')),
	snoozed_until   text NOT NULL DEFAULT '' COLLATE "C",
	outcome         text NOT NULL DEFAULT '' CHECK (outcome IN ('', 'delivered', 'reasked', 'dropped', 'corrected')),
	reasked_as      text NOT NULL DEFAULT '',
	note            text NOT NULL DEFAULT '',
	by              text NOT NULL DEFAULT '',
	summary         text NOT NULL DEFAULT '',
	promised        text NOT NULL DEFAULT '',
	precision       text NOT NULL DEFAULT '',
	created         text NOT NULL,
	updated         text NOT NULL,
	reminded        text NOT NULL DEFAULT '' COLLATE "C",
	-- Same rule as tracker.FollowUp.EffectiveDue, so sweeps and pages use an index.
	effective_due   text COLLATE "C" GENERATED ALWAYS AS
		(CASE WHEN state = 'snoozed' AND snoozed_until > due THEN snoozed_until ELSE due END) STORED,
	UNIQUE (document_id, key)
);
CREATE INDEX followups_due ON followups (effective_due, id) WHERE state <> 'done';
CREATE INDEX followups_unreminded ON followups (effective_due, id)
	WHERE state <> 'done' AND reminded <> effective_due;
CREATE INDEX followups_state ON followups (state, effective_due, id);
CREATE INDEX followups_effective_due ON followups (effective_due, id);
CREATE INDEX followups_document_due ON followups (document_id, effective_due, state);
CREATE INDEX followups_kind_due ON followups (kind, effective_due) WHERE state <> 'done';
CREATE INDEX followups_document_kind_due ON followups (document_id, kind, effective_due);

CREATE TABLE followup_events (
	id          bigserial PRIMARY KEY,
	followup_id bigint NOT NULL REFERENCES followups (id),
	at          text NOT NULL COLLATE "C",
	action      text NOT NULL,
	old_due     text NOT NULL DEFAULT '',
	new_due     text NOT NULL DEFAULT '',
	note        text NOT NULL DEFAULT '',
	by          text NOT NULL DEFAULT ''
);
CREATE INDEX followup_events_followup ON followup_events (followup_id, id);
CREATE INDEX followup_events_at ON followup_events (at);

-- What was sent, by key (tracker.FollowUp.ReminderKey, tracker.DigestKey).
CREATE TABLE sent (
	key text PRIMARY KEY,
	at  text NOT NULL
);

CREATE TABLE runs (
	job text PRIMARY KEY,
	at  text NOT NULL
);

CREATE TABLE passages (
	id          bigserial PRIMARY KEY,
	document_id bigint NOT NULL REFERENCES documents (id),
	ord         integer NOT NULL,
	idx         integer NOT NULL,
	text        text NOT NULL,
	terms       text NOT NULL, -- folded, stemmed content words, space separated
	-- The terms are pqtrack's own (folded and stemmed in Go): indexed as
	-- they are, by the 'simple' configuration.
	terms_tsv   tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED,
	UNIQUE (document_id, ord)
);
CREATE INDEX passages_terms ON passages USING gin (terms_tsv);
CREATE INDEX passages_terms_trgm ON passages USING gin (terms gin_trgm_ops);

CREATE TABLE deliveries (
	followup_id bigint NOT NULL REFERENCES followups (id),
	document_id bigint NOT NULL REFERENCES documents (id),
	state       text NOT NULL DEFAULT 'possible' CHECK (state IN ('possible', 'rejected')),
	resolution  text NOT NULL,
	found       text NOT NULL COLLATE "C",
	updated     text NOT NULL,
	PRIMARY KEY (followup_id, document_id)
);

CREATE TABLE arrivals (
	followup_id bigint NOT NULL REFERENCES followups (id),
	target_id   bigint NOT NULL REFERENCES documents (id),
	verdict     text NOT NULL,
	label       text NOT NULL DEFAULT '',
	resolution  text NOT NULL,
	queued      text NOT NULL,
	PRIMARY KEY (followup_id, target_id)
);

-- Leases on sends (see the SQLite store's migration 0005_claims).
CREATE TABLE claims (
	key      text PRIMARY KEY,
	owner    text NOT NULL,
	expires  text NOT NULL COLLATE "C", -- '' once given back
	since    text NOT NULL,
	attempts integer NOT NULL DEFAULT 1
);

CREATE TABLE work (
	id          bigserial PRIMARY KEY,
	kind        text NOT NULL,
	document_id bigint NOT NULL,
	queued      text NOT NULL
);

CREATE TABLE corrections (
	id                bigserial PRIMARY KEY,
	document_id       bigint NOT NULL REFERENCES documents (id),
	question_number   integer NOT NULL,
	sub_question      integer NOT NULL DEFAULT 0,
	sub_question_text text NOT NULL DEFAULT '',
	was               text NOT NULL,
	status            text NOT NULL
		CHECK (status IN ('answered', 'partial', 'deferred', 'pending', 'declined', 'unanswered')),
	note              text NOT NULL DEFAULT '',
	by                text NOT NULL DEFAULT '',
	at                text NOT NULL,
	source            text NOT NULL CHECK (source IN ('cli', 'web')),
	question          text NOT NULL DEFAULT '',
	answer            text NOT NULL DEFAULT ''
);
CREATE INDEX corrections_question ON corrections (document_id, question_number, id);
CREATE INDEX corrections_at ON corrections (at);

CREATE TABLE filed_questions (
	id                 bigserial PRIMARY KEY,
	parliament         text NOT NULL CHECK (parliament IN ('vp', 'tk')),
	ref                text NOT NULL,
	number             text NOT NULL DEFAULT '',
	title              text NOT NULL DEFAULT '',
	asker              text NOT NULL DEFAULT '',
	asker_id           text NOT NULL DEFAULT '',
	minister           text NOT NULL DEFAULT '',
	committee          text NOT NULL DEFAULT '',
	filed              text NOT NULL DEFAULT '',
	sent               text NOT NULL DEFAULT '',
	postponed          text NOT NULL DEFAULT '',
	answered           text NOT NULL DEFAULT '',
	answer_url         text NOT NULL DEFAULT '',
	answer_document_id bigint REFERENCES documents (id),
	updated            text NOT NULL,
	UNIQUE (parliament, ref)
);
CREATE INDEX filed_questions_open ON filed_questions (answered, parliament);

CREATE TABLE watches (
	id         bigserial PRIMARY KEY,
	parliament text NOT NULL CHECK (parliament IN ('vp', 'tk')),
	kind       text NOT NULL CHECK (kind IN ('member', 'minister', 'committee', 'keyword')),
	value      text NOT NULL,
	created    text NOT NULL,
	by         text NOT NULL DEFAULT '',
	UNIQUE (parliament, kind, value)
);
