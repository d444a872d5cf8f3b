package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestSlackCorrectionSource: after 0013 a correction from Slack is stored
// through the connection that migrated (the pool keeps it), while the
// CHECK still refuses an unknown source.
func TestSlackCorrectionSource(t *testing.T) {
	db := MustOpenDB(t)
	db.db.SetMaxOpenConns(1) // the one connection that ran the migrations
	doc := sampleDoc()
	mustIngest(t, db, doc, now0)
	res, err := db.Correct(context.Background(), tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3,
		Status: tracker.Partial, By: "Anna", At: now0.Add(time.Hour), Source: tracker.FromSlack})
	if err != nil {
		t.Fatalf("correction from slack: %v", err)
	}
	cs, err := db.Corrections(context.Background(), tracker.CorrectionFilter{})
	if err != nil || len(cs) != 1 || cs[0].Source != tracker.FromSlack || cs[0].ID != res.Correction.ID {
		t.Fatalf("corrections %+v, %v; want one from slack", cs, err)
	}
	if _, err := db.db.Exec(`UPDATE corrections SET source = 'mail'`); err == nil {
		t.Error("source mail accepted: the CHECK constraint is gone")
	}
	var ok string
	if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
}
