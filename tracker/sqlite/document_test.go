package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
)

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

// Numbers repeat every session ("nr. 559" of 2023-2024 and of 2024-2025):
// a number alone does not make a correction.
func TestIngestSameNumberOtherSession(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	a := sampleDoc()
	a.Title = "Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 559: inburgering"
	a.Number, a.Asked, a.Date = "nr. 559", tracker.Day(2024, 1, 10), tracker.Day(2024, 2, 14)
	b := sampleDoc()
	b.Title = "Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 559: kinderopvang"
	b.Number, b.Asked, b.Date = "nr. 559", tracker.Day(2025, 1, 8), tracker.Day(2025, 2, 3)
	b.Text += " 2024-2025"
	ra := mustIngest(t, db, a, now0)
	rb := mustIngest(t, db, b, now0)
	if ra.Action != Created || rb.Action != Created || ra.DocumentID == rb.DocumentID {
		t.Fatalf("two sessions' nr. 559: %+v then %+v, want two created documents", ra, rb)
	}
	docs, err := db.Documents(ctx)
	if err != nil || len(docs) != 2 {
		t.Fatalf("Documents = %d, %v; want 2", len(docs), err)
	}

	// One field in common is enough for a correction: the title, the
	// question date or the answer date.
	tests := []struct {
		name string
		edit func(d *tracker.Document)
	}{
		{"same title", func(d *tracker.Document) { d.Asked, d.Date = tracker.Day(2024, 1, 11), tracker.Day(2024, 2, 15) }},
		{"same question date", func(d *tracker.Document) { d.Title, d.Date = "Andere titel", tracker.Day(2024, 2, 15) }},
		{"same answer date", func(d *tracker.Document) { d.Title, d.Asked = "Andere titel", tracker.Day(2024, 1, 11) }},
	}
	for i, tt := range tests {
		c := sampleDoc()
		c.Title, c.Number, c.Asked, c.Date = a.Title, a.Number, a.Asked, a.Date
		c.Text += fmt.Sprintf(" correctie %d", i)
		tt.edit(c)
		if res := mustIngest(t, db, c, now0); res.Action != Replaced || res.DocumentID != ra.DocumentID {
			t.Errorf("%s: %+v, want replaced %d", tt.name, res, ra.DocumentID)
		}
	}
	if docs, _ := db.Documents(ctx); len(docs) != 2 {
		t.Errorf("after corrections: %d documents, want 2", len(docs))
	}
}

// Passages go in with their document, in one transaction; a corrected
// version's passages replace the old ones; plain Ingest drops stale ones.
func TestIngestWithPassages(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	passages := func(d *tracker.Document) []tracker.Passage {
		var ps []tracker.Passage
		for _, it := range d.Items {
			ps = append(ps, tracker.Passage{Index: it.Number, Snippet: it.Answer, Terms: strings.Fields(strings.ToLower(it.Answer))})
		}
		return ps
	}
	texts := func(id int64) []string {
		t.Helper()
		rows, err := db.db.QueryContext(ctx, `SELECT text FROM passages WHERE document_id = ? ORDER BY ord`, id)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
		}
		return out
	}

	// A failure half-way stores neither the document nor its passages.
	doc := sampleDoc()
	cctx, cancel := context.WithCancel(ctx)
	itemHook = func(_ context.Context, i int) {
		if i == 2 {
			cancel()
		}
	}
	_, err := db.IngestWithPassages(cctx, doc, now0, passages(doc))
	itemHook = nil
	if err == nil {
		t.Fatal("cancelled ingest: no error")
	}
	var n int
	db.db.QueryRow(`SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM passages)`).Scan(&n)
	if n != 0 {
		t.Fatalf("cancelled ingest left %d rows of documents and passages", n)
	}

	doc = sampleDoc()
	res, err := db.IngestWithPassages(ctx, doc, now0, passages(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(res.DocumentID); len(got) != 4 || !strings.Contains(got[1], "bespreking") {
		t.Fatalf("passages after ingest: %q", got)
	}
	if hits, _ := db.SearchPassages(ctx, res.DocumentID, []string{"bespreking"}, 5, false); len(hits) != 1 {
		t.Errorf("search of stored passages: %+v", hits)
	}

	c := corrected()
	r2, err := db.IngestWithPassages(ctx, c, now0, passages(c))
	if err != nil || r2.Action != Replaced {
		t.Fatalf("corrected: %+v, %v", r2, err)
	}
	got := texts(r2.DocumentID)
	if len(got) != 4 || strings.Contains(strings.Join(got, " "), "bespreking") || !strings.Contains(got[1], "deelnemers") {
		t.Errorf("passages after correction: %q, want the new answers only", got)
	}
	if hits, _ := db.SearchPassages(ctx, r2.DocumentID, []string{"bespreking"}, 5, false); len(hits) != 0 {
		t.Errorf("old passage still found: %+v", hits)
	}

	// A version stored without passages drops the stale ones.
	c2 := corrected()
	c2.Text += " nogmaals"
	if _, err := db.Ingest(ctx, c2, now0); err != nil {
		t.Fatal(err)
	}
	if got := texts(r2.DocumentID); len(got) != 0 {
		t.Errorf("plain Ingest of a correction kept %d old passages", len(got))
	}
}
