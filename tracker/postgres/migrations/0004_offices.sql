-- 0004_offices: offices, as the SQLite store's 0014. Each office (one
-- member's staff) has its own Slack channel, watch list, follow-ups and
-- dashboard login; documents and their analysis stay shared. Office 1 is
-- the default and owns everything that was here.
CREATE TABLE offices (
	id      bigserial PRIMARY KEY,
	slug    text NOT NULL UNIQUE,
	name    text NOT NULL DEFAULT '',
	channel text NOT NULL DEFAULT '',
	lang    text NOT NULL DEFAULT '',
	secret  text NOT NULL DEFAULT '', -- hex SHA-256 of the login secret; '' for none
	created text NOT NULL
);
INSERT INTO offices (id, slug, created)
VALUES (1, 'kantoor', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
SELECT setval(pg_get_serial_sequence('offices', 'id'), 1);

ALTER TABLE followups ADD COLUMN office_id bigint NOT NULL DEFAULT 1 REFERENCES offices (id);
ALTER TABLE followups DROP CONSTRAINT followups_document_id_key_key;
ALTER TABLE followups ADD CONSTRAINT followups_office_document_key UNIQUE (office_id, document_id, key);

-- The indexes of 0001, led by the office (every reading of follow-ups is
-- one office's) or, those that lead with the document, ending with it.
DROP INDEX followups_due, followups_unreminded, followups_state, followups_effective_due,
	followups_kind_due;
CREATE INDEX followups_due ON followups (office_id, effective_due, id) WHERE state <> 'done';
CREATE INDEX followups_unreminded ON followups (office_id, effective_due, id)
	WHERE state <> 'done' AND reminded <> effective_due;
CREATE INDEX followups_state ON followups (office_id, state, effective_due, id);
CREATE INDEX followups_effective_due ON followups (office_id, effective_due, id);
CREATE INDEX followups_kind_due ON followups (office_id, kind, effective_due) WHERE state <> 'done';

ALTER TABLE watches ADD COLUMN office_id bigint NOT NULL DEFAULT 1 REFERENCES offices (id);
ALTER TABLE watches DROP CONSTRAINT watches_parliament_kind_value_key;
ALTER TABLE watches ADD CONSTRAINT watches_office_parliament_kind_value_key UNIQUE (office_id, parliament, kind, value);

-- The follow-up counts per office.
ALTER TABLE stat_followups ADD COLUMN office_id bigint NOT NULL DEFAULT 1;
ALTER TABLE stat_followups DROP CONSTRAINT stat_followups_pkey;
ALTER TABLE stat_followups ADD PRIMARY KEY (office_id, minister, state, due);
ALTER TABLE stat_followups ALTER COLUMN office_id DROP DEFAULT;

DROP FUNCTION pqtrack_count_followups(text, text, text, bigint);
CREATE FUNCTION pqtrack_count_followups(p_office bigint, p_minister text, p_state text, p_due text, p_n bigint) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO stat_followups AS s (office_id, minister, state, due, n)
	SELECT p_office, p_minister, p_state, CASE p_state WHEN 'done' THEN '' ELSE p_due END, p_n WHERE p_n <> 0
	ON CONFLICT (office_id, minister, state, due) DO UPDATE SET n = s.n + excluded.n
$$;

CREATE OR REPLACE FUNCTION pqtrack_documents_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF NEW.kind IN ('', 'answer') THEN
			INSERT INTO stat_documents AS s (minister, n) VALUES (NEW.minister, 1)
			ON CONFLICT (minister) DO UPDATE SET n = s.n + 1;
		END IF;
		RETURN NULL;
	END IF;
	IF OLD.minister IS NOT DISTINCT FROM NEW.minister
		AND (OLD.kind IN ('', 'answer')) = (NEW.kind IN ('', 'answer')) THEN
		RETURN NULL;
	END IF;
	IF OLD.kind IN ('', 'answer') THEN
		UPDATE stat_documents SET n = n - 1 WHERE minister = OLD.minister;
	END IF;
	IF NEW.kind IN ('', 'answer') THEN
		INSERT INTO stat_documents AS s (minister, n) VALUES (NEW.minister, 1)
		ON CONFLICT (minister) DO UPDATE SET n = s.n + 1;
	END IF;
	FOR r IN SELECT status, count(*) AS n FROM items WHERE document_id = NEW.id GROUP BY status LOOP
		PERFORM pqtrack_count_items(OLD.minister, OLD.kind, r.status, -r.n);
		PERFORM pqtrack_count_items(NEW.minister, NEW.kind, r.status, r.n);
	END LOOP;
	IF OLD.minister IS DISTINCT FROM NEW.minister THEN
		FOR r IN SELECT office_id, state, effective_due AS due, count(*) AS n FROM followups WHERE document_id = NEW.id
			GROUP BY office_id, state, effective_due LOOP
			PERFORM pqtrack_count_followups(r.office_id, OLD.minister, r.state, r.due, -r.n);
			PERFORM pqtrack_count_followups(r.office_id, NEW.minister, r.state, r.due, r.n);
		END LOOP;
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION pqtrack_followups_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	om text;
	nm text;
	od text;
	nd text;
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		SELECT minister INTO om FROM documents WHERE id = OLD.document_id;
		od := CASE OLD.state WHEN 'done' THEN '' ELSE OLD.effective_due END;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		SELECT minister INTO nm FROM documents WHERE id = NEW.document_id;
		nd := CASE NEW.state WHEN 'done' THEN '' ELSE NEW.effective_due END;
	END IF;
	IF TG_OP = 'INSERT' THEN
		PERFORM pqtrack_count_followups(NEW.office_id, nm, NEW.state, nd, 1);
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM pqtrack_count_followups(OLD.office_id, om, OLD.state, od, -1);
	ELSIF (OLD.office_id, om, OLD.state, od) IS DISTINCT FROM (NEW.office_id, nm, NEW.state, nd) THEN
		IF (OLD.office_id, om, OLD.state, od) < (NEW.office_id, nm, NEW.state, nd) THEN
			PERFORM pqtrack_count_followups(OLD.office_id, om, OLD.state, od, -1);
			PERFORM pqtrack_count_followups(NEW.office_id, nm, NEW.state, nd, 1);
		ELSE
			PERFORM pqtrack_count_followups(NEW.office_id, nm, NEW.state, nd, 1);
			PERFORM pqtrack_count_followups(OLD.office_id, om, OLD.state, od, -1);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
