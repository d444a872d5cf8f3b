-- 0005_claims: leases on sends and work that survives a crash.
--
-- A process that is about to send a message first claims its key: one row
-- here with its owner and the time the lease runs out, taken in the same
-- transaction that checks the send log. Delivery moves the key to sent and
-- drops the claim. A failed send gives the lease back but keeps the row, so
-- the next claimer knows that an earlier attempt may have reached Slack
-- (since: when the first unconfirmed attempt began) and looks before it
-- posts again.
CREATE TABLE claims (
	key      TEXT PRIMARY KEY,
	owner    TEXT NOT NULL,
	expires  TEXT NOT NULL, -- '' once given back
	since    TEXT NOT NULL, -- the first attempt without a recorded delivery
	attempts INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

-- Work a stored document leaves: re-resolution of open deferrals and
-- promises, queued in the document's own transaction and taken off only in
-- the transaction that stores what re-resolution found (and the arrival
-- notices it queues), by whichever run comes next.
CREATE TABLE work (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	document_id INTEGER NOT NULL,
	queued      TEXT NOT NULL
);
