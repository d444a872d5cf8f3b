package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// stdinEnv is an env with no variables that reads stdin.
func stdinEnv(stdin string) (*env, *bytes.Buffer, *bytes.Buffer) {
	e, out, errb := testEnv(nil)
	e.stdin = strings.NewReader(stdin)
	return e, out, errb
}

// The JSON shape is a published interface: these fields may not change.
func TestAnalyzeJSON(t *testing.T) {
	e, out, errb := stdinEnv("")
	if code := run(e, []string{"analyze", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var got struct {
		Documents []struct {
			File   *string `json:"file"`
			Title  *string `json:"title"`
			Layout string  `json:"layout"`
			Date   *string `json:"date"`
			Items  []struct {
				Number       int    `json:"number"`
				Question     string `json:"question"`
				Answer       string `json:"answer"`
				Status       string `json:"status"`
				Subquestions []struct {
					Text   string `json:"text"`
					Status string `json:"status"`
				} `json:"subquestions"`
				Deferral *struct {
					Kind     string          `json:"kind"`
					Date     *string         `json:"date"`
					Ref      string          `json:"ref"`
					Evidence json.RawMessage `json:"evidence"`
				} `json:"deferral"`
				Promises []struct {
					Date      string          `json:"date"`
					Precision string          `json:"precision"`
					What      string          `json:"what"`
					Evidence  json.RawMessage `json:"evidence"`
				} `json:"promises"`
				Sentences []struct {
					Text        string  `json:"text"`
					Role        string  `json:"role"`
					Confidence  float64 `json:"confidence"`
					SubQuestion int     `json:"subquestion"`
					Decisive    bool    `json:"decisive"`
				} `json:"sentences"`
				Open []int `json:"open_subquestions"`
			} `json:"items"`
		} `json:"documents"`
	}
	dec := json.NewDecoder(out)
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 1 {
		t.Fatalf("%d documents", len(got.Documents))
	}
	d := got.Documents[0]
	if d.File == nil || d.Title == nil || d.Layout != "grouped" || d.Date != nil || len(d.Items) != 10 {
		t.Fatalf("document header: file %v title %v layout %q date %v items %d", d.File, d.Title, d.Layout, d.Date, len(d.Items))
	}
	q1, q5 := d.Items[0], d.Items[4]
	if q1.Status != "deferred" || q1.Deferral == nil || q1.Deferral.Kind != "meeting" || q1.Deferral.Date == nil || *q1.Deferral.Date != "2022-11-15" || len(q1.Deferral.Evidence) == 0 {
		t.Errorf("question 1: %+v", q1)
	}
	if q5.Status != "partial" || len(q5.Promises) != 1 || q5.Promises[0].Date != "2023-02-14" || q5.Promises[0].Precision != "day" || len(q5.Subquestions) != 5 {
		t.Errorf("question 5: %+v", q5)
	}
	// Each answer sentence with its role; the sub-questions left open.
	if len(q1.Sentences) != 1 || q1.Sentences[0].Role != "referral" || !q1.Sentences[0].Decisive || len(q1.Open) != len(q1.Subquestions) {
		t.Errorf("question 1 sentences %+v, open %v", q1.Sentences, q1.Open)
	}
	promised := false
	for _, st := range q5.Sentences {
		if strings.HasPrefix(st.Text, "Op 14 februari 2023") {
			promised = st.Role == "commitment" && st.Decisive && q5.Subquestions[st.SubQuestion].Status != "answered"
		}
	}
	if !promised || len(q5.Open) == 0 || len(q5.Open) == len(q5.Subquestions) {
		t.Errorf("question 5: the promise sentence should leave its sub-question open: sentences %+v, open %v", q5.Sentences, q5.Open)
	}
}

func TestAnalyzeInputs(t *testing.T) {
	dir := t.TempDir()
	tk := "Vraag 1\nKomt er een evaluatie?\nAntwoord 1\nIk zal uw Kamer voor de zomer informeren.\n"
	tkFile := filepath.Join(dir, "tk.txt")
	os.WriteFile(tkFile, []byte(tk), 0o644)
	latin1 := filepath.Join(dir, "latin1.txt")
	os.WriteFile(latin1, []byte("1. Wordt dit ge\xebvalueerd?\n\n1. Nee.\n"), 0o644)
	badRules := filepath.Join(dir, "rules.yaml")
	os.WriteFile(badRules, []byte("rules:\n  - id: mine\n    kind: pending\n    phrasse: [x]\n"), 0o644)

	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		out    []string // substrings of standard output
		errOut []string // substrings of standard error
	}{
		{name: "seed table", args: []string{"analyze"}, out: []string{"doorverwezen", "vergadering 2022-11-15", "2023-02-14 (dag)"}},
		{name: "english table", args: []string{"analyze", "--lang", "en"}, out: []string{"points to", "deferred", "meeting 2022-11-15", "2023-02-14 (day)"}},
		{name: "stdin with --date", args: []string{"analyze", "--date", "2024-11-19", "-"}, stdin: tk, out: []string{"afwisselend", "in afwachting", "2025-06-21 (seizoen)"}},
		{name: "file", args: []string{"analyze", "--date", "2024-11-19", tkFile}, out: []string{"2025-06-21 (seizoen)"}},
		{name: "directory", args: []string{"analyze", dir}, out: []string{"tk.txt", "latin1.txt"}},
		{name: "latin-1", args: []string{"analyze", "--json", latin1}, out: []string{"geëvalueerd", "Windows-1252"}},
		{name: "missing file", args: []string{"analyze", filepath.Join(dir, "nope.txt")}, code: 1, errOut: []string{"nope.txt"}},
		{name: "no questions", args: []string{"analyze", "-"}, stdin: "Geachte voorzitter,\n\nHierbij zend ik u de stukken.\n", code: 1, errOut: []string{"-: geen vragen gevonden"}},
		{name: "typo in rule file", args: []string{"analyze", "--rules", badRules}, code: 1, errOut: []string{"rules.yaml", `rule "mine"`, "phrasse"}},
		{name: "bad date", args: []string{"analyze", "--date", "14-02-2023"}, code: 2, errOut: []string{"YYYY-MM-DD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, out, errb := stdinEnv(tt.stdin)
			if code := run(e, tt.args); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errb)
			}
			for _, s := range tt.out {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.errOut {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb)
				}
			}
		})
	}
}

func TestEvalCommand(t *testing.T) {
	dir := "../../rules/testdata/eval/tune"
	e, out, errb := stdinEnv("")
	if code := run(e, []string{"eval", "--min-f1", "0.7", dir}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errb)
	}
	for _, s := range []string{"231 questions", "macro-F1: 0.", "promise dates: precision", "deferral dates exact"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	e, _, errb = stdinEnv("")
	if code := run(e, []string{"eval", "--min-f1", "0.99", dir}); code != 1 || !strings.Contains(errb.String(), "below 0.990") {
		t.Errorf("--min-f1 0.99: exit %d, stderr %q", code, errb)
	}
}

// A folder with good and bad files: every good file is analysed and
// printed in name order, each bad one reported with its name and reason,
// and the command fails at the end.
func TestAnalyzeFolder(t *testing.T) {
	dir := t.TempDir()
	doc := func(q, a string) string {
		return "Vraag 1\n" + q + "\nAntwoord 1\n" + a + "\n"
	}
	files := map[string]string{
		"a-eerst.txt":  doc("Komt er een evaluatie?", "Ik zal uw Kamer voor de zomer informeren."),
		"b-leeg.txt":   "  \n",
		"c-binair.txt": "\x00\x01\x02\x03PK\x03\x04\x00\x00\x00\xff\xfe",
		"d-brief.txt":  "Geachte voorzitter,\n\nHierbij zend ik u de stukken.\n",
		"e-laatst.txt": doc("Wat kost de regeling?", "Zie het antwoord op vraag 3."),
		"f-latin1.txt": "1. Wordt dit ge\xebvalueerd?\n\n1. Nee.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := []string{"a-eerst.txt", "e-laatst.txt", "f-latin1.txt"}
	bad := []string{"b-leeg.txt", "c-binair.txt", "d-brief.txt"}

	t.Run("table", func(t *testing.T) {
		e, out, errb := stdinEnv("")
		if code := run(e, []string{"analyze", dir}); code != 1 {
			t.Fatalf("exit %d, want 1; stderr: %s", code, errb)
		}
		last := -1
		for _, g := range good {
			i := strings.Index(out.String(), g)
			if i < 0 || i < last {
				t.Errorf("%s missing or out of order:\n%s", g, out)
			}
			last = i
		}
		for _, b := range bad {
			if strings.Contains(out.String(), b) || !strings.Contains(errb.String(), b) {
				t.Errorf("%s: not reported on stderr alone:\nstdout %s\nstderr %s", b, out, errb)
			}
		}
		// In Dutch, as staff read it: "leeg bestand", "gelezen als
		// Windows-1252", "3 mislukt".
		for _, s := range []string{"b-leeg.txt: leeg bestand", "binaire gegevens", "gelezen als Windows-1252", "3 mislukt"} {
			if !strings.Contains(errb.String(), s) {
				t.Errorf("stderr lacks %q:\n%s", s, errb)
			}
		}
	})

	t.Run("json with the flag after the folder", func(t *testing.T) {
		e, out, errb := stdinEnv("")
		if code := run(e, []string{"analyze", dir, "--json"}); code != 1 {
			t.Fatalf("exit %d, want 1; stderr: %s", code, errb)
		}
		var got struct {
			Documents []struct {
				File  string `json:"file"`
				Items []struct {
					Status string `json:"status"`
				} `json:"items"`
			} `json:"documents"`
		}
		dec := json.NewDecoder(out)
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%v:\n%s", err, out)
		}
		if dec.More() {
			t.Error("more than one JSON value")
		}
		if len(got.Documents) != len(good) {
			t.Fatalf("%d documents, want %d", len(got.Documents), len(good))
		}
		for i, g := range good {
			if filepath.Base(got.Documents[i].File) != g {
				t.Errorf("document %d is %s, want %s", i, got.Documents[i].File, g)
			}
		}
		if st := got.Documents[1].Items[0].Status; st != "deferred" {
			t.Errorf("e-laatst.txt: status %q", st)
		}
	})

	t.Run("only good files", func(t *testing.T) {
		e, out, errb := stdinEnv("")
		args := []string{"analyze", "--json"}
		for _, g := range good {
			args = append(args, filepath.Join(dir, g))
		}
		if code := run(e, args); code != 0 {
			t.Fatalf("exit %d; stderr: %s", code, errb)
		}
		if !json.Valid(out.Bytes()) {
			t.Errorf("invalid JSON:\n%s", out)
		}
	})

	t.Run("only bad files", func(t *testing.T) {
		e, out, errb := stdinEnv("")
		if code := run(e, []string{"analyze", "--json", filepath.Join(dir, "b-leeg.txt")}); code != 1 {
			t.Fatalf("exit %d; stderr: %s", code, errb)
		}
		var got struct{ Documents []any }
		if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.Documents == nil || len(got.Documents) != 0 {
			t.Errorf("want an empty documents array, got %q (%v)", out, err)
		}
	})
}

// Output order does not depend on which worker finishes first.
func TestAnalyzeAllOrder(t *testing.T) {
	var ins []input
	for i := range 50 {
		ins = append(ins, input{name: fmt.Sprint(i), data: []byte(fmt.Sprintf("Vraag 1\nWaarom %d?\nAntwoord 1\nOmdat het zo is.\n", i))})
	}
	var got []string
	analyzeAll(ins, 4, func(d *tracker.Document) {
		if d.File == "0" {
			time.Sleep(20 * time.Millisecond) // the first finishes last
		}
	}, func(in input, d *tracker.Document, err error) {
		if err != nil || d == nil || d.File != in.name {
			t.Errorf("%s: %v", in.name, err)
		}
		got = append(got, in.name)
	})
	for i, g := range got {
		if g != fmt.Sprint(i) {
			t.Fatalf("order %v", got)
		}
	}
	if len(got) != len(ins) {
		t.Fatalf("%d results for %d inputs", len(got), len(ins))
	}
}
