package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{name: "seed table", args: []string{"analyze"}, out: []string{"deferred", "meeting 2022-11-15", "2023-02-14 (day)"}},
		{name: "english table", args: []string{"analyze", "--lang", "en"}, out: []string{"status", "points to"}},
		{name: "stdin with --date", args: []string{"analyze", "--date", "2024-11-19", "-"}, stdin: tk, out: []string{"interleaved", "pending", "2025-06-21 (season)"}},
		{name: "file", args: []string{"analyze", "--date", "2024-11-19", tkFile}, out: []string{"2025-06-21 (season)"}},
		{name: "directory", args: []string{"analyze", dir}, out: []string{"tk.txt", "latin1.txt"}},
		{name: "latin-1", args: []string{"analyze", "--json", latin1}, out: []string{"geëvalueerd", "Windows-1252"}},
		{name: "missing file", args: []string{"analyze", filepath.Join(dir, "nope.txt")}, code: 1, errOut: []string{"nope.txt"}},
		{name: "no questions", args: []string{"analyze", "-"}, stdin: "Geachte voorzitter,\n\nHierbij zend ik u de stukken.\n", code: 1, errOut: []string{"parse -"}},
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
	dir := "../../rules/testdata/eval"
	e, out, errb := stdinEnv("")
	if code := run(e, []string{"eval", "--min-f1", "0.9", dir}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errb)
	}
	for _, s := range []string{"88 questions", "macro-F1: 0.9", "promise dates: precision", "deferral dates exact"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	e, _, errb = stdinEnv("")
	if code := run(e, []string{"eval", "--min-f1", "0.99", dir}); code != 1 || !strings.Contains(errb.String(), "below 0.990") {
		t.Errorf("--min-f1 0.99: exit %d, stderr %q", code, errb)
	}
}
