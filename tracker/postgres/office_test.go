package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/storetest"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

// A database from before offices migrates with nothing lost: its
// follow-ups, counts and watch list belong to the default office, and a
// second office can then follow the same document.
func TestMigrateToOffices(t *testing.T) {
	now0 := time.Date(2023, 3, 1, 9, 30, 0, 0, time.UTC)
	ctx := context.Background()
	url := pgtest.New(t)
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{pool: pool, url: url, office: tracker.DefaultOffice, PendingWait: tracker.DefaultPendingWait}
	if err := old.migrateTo(ctx, "0003_fetch_late_slack.sql"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO documents (id, hash, title, minister, ingested, updated) VALUES (7, 'h7', 'Vraag', 'Bart Somers', 'x', 'x')`,
		`INSERT INTO followups (id, document_id, key, question_number, kind, due, state, created, updated)
			VALUES (11, 7, 'q1:partial', 1, 'partial', '2023-03-01', 'open', 'x', 'x'),
			       (12, 7, 'q2:pending', 2, 'pending', '2023-06-21', 'done', 'x', 'x')`,
		`INSERT INTO followup_events (followup_id, at, action) VALUES (11, 'x', 'created'), (12, 'x', 'created')`,
		`INSERT INTO watches (parliament, kind, value, created) VALUES ('vp', 'member', 'Jan Peeters', 'x')`,
	} {
		if _, err := pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	pool.Close()

	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil || len(fs) != 2 || fs[0].ID != 11 || fs[1].State != tracker.Done {
		t.Fatalf("the default office's follow-ups: %+v, %v", fs, err)
	}
	st, err := db.Stats(ctx, tracker.Day(2023, 3, 2))
	if err != nil || st.Open != 1 || st.Done != 1 || st.Overdue != 1 {
		t.Errorf("stats after the migration: %+v, %v", st, err)
	}
	if ws, _ := db.Watches(ctx); len(ws) != 1 {
		t.Errorf("watch list after the migration: %+v", ws)
	}
	id, err := db.AddOffice(ctx, tracker.Office{Slug: "groen"}, now0)
	if err != nil || id != 2 {
		t.Fatalf("AddOffice: %d, %v; want 2", id, err)
	}
	doc := storetest.SampleDoc()
	if _, err := db.Ingest(ctx, doc, now0); err != nil {
		t.Fatal(err)
	}
	if res, err := db.ForOffice(id).Ingest(ctx, storetest.SampleDoc(), now0); err != nil || res.New == 0 || res.DocumentID != doc.ID {
		t.Errorf("second office's ingest: %+v, %v", res, err)
	}
}
