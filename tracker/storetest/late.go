package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// lateAt is 07:00 UTC on day s (YYYY-MM-DD).
func lateAt(s string) time.Time {
	d, err := tracker.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d.Add(7 * time.Hour)
}

func putFiled(tb testing.TB, db store.Full, q tracker.FiledQuestion) {
	tb.Helper()
	if _, err := db.PutFiled(context.Background(), q, lateAt("2026-04-01")); err != nil {
		tb.Fatal(err)
	}
}

// PutLateQuestions stores three filed questions: two late on 2026-04-24
// (a Flemish one due 2026-04-23, Easter Monday not counted, and a Tweede
// Kamer one due 2026-04-10) and one on time (due 2026-05-19).
func PutLateQuestions(tb testing.TB, db store.Full) {
	tb.Helper()
	putFiled(tb, db, tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1901", Number: "nr. 342", Title: "Wachtlijsten kinderopvang",
		Asker: "An Peeters", Minister: "Hilde Crevits", Filed: tracker.Day(2026, 3, 24), Sent: tracker.Day(2026, 3, 25)})
	putFiled(tb, db, tracker.FiledQuestion{Parliament: tracker.TK, Ref: "guid-2", Number: "2026Z05123", Title: "Stikstofvergunningen",
		Asker: "Eva de Vries", Minister: "minister van LNV", Filed: tracker.Day(2026, 3, 20)})
	putFiled(tb, db, tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1950", Number: "nr. 400", Title: "Fietspaden",
		Asker: "Tom Claes", Minister: "Lydia Peeters", Sent: tracker.Day(2026, 4, 20)})
}

// SweepLate runs one lateness sweep with the default deadlines at 07:00
// on day (YYYY-MM-DD), as serve and `pqtrack late` do.
func SweepLate(tb testing.TB, db store.Full, day string) store.LateResult {
	tb.Helper()
	res, err := db.SweepLate(context.Background(), tracker.DefaultDeadlines(), lateAt(day))
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// lateFollowUps returns the late-answer follow-ups by question title.
func lateFollowUps(tb testing.TB, db store.Full) map[string]tracker.FollowUp {
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

// lateState is what a sweep may change, as the store shows it: snapshot,
// the filed questions, and whether each follow-up's reminder is logged.
func lateState(tb testing.TB, db store.Full) string {
	tb.Helper()
	ctx := context.Background()
	s := snapshot(tb, db)
	qs, err := db.FiledQuestions(ctx, store.FiledFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, q := range qs {
		s += "\n" + q.Ref + " " + q.Updated.String()
	}
	fs, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range fs {
		sent, err := db.WasSent(ctx, f.ReminderKey())
		if err != nil {
			tb.Fatal(err)
		}
		if sent {
			s += "\nsent " + f.ReminderKey()
		}
	}
	return s
}

// reminded reports whether the reminder sweep at day would leave out
// follow-up id, and whether its reminder is logged as sent.
func reminded(tb testing.TB, db store.Full, f tracker.FollowUp, day string) (skipped, sent bool) {
	tb.Helper()
	ctx := context.Background()
	due, err := db.ReminderDue(ctx, lateAt(day))
	if err != nil {
		tb.Fatal(err)
	}
	sent, err = db.WasSent(ctx, f.ReminderKey())
	if err != nil {
		tb.Fatal(err)
	}
	return !contains(due, f.ID), sent
}

// The lateness sweep: a question document found by its hash and one
// late-answer follow-up per late question, its reminder logged as sent
// (the morning message announces it); a postponement redates it with
// history, the answer closes it as delivered; a second sweep writes
// nothing.
func testSweepLate(t *testing.T, db store.Full) {
	ctx := context.Background()
	PutLateQuestions(t, db)
	if res := SweepLate(t, db, "2026-04-24"); res != (store.LateResult{Documents: 2, Created: 2}) {
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
		if doc.Kind != tracker.KindQuestion || doc.Asker == "" || !tracker.Dated(doc.Asked) {
			t.Errorf("%s: question document %+v", title, doc)
		}
		if skipped, sent := reminded(t, db, f, "2026-04-24"); !skipped || !sent {
			t.Errorf("%s: reminder left out %v, logged %v; want both (announced by the morning message)", title, skipped, sent)
		}
	}
	if len(got) != 2 {
		t.Errorf("late follow-ups: %d, want 2 (Fietspaden is on time)", len(got))
	}

	// Twice changes nothing, not even a timestamp.
	before := lateState(t, db)
	if res := SweepLate(t, db, "2026-04-25"); res.Changed() {
		t.Errorf("second sweep: %+v", res)
	}
	if after := lateState(t, db); after != before {
		t.Errorf("a second sweep changed the store:\n%s", cmp.Diff(before, after))
	}

	// A postponement notice moves the Tweede Kamer deadline to 2026-04-30:
	// the follow-up follows, with history, and is no longer overdue; its
	// reminder on the new date is announced too.
	putFiled(t, db, tracker.FiledQuestion{Parliament: tracker.TK, Ref: "guid-2", Postponed: tracker.Day(2026, 4, 9)})
	if res := SweepLate(t, db, "2026-04-26"); res != (store.LateResult{Redated: 1}) {
		t.Errorf("after the postponement: %+v", res)
	}
	tk := lateFollowUps(t, db)["Stikstofvergunningen"]
	if tk.Due.Format(tracker.DateLayout) != "2026-04-30" || tk.IsOverdue(lateAt("2026-04-26")) {
		t.Errorf("postponed: %+v", tk)
	}
	hist, err := db.History(ctx, tk.ID)
	if err != nil || len(hist) != 2 || hist[1].Action != "redated" || !hist[1].OldDue.Equal(tracker.Day(2026, 4, 10)) {
		t.Errorf("history %+v, %v", hist, err)
	}
	if skipped, sent := reminded(t, db, tk, "2026-04-30"); !skipped || !sent {
		t.Errorf("redated: reminder left out %v, logged %v; want both", skipped, sent)
	}

	// The answer arrives: the follow-up closes as delivered, with history;
	// the answer document with the same number and title is a document of
	// its own, not a new version of the question document.
	vp := lateFollowUps(t, db)["Wachtlijsten kinderopvang"]
	answer := &tracker.Document{Kind: tracker.KindAnswer, Title: "Wachtlijsten kinderopvang", Parliament: "Vlaams Parlement",
		Number: "nr. 342", Minister: "Hilde Crevits", Date: tracker.Day(2026, 4, 27), Text: "Vraag 1 ... Antwoord 1 ..."}
	r := mustIngest(t, db, answer, lateAt("2026-04-27"))
	if r.Action != store.Created || r.DocumentID == vp.DocumentID {
		t.Fatalf("answer ingest: %+v (question document %d)", r, vp.DocumentID)
	}
	putFiled(t, db, tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1901", Answered: tracker.Day(2026, 4, 27), AnswerDocumentID: r.DocumentID})
	if qs, err := db.Answered(ctx); err != nil || len(qs) != 1 || qs[0].Ref != "1901" || qs[0].AnswerDocumentID != r.DocumentID {
		t.Errorf("answered: %+v, %v; want 1901 with document %d", qs, err, r.DocumentID)
	}
	if res := SweepLate(t, db, "2026-04-27"); res != (store.LateResult{Closed: 1}) {
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
	before = lateState(t, db)
	if res := SweepLate(t, db, "2026-04-28"); res.Changed() {
		t.Errorf("sweep after the answer: %+v", res)
	}
	if after := lateState(t, db); after != before {
		t.Errorf("a second sweep after the answer changed the store:\n%s", cmp.Diff(before, after))
	}
}

// Sweeps at once (serve's processes, `pqtrack late`) create each question
// document and follow-up once, without failing.
func testSweepLateConcurrent(t *testing.T, db store.Full) {
	PutLateQuestions(t, db)
	const n = 4
	res := make([]store.LateResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range res {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res[i], errs[i] = db.SweepLate(context.Background(), tracker.DefaultDeadlines(), lateAt("2026-04-24"))
		}(i)
	}
	wg.Wait()
	var sum store.LateResult
	for i := range res {
		if errs[i] != nil {
			t.Errorf("sweep %d: %v", i, errs[i])
		}
		sum.Documents += res[i].Documents
		sum.Created += res[i].Created
		sum.Redated += res[i].Redated
		sum.Closed += res[i].Closed
	}
	if sum != (store.LateResult{Documents: 2, Created: 2}) {
		t.Errorf("%d sweeps at once did %+v in all; want 2 documents, 2 follow-ups", n, sum)
	}
	if got := lateFollowUps(t, db); len(got) != 2 {
		t.Errorf("late follow-ups: %d, want 2", len(got))
	}
}

// MarkSentAll logs every key and ends their claims: another owner learns
// they were sent.
func testMarkSentAll(t *testing.T, db store.Full) {
	ctx := context.Background()
	keys := []string{"late:1:2026-04-23", "late:2:2026-04-10"}
	if c, err := db.Claim(ctx, keys[0], "a", now0, time.Minute); err != nil || c.Holder != "" || c.Sent {
		t.Fatalf("claim: %+v, %v", c, err)
	}
	if err := db.MarkSentAll(ctx, keys, now0); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSentAll(ctx, keys, now0.Add(time.Hour)); err != nil {
		t.Fatalf("marking twice: %v", err)
	}
	for _, k := range keys {
		if sent, err := db.WasSent(ctx, k); err != nil || !sent {
			t.Errorf("%s: sent %v, %v", k, sent, err)
		}
		if c, err := db.Claim(ctx, k, "b", now0.Add(time.Second), time.Minute); err != nil || !c.Sent {
			t.Errorf("%s: claim after MarkSentAll %+v, %v; want sent", k, c, err)
		}
	}
	if sent, _ := db.WasSent(ctx, "late:3:2026-04-23"); sent {
		t.Error("a key not marked counts as sent")
	}
}
