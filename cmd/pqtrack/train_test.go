package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// `pqtrack train` with its defaults, run from the repository, rebuilds the
// embedded weights byte for byte: the shipped model is what the labels in
// the repository teach, and nothing else.
func TestTrainReproducesShippedWeights(t *testing.T) {
	out := filepath.Join(t.TempDir(), "weights.tsv")
	e, stdout, stderr := stdinEnv("")
	wd, _ := os.Getwd()
	t.Chdir(filepath.Join(wd, "..", ".."))
	if code := run(e, []string{"train", "--out", out}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout.String(), "gelabelde zinnen") {
		t.Errorf("output not in Dutch: %s", stdout)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("rules/weights.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("training from the repository's labels does not give rules/weights.tsv: run `pqtrack train` and commit the result")
	}
}

func TestTrainCrossValidation(t *testing.T) {
	e, stdout, stderr := stdinEnv("")
	wd, _ := os.Getwd()
	t.Chdir(filepath.Join(wd, "..", ".."))
	if code := run(e, []string{"train", "--cv", "3"}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{`sentences \d+, read right \d+`, `macro-F1: 0\.\d+`, `(?m)^\s+referral\s+\d+`} {
		if !regexp.MustCompile(want).MatchString(stdout.String()) {
			t.Errorf("output lacks %s:\n%s", want, stdout)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	records, _ := filepath.Abs("../../rules/testdata/eval/tune/records.jsonl")
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"x-q1","i":0,"role":"dodge","sentence":"Ja."}`+"\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no labels", []string{"train", "--records", records, "--roles", t.TempDir(), "--out", filepath.Join(dir, "w.tsv")}, "no role labels"},
		{"unknown role", []string{"train", "--records", records, "--roles", dir, "--out", filepath.Join(dir, "w.tsv")}, `bad.jsonl: line 1: x-q1: unknown role "dodge"`},
		{"no records", []string{"train", "--records", filepath.Join(dir, "none.jsonl")}, "none.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, out, errb := stdinEnv("")
			if code := run(e, tt.args); code == 0 || !strings.Contains(errb.String(), tt.want) {
				t.Errorf("exit %d, stderr %q, want an error with %q (stdout %q)", code, errb, tt.want, out)
			}
			if _, err := os.Stat(filepath.Join(dir, "w.tsv")); err == nil {
				t.Error("a failed training wrote weights")
			}
		})
	}
}

// --explain shows each sentence with what it does, in Dutch, and no rule
// ids.
func TestAnalyzeExplain(t *testing.T) {
	e, out, errb := stdinEnv("")
	if code := run(e, []string{"analyze", "--explain"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	s := out.String()
	for _, want := range []string{"Vraag 1: doorverwezen", "*  verwijzing", "Vraag 5: gedeeltelijk", "toezegging", "per zin wat hij doet"} {
		if !strings.Contains(s, want) {
			t.Errorf("explanation lacks %q:\n%s", want, s)
		}
	}
	for _, bad := range []string{"defer-", "pending-", "declined-", "reply", "referral", "not-yet"} {
		if strings.Contains(s, bad) {
			t.Errorf("Dutch explanation shows %q", bad)
		}
	}
	e, out, _ = stdinEnv("")
	run(e, []string{"analyze", "--explain", "--lang", "en"})
	if !strings.Contains(out.String(), "Question 1: deferred") || !strings.Contains(out.String(), "referral") {
		t.Errorf("English explanation:\n%s", out)
	}
}
