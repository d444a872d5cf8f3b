package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/storetest"
)

// A database from before offices migrates with nothing lost: its
// follow-ups, their history, deliveries, counts and watch list all belong
// to the default office, the foreign keys hold, and a second office can
// then follow the same document.
func TestMigrateToOffices(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: raw, path: path, office: tracker.DefaultOffice}
	if err := old.migrateTo(ctx, "0013_slack.sql"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO documents (id, hash, title, minister, ingested, updated) VALUES (7, 'h7', 'Vraag over inburgering', 'Bart Somers', '2023-03-01T09:00:00.000000Z', '2023-03-01T09:00:00.000000Z')`,
		`INSERT INTO followups (id, document_id, key, question_number, kind, due, state, created, updated, reminded)
			VALUES (11, 7, 'q1:partial', 1, 'partial', '2023-03-01', 'open', 'x', 'x', '2023-03-01'),
			       (12, 7, 'q2:promise:2023-06-21', 2, 'promise', '2023-06-21', 'done', 'x', 'x', '')`,
		`INSERT INTO followup_events (followup_id, at, action) VALUES (11, 'x', 'created'), (12, 'x', 'created'), (12, 'y', 'done')`,
		`INSERT INTO deliveries (followup_id, document_id, resolution, found, updated) VALUES (12, 7, '{}', 'x', 'x')`,
		`INSERT INTO watches (parliament, kind, value, created) VALUES ('vp', 'member', 'Jan Peeters', 'x')`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, bad int
	if err := db.db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE office_id <> 1) FROM followups`).Scan(&n, &bad); err != nil || n != 2 || bad != 0 {
		t.Errorf("follow-ups after the migration: %d, %d not the default office's, %v", n, bad, err)
	}
	rows, err := db.db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign keys broken after the migration")
	}
	rows.Close()
	fs, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil || len(fs) != 2 || fs[0].ID != 11 || fs[1].ID != 12 || fs[1].State != tracker.Done {
		t.Fatalf("the default office's follow-ups: %+v, %v", fs, err)
	}
	if h, err := db.History(ctx, 12); err != nil || len(h) != 2 {
		t.Errorf("history of 12: %+v, %v", h, err)
	}
	if due, _ := db.ReminderDue(ctx, tracker.Day(2023, 3, 1)); len(due) != 0 {
		t.Errorf("reminded follow-up due again: %+v", due)
	}
	st, err := db.Stats(ctx, tracker.Day(2023, 3, 2))
	if err != nil || st.Open != 1 || st.Done != 1 || st.Overdue != 1 {
		t.Errorf("stats after the migration: %+v, %v; want 1 open and overdue, 1 done", st, err)
	}
	if ws, _ := db.Watches(ctx); len(ws) != 1 || ws[0].Value != "Jan Peeters" {
		t.Errorf("watch list after the migration: %+v", ws)
	}
	// The new uniqueness lets another office follow the stored document.
	id, err := db.AddOffice(ctx, tracker.Office{Slug: "groen"}, now0)
	if err != nil {
		t.Fatal(err)
	}
	b := db.ForOffice(id)
	doc := storetest.SampleDoc()
	if _, err := db.Ingest(ctx, doc, now0); err != nil {
		t.Fatal(err)
	}
	if res, err := b.Ingest(ctx, storetest.SampleDoc(), now0); err != nil || res.New == 0 || res.DocumentID != doc.ID {
		t.Errorf("second office's ingest: %+v, %v", res, err)
	}
}
