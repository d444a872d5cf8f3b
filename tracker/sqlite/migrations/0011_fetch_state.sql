-- 0011_fetch_state: where fetching stands per source (a parliament's
-- stream of questions or commitments). The cursor moves only after a page
-- is stored, so a run that stops half way starts again from it.
CREATE TABLE fetch_state (
	source  TEXT PRIMARY KEY,
	cursor  TEXT NOT NULL,
	updated TEXT NOT NULL
);
