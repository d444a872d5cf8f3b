package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pqtrack/pqtrack/tracker"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden is what Read found in a document, without the analysis.
type golden struct {
	Layout     tracker.Layout `json:"layout"`
	Title      string         `json:"title,omitempty"`
	Parliament string         `json:"parliament,omitempty"`
	Number     string         `json:"number,omitempty"`
	Asker      string         `json:"asker,omitempty"`
	Minister   string         `json:"minister,omitempty"`
	Asked      string         `json:"asked,omitempty"`
	Date       string         `json:"date,omitempty"`
	Warnings   []string       `json:"warnings,omitempty"`
	Error      string         `json:"error,omitempty"` // a partial error
	Items      []goldenItem   `json:"items"`
}

type goldenItem struct {
	Number       int         `json:"number"`
	Question     string      `json:"question"`
	Answer       string      `json:"answer"`
	AnsweredWith []int       `json:"answered_with,omitempty"`
	SubQuestions []goldenSub `json:"sub_questions"`
}

type goldenSub struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func toGolden(doc *tracker.Document, err error) golden {
	g := golden{
		Layout: doc.Layout, Title: doc.Title, Parliament: doc.Parliament, Number: doc.Number,
		Asker: doc.Asker, Minister: doc.Minister, Warnings: doc.Warnings, Items: []goldenItem{},
	}
	if tracker.Dated(doc.Asked) {
		g.Asked = doc.Asked.Format(tracker.DateLayout)
	}
	if tracker.Dated(doc.Date) {
		g.Date = doc.Date.Format(tracker.DateLayout)
	}
	if err != nil {
		g.Error = err.Error()
	}
	for _, it := range doc.Items {
		gi := goldenItem{Number: it.Number, Question: it.Question, Answer: it.Answer, AnsweredWith: it.AnsweredWith, SubQuestions: []goldenSub{}}
		for _, sq := range it.SubQuestions {
			gi.SubQuestions = append(gi.SubQuestions, goldenSub{sq.Text, sq.Start, sq.End})
		}
		g.Items = append(g.Items, gi)
	}
	return g
}

// goldenPDF is a two-page written question as the Flemish Parliament sets
// it: running header, page numbers, a word hyphenated across lines, a
// compound whose hyphen stays, a footnote mark and a question that runs
// over the page break.
func goldenPDF(t testing.TB) []byte {
	head := "Vlaams Parlement — Schriftelijke vraag 512 (2023-2024)"
	return makePDF(t, [][]string{
		{head, "", "SCHRIFTELIJKE VRAAG", "nr. 512", "van ANN DE WIT", "datum: 3 oktober 2023", "aan BART SOMERS",
			"VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING", "", "Inburgering - Wachtlijsten", "",
			"1. Hoeveel inburgeraars stonden op 1 september 2023 op een wachtlijst voor", "een cursus Nederlands als tweede taal?", "",
			"2. Volgens het jaarverslag1 loopt de wachttijd op tot zes maanden. Welke", "maatregelen neemt de minister voor de ex-",
			"inburgeraars die hun traject moeten onderbreken?", "", "1 Jaarverslag Agentschap Integratie en Inburgering 2022.", "", "- 1 -"},
		{head, "", "3. Wanneer wordt het nieuwe aanbod geëvalueerd?", "", "ANTWOORD", "",
			"1. Op 1 september 2023 stonden 4.312 inburgeraars op een wachtlijst.", "",
			"2. Het aanbod wordt uitgebreid met 60 extra cursusgroepen. Voor wie het", "traject onderbreekt, wordt een gestandaar-",
			"diseerde herinstap voorzien.", "", "3. De evaluatie volgt in het voorjaar van 2024.", "", "- 2 -"},
	})
}

func TestGolden(t *testing.T) {
	_, pdfErr := exec.LookPath("pdftotext")
	tests := []struct {
		name string // golden file testdata/golden/<name>.json
		path string // input file, or "" for pdf
		pdf  func(testing.TB) []byte
	}{
		{name: "grouped-seed", path: seedPath},
		{name: "grouped-vp-schriftelijke-vraag", path: "testdata/vp-schriftelijke-vraag.txt"},
		{name: "interleaved-tk-combined", path: "testdata/tk-combined.txt"},
		{name: "interleaved-ah-pdf-glued", path: filepath.Join(evalDir, "docs", "ah-tk-20242025-581.txt")},
		{name: "interleaved-openkamer-footnote", path: filepath.Join(evalDir, "docs", "okv-p734-luchtvaartsubsidie.txt")},
		{name: "interleaved-tk-footnote-paren", path: filepath.Join(evalDir, "docs", "tk-2024Z14815.txt")},
		{name: "single-vraag-antwoord", path: "testdata/single-vraag-antwoord.txt"},
		{name: "single-alinea", path: "testdata/single-alinea.txt"},
		{name: "grouped-pdf", pdf: goldenPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc *tracker.Document
			var err error
			if tt.pdf != nil {
				if pdfErr != nil {
					t.Skip("pdftotext not installed")
				}
				doc, err = Read("golden.pdf", tt.pdf(t))
			} else {
				doc, err = ReadFile(tt.path)
			}
			if err != nil && !IsPartial(err) {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", tt.name+".json"), toGolden(doc, err))
		})
	}
}

// TestGoldenReal reads the real answer documents in testdata/real (see its
// README.md) into testdata/golden/real/<name>.json. A document that cannot
// be read at all has its error as golden.
func TestGoldenReal(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "real", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no real documents: %v", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			doc, err := ReadFile(path)
			var g golden
			switch {
			case err != nil && !IsPartial(err):
				if !errors.Is(err, tracker.ErrInvalid) {
					t.Fatal(err)
				}
				g = golden{Error: err.Error(), Items: []goldenItem{}}
			default:
				g = toGolden(doc, err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", "real", name+".json"), g)
		})
	}
}

// checkGolden compares g with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, file string, g golden) {
	t.Helper()
	got, jerr := json.MarshalIndent(g, "", "  ")
	if jerr != nil {
		t.Fatal(jerr)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, rerr := os.ReadFile(file)
	if errors.Is(rerr, os.ErrNotExist) {
		t.Fatalf("%s missing: run go test ./tracker/parse -run Golden -update and check it", file)
	}
	if rerr != nil {
		t.Fatal(rerr)
	}
	if bytes.Equal(got, want) {
		return
	}
	var w golden
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var gg golden
	if err := json.Unmarshal(got, &gg); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(w, gg); diff != "" {
		t.Errorf("%s differs (-want +got); if the change is right, rerun with -update:\n%s", file, diff)
	} else {
		t.Errorf("%s differs in formatting only; rerun with -update", file)
	}
}
