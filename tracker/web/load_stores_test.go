package web

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/postgres"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

// TestMain stops the PostgreSQL server BenchmarkLoadStores starts.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// BenchmarkLoadStores serves the queue from 100,000 open follow-ups (the
// documents of loadDB, every follow-up open) to 50 clients at once over
// loopback, from SQLite and from PostgreSQL (the same rows, copied as
// pqtrack migrate does), and reports p50, p99 and requests a second per
// page. Run it bounded:
//
//	CI=true go test ./tracker/web/ -run XXX -bench LoadStores -benchtime 1000x
func BenchmarkLoadStores(b *testing.B) {
	path := loadDB(b)
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE followups SET state = 'open', outcome = '', snoozed_until = ''`); err != nil {
		b.Fatal(err)
	}
	raw.Close()
	ctx := context.Background()
	lite, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer lite.Close()
	pg, err := postgres.Open(ctx, pgtest.New(b))
	if err != nil {
		b.Fatal(err)
	}
	defer pg.Close()
	if _, err := pg.CopyFrom(ctx, lite.SQL()); err != nil {
		b.Fatal(err)
	}
	if _, err := pg.Pool().Exec(ctx, `VACUUM ANALYZE`); err != nil {
		b.Fatal(err)
	}
	const clients = 50
	for _, st := range []struct {
		name string
		db   Store
	}{{"sqlite", lite}, {"postgres", pg}} {
		srv, err := New(Config{Store: st.db, Now: func() time.Time { return now }, PageSize: 50,
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		ts := httptest.NewServer(srv)
		live, err := st.db.FollowUps(ctx, tracker.FollowUpFilter{States: []tracker.State{tracker.Open}, Limit: 220 * 50})
		if err != nil || len(live) < 220*50 {
			b.Fatalf("%s: %d live follow-ups: %v", st.name, len(live), err)
		}
		deep := live[220*50-1].ID
		pages := []struct{ name, path string }{
			{"overview", "/"},
			{"queue", "/followups"},
			{"queue-page-220", fmt.Sprintf("/followups?after=%d", deep)},
			{"queue-minister-overdue", "/followups?tab=overdue&minister=Minister+3"},
		}
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
		var urls []string
		for _, p := range pages {
			urls = append(urls, ts.URL+p.path)
			b.Run(st.name+"/"+p.name, func(b *testing.B) {
				loadRun(b, client, ts.URL+p.path, clients, time.Minute)
			})
		}
		b.Run(st.name+"/mix", func(b *testing.B) {
			loadRun(b, client, "", clients, time.Minute, urls...)
		})
		ts.Close()
	}
}
