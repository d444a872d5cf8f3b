package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// sweepLate runs one lateness sweep over every filed question, as serve
// and `pqtrack late` do.
func sweepLate(tb testing.TB, db *DB, now time.Time) LateResult {
	tb.Helper()
	res, err := db.SweepLate(context.Background(), tracker.DefaultDeadlines(), now)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func lateFollowUps(tb testing.TB, db *DB) map[string]tracker.FollowUp {
	tb.Helper()
	fs, err := db.FollowUps(context.Background(), tracker.FollowUpFilter{Kind: tracker.FollowLate})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]tracker.FollowUp{}
	for _, f := range fs {
		out[f.Document] = f
	}
	return out
}

func TestSweepLate(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	at := func(s string) time.Time { d, _ := tracker.ParseDay(s); return d.Add(7 * time.Hour) }
	put := func(q tracker.FiledQuestion) {
		t.Helper()
		if _, err := db.PutFiled(ctx, q, at("2026-04-01")); err != nil {
			t.Fatal(err)
		}
	}
	// Due 2026-04-23 (Easter Monday not counted), 2026-04-10, and 2026-05-19.
	put(tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1901", Number: "nr. 342", Title: "Wachtlijsten kinderopvang",
		Asker: "An Peeters", Minister: "Hilde Crevits", Filed: tracker.Day(2026, 3, 24), Sent: tracker.Day(2026, 3, 25)})
	put(tracker.FiledQuestion{Parliament: tracker.TK, Ref: "guid-2", Number: "2026Z05123", Title: "Stikstofvergunningen",
		Asker: "Eva de Vries", Minister: "minister van LNV", Filed: tracker.Day(2026, 3, 20)})
	put(tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1950", Number: "nr. 400", Title: "Fietspaden",
		Asker: "Tom Claes", Minister: "Lydia Peeters", Sent: tracker.Day(2026, 4, 20)})

	res := sweepLate(t, db, at("2026-04-24"))
	if res != (LateResult{Documents: 2, Created: 2}) {
		t.Fatalf("first sweep: %+v", res)
	}
	got := lateFollowUps(t, db)
	for title, want := range map[string]struct{ due, minister string }{
		"Wachtlijsten kinderopvang": {"2026-04-23", "Hilde Crevits"},
		"Stikstofvergunningen":      {"2026-04-10", "minister van LNV"},
	} {
		f, ok := got[title]
		if !ok || f.Due.Format(tracker.DateLayout) != want.due || f.Minister != want.minister || f.State != tracker.Open {
			t.Errorf("%s: %+v, want due %s for %s", title, f, want.due, want.minister)
		}
		doc, err := db.Document(ctx, f.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Kind != tracker.KindQuestion || doc.Asker == "" || !tracker.Dated(doc.Asked) && title != "Fietspaden" {
			t.Errorf("%s: question document %+v", title, doc)
		}
	}
	if len(got) != 2 {
		t.Errorf("late follow-ups: %d, want 2 (Fietspaden is on time)", len(got))
	}

	// Twice changes nothing, not even a timestamp.
	before := dump(t, db)
	if res := sweepLate(t, db, at("2026-04-25")); res.Changed() {
		t.Errorf("second sweep: %+v", res)
	}
	if after := dump(t, db); after != before {
		t.Error("a second sweep changed the database")
	}

	// A postponement notice moves the Tweede Kamer deadline to 2026-04-30:
	// the follow-up follows, with history, and is no longer overdue.
	put(tracker.FiledQuestion{Parliament: tracker.TK, Ref: "guid-2", Postponed: tracker.Day(2026, 4, 9)})
	if res := sweepLate(t, db, at("2026-04-26")); res != (LateResult{Redated: 1}) {
		t.Errorf("after the postponement: %+v", res)
	}
	tk := lateFollowUps(t, db)["Stikstofvergunningen"]
	if tk.Due.Format(tracker.DateLayout) != "2026-04-30" || tk.IsOverdue(at("2026-04-26")) {
		t.Errorf("postponed: %+v", tk)
	}
	hist, err := db.History(ctx, tk.ID)
	if err != nil || len(hist) != 2 || hist[1].Action != "redated" || !hist[1].OldDue.Equal(tracker.Day(2026, 4, 10)) {
		t.Errorf("history %+v, %v", hist, err)
	}

	// The answer arrives: the follow-up closes as delivered, with history;
	// the answer document with the same number and title is a document of
	// its own, not a new version of the question document.
	vp := lateFollowUps(t, db)["Wachtlijsten kinderopvang"]
	answer := &tracker.Document{Kind: tracker.KindAnswer, Title: "Wachtlijsten kinderopvang", Parliament: "Vlaams Parlement",
		Number: "nr. 342", Minister: "Hilde Crevits", Date: tracker.Day(2026, 4, 27), Text: "Vraag 1 ... Antwoord 1 ..."}
	r := mustIngest(t, db, answer, at("2026-04-27"))
	if r.Action != Created || r.DocumentID == vp.DocumentID {
		t.Fatalf("answer ingest: %+v (question document %d)", r, vp.DocumentID)
	}
	put(tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1901", Answered: tracker.Day(2026, 4, 27), AnswerDocumentID: r.DocumentID})
	if res := sweepLate(t, db, at("2026-04-27")); res != (LateResult{Closed: 1}) {
		t.Errorf("after the answer: %+v", res)
	}
	f, err := db.FollowUp(ctx, vp.ID)
	if err != nil || f.State != tracker.Done || f.Outcome != tracker.Delivered {
		t.Errorf("answered: %+v, %v", f, err)
	}
	hist, err = db.History(ctx, vp.ID)
	if err != nil || len(hist) != 2 || hist[1].Action != "done" {
		t.Errorf("history %+v, %v", hist, err)
	}
	before = dump(t, db)
	if res := sweepLate(t, db, at("2026-04-28")); res.Changed() {
		t.Errorf("sweep after the answer: %+v", res)
	}
	if dump(t, db) != before {
		t.Error("a second sweep after the answer changed the database")
	}
}
