-- 0010_followup_kinds: follow-ups for answers that are late and for
-- commitments made outside answers (the Tweede Kamer's register of
-- "toezeggingen"). Same loosening of a CHECK constraint as in 0007.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
	'kind IN (''promise'', ''deferral'', ''pending'', ''partial'', ''declined'', ''unanswered'')',
	'kind IN (''promise'', ''deferral'', ''pending'', ''partial'', ''declined'', ''unanswered'', ''late-answer'', ''commitment'')')
WHERE type = 'table' AND name = 'followups';
PRAGMA writable_schema = OFF;
-- Changes the schema cookie, so every connection reads the new schema.
CREATE TABLE followup_kinds_0010 (x INTEGER);
DROP TABLE followup_kinds_0010;
