-- 0013_slack: corrections made from Slack's "Klopt niet", and the Slack
-- interactions already handled, so that one Slack retries acts once.
-- Same loosening of a CHECK constraint as in 0007, and 0010's way of making
-- this connection parse its schema again.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
	'source IN (''cli'', ''web'')',
	'source IN (''cli'', ''web'', ''slack'')')
WHERE type = 'table' AND name = 'corrections';
PRAGMA writable_schema = OFF;
CREATE TABLE corrections_0013 (x INTEGER);
ALTER TABLE corrections_0013 RENAME TO corrections_0013_done;
DROP TABLE corrections_0013_done;

-- One row per interaction acted on: key names the interaction (its trigger
-- id), so a retry of it finds its row and does nothing.
CREATE TABLE slack_interactions (
	key TEXT PRIMARY KEY,
	at  TEXT NOT NULL
);
