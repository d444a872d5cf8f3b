package storetest

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// statsOf is Stats worked out from what the store shows of every document
// and follow-up: the oracle for the counts a store keeps.
func statsOf(t *testing.T, db store.Full, today time.Time) store.Stats {
	t.Helper()
	ctx := context.Background()
	var st store.Stats
	mins := map[string]*store.MinisterStats{}
	get := func(name string) *store.MinisterStats {
		if mins[name] == nil {
			mins[name] = &store.MinisterStats{Minister: name}
		}
		return mins[name]
	}
	docs, err := db.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := map[tracker.Status]int{}
	per := map[string]map[tracker.Status]int{}
	for _, h := range docs {
		if h.Kind != "" && h.Kind != tracker.KindAnswer {
			continue
		}
		m := get(h.Minister)
		m.Documents++
		st.Documents++
		d, err := db.Document(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range d.Items {
			if !it.Status.Valid() {
				continue
			}
			if per[h.Minister] == nil {
				per[h.Minister] = map[tracker.Status]int{}
			}
			per[h.Minister][it.Status]++
			total[it.Status]++
		}
	}
	fus, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fus {
		m := get(f.Minister)
		switch f.State {
		case tracker.Open:
			st.Open++
		case tracker.Snoozed:
			st.Snoozed++
		case tracker.Done:
			st.Done++
			continue
		}
		m.Open++
		if f.EffectiveDue().Before(today) {
			m.Overdue++
			st.Overdue++
		}
	}
	st.Items = countsOf(total)
	for name, m := range mins {
		m.Items = countsOf(per[name])
		st.Ministers = append(st.Ministers, *m)
	}
	sort.Slice(st.Ministers, func(i, j int) bool {
		a, b := st.Ministers[i].Minister, st.Ministers[j].Minister
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	return st
}

// The overview's counts equal what the documents and follow-ups say,
// after documents come in, are corrected (with another minister, another
// kind), their judgements are corrected by staff, and their follow-ups are
// closed, snoozed, reopened and redated.
func testStatsKeptUpToDate(t *testing.T, db store.Full) {
	ctx := context.Background()
	r := rand.New(rand.NewSource(7))
	ministers := []string{"Bart Somers", "Hilde Crevits", ""}
	at := now0
	check := func(step string) {
		t.Helper()
		for _, today := range []time.Time{tracker.Day(2023, 1, 1), tracker.Day(2023, 6, 1), tracker.Day(2024, 6, 1)} {
			got, err := db.Stats(ctx, today)
			if err != nil {
				t.Fatal(err)
			}
			// Ministers left with nothing drop out of both.
			if diff := cmp.Diff(statsOf(t, db, today), got); diff != "" {
				t.Fatalf("%s, %s: Stats differs from the documents and follow-ups (-want +got):\n%s",
					step, today.Format(tracker.DateLayout), diff)
			}
		}
	}
	for i := 0; i < 9; i++ {
		d := BigDoc(int64(i), 5+r.Intn(8), 10)
		d.Minister = ministers[i%3]
		if i%5 == 4 {
			d.Kind = tracker.KindLetter
		}
		at = at.Add(time.Hour)
		mustIngest(t, db, d, at)
	}
	check("ingested")
	statuses := []tracker.Status{tracker.Answered, tracker.Partial, tracker.Deferred, tracker.Pending, tracker.Declined}
	for round := 0; round < 4; round++ {
		d := BigDoc(int64(r.Intn(9)), 5+r.Intn(8), 10)
		d.Text += fmt.Sprint(" correctie ", round)
		d.Minister = ministers[r.Intn(3)]
		if r.Intn(4) == 0 {
			d.Kind = tracker.KindLetter
		}
		at = at.Add(time.Hour)
		mustIngest(t, db, d, at)
		check(fmt.Sprint("corrected ", round))

		docs, _ := db.Documents(ctx)
		doc := docs[r.Intn(len(docs))]
		db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1 + r.Intn(5),
			Status: statuses[r.Intn(len(statuses))], Source: tracker.FromDashboard, At: at})
		check(fmt.Sprint("judgement corrected ", round))

		all, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < 12; j++ {
			f := all[r.Intn(len(all))]
			switch r.Intn(4) {
			case 0:
				db.Check(ctx, f.ID, tracker.Delivered, "", "", "", at)
			case 1:
				db.Snooze(ctx, f.ID, tracker.Day(2023, time.Month(1+r.Intn(12)), 1+r.Intn(28)), "", "", at)
			case 2:
				db.Reopen(ctx, f.ID, "", "", at)
			case 3:
				db.Redate(ctx, f.ID, tracker.Day(2023, time.Month(1+r.Intn(12)), 1+r.Intn(28)), "later", "", at)
			}
		}
		check(fmt.Sprint("changed ", round))
	}
}
