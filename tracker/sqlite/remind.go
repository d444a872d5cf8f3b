package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// reminderQuery's conditions match the partial index followups_unreminded.
var reminderQuery = `SELECT ` + followUpRow + ` FROM followups f JOIN documents d ON d.id = f.document_id
	WHERE f.office_id = ? AND f.state <> 'done' AND f.reminded <> f.effective_due AND f.effective_due <= ?
	ORDER BY f.effective_due, f.id`

// ReminderDue returns the follow-ups due on now's day whose reminder for
// their current due date has not been sent: the reminder sweep. Its cost
// grows with what still needs a reminder, not with what is overdue.
func (db *DB) ReminderDue(ctx context.Context, now time.Time) ([]tracker.FollowUp, error) {
	return db.followUps(ctx, reminderQuery, db.office, day(tracker.DayOf(now)))
}

// MarkReminded logs the reminder of f for its current due date under
// f.ReminderKey(), drops its claim and notes that date on the follow-up,
// in one transaction.
// Call it only once the transport said yes.
func (db *DB) MarkReminded(ctx context.Context, f *tracker.FollowUp, at time.Time) error {
	key := tracker.OfficeKey(db.office, f.ReminderKey())
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("mark reminded %s: %w", key, err)
	}
	defer tx.Rollback()
	if err := logSent(ctx, tx, key, at); err != nil {
		return fmt.Errorf("mark reminded %s: %w", key, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE followups SET reminded = ? WHERE id = ? AND office_id = ?`,
		day(f.EffectiveDue()), f.ID, db.office); err != nil {
		return fmt.Errorf("mark reminded %s: %w", key, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("mark reminded %s: %w", key, err)
	}
	return nil
}
