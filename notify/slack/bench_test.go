package slack

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// BenchmarkSendPath sends 500 due reminders to slack-go's test server on
// loopback, each claimed, posted and logged: the cost of the send path
// without Slack's own latency.
func BenchmarkSendPath(b *testing.B) {
	const reminders = 500
	srv := newFakeSlack(b)
	for b.Loop() {
		b.StopTimer()
		db := openDB(b, reminders)
		r := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil)}
		b.StartTimer()
		if sent, err := r.Run(context.Background(), tracker.Day(2023, 2, 14)); err != nil || len(sent) != reminders {
			b.Fatal(len(sent), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*reminders), "µs/reminder")
}

// BenchmarkOverlappingRuns is the probe of issue 12 in-process: 4,500 due
// reminders, two and three runs at once with their own database handles,
// Slack on loopback. It reports the posts per reminder (1 is exactly once).
func BenchmarkOverlappingRuns(b *testing.B) {
	const reminders = 4500
	for _, runs := range []int{2, 3} {
		b.Run(fmt.Sprintf("runs=%d", runs), func(b *testing.B) {
			srv := newFakeSlack(b)
			for b.Loop() {
				b.StopTimer()
				path := openDB(b, reminders).Path()
				var rs []*notify.Reminders
				for i := range runs {
					db, err := sqlite.Open(path)
					if err != nil {
						b.Fatal(err)
					}
					defer db.Close()
					rs = append(rs, &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil), Owner: fmt.Sprint(i)})
				}
				before := len(srv.got())
				b.StartTimer()
				var wg sync.WaitGroup
				for _, r := range rs {
					wg.Go(func() {
						if _, err := r.Run(context.Background(), tracker.Day(2023, 2, 14)); err != nil {
							b.Error(err)
						}
					})
				}
				wg.Wait()
				b.StopTimer()
				b.ReportMetric(float64(len(srv.got())-before)/reminders, "posts/reminder")
				b.StartTimer()
			}
		})
	}
}
