package slack

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// lateDB holds three filed questions: an answered Flemish one whose answer
// has one question of each status and a promise, and two Tweede Kamer
// ones, due 2 and 9 December 2026, without answer.
func lateDB(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "pqtrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	doc := &tracker.Document{File: "412.txt", Kind: tracker.KindAnswer, Title: "Lerarentekort", Parliament: "Vlaams Parlement",
		Number: "nr. 412", Minister: "Ben Weyts", Date: tracker.Day(2026, 12, 3), Text: "vragen en antwoorden"}
	for i, s := range []tracker.Status{tracker.Answered, tracker.Partial, tracker.Deferred, tracker.Pending, tracker.Declined} {
		it := tracker.Item{Number: i + 1, Question: "Hoeveel?", Answer: "Zo veel.", Status: s}
		if s == tracker.Pending {
			it.Promises = []tracker.Promise{{Date: tracker.Day(2027, 2, 14), Precision: tracker.PrecisionDay}}
		}
		doc.Items = append(doc.Items, it)
	}
	res, err := db.Ingest(ctx, doc, time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []tracker.FiledQuestion{
		{Parliament: tracker.VP, Ref: "412", Number: "nr. 412", Title: "Lerarentekort", Asker: "Elke Van den Brandt",
			Minister: "Ben Weyts", Sent: tracker.Day(2026, 11, 3), Answered: tracker.Day(2026, 12, 3), AnswerDocumentID: res.DocumentID},
		{Parliament: tracker.TK, Ref: "z1", Number: "2026Z20001", Title: "Wachttijden jeugdzorg", Minister: "staatssecretaris van VWS",
			Filed: tracker.Day(2026, 11, 11)},
		{Parliament: tracker.TK, Ref: "z2", Number: "2026Z20002", Title: "Stikstof", Minister: "minister van LNV",
			Filed: tracker.Day(2026, 11, 18)},
	} {
		if _, err := db.PutFiled(ctx, q, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func sweep(t *testing.T, db *sqlite.DB, now time.Time) {
	t.Helper()
	if _, err := db.SweepLate(context.Background(), tracker.DefaultDeadlines(), now); err != nil {
		t.Fatal(err)
	}
}

// The answer alert: shown by a preview without being recorded, retried
// after a failed send, then posted once with who answered, the counts per
// status, the promised dates and the link.
func TestAnswerAlert(t *testing.T) {
	ctx := context.Background()
	db := lateDB(t)
	now := time.Date(2026, 12, 3, 10, 15, 0, 0, time.UTC)
	url := func(id int64) string { return fmt.Sprintf("https://pqtrack.example/documents/%d", id) }

	var screen bytes.Buffer
	preview := &notify.Answers{Store: db, Notifier: &notify.Writer{W: &screen}, DocumentURL: url}
	if n, err := preview.Run(ctx, now); err != nil || n != 0 || !strings.Contains(screen.String(), "Antwoord binnen: Lerarentekort (nr. 412)") {
		t.Fatalf("preview: %d, %v\n%s", n, err, screen.String())
	}
	if sent, _ := db.WasSent(ctx, "answer:vp:412"); sent {
		t.Fatal("a preview was recorded as sent")
	}
	// The same process shows it once, not at every run of the job.
	screen.Reset()
	if _, err := preview.Run(ctx, now.Add(15*time.Minute)); err != nil || screen.Len() != 0 {
		t.Errorf("second preview run: %v\n%s", err, screen.String())
	}

	srv := newFakeSlack(t)
	a := &notify.Answers{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil), DocumentURL: url}
	srv.setFail(func(w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusInternalServerError)
		return true
	})
	if _, err := a.Run(ctx, now); err == nil {
		t.Fatal("Slack failing: no error")
	}
	srv.setFail(nil)
	for i := 0; i < 2; i++ {
		if _, err := a.Run(ctx, now.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	posts := srv.got()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
	for _, w := range []string{"Antwoord binnen: Lerarentekort (nr. 412)", "Geantwoord door: Ben Weyts", "Vraagsteller: Elke Van den Brandt",
		"Ontvangen: 3 december 2026", "1 beantwoord, 1 gedeeltelijk, 1 doorverwezen, 1 in afwachting, 1 geweigerd",
		"Beloofde datums: 14 februari 2027", "https://pqtrack.example/documents/1"} {
		if !strings.Contains(posts[0].Text, w) {
			t.Errorf("alert lacks %q:\n%s", w, posts[0].Text)
		}
	}
	// Only recent answers: a backlog fetched for the first time posts nothing.
	other := &notify.Answers{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil)}
	db.PutFiled(ctx, tracker.FiledQuestion{Parliament: tracker.TK, Ref: "z9", Filed: tracker.Day(2025, 1, 6),
		Answered: tracker.Day(2025, 2, 1), AnswerDocumentID: 1}, now)
	if n, err := other.Run(ctx, now); n != 0 || err != nil {
		t.Errorf("an answer of 2025: %d sent, %v", n, err)
	}
}

// The morning message names the answers that became late, counted per
// minister, each once: the next morning only the newly late one.
func TestLateMessage(t *testing.T) {
	ctx := context.Background()
	db := lateDB(t)
	srv := newFakeSlack(t)
	l := &notify.Lateness{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil)}
	run := func(now time.Time) {
		t.Helper()
		sweep(t, db, now)
		if _, _, err := l.Run(ctx, now); err != nil {
			t.Fatal(err)
		}
	}
	run(time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)) // nothing late yet
	run(time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC))
	run(time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC))
	run(time.Date(2026, 12, 10, 8, 0, 0, 0, time.UTC))
	run(time.Date(2026, 12, 11, 8, 0, 0, 0, time.UTC))
	posts := srv.got()
	if len(posts) != 2 {
		t.Fatalf("%d posts, want 2", len(posts))
	}
	for i, want := range [][]string{
		{"1 antwoord(en) vandaag te laat", "staatssecretaris van VWS: 1", "Wachttijden jeugdzorg, termijn 2 december 2026"},
		{"1 antwoord(en) vandaag te laat", "minister van LNV: 1", "Stikstof, termijn 9 december 2026"},
	} {
		for _, w := range want {
			if !strings.Contains(posts[i].Text, w) {
				t.Errorf("message %d lacks %q:\n%s", i+1, w, posts[i].Text)
			}
		}
	}
	if strings.Contains(posts[1].Text, "Wachttijden") {
		t.Errorf("the second message announces the first late answer again:\n%s", posts[1].Text)
	}
}
