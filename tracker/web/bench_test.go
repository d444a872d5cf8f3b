package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// BenchmarkQueue renders the follow-up queue over 10,000 open follow-ups
// (100 documents of 100 pending answers, due dates spread over two years)
// in a real SQLite file, a page of 50. The target is under 200 ms a page.
func BenchmarkQueue(b *testing.B) {
	db := mustOpenDB(b)
	ctx := context.Background()
	for d := 0; d < 100; d++ {
		doc := &tracker.Document{
			File: fmt.Sprintf("d%d.txt", d), Kind: tracker.KindAnswer, Title: fmt.Sprintf("Document %d", d),
			Number: fmt.Sprintf("nr. %d", d), Minister: []string{"Somers", "Crevits", "Diependaele"}[d%3],
			Asker: []string{"An Peeters", "Jan Janssens"}[d%2], Date: tracker.Day(2022, 1, 1).AddDate(0, 0, d*7),
			Text: fmt.Sprint("document ", d), Layout: tracker.Grouped,
		}
		for i := 1; i <= 100; i++ {
			doc.Items = append(doc.Items, tracker.Item{Number: i, Question: fmt.Sprintf("Vraag %d over <b>budget</b>?", i),
				Answer: "Dat wordt momenteel onderzocht.", Status: tracker.Pending,
				Findings: []tracker.Finding{{Kind: tracker.FindPending, Evidence: tracker.Evidence{Rule: "pending", Start: 9, End: 30, Text: "momenteel onderzocht"}}}})
		}
		if _, err := db.Ingest(ctx, doc, time.Date(2022, 1, 1, 9, 0, 0, 0, time.UTC)); err != nil {
			b.Fatal(err)
		}
	}
	if n, _ := db.CountFollowUps(ctx, tracker.FollowUpFilter{States: []tracker.State{tracker.Open}}); n != 10000 {
		b.Fatalf("%d open follow-ups, want 10000", n)
	}
	srv, err := New(Config{Store: db, Now: func() time.Time { return now }, PageSize: 50,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	open, err := db.FollowUps(ctx, tracker.FollowUpFilter{States: []tracker.State{tracker.Open}})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, path string }{
		{"first-page", "/followups"},
		{"last-page", fmt.Sprintf("/followups?after=%d", open[199*50-1].ID)},
		{"minister-overdue", "/followups?tab=overdue&minister=Crevits"},
		{"api", fmt.Sprintf("/api/followups?after=%d", open[99*50-1].ID)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1"+bc.path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", bc.path, w.Code)
				}
				if i == 0 && !strings.Contains(w.Body.String(), `"document_id"`) && !strings.Contains(w.Body.String(), "/followups/") {
					b.Fatalf("GET %s shows no follow-ups", bc.path)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
}
