package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// A bulletin of the Chamber holds several questions, each under its own
// heading and with its own numbered answers: one document each.
func TestReadAllBulletin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "layout", "chamber-bulletin-two.txt"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ReadAll("qrva.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		file    string
		asker   string
		date    time.Time
		answers []string
	}{
		{"qrva.txt#1", "Pieter Wouters (cd&v)", tracker.Day(2025, 11, 12), []string{"31.200 langdurig zieken", "58.900 terugkeertrajecten"}},
		{"qrva.txt#2", "Ilse Maes (Open Vld)", tracker.Day(2025, 11, 20), []string{"74.600 flexi-jobbers", "22 procent", "voorjaar van 2026"}},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for i, w := range want {
		d := docs[i]
		if d.File != w.file || d.Asker != w.asker || !d.Date.Equal(w.date) {
			t.Errorf("document %d: %s, asker %q, date %v; want %s, %q, %v", i+1, d.File, d.Asker, d.Date, w.file, w.asker, w.date)
		}
		if len(d.Items) != len(w.answers) {
			t.Errorf("%s: %d questions, want %d", d.File, len(d.Items), len(w.answers))
			continue
		}
		for j, a := range w.answers {
			if !strings.Contains(d.Items[j].Answer, a) {
				t.Errorf("%s question %d: answer %q lacks %q", d.File, j+1, d.Items[j].Answer, a)
			}
		}
	}

	// One heading: one document, named as the file.
	one, err := os.ReadFile(filepath.Join("testdata", "layout", "chamber-bulletin.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if docs, err := ReadAll("one.txt", one); err != nil || len(docs) != 1 || docs[0].File != "one.txt" {
		t.Errorf("one question: %d documents, %v", len(docs), err)
	}
}
