-- 0004_arrivals: "target arrived" notices waiting to be sent. Re-resolution
-- queues one per follow-up whose resolution changed to a document that came
-- in; a notice leaves the queue in the same transaction that logs its send,
-- so a failed send is retried at the next run and none is sent twice.
CREATE TABLE arrivals (
	followup_id INTEGER NOT NULL REFERENCES followups (id),
	target_id   INTEGER NOT NULL REFERENCES documents (id),
	verdict     TEXT NOT NULL,
	label       TEXT NOT NULL DEFAULT '', -- what the question is about, for the message
	resolution  TEXT NOT NULL,            -- JSON of tracker.Resolution
	queued      TEXT NOT NULL,
	PRIMARY KEY (followup_id, target_id)
) WITHOUT ROWID;
