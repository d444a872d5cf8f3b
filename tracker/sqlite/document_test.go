package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestIngestRoundTrip(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	doc := sampleDoc()
	res := mustIngest(t, db, doc, now0)
	// q1 promise + q1 partial, q2 deferral, q4 unanswered.
	if res.Action != Created || res.DocumentID == 0 || res.Items != 4 || res.FollowUps != 4 || res.New != 4 {
		t.Errorf("Ingest = %+v, want created with 4 items and 4 follow-ups", res)
	}
	if doc.ID != res.DocumentID || len(doc.Hash) != 64 {
		t.Errorf("Ingest set ID %d, Hash %q", doc.ID, doc.Hash)
	}
	got, err := db.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc, got); diff != "" {
		t.Errorf("Document() differs from what was ingested (-want +got):\n%s", diff)
	}

	docs, err := db.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != doc.ID || docs[0].Title != doc.Title || docs[0].Text != "" || docs[0].Items != nil {
		t.Errorf("Documents() = %+v, want the header of one document", docs)
	}

	_, err = db.Document(ctx, 999)
	if !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("Document(999) error = %v, want ErrNotFound", err)
	}
}

func TestIngestUnchanged(t *testing.T) {
	db := MustOpenDB(t)
	first := mustIngest(t, db, sampleDoc(), now0)
	before := dump(t, db)
	again := sampleDoc()
	again.File = "elsewhere/copy.txt" // same text read from another place
	res := mustIngest(t, db, again, now0.Add(time.Hour))
	if res.Action != Unchanged || res.DocumentID != first.DocumentID || res.FollowUps != 4 || res.New != 0 {
		t.Errorf("second Ingest = %+v, want unchanged %d with 4 follow-ups", res, first.DocumentID)
	}
	if after := dump(t, db); after != before {
		t.Errorf("ingesting the same document again wrote:\n%s", cmp.Diff(before, after))
	}
}

// corrected is sampleDoc as corrected by the parliament: question 2 now gets
// a real answer (its deferral goes), question 4 gets a partial one.
func corrected() *tracker.Document {
	doc := sampleDoc()
	doc.Text += "\nCorrectie."
	doc.Items[1].Answer = "Het platform telt 40 deelnemers en wordt in maart opgestart."
	doc.Items[1].Status = tracker.Answered
	doc.Items[1].Deferral = nil
	doc.Items[1].Findings = nil
	doc.Items[3].Answer = "Dat wordt nog bekeken."
	doc.Items[3].Status = tracker.Partial
	return doc
}

func TestIngestCorrectedVersion(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	first := mustIngest(t, db, sampleDoc(), now0)
	before, err := db.FollowUps(ctx, tracker.FollowUpFilter{Document: first.DocumentID})
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]tracker.FollowUp{}
	for _, f := range before {
		byKey[f.Key] = f
	}
	promise := byKey["q1:promise:2023-06-21"]
	if promise.ID == 0 {
		t.Fatalf("no promise follow-up in %+v", before)
	}
	moved := tracker.Day(2023, 9, 30)
	if err := db.Redate(ctx, promise.ID, moved, "minister announced a delay", "jan", now0); err != nil {
		t.Fatal(err)
	}

	doc := corrected()
	res := mustIngest(t, db, doc, now0.Add(24*time.Hour))
	if res.Action != Replaced || res.DocumentID != first.DocumentID {
		t.Fatalf("Ingest corrected = %+v, want replaced %d", res, first.DocumentID)
	}
	// Old 4 kept (q2's deferral and q4's unanswered no longer derived), q4 partial new.
	if res.FollowUps != 5 || res.New != 1 {
		t.Errorf("Ingest corrected: %d follow-ups, %d new; want 5 and 1", res.FollowUps, res.New)
	}

	got, err := db.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc, got); diff != "" {
		t.Errorf("stored analysis is not the corrected one (-want +got):\n%s", diff)
	}
	if n := count(t, db, `SELECT count(*) FROM items`); n != 4 {
		t.Errorf("%d items stored, want the 4 of the corrected version only", n)
	}
	if n := count(t, db, `SELECT count(*) FROM document_versions WHERE document_id = ?`, first.DocumentID); n != 2 {
		t.Errorf("%d versions recorded, want 2", n)
	}

	p, err := db.FollowUp(ctx, promise.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Due.Equal(moved) || p.State != tracker.Open {
		t.Errorf("promise after re-ingest: due %v state %s, want the redated %v, open", p.Due, p.State, moved)
	}
	hist, err := db.History(ctx, promise.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range hist {
		actions = append(actions, e.Action)
	}
	if want := []string{"created", "redated", "reanalysed"}; !cmp.Equal(actions, want) {
		t.Errorf("promise history %v, want %v", actions, want)
	}
	if !hist[1].OldDue.Equal(tracker.Day(2023, 6, 21)) || !hist[1].NewDue.Equal(moved) || hist[1].Note == "" {
		t.Errorf("redate event %+v lost its old date or reason", hist[1])
	}

	// The vanished deferral is kept open, with an event saying why it stays.
	d := byKey["q2:deferral"]
	f, err := db.FollowUp(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.State != tracker.Open {
		t.Errorf("vanished follow-up state %s, want open (left for staff)", f.State)
	}
	hist, _ = db.History(ctx, d.ID)
	if last := hist[len(hist)-1]; last.Action != "reanalysed" || !strings.Contains(last.Note, "no longer") {
		t.Errorf("vanished follow-up's last event %+v, want reanalysed, no longer found", last)
	}

	// The full-text index follows the new text.
	if hits, _ := db.Search(ctx, "bespreking", 10); len(hits) != 0 {
		t.Errorf("search for replaced text found %+v", hits)
	}
	if hits, _ := db.Search(ctx, "deelnemers", 10); len(hits) != 1 {
		t.Errorf("search for new text found %+v, want 1 hit", hits)
	}
}

func TestIngestMatchesTitleAndDate(t *testing.T) {
	db := MustOpenDB(t)
	a := sampleDoc()
	a.Number = ""
	first := mustIngest(t, db, a, now0)
	b := corrected()
	b.Number = ""
	if res := mustIngest(t, db, b, now0); res.Action != Replaced || res.DocumentID != first.DocumentID {
		t.Errorf("same title and date: %+v, want replaced %d", res, first.DocumentID)
	}
	c := corrected()
	c.Number = ""
	c.Text += " other"
	c.Date = c.Date.AddDate(0, 0, 1)
	if res := mustIngest(t, db, c, now0); res.Action != Created {
		t.Errorf("same title, other date: %+v, want created", res)
	}
	d := sampleDoc()
	d.Text += " other parliament"
	d.Parliament = "Tweede Kamer"
	if res := mustIngest(t, db, d, now0); res.Action != Created {
		t.Errorf("same number in another parliament: %+v, want created", res)
	}
}

func TestIngestFailureChangesNothing(t *testing.T) {
	badStatus := func() *tracker.Document {
		doc := corrected()
		doc.Items[2].Status = "maybe" // violates the CHECK on items.status
		return doc
	}
	tests := []struct {
		name string
		doc  func() *tracker.Document
		hook func(cancel context.CancelFunc) func(context.Context, int)
	}{
		{"constraint on a new document", func() *tracker.Document {
			doc := badStatus()
			doc.Number, doc.Title = "nr. 999", "Ander document"
			return doc
		}, nil},
		{"constraint on a corrected version", badStatus, nil},
		{"cancelled half-way", corrected, func(cancel context.CancelFunc) func(context.Context, int) {
			return func(_ context.Context, i int) {
				if i == 2 {
					cancel()
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			mustIngest(t, db, sampleDoc(), now0)
			before := dump(t, db)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.hook != nil {
				itemHook = tt.hook(cancel)
				defer func() { itemHook = nil }()
			}
			_, err := db.Ingest(ctx, tt.doc(), now0.Add(time.Hour))
			if err == nil {
				t.Fatal("Ingest: no error")
			}
			t.Logf("Ingest: %v", err)
			if after := dump(t, db); after != before {
				t.Errorf("failed ingest changed the database:\n%s", cmp.Diff(before, after))
			}
		})
	}
}

func TestDocumentsIngested(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	old := sampleDoc()
	mustIngest(t, db, old, now0)
	week := now0.AddDate(0, 0, 7)
	recent := sampleDoc()
	recent.Number, recent.Text = "nr. 400", recent.Text+" 400"
	mustIngest(t, db, recent, week)
	// A correction of the old one this week is not a new document.
	mustIngest(t, db, corrected(), week)

	got, err := db.DocumentsIngested(ctx, week.Add(-time.Hour), week.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != recent.ID {
		t.Fatalf("DocumentsIngested = %d documents, want only %d", len(got), recent.ID)
	}
	if diff := cmp.Diff(recent, &got[0], cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("DocumentsIngested document (-want +got):\n%s", diff)
	}
	// Nothing ingested in a week that ended before.
	got, err = db.DocumentsIngested(ctx, now0.AddDate(0, 0, -14), now0.AddDate(0, 0, -7))
	if err != nil || len(got) != 0 {
		t.Errorf("earlier week: %d documents, %v", len(got), err)
	}
}
