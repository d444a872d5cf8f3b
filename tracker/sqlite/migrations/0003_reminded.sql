-- 0003_reminded: the due date each follow-up was last reminded for, so that
-- the reminder sweep reads only the follow-ups that still need a reminder,
-- however many overdue ones staff leave open.
ALTER TABLE followups ADD COLUMN reminded TEXT NOT NULL DEFAULT '';

UPDATE followups SET reminded = effective_due
WHERE EXISTS (SELECT 1 FROM sent WHERE sent.key = 'reminder:' || followups.id || ':' || followups.effective_due);

CREATE INDEX followups_unreminded ON followups (effective_due)
WHERE state <> 'done' AND reminded <> effective_due;
