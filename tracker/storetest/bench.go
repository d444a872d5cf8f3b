package storetest

import (
	"context"
	"math/rand"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Benchmarks shared by the stores. Each store fills its database its own
// way (SQL in bulk: ingesting a million follow-ups one document at a time
// would take the benchmark's time); these measure what the commands and
// the dashboard do on it.

// FillSpec is the data the store benchmarks expect: Documents documents of
// PerDocument open follow-ups each, kind pending, due dates spread over
// four years from FillStart, documents' ministers cycling through
// FillMinisters. All are unreminded.
type FillSpec struct {
	Documents, PerDocument int
}

// FillStart is the first due date of a fill.
var FillStart = tracker.Day(2022, 1, 1)

// FillMinisters are the ministers of a fill's documents, in turn.
var FillMinisters = []string{"Bart Somers", "Hilde Crevits", "Zuhal Demir", "Jan Jambon", "Ben Weyts"}

// FillDue is the due date of follow-up k (0-based) of document d (1-based).
func FillDue(d, k int) time.Time { return FillStart.AddDate(0, 0, (d*100+k)*7919%1461) }

// BenchIngest ingests documents of 200 question/answer pairs (answers of
// about 120 words) and reports pairs a second.
func BenchIngest(b *testing.B, db store.Full) {
	const pairs = 200
	docs := make([]*tracker.Document, b.N)
	for i := range docs {
		docs[i] = BigDoc(int64(i+1), pairs, 120)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Ingest(context.Background(), docs[i], now0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*pairs)/b.Elapsed().Seconds(), "pairs/s")
}

// BenchReminderSweep runs the reminder sweep on a day when every filled
// follow-up is overdue and all but one in a hundred were reminded before
// (markReminded marks them: staff leave overdue follow-ups open, and each
// morning's run must not read them again).
func BenchReminderSweep(b *testing.B, db store.Full, markReminded func()) {
	markReminded()
	now := FillStart.AddDate(5, 0, 0)
	var n int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		due, err := db.ReminderDue(context.Background(), now)
		if err != nil {
			b.Fatal(err)
		}
		n = len(due)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/run")
	b.ReportMetric(float64(n), "due")
}

// BenchQueue reads b.N queue pages of 50 from users goroutines at once,
// as the dashboard's queue does for as many people: the first page of the
// live follow-ups with its count (up to 1,000), a page deep in it by
// keyset, and one minister's overdue ones. It reports the latency of a
// page (p50, p99) and pages a second.
func BenchQueue(b *testing.B, db store.Full, spec FillSpec, users int) {
	ctx := context.Background()
	live := []tracker.State{tracker.Open, tracker.Snoozed}
	today := FillStart.AddDate(2, 0, 0)
	// Keys of deep pages: follow-ups some way into the queue.
	first, err := db.QueuePage(ctx, tracker.FollowUpFilter{States: live}, 0, 0, 50)
	if err != nil || len(first.FollowUps) == 0 {
		b.Fatalf("first page: %v", err)
	}
	var keys []int64
	after := first.FollowUps[len(first.FollowUps)-1].ID
	for range 20 {
		p, err := db.QueuePage(ctx, tracker.FollowUpFilter{States: live}, after, 0, 1000)
		if err != nil || len(p.FollowUps) == 0 {
			break
		}
		after = p.FollowUps[len(p.FollowUps)-1].ID
		keys = append(keys, after)
	}
	pages := []func(r *rand.Rand) error{
		func(*rand.Rand) error {
			f := tracker.FollowUpFilter{States: live}
			if _, err := db.QueuePage(ctx, f, 0, 0, 50); err != nil {
				return err
			}
			_, err := db.QueueCount(ctx, f, 1000)
			return err
		},
		func(r *rand.Rand) error {
			_, err := db.QueuePage(ctx, tracker.FollowUpFilter{States: live}, keys[r.Intn(len(keys))], 0, 50)
			return err
		},
		func(r *rand.Rand) error {
			_, err := db.QueuePage(ctx, tracker.FollowUpFilter{Overdue: today,
				Minister: FillMinisters[r.Intn(len(FillMinisters))]}, 0, 0, 50)
			return err
		},
	}
	var next atomic.Int64
	lat := make([][]time.Duration, users)
	var wg sync.WaitGroup
	b.ResetTimer()
	for u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewSource(int64(u)))
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				t0 := time.Now()
				if err := pages[int(i)%len(pages)](r); err != nil {
					b.Error(err)
					return
				}
				lat[u] = append(lat[u], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	pct := func(p float64) float64 {
		return float64(all[min(len(all)-1, int(p*float64(len(all))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(all))/b.Elapsed().Seconds(), "pages/s")
}
