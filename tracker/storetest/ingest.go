package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func testIngestRoundTrip(t *testing.T, db store.Full) {
	ctx := context.Background()
	doc := SampleDoc()
	res := mustIngest(t, db, doc, now0)
	// q1 promise + q1 partial, q2 deferral, q4 unanswered.
	if res.Action != store.Created || res.DocumentID == 0 || res.Items != 4 || res.FollowUps != 4 || res.New != 4 {
		t.Errorf("Ingest = %+v, want created with 4 items and 4 follow-ups", res)
	}
	// The hash identifies the text: its SHA-256, taken here, as parse
	// leaves it to the store.
	if sum := sha256.Sum256([]byte(doc.Text)); doc.ID != res.DocumentID || doc.Hash != hex.EncodeToString(sum[:]) {
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
	if _, err = db.Document(ctx, 999); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("Document(999) error = %v, want ErrNotFound", err)
	}
}

// snapshot is what a store shows of its contents through its interface:
// every document whole, every follow-up and every event.
func snapshot(tb testing.TB, db store.Full) string {
	tb.Helper()
	ctx := context.Background()
	docs, err := db.Documents(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var whole []*tracker.Document
	for _, d := range docs {
		w, err := db.Document(ctx, d.ID)
		if err != nil {
			tb.Fatal(err)
		}
		whole = append(whole, w)
	}
	fus, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	evs, err := db.Events(ctx, time.Time{}, time.Time{})
	if err != nil {
		tb.Fatal(err)
	}
	b, err := json.MarshalIndent(struct {
		Docs []*tracker.Document
		Fus  []tracker.FollowUp
		Evs  []tracker.FollowUpEvent
	}{whole, fus, evs}, "", " ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func testIngestUnchanged(t *testing.T, db store.Full) {
	first := mustIngest(t, db, SampleDoc(), now0)
	before := snapshot(t, db)
	again := SampleDoc()
	again.File = "elsewhere/copy.txt" // same text read from another place
	res := mustIngest(t, db, again, now0.Add(time.Hour))
	if res.Action != store.Unchanged || res.DocumentID != first.DocumentID || res.Items != 4 || res.FollowUps != 4 || res.New != 0 {
		t.Errorf("second Ingest = %+v, want unchanged %d with 4 items and 4 follow-ups", res, first.DocumentID)
	}
	if again.ID != first.DocumentID {
		t.Errorf("second Ingest set ID %d, want %d", again.ID, first.DocumentID)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("ingesting the same document again changed the store:\n%s", cmp.Diff(before, after))
	}
}

func testIngestCorrectedVersion(t *testing.T, db store.Full) {
	ctx := context.Background()
	first := mustIngest(t, db, SampleDoc(), now0)
	promise := byKey(t, db, "q1:promise:2023-06-21")
	deferral := byKey(t, db, "q2:deferral")
	moved := tracker.Day(2023, 9, 30)
	if err := db.Redate(ctx, promise.ID, moved, "minister announced a delay", "jan", now0); err != nil {
		t.Fatal(err)
	}

	doc := corrected()
	res := mustIngest(t, db, doc, now0.Add(24*time.Hour))
	if res.Action != store.Replaced || res.DocumentID != first.DocumentID {
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
	if docs, _ := db.Documents(ctx); len(docs) != 1 {
		t.Errorf("%d documents after a corrected version, want 1", len(docs))
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
		t.Fatalf("promise history %v, want %v", actions, want)
	}
	if !hist[1].OldDue.Equal(tracker.Day(2023, 6, 21)) || !hist[1].NewDue.Equal(moved) || hist[1].Note == "" {
		t.Errorf("redate event %+v lost its old date or reason", hist[1])
	}

	// The vanished deferral is kept open, with an event saying why it stays.
	f, err := db.FollowUp(ctx, deferral.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.State != tracker.Open {
		t.Errorf("vanished follow-up state %s, want open (left for staff)", f.State)
	}
	hist, _ = db.History(ctx, deferral.ID)
	if last := hist[len(hist)-1]; last.Action != "reanalysed" || !strings.Contains(last.Note, "no longer") {
		t.Errorf("vanished follow-up's last event %+v, want reanalysed, no longer found", last)
	}

	// The search follows the new text.
	if hits, err := db.Search(ctx, "bespreking", 10); err != nil || len(hits) != 0 {
		t.Errorf("search for replaced text found %+v, %v", hits, err)
	}
	if hits, err := db.Search(ctx, "deelnemers", 10); err != nil || len(hits) != 1 {
		t.Errorf("search for new text found %+v, %v; want 1 hit", hits, err)
	}
}

func testIngestMatchesTitleAndDate(t *testing.T, db store.Full) {
	a := SampleDoc()
	a.Number = ""
	first := mustIngest(t, db, a, now0)
	b := corrected()
	b.Number = ""
	if res := mustIngest(t, db, b, now0); res.Action != store.Replaced || res.DocumentID != first.DocumentID {
		t.Errorf("same title and date: %+v, want replaced %d", res, first.DocumentID)
	}
	c := corrected()
	c.Number = ""
	c.Text += " other"
	c.Date = c.Date.AddDate(0, 0, 1)
	if res := mustIngest(t, db, c, now0); res.Action != store.Created {
		t.Errorf("same title, other date: %+v, want created", res)
	}
	d := SampleDoc()
	d.Text += " other parliament"
	d.Parliament = "Tweede Kamer"
	if res := mustIngest(t, db, d, now0); res.Action != store.Created {
		t.Errorf("same number in another parliament: %+v, want created", res)
	}
	// Numbers repeat every session: the same number with another title
	// and other dates is another document.
	e := SampleDoc()
	e.Text += " next session"
	e.Title, e.Asked, e.Date = "Iets anders", tracker.Day(2024, 1, 10), tracker.Day(2024, 2, 1)
	if res := mustIngest(t, db, e, now0); res.Action != store.Created {
		t.Errorf("same number, other title and dates: %+v, want created", res)
	}
}

func testIngestFailureChangesNothing(t *testing.T, db store.Full) {
	mustIngest(t, db, SampleDoc(), now0)
	before := snapshot(t, db)
	badStatus := func() *tracker.Document {
		doc := corrected()
		doc.Items[2].Status = "maybe" // not a status: the store refuses it
		return doc
	}
	for _, tt := range []struct {
		name string
		doc  *tracker.Document
	}{
		{"new document", func() *tracker.Document {
			doc := badStatus()
			doc.Number, doc.Title = "nr. 999", "Ander document"
			return doc
		}()},
		{"corrected version", badStatus()},
	} {
		if _, err := db.Ingest(context.Background(), tt.doc, now0.Add(time.Hour)); err == nil {
			t.Errorf("%s: Ingest with a bad status: no error", tt.name)
		}
		if after := snapshot(t, db); after != before {
			t.Errorf("%s: failed ingest changed the store:\n%s", tt.name, cmp.Diff(before, after))
		}
	}
	// A cancelled context stores nothing either.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.Ingest(ctx, corrected(), now0.Add(time.Hour)); err == nil {
		t.Error("Ingest with a cancelled context: no error")
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("cancelled ingest changed the store:\n%s", cmp.Diff(before, after))
	}
}

func testDocumentsIngested(t *testing.T, db store.Full) {
	ctx := context.Background()
	mustIngest(t, db, SampleDoc(), now0)
	week := now0.AddDate(0, 0, 7)
	recent := SampleDoc()
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
	got, err = db.DocumentsIngested(ctx, now0.AddDate(0, 0, -14), now0.AddDate(0, 0, -7))
	if err != nil || len(got) != 0 {
		t.Errorf("earlier week: %d documents, %v", len(got), err)
	}
}

// Processes that ingest the same document at once store it once: one
// creates it, the others find it unchanged; the same for a corrected
// version, which one replaces.
func testIngestConcurrent(t *testing.T, db store.Full) {
	for _, round := range []struct {
		doc  func() *tracker.Document
		want string
	}{{SampleDoc, store.Created}, {corrected, store.Replaced}} {
		const n = 6
		actions := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := db.Ingest(context.Background(), round.doc(), now0)
				if err != nil {
					t.Error(err)
					return
				}
				actions[i] = res.Action
			}()
		}
		wg.Wait()
		count := map[string]int{}
		for _, a := range actions {
			count[a]++
		}
		if count[round.want] != 1 || count[store.Unchanged] != n-1 {
			t.Errorf("%d ingests at once: %v, want one %s and the others unchanged", n, count, round.want)
		}
	}
	if docs, _ := db.Documents(context.Background()); len(docs) != 1 {
		t.Errorf("%d documents stored, want 1", len(docs))
	}
	if fus, _ := db.FollowUps(context.Background(), tracker.FollowUpFilter{}); len(fus) != 5 {
		t.Errorf("%d follow-ups, want 5", len(fus))
	}
}
