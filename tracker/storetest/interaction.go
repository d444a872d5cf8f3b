package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// An interaction is handled once; a forgotten one again.
func testHandle(t *testing.T, db store.Full) {
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

// Of several handlers of one interaction at once (Slack's retry reaching
// another process), exactly one acts.
func testHandleConcurrent(t *testing.T, db store.Full) {
	const n = 8
	got := make([]bool, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i], errs[i] = db.Handle(context.Background(), "trigger:9", now0)
		}(i)
	}
	wg.Wait()
	handled := 0
	for i := range got {
		if errs[i] != nil {
			t.Errorf("handler %d: %v", i, errs[i])
		}
		if got[i] {
			handled++
		}
	}
	if handled != 1 {
		t.Errorf("%d of %d handlers acted; want 1", handled, n)
	}
}

// A correction made from Slack is stored with its source.
func testCorrectionFromSlack(t *testing.T, db store.Full) {
	ctx := context.Background()
	doc := SampleDoc()
	mustIngest(t, db, doc, now0)
	res, err := db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3,
		Status: tracker.Partial, By: "Anna", At: now0.Add(time.Hour), Source: tracker.FromSlack})
	if err != nil {
		t.Fatalf("correction from slack: %v", err)
	}
	cs, err := db.Corrections(ctx, tracker.CorrectionFilter{})
	if err != nil || len(cs) != 1 || cs[0].Source != tracker.FromSlack || cs[0].ID != res.Correction.ID {
		t.Fatalf("corrections %+v, %v; want one from slack", cs, err)
	}
}
