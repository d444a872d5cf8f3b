package web

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// loadDB fills a database file with 100,000 follow-ups: 1,000 answer
// documents of 100 pending answers, 10 ministers, 20 askers, answer
// dates over three years around the tests' today; then 60% of the
// follow-ups are closed and 5% snoozed, as a year of work leaves them.
func loadDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "load.db")
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	start := now.AddDate(-2, 0, 0)
	for d := 0; d < 1000; d++ {
		doc := &tracker.Document{
			File: fmt.Sprintf("d%d.txt", d), Kind: tracker.KindAnswer, Title: fmt.Sprintf("Schriftelijke vragen %d", d),
			Number: fmt.Sprintf("nr. %d", d), Minister: fmt.Sprintf("Minister %d", d%10), Asker: fmt.Sprintf("Lid %d", d%20),
			Date: tracker.DayOf(start.AddDate(0, 0, d*1095/1000)), Text: fmt.Sprint("document ", d), Layout: tracker.Grouped,
		}
		for i := 1; i <= 100; i++ {
			doc.Items = append(doc.Items, tracker.Item{Number: i, Question: fmt.Sprintf("Vraag %d over de begroting?", i),
				Answer: "Dat wordt momenteel onderzocht.", Status: tracker.Pending,
				Findings: []tracker.Finding{{Kind: tracker.FindPending, Evidence: tracker.Evidence{Rule: "pending", Start: 9, End: 30, Text: "momenteel onderzocht"}}}})
		}
		if _, err := db.Ingest(ctx, doc, doc.Date.Add(9*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	// Closing and snoozing one by one would take minutes; the triggers
	// that keep the counts fire all the same.
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{
		`UPDATE followups SET state = 'done', outcome = 'delivered' WHERE id % 20 < 12`,
		`UPDATE followups SET state = 'snoozed', snoozed_until = date(due, '+30 days') WHERE id % 20 = 12`,
	} {
		if _, err := raw.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkLoad serves the dashboard over loopback from a database of
// 100,000 follow-ups (loadDB) to 20 clients at once, and reports per page
// the median and 99th percentile of the answer time and the throughput.
// Each iteration is one request; run it bounded:
//
//	go test ./tracker/web/ -run XXX -bench Load -benchtime 2000x
//
// A sub-benchmark also stops after a minute, whatever -benchtime says.
func BenchmarkLoad(b *testing.B) {
	path := loadDB(b)
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	srv, err := New(Config{Store: db, Now: func() time.Time { return now }, PageSize: 50,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv) // loopback only
	defer ts.Close()
	ctx := context.Background()

	// Cursors deep in the listings: the follow-up 220 pages into the live
	// tab, the 10th page of documents.
	live, err := db.FollowUps(ctx, tracker.FollowUpFilter{States: []tracker.State{tracker.Open, tracker.Snoozed}})
	if err != nil || len(live) < 220*50 {
		b.Fatalf("%d live follow-ups: %v", len(live), err)
	}
	deep := live[220*50-1].ID
	docs, _, _, err := db.DocumentPage(ctx, 0, 0, 500)
	if err != nil {
		b.Fatal(err)
	}
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"queue", "/followups"},
		{"queue-page-220", fmt.Sprintf("/followups?after=%d", deep)},
		{"queue-back", fmt.Sprintf("/followups?before=%d", deep)},
		{"queue-minister-overdue", "/followups?tab=overdue&minister=Minister+3"},
		{"queue-asker-kind", "/followups?tab=all&asker=Lid+7&kind=pending"},
		{"queue-done", "/followups?tab=done"},
		{"documents", "/documents"},
		{"documents-page-10", fmt.Sprintf("/documents?after=%d", docs[len(docs)-1].ID)},
		{"calendar", "/calendar?month=2023-02"},
		{"api-followups", fmt.Sprintf("/api/followups?tab=due&after=%d", live[5000].ID)},
		{"api-stats", "/api/stats"},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 20}}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			loadRun(b, client, ts.URL+p.path, 20, time.Minute)
		})
	}
	var urls []string
	for _, p := range pages {
		urls = append(urls, ts.URL+p.path)
	}
	b.Run("mix", func(b *testing.B) {
		loadRun(b, client, "", 20, time.Minute, urls...)
	})
	// The same with other numbers of turns (Config.Busy): two requests per
	// CPU, and every request at once.
	for _, v := range []struct {
		name string
		busy int
	}{{"mix-busy-2-per-cpu", 2 * runtime.GOMAXPROCS(0)}, {"mix-all-at-once", 1 << 20}} {
		cfg := srv.cfg
		cfg.Busy = v.busy
		other, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		ts2 := httptest.NewServer(other)
		var us []string
		for _, u := range urls {
			us = append(us, strings.Replace(u, ts.URL, ts2.URL, 1))
		}
		b.Run(v.name, func(b *testing.B) {
			loadRun(b, client, "", 20, time.Minute, us...)
		})
		ts2.Close()
	}
}

// loadRun makes b.N requests of url (or of urls in turn) from clients
// goroutines at once, for at most limit, and reports p50, p99 and
// requests a second.
func loadRun(b *testing.B, c *http.Client, url string, clients int, limit time.Duration, urls ...string) {
	var next atomic.Int64
	lat := make([]time.Duration, b.N)
	deadline := time.Now().Add(limit)
	var wg sync.WaitGroup
	var failed atomic.Value
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) || time.Now().After(deadline) {
					return
				}
				u := url
				if len(urls) > 0 {
					u = urls[i%int64(len(urls))]
				}
				t0 := time.Now()
				resp, err := c.Get(u)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("GET %s: %s", u, resp.Status)
					}
				}
				if err != nil {
					failed.Store(err)
					return
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	n := min(int(next.Load()), b.N)
	done := lat[:0]
	for _, d := range lat[:n] {
		if d > 0 {
			done = append(done, d)
		}
	}
	if len(done) == 0 {
		return
	}
	sort.Slice(done, func(i, j int) bool { return done[i] < done[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(done[len(done)/2]), "p50-ms")
	b.ReportMetric(ms(done[(len(done)*99+99)/100-1]), "p99-ms")
	b.ReportMetric(float64(len(done))/elapsed.Seconds(), "req/s")
	b.ReportMetric(0, "ns/op") // a request's time is in p50 and p99; ns/op would be elapsed/N
}
