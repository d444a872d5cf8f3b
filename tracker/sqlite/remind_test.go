package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestReminderDueUsesIndex(t *testing.T) {
	assertPlanUses(t, MustOpenDB(t), reminderQuery, "followups_unreminded")
}

// The migration notes reminders that were logged before it existed.
func TestMigrationBackfillsReminded(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustIngest(t, db, sampleDoc(), now0)
	day := tracker.Day(2023, 6, 21)
	due, _ := db.ReminderDue(ctx, day)
	f := due[0]
	if err := db.MarkSent(ctx, f.ReminderKey(), now0); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`UPDATE followups SET reminded = ''`); err != nil {
		t.Fatal(err)
	}
	data, err := migrations.ReadFile("migrations/0003_reminded.sql")
	if err != nil {
		t.Fatal(err)
	}
	// Replay only the backfill statement.
	stmt := string(data)
	stmt = stmt[strings.Index(stmt, "UPDATE"):]
	stmt = stmt[:strings.Index(stmt, ";")+1]
	if _, err := db.db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
	due, _ = db.ReminderDue(ctx, day)
	for _, g := range due {
		if g.ID == f.ID {
			t.Error("backfill missed a logged reminder")
		}
	}
}
