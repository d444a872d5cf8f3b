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

// TestHandle: an interaction is handled once; a forgotten one again.
func TestHandle(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	steps := []struct {
		do   string
		want bool
	}{
		{"handle", true}, {"handle", false}, {"unhandle", false}, {"handle", true}, {"handle", false},
	}
	for i, s := range steps {
		if s.do == "unhandle" {
			if err := db.Unhandle(ctx, "trigger:1"); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := db.Handle(ctx, "trigger:1", now0)
		if err != nil || got != s.want {
			t.Errorf("step %d: handle = %v, %v; want %v", i, got, err, s.want)
		}
	}
	if got, err := db.Handle(ctx, "trigger:2", now0); err != nil || !got {
		t.Errorf("another key: %v, %v; want handled", got, err)
	}
}
