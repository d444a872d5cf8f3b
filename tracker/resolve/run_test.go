package resolve_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/resolve"
)

// TestRun resolves the seed's open deferrals again as reports come in, and
// notices that the report of 14 February 2023 may keep answer 5's promise.
func TestRun(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	doc := seed(t)
	store(t, db, doc)

	changes, err := resolve.Run(ctx, db, now0)
	if err != nil {
		t.Fatal(err)
	}
	verdicts := func(cs []resolve.Change) map[int]tracker.Verdict {
		m := map[int]tracker.Verdict{}
		for _, c := range cs {
			if c.FollowUp.Kind == tracker.FollowDeferral {
				m[c.FollowUp.QuestionNumber] = c.New.Verdict
			}
		}
		return m
	}
	if got := verdicts(changes); len(got) != 4 || got[1] != tracker.TargetMissing || got[10] != tracker.TargetMissing {
		t.Errorf("first run: %v, want questions 1, 2, 9, 10 target-missing", got)
	}
	// Nothing came in: nothing changes.
	if again, err := resolve.Run(ctx, db, now0); err != nil || len(again) != 0 {
		t.Errorf("second run: %d changes (%v), want none", len(again), err)
	}

	rep := report(t, "commissie-2022-11-15.txt", parse.ReportOptions{})
	store(t, db, rep)
	changes, err = resolve.Run(ctx, db, now0)
	if err != nil {
		t.Fatal(err)
	}
	got := verdicts(changes)
	want := map[int]tracker.Verdict{1: tracker.Addressed, 2: tracker.Addressed, 9: tracker.Silent, 10: tracker.Silent}
	for n, v := range want {
		if got[n] != v {
			t.Errorf("after the report: question %d %s, want %s", n, got[n], v)
		}
	}
	labels := map[int]string{}
	for _, c := range changes {
		labels[c.FollowUp.QuestionNumber] = c.Label
	}
	if labels[1] != "VMRI" || labels[10] != "Maxipac" || labels[2] != "expertendatabank" {
		t.Errorf("labels %v, want VMRI, expertendatabank, Maxipac", labels)
	}
	// The stored resolution comes back with the follow-ups.
	fs, err := db.OpenFollowUps(ctx, tracker.FollowDeferral)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Resolution == nil || f.Resolution.Verdict != want[f.QuestionNumber] {
			t.Errorf("follow-up %d (question %d): stored %+v, want %s", f.ID, f.QuestionNumber, f.Resolution, want[f.QuestionNumber])
		}
	}

	// The promise of answer 5: a meeting on 14 February 2023 on the annual
	// MO figures and the first evaluation of the standardised test.
	feb := report(t, "commissie-2023-02-14.txt", parse.ReportOptions{})
	store(t, db, feb)
	changes, err = resolve.Run(ctx, db, now0)
	if err != nil {
		t.Fatal(err)
	}
	var kept *resolve.Change
	for i, c := range changes {
		if c.New.Verdict == tracker.PossiblyDelivered {
			kept = &changes[i]
		}
	}
	if kept == nil || kept.FollowUp.QuestionNumber != 5 || kept.New.TargetID != feb.ID || len(kept.New.Passages) == 0 {
		t.Fatalf("promise of answer 5: %+v, want possibly delivered by the report of 14 February", kept)
	}
	if !strings.Contains(kept.New.Passages[0].Snippet, "gestandaardiseerde") {
		t.Errorf("passage %q does not show the evaluation", kept.New.Passages[0].Snippet)
	}
	f, err := db.FollowUp(ctx, kept.FollowUp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.State != tracker.Open || f.Resolution == nil || f.Resolution.Verdict != tracker.PossiblyDelivered {
		t.Errorf("follow-up after the suggestion: state %s, resolution %+v; want open and possibly delivered", f.State, f.Resolution)
	}
	// A person rejects it: it is never suggested again, and stays open.
	if err := db.RejectDelivery(ctx, f.ID, "andere cijfers", "tester", time.Now()); err != nil {
		t.Fatal(err)
	}
	changes, err = resolve.Run(ctx, db, now0)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 0 {
		t.Errorf("after the rejection: %d changes, want none", len(changes))
	}
	if f, _ = db.FollowUp(ctx, f.ID); f.State != tracker.Open || f.Resolution != nil {
		t.Errorf("after the rejection: state %s, resolution %+v; want open, none", f.State, f.Resolution)
	}
}

// A reference to a written answer by number resolves to that document once
// it is stored, and says what to fetch until then.
func TestResolveByNumber(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	citing := &tracker.Document{File: "citing.txt", Title: "Vragen over rookgasafvoeren", Parliament: "Tweede Kamer", Number: "2024Z99999",
		Items: []tracker.Item{{Number: 1, Question: "Hoeveel collectieve rookgasafvoeren zijn gecontroleerd?", Answer: "Zie de Kamerbrief van 11 november 2024 (Kamerstuk 36600, nr. 13).",
			Status: tracker.Deferred, Deferral: &tracker.Deferral{Kind: tracker.TargetLetter, Number: "Kamerstuk 36600, nr. 13", Date: tracker.Day(2024, 11, 11), Ref: "Kamerbrief van 11 november 2024 (Kamerstuk 36600, nr. 13)"}}}}
	citing.Text = citing.Items[0].Question + "\n\n" + citing.Items[0].Answer
	store(t, db, citing)
	r, err := resolve.New(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Item(ctx, citing, &citing.Items[0])
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != tracker.TargetMissing || !strings.Contains(res.Target, "brief 2024-11-11") || !strings.Contains(res.Target, "--kind brief --date 2024-11-11") {
		t.Errorf("before the letter: %+v", res)
	}
	letter := report(t, "kamerbrief-2024-11-11.txt", parse.ReportOptions{Kind: tracker.KindLetter})
	if letter.Number != "36600, nr. 13" || !letter.Date.Equal(tracker.Day(2024, 11, 11)) {
		t.Fatalf("letter header: number %q, date %v", letter.Number, letter.Date)
	}
	store(t, db, letter)
	if r, err = resolve.New(ctx, db); err != nil {
		t.Fatal(err)
	}
	if res, err = r.Item(ctx, citing, &citing.Items[0]); err != nil {
		t.Fatal(err)
	}
	if res.Verdict != tracker.Addressed || res.TargetID != letter.ID {
		t.Errorf("with the letter: %+v, want addressed by document %d", res, letter.ID)
	}
}
