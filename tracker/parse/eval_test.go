package parse

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

const evalDir = "../../rules/testdata/eval/tune"

type record struct {
	ID       string `json:"id"`
	Number   int    `json:"number"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

func readRecords(t *testing.T) []record {
	t.Helper()
	f, err := os.Open(filepath.Join(evalDir, "records.jsonl"))
	if err != nil {
		t.Fatalf("eval records: %v", err)
	}
	defer f.Close()
	var out []record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("records.jsonl: %v", err)
		}
		out = append(out, r)
	}
	return out
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// The labelled records quote the text verbatim, including faults of the
// PDF extraction that the parser repairs on purpose, so the comparison
// leaves out what the repairs change and nothing else:
//   - footnote numbers left in the running text ("afgenomen? 1)", "jaar5
//     dat", a "1" on its own line, "2 is gekeken") and markdown footnote
//     marks ("Ceder[4 ]"), which the parser drops: small numbers are
//     dropped from both sides (every such match was checked by hand to
//     differ only so: go test -run EvalRecords -v with SHOWLENIENT=1);
//   - white space, which the parser puts back between glued words
//     ("zijngeen" is "zijn geen") and takes out of words broken at a line
//     end ("gevange- nispersoneel");
//   - hyphens, which the parser keeps or drops at a line break as the
//     word needs ("Rechtsbe- scherming" is "Rechtsbe-scherming", "Julianaka-
//     naal" is "Julianakanaal").
//
// A lost or added word, a sentence in the wrong answer or a question cut
// short still differs.
var (
	footnoteish  = regexp.MustCompile(`(^|[\s\pL?!.»”])\d{1,2}\)?([\s.]|$)`)
	bracketMarks = regexp.MustCompile(`\[\d{1,2}(?: \d{1,2})* ?\]`)
	spaceOrDash  = regexp.MustCompile(`[\s-]+`)
)

func lenient(s string) string {
	s = collapse(bracketMarks.ReplaceAllString(s, ""))
	for {
		t := footnoteish.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t
	}
	return spaceOrDash.ReplaceAllString(s, "")
}

func TestEvalRecords(t *testing.T) {
	records := readRecords(t)
	if len(records) == 0 {
		t.Fatal("no records")
	}
	docs := map[string]*tracker.Document{}
	exact, lenientOK := 0, 0
	for _, r := range records {
		name := r.ID[:strings.LastIndex(r.ID, "-q")]
		doc, ok := docs[name]
		if !ok {
			var err error
			doc, err = ReadFile(filepath.Join(evalDir, "docs", name+".txt"))
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			docs[name] = doc
		}
		if doc == nil {
			continue
		}
		var it *tracker.Item
		for i := range doc.Items {
			if doc.Items[i].Number == r.Number {
				it = &doc.Items[i]
			}
		}
		if it == nil {
			t.Errorf("%s: no item %d", r.ID, r.Number)
			continue
		}
		if collapse(it.Question) == collapse(r.Question) && collapse(it.Answer) == collapse(r.Answer) {
			exact++
			continue
		}
		if lenient(it.Question) == lenient(r.Question) && lenient(it.Answer) == lenient(r.Answer) {
			lenientOK++
			if os.Getenv("SHOWLENIENT") != "" {
				t.Logf("%s lenient:\n Q got %q\n  want %q\n A got %q\n  want %q", r.ID, collapse(it.Question), collapse(r.Question), collapse(it.Answer), collapse(r.Answer))
			}
			continue
		}
		if lenient(it.Question) != lenient(r.Question) {
			t.Errorf("%s question:\n got %q\nwant %q", r.ID, collapse(it.Question), collapse(r.Question))
		}
		if lenient(it.Answer) != lenient(r.Answer) {
			t.Errorf("%s answer:\n got %q\nwant %q", r.ID, collapse(it.Answer), collapse(r.Answer))
		}
	}
	t.Logf("eval records: %d exact, %d lenient (footnote numbers, white space, hyphens), %d total", exact, lenientOK, len(records))
	for name, doc := range docs {
		if doc != nil && doc.Layout != tracker.Interleaved {
			t.Errorf("%s: layout %q, want interleaved", name, doc.Layout)
		}
	}
}

func TestEvalHeaders(t *testing.T) {
	tests := []struct {
		doc                  string
		asked, date          time.Time
		minister, asker, num string
	}{
		{"ah-tk-20242025-559", tracker.Day(2024, 10, 2), tracker.Day(2024, 11, 14), "Karremans (Volksgezondheid, Welzijn en Sport)", "Mohandis (GroenLinks-PvdA)", ""},
		{"ah-tk-20222023-3649", tracker.Day(2023, 7, 4), tracker.Day(2023, 9, 14), "Van der Wal-Zeggelink (Natuur en Stikstof)", "Bromet (GroenLinks)", ""},
		{"tk-2024Z14419", time.Time{}, tracker.Day(2024, 11, 19), "Van Hijum (Sociale Zaken en Werkgelegenheid)", "", "2024Z14419"},
		// The source forgot the closing bracket after the department.
		{"tk-2024Z14815", time.Time{}, tracker.Day(2024, 11, 20), "Karremans (Volksgezondheid, Welzijn en Sport)", "", "2024Z14815"},
		{"tk-2024Z18285", time.Time{}, tracker.Day(2024, 11, 20), "Struycken (Justitie en Veiligheid)", "", "2024Z18285"},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			d, err := ReadFile(filepath.Join(evalDir, "docs", tt.doc+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			if !d.Asked.Equal(tt.asked) || !d.Date.Equal(tt.date) {
				t.Errorf("asked %v date %v, want %v %v", d.Asked, d.Date, tt.asked, tt.date)
			}
			if d.Minister != tt.minister || d.Asker != tt.asker || d.Number != tt.num {
				t.Errorf("minister %q asker %q number %q, want %q %q %q", d.Minister, d.Asker, d.Number, tt.minister, tt.asker, tt.num)
			}
			if d.Parliament != "Tweede Kamer" || d.Kind != tracker.KindAnswer {
				t.Errorf("parliament %q kind %q", d.Parliament, d.Kind)
			}
			if len(d.Items) == 0 || strings.Contains(d.Items[0].Question, "ontvangen") {
				t.Errorf("header leaked into question 1: %q", d.Items[0].Question)
			}
		})
	}
}
