-- 0010_followup_kinds: follow-ups for answers that are late and for
-- commitments made outside answers (the Tweede Kamer's register of
-- "toezeggingen"). Same loosening of a CHECK constraint as in 0007.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
	'kind IN (''promise'', ''deferral'', ''pending'', ''partial'', ''declined'', ''unanswered'')',
	'kind IN (''promise'', ''deferral'', ''pending'', ''partial'', ''declined'', ''unanswered'', ''late-answer'', ''commitment'')')
WHERE type = 'table' AND name = 'followups';
PRAGMA writable_schema = OFF;
-- The edit is invisible to the connection that made it until it parses its
-- schema again, which an ALTER TABLE makes it do (and other connections see
-- the changed schema cookie).
CREATE TABLE followup_kinds_0010 (x INTEGER);
ALTER TABLE followup_kinds_0010 RENAME TO followup_kinds_0010_done;
DROP TABLE followup_kinds_0010_done;
