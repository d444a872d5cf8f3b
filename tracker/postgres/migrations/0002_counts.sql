-- 0002_counts: the overview's counts kept up to date by triggers, as the
-- SQLite store's migration 0006 keeps them: counting every item and
-- follow-up at each view of the overview served 9 pages a second at
-- 100,000 follow-ups (tracker/web BenchmarkLoadStores).
--
-- Follow-ups are counted per minister, state and effective due date (''
-- for done ones), so what is overdue on any day is a sum over a small
-- table. Items and answer documents are counted per minister (answer
-- documents only, as the overview shows them). Rows may reach n = 0;
-- readers skip them.

CREATE TABLE stat_documents (
	minister text NOT NULL PRIMARY KEY,
	n        bigint NOT NULL
);

CREATE TABLE stat_items (
	minister text NOT NULL,
	status   text NOT NULL,
	n        bigint NOT NULL,
	PRIMARY KEY (minister, status)
);

CREATE TABLE stat_followups (
	minister text NOT NULL,
	state    text NOT NULL,
	due      text NOT NULL COLLATE "C", -- effective due date; '' when done
	n        bigint NOT NULL,
	PRIMARY KEY (minister, state, due)
);

INSERT INTO stat_documents (minister, n)
SELECT minister, count(*) FROM documents WHERE kind IN ('', 'answer') GROUP BY minister;

INSERT INTO stat_items (minister, status, n)
SELECT d.minister, i.status, count(*) FROM items i JOIN documents d ON d.id = i.document_id
WHERE d.kind IN ('', 'answer') GROUP BY d.minister, i.status;

INSERT INTO stat_followups (minister, state, due, n)
SELECT d.minister, f.state, CASE f.state WHEN 'done' THEN '' ELSE f.effective_due END, count(*)
FROM followups f JOIN documents d ON d.id = f.document_id GROUP BY 1, 2, 3;

CREATE FUNCTION pqtrack_count_items(p_minister text, p_kind text, p_status text, p_n bigint) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO stat_items AS s (minister, status, n) SELECT p_minister, p_status, p_n
	WHERE p_kind IN ('', 'answer') AND p_n <> 0
	ON CONFLICT (minister, status) DO UPDATE SET n = s.n + excluded.n
$$;

CREATE FUNCTION pqtrack_count_followups(p_minister text, p_state text, p_due text, p_n bigint) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO stat_followups AS s (minister, state, due, n)
	SELECT p_minister, p_state, CASE p_state WHEN 'done' THEN '' ELSE p_due END, p_n WHERE p_n <> 0
	ON CONFLICT (minister, state, due) DO UPDATE SET n = s.n + excluded.n
$$;

-- Documents, and what moves with a document's minister or kind.
CREATE FUNCTION pqtrack_documents_count() RETURNS trigger LANGUAGE plpgsql AS $$
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
		FOR r IN SELECT state, effective_due AS due, count(*) AS n FROM followups WHERE document_id = NEW.id
			GROUP BY state, effective_due LOOP
			PERFORM pqtrack_count_followups(OLD.minister, r.state, r.due, -r.n);
			PERFORM pqtrack_count_followups(NEW.minister, r.state, r.due, r.n);
		END LOOP;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER documents_count AFTER INSERT OR UPDATE OF minister, kind ON documents
	FOR EACH ROW EXECUTE FUNCTION pqtrack_documents_count();

-- Items (replaced as a whole when a document is corrected).
CREATE FUNCTION pqtrack_items_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	d record;
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status THEN
		RETURN NULL;
	END IF;
	SELECT minister, kind INTO d FROM documents WHERE id = coalesce(NEW.document_id, OLD.document_id);
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM pqtrack_count_items(d.minister, d.kind, OLD.status, -1);
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		PERFORM pqtrack_count_items(d.minister, d.kind, NEW.status, 1);
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER items_count AFTER INSERT OR DELETE OR UPDATE OF status ON items
	FOR EACH ROW EXECUTE FUNCTION pqtrack_items_count();

-- Follow-ups. A change takes two counts; they are changed in key order,
-- so that two changes crossing each other wait instead of deadlocking.
CREATE FUNCTION pqtrack_followups_count() RETURNS trigger LANGUAGE plpgsql AS $$
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
		PERFORM pqtrack_count_followups(nm, NEW.state, nd, 1);
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM pqtrack_count_followups(om, OLD.state, od, -1);
	ELSIF (om, OLD.state, od) IS DISTINCT FROM (nm, NEW.state, nd) THEN
		IF (om, OLD.state, od) < (nm, NEW.state, nd) THEN
			PERFORM pqtrack_count_followups(om, OLD.state, od, -1);
			PERFORM pqtrack_count_followups(nm, NEW.state, nd, 1);
		ELSE
			PERFORM pqtrack_count_followups(nm, NEW.state, nd, 1);
			PERFORM pqtrack_count_followups(om, OLD.state, od, -1);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER followups_count AFTER INSERT OR DELETE OR UPDATE OF state, due, snoozed_until, document_id ON followups
	FOR EACH ROW EXECUTE FUNCTION pqtrack_followups_count();
