package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

func testInbox(t *testing.T, db *sqlite.DB, logs *bytes.Buffer) *inbox {
	t.Helper()
	set, err := loadRulesFor("", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	return &inbox{dir: t.TempDir(), rd: &reader{maxSize: 1 << 20, pdfTimeout: 30 * time.Second},
		log: slog.New(slog.NewTextHandler(logs, nil)), loc: brussels(), pl: &pipeline{db: db, set: set}}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// A file still being written is not taken: only once its size stood still
// from one scan to the next.
func TestInboxWaitsForAWholeFile(t *testing.T) {
	db, err := sqlite.Open(replayDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var logs bytes.Buffer
	in := testInbox(t, db, &logs)
	ctx := context.Background()
	data, err := os.ReadFile("testdata/inbox/vp-412.txt")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(in.dir, "412.txt")
	if err := os.WriteFile(name, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in.dir, "leeg.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 3, 10, 0, 0, 0, brussels())
	if n, err := in.scan(ctx, day); n != 0 || err != nil {
		t.Fatalf("first scan took %d, %v", n, err)
	}
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data[len(data)/2:])
	f.Close()
	if n, err := in.scan(ctx, day.Add(time.Minute)); n != 0 || err != nil || !exists(name) {
		t.Fatalf("scan while it grew took %d, %v", n, err)
	}
	if docs, _ := db.Documents(ctx); len(docs) != 0 {
		t.Fatalf("a half-written file was stored: %d documents", len(docs))
	}
	// Arrived when first seen (the day before midnight in Brussels would
	// be another day; here the same day).
	if n, err := in.scan(ctx, day.Add(2*time.Minute)); n != 1 || err != nil {
		t.Fatalf("scan of the whole file took %d, %v\n%s", n, err, logs.String())
	}
	if exists(name) || !exists(filepath.Join(in.dir, inboxDone, "412.txt")) {
		t.Error("the file was not moved to gelezen/")
	}
	q, err := db.Filed(ctx, tracker.VP, "vp-412")
	if err != nil || q.AnswerDocumentID == 0 || q.Answered != tracker.Day(2026, 12, 3) {
		t.Errorf("filed question: %+v, %v", q, err)
	}
	doc, err := db.Document(ctx, q.AnswerDocumentID)
	if err != nil || len(doc.Items) != 3 || !strings.Contains(doc.Items[2].Answer, "eind juni 2027") {
		t.Errorf("the whole answer was not stored: %+v, %v", doc, err)
	}
	if !exists(filepath.Join(in.dir, "leeg.txt")) {
		t.Error("an empty file was taken")
	}
}

// A file that is not an answer goes to fout/ with a note in Dutch; an
// answer that matches no filed question is stored all the same, and the
// log says so.
func TestInboxSortsOut(t *testing.T) {
	db, err := sqlite.Open(replayDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var logs bytes.Buffer
	in := testInbox(t, db, &logs)
	ctx := context.Background()
	data, err := os.ReadFile("testdata/inbox/vp-412.txt")
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.ReplaceAll(data, []byte("412"), []byte("977"))
	other = bytes.ReplaceAll(other, []byte("Lerarentekort - Cijfers"), []byte("Leerkrachten - Vervanging"))
	for name, b := range map[string][]byte{"977.txt": other, "boodschappen.txt": []byte("melk\nbrood\n"),
		"foto.pdf": []byte("geen pdf"), "groot.txt": bytes.Repeat([]byte("Vraag 1? "), 130_000)} {
		if err := os.WriteFile(filepath.Join(in.dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, brussels())
	in.scan(ctx, now)
	if n, err := in.scan(ctx, now.Add(time.Minute)); n != 4 || err != nil {
		t.Fatalf("scan took %d, %v\n%s", n, err, logs.String())
	}
	if !exists(filepath.Join(in.dir, inboxDone, "977.txt")) {
		t.Error("the unmatched answer was not moved to gelezen/")
	}
	if !strings.Contains(logs.String(), "no filed question matches") {
		t.Errorf("the log does not say the answer matched nothing:\n%s", logs.String())
	}
	if docs, _ := db.Documents(ctx); len(docs) != 1 || docs[0].Number != "nr. 977" {
		t.Errorf("stored: %+v, want the unmatched answer", docs)
	}
	if q, _ := db.Filed(ctx, tracker.VP, "vp-412"); q.HasAnswer() {
		t.Errorf("nr. 977 was matched to nr. 412: %+v", q)
	}
	note, err := os.ReadFile(filepath.Join(in.dir, inboxFailed, "groot.txt.txt"))
	if err != nil || !strings.Contains(string(note), "pqtrack heeft dit bestand niet gelezen: ") || !strings.Contains(string(note), "te groot (1,1 MB)") {
		t.Errorf("groot.txt: note %q, %v", note, err)
	}
	for _, name := range []string{"boodschappen.txt", "foto.pdf"} {
		if !exists(filepath.Join(in.dir, inboxFailed, name)) {
			t.Errorf("%s not in fout/", name)
		}
		note, err := os.ReadFile(filepath.Join(in.dir, inboxFailed, name+".txt"))
		if err != nil || !strings.Contains(string(note), "pqtrack kon dit bestand niet lezen als antwoord") ||
			!strings.Contains(string(note), "geen genummerde vragen") || strings.Contains(string(note), "parse") {
			t.Errorf("%s: note %q, %v", name, note, err)
		}
	}
}
