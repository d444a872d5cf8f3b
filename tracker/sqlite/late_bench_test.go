package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// BenchmarkSweepLate sweeps 5,000 filed questions, half of them late: the
// first sweep stores 2,500 question documents and follow-ups, the next
// ones find nothing to change (serve runs one every 15 minutes).
func BenchmarkSweepLate(b *testing.B) {
	const n = 5000
	db := MustOpenDB(b)
	ctx := context.Background()
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		q := tracker.FiledQuestion{Parliament: tracker.VP, Ref: fmt.Sprint(i), Number: fmt.Sprintf("nr. %d", i),
			Title: fmt.Sprintf("Vraag %d", i), Minister: fmt.Sprintf("Minister %d", i%12), Sent: tracker.Day(2026, 9, 1)}
		if i%2 == 1 {
			q.Sent = tracker.Day(2026, 12, 1)
		}
		if _, err := db.PutFiled(ctx, q, at); err != nil {
			b.Fatal(err)
		}
	}
	now := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	first := sweepLate(b, db, now)
	if first.Created != n/2 {
		b.Fatalf("first sweep: %+v", first)
	}
	b.ResetTimer()
	for b.Loop() {
		if res := sweepLate(b, db, now); res.Changed() {
			b.Fatalf("sweep changed %+v", res)
		}
	}
}
