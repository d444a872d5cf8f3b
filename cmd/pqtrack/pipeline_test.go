package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/notify/slack"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/web"
)

const meetingFile = "../../tracker/resolve/testdata/commissie-2023-02-14.txt"

// hook is a Slack incoming webhook that refuses messages while failing is
// set and records those it accepts.
type hook struct {
	mu       sync.Mutex
	failing  bool
	accepted []string
	refused  int
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.failing {
		h.refused++
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	}
	h.accepted = append(h.accepted, string(b))
	io.WriteString(w, "ok")
}

// A "target arrived" message that Slack refused is sent at the next run,
// and once only, however many runs follow.
func TestArrivalSentOnceAfterFailure(t *testing.T) {
	h := &hook{failing: true}
	srv := httptest.NewServer(h)
	defer srv.Close()
	vars := map[string]string{"PQTRACK_DB": filepath.Join(t.TempDir(), "a.db"), "SLACK_WEBHOOK_URL": srv.URL}
	runCode := func(args ...string) (int, string) {
		t.Helper()
		e, out, errb := testEnv(vars)
		code := run(e, args)
		return code, out.String() + errb.String()
	}
	if code, out := runCode("ingest", "--no-notify", "--now", "2023-01-11"); code != 0 {
		t.Fatalf("ingest seed: exit %d\n%s", code, out)
	}
	code, out := runCode("ingest", "--kind", "meeting", "--date", "2023-02-14", "--now", "2023-02-15", meetingFile)
	if code != 1 || h.refused == 0 || len(h.accepted) != 0 || !strings.Contains(out, "retried at the next run") {
		t.Fatalf("ingest with Slack down: exit %d, refused %d, accepted %d\n%s", code, h.refused, len(h.accepted), out)
	}
	if !strings.Contains(out, "nieuw ") {
		t.Errorf("the meeting was not stored despite the failed send:\n%s", out)
	}

	h.failing = false
	if code, out := runCode("resolve", "--notify", "--now", "2023-02-16"); code != 0 {
		t.Fatalf("resolve --notify: exit %d\n%s", code, out)
	}
	if len(h.accepted) != 1 || !strings.Contains(h.accepted[0], "14 februari 2023 is binnen") {
		t.Fatalf("after Slack came back: %d messages, want the arrival once: %q", len(h.accepted), h.accepted)
	}
	// Nothing more, whatever runs next.
	runCode("resolve", "--notify", "--now", "2023-02-17")
	runCode("ingest", "--now", "2023-02-17", meetingFile)
	runCode("ingest", "--now", "2023-02-17")
	if len(h.accepted) != 1 {
		t.Errorf("the arrival was sent %d times: %q", len(h.accepted), h.accepted)
	}
}

// The dashboard's upload runs the same pipeline as ingest: passages,
// re-resolution of open promises, and the arrival message.
func TestWebUploadPipeline(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "w.db")
	vars := map[string]string{"PQTRACK_DB": dbPath}
	e, out, errb := testEnv(vars)
	if code := run(e, []string{"ingest", "--no-notify", "--now", "2023-01-11"}); code != 0 {
		t.Fatalf("ingest seed: exit %d\n%s%s", code, out, errb)
	}
	db, err := openStore(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	set, err := loadRules("")
	if err != nil {
		t.Fatal(err)
	}
	// A webhook, not the terminal: the terminal only previews, and the
	// second upload must find the arrival logged.
	h := &hook{}
	srv := httptest.NewServer(h)
	defer srv.Close()
	pl := &pipeline{db: db, set: set, lang: notify.Dutch,
		notifier: func() (notify.Notifier, error) { return slack.NewWebhook(srv.URL, http.DefaultClient), nil }}
	data, err := os.ReadFile(meetingFile)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	u := web.Upload{Name: "verslag.txt", Data: data, Kind: tracker.KindMeeting, Date: tracker.Day(2023, 2, 14), Body: "commissie Inburgering"}
	res, err := webIngest(ctx, pl, u, time.Date(2023, 2, 15, 9, 0, 0, 0, time.UTC), log)
	if err != nil || res.Action != "created" {
		t.Fatalf("upload: %+v, %v", res, err)
	}
	doc, err := db.Document(ctx, res.DocumentID)
	if err != nil || doc.Kind != tracker.KindMeeting || doc.Body != "commissie Inburgering" || !doc.Date.Equal(tracker.Day(2023, 2, 14)) {
		t.Fatalf("stored upload: %+v, %v", doc, err)
	}
	if n, _ := db.CountPassages(ctx, res.DocumentID); n == 0 {
		t.Error("the upload has no passages")
	}
	fs, _ := db.OpenFollowUps(ctx, tracker.FollowPromise)
	found := false
	for _, f := range fs {
		if f.Resolution != nil && f.Resolution.Verdict == tracker.PossiblyDelivered && f.Resolution.TargetID == res.DocumentID {
			found = true
		}
	}
	if !found {
		t.Error("no promise suggested as delivered by the uploaded report")
	}
	if len(h.accepted) != 1 || !strings.Contains(h.accepted[0], "Het verslag van 14 februari 2023 is binnen") {
		t.Errorf("no arrival message: %q", h.accepted)
	}
	// The same file again: unchanged, nothing sent again.
	if res, err := webIngest(ctx, pl, u, time.Date(2023, 2, 16, 9, 0, 0, 0, time.UTC), log); err != nil || res.Action != "unchanged" || len(h.accepted) != 1 {
		t.Errorf("second upload: %+v, %v, sent %q", res, err, h.accepted)
	}
	// A bad upload is an error and stores nothing.
	if _, err := webIngest(ctx, pl, web.Upload{Name: "x.txt", Data: []byte("  \n"), Kind: tracker.KindAnswer}, time.Now(), log); err == nil {
		t.Error("empty upload: no error")
	}
}

// A document whose answers cannot all be paired is stored as far as it
// goes, and the command still says what is missing and exits 1.
func TestIngestPartialDocument(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "partial.txt")
	os.WriteFile(f, []byte("Vraag 1\nHoeveel?\nAntwoord 1\nVeel.\nAntwoord 2\nOok veel.\n"), 0o644)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": filepath.Join(dir, "p.db")})
	if code := run(e, []string{"ingest", f}); code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errb)
	}
	if !strings.Contains(out.String(), "document 1, 1 vragen") || !strings.Contains(errb.String(), "partial.txt: antwoord 2 zonder vraag") {
		t.Errorf("stdout %q, stderr %q", out, errb)
	}
}
