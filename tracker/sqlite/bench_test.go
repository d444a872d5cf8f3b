package sqlite

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// BenchmarkIngest ingests documents of 200 question/answer pairs (answers
// of about 120 words) with both full-text indexes; the target is 2,000
// pairs a second.
func BenchmarkIngest(b *testing.B) {
	const pairs = 200
	db := MustOpenDB(b)
	docs := make([]*tracker.Document, b.N)
	for i := range docs {
		docs[i] = bigDoc(int64(i+1), pairs, 120)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := db.Ingest(context.Background(), docs[i], now0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*pairs)/b.Elapsed().Seconds(), "pairs/s")
	b.ReportMetric(float64(b.N*pairs)/(cpuTime()-cpu0).Seconds(), "pairs/cpu-s")
}

// BenchmarkDueFollowUps sweeps 100,000 open follow-ups (1,000 documents of
// 100) whose due dates spread over four years; the target is 100 ms a run.
func BenchmarkDueFollowUps(b *testing.B) {
	db := MustOpenDB(b)
	ctx := context.Background()
	start := tracker.Day(2022, 1, 1)
	tx, err := db.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	ts := stamp(now0)
	for d := 1; d <= 1000; d++ {
		if _, err := tx.Exec(`INSERT INTO documents (id, hash, title, minister, asker, ingested, updated)
			VALUES (?, ?, ?, 'Bart Somers', 'An Peeters', ?, ?)`, d, fmt.Sprint(d), fmt.Sprint("document ", d), ts, ts); err != nil {
			b.Fatal(err)
		}
		for k := 0; k < 100; k++ {
			due := start.AddDate(0, 0, (d*100+k)*7919%1461)
			if _, err := tx.Exec(`INSERT INTO followups (document_id, key, question_number, kind, due, summary,
				created, updated) VALUES (?, ?, ?, 'pending', ?, 'Er wordt momenteel bekeken of dat kan.', ?, ?)`,
				d, fmt.Sprint("q", k), k+1, day(due), ts, ts); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	// The reminder sweep on a day when all 100,000 are overdue and all but
	// 1,000 were reminded before: staff leave overdue follow-ups open, and
	// each morning's run must not read them again.
	b.Run("reminder-sweep", func(b *testing.B) {
		if _, err := db.db.Exec(`UPDATE followups SET reminded = effective_due WHERE id % 100 <> 0`); err != nil {
			b.Fatal(err)
		}
		defer db.db.Exec(`UPDATE followups SET reminded = ''`)
		now := start.AddDate(5, 0, 0)
		var n int
		b.ResetTimer()
		cpu0 := cpuTime()
		for i := 0; i < b.N; i++ {
			due, err := db.ReminderDue(ctx, now)
			if err != nil {
				b.Fatal(err)
			}
			n = len(due)
		}
		b.StopTimer()
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/run")
		b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/run")
		b.ReportMetric(float64(n), "due")
	})
	for _, bc := range []struct {
		name string
		now  time.Time
	}{
		{"1pct-due", start.AddDate(0, 0, 14)},
		{"10pct-due", start.AddDate(0, 0, 146)},
		{"all-due", start.AddDate(5, 0, 0)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				due, err := db.DueFollowUps(ctx, bc.now)
				if err != nil {
					b.Fatal(err)
				}
				n = len(due)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/run")
			// CPU time as well: on a shared machine the wall clock also
			// measures the neighbours.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/run")
			b.ReportMetric(float64(n), "due")
		})
	}
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
