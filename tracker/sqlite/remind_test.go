package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestReminderDue(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustIngest(t, db, sampleDoc(), now0)
	ids := func(fs []tracker.FollowUp) map[int64]bool {
		m := map[int64]bool{}
		for _, f := range fs {
			m[f.ID] = true
		}
		return m
	}
	day := tracker.Day(2023, 6, 21) // the promise of q1 falls due
	all, err := db.DueFollowUps(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	due, err := db.ReminderDue(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) == 0 || len(due) != len(all) {
		t.Fatalf("before any reminder: %d to remind, %d due", len(due), len(all))
	}
	// Reminded: it leaves the sweep, and its key is in the send log.
	f := due[0]
	if err := db.MarkReminded(ctx, &f, now0); err != nil {
		t.Fatal(err)
	}
	due, _ = db.ReminderDue(ctx, day)
	if ids(due)[f.ID] || len(due) != len(all)-1 {
		t.Errorf("after the reminder: %d to remind, follow-up %d still there: %v", len(due), f.ID, ids(due)[f.ID])
	}
	if ok, _ := db.WasSent(ctx, f.ReminderKey()); !ok {
		t.Errorf("key %s not logged", f.ReminderKey())
	}
	// Moved to a later date, it is reminded again when that comes.
	later := day.AddDate(0, 1, 0)
	if err := db.Redate(ctx, f.ID, later, "nieuwe belofte", "test", now0); err != nil {
		t.Fatal(err)
	}
	if due, _ = db.ReminderDue(ctx, day); ids(due)[f.ID] {
		t.Error("redated follow-up reminded before its new date")
	}
	if due, _ = db.ReminderDue(ctx, later); !ids(due)[f.ID] {
		t.Error("redated follow-up not reminded on its new date")
	}
}

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
