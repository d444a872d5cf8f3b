-- 0003_fetch_late_slack: what the SQLite store gained in its migrations
-- 0011 to 0013. Fetch cursors per source; corrections made from Slack's
-- "Klopt niet"; the Slack interactions already acted on. (SQLite has no
-- 0012; the late-answer follow-ups and question documents of its 0010
-- are in 0001 here.)

-- Where fetching stands per source (a parliament's stream of questions or
-- commitments). The cursor moves only after a page is stored, so a run
-- that stops half way starts again from it.
CREATE TABLE fetch_state (
	source  text PRIMARY KEY,
	cursor  text NOT NULL,
	updated text NOT NULL
);

ALTER TABLE corrections DROP CONSTRAINT corrections_source_check;
ALTER TABLE corrections ADD CONSTRAINT corrections_source_check
	CHECK (source IN ('cli', 'web', 'slack'));

-- One row per interaction acted on: key names the interaction (its trigger
-- id), so a retry of it finds its row and does nothing.
CREATE TABLE slack_interactions (
	key text PRIMARY KEY,
	at  text NOT NULL
);
