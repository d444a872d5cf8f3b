package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

// --measure trains in memory per seed and judges a labelled set: its first
// seed is the shipped model, so its row reads as eval of the shipped
// weights does, and the mean is the mean of the rows.
func TestTrainMeasureSeeds(t *testing.T) {
	wd, _ := os.Getwd()
	t.Chdir(filepath.Join(wd, "..", ".."))
	e, stdout, stderr := stdinEnv("")
	if code := run(e, []string{"train", "--measure", "rules/testdata/eval/check", "--seeds", "2"}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	rows := regexp.MustCompile(`(?m)^\s+(\d+|mean)\s+(0\.\d+)\s+([\d.]+) of (\d+)\s+(0\.\d+|1\.000)$`).FindAllStringSubmatch(stdout.String(), -1)
	if len(rows) != 3 || rows[0][1] != "1" || rows[1][1] != "2" || rows[2][1] != "mean" {
		t.Fatalf("want rows for seeds 1, 2 and the mean:\n%s", stdout)
	}
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	if m := (f(rows[0][2]) + f(rows[1][2])) / 2; math.Abs(m-f(rows[2][2])) > 0.0011 {
		t.Errorf("mean macro-F1 %s, rows %s and %s", rows[2][2], rows[0][2], rows[1][2])
	}
	e2, evalOut, evalErr := stdinEnv("")
	if code := run(e2, []string{"eval", "rules/testdata/eval/check"}); code != 0 {
		t.Fatalf("eval: exit %d: %s%s", code, evalOut, evalErr)
	}
	want := regexp.MustCompile(`macro-F1: (0\.\d+)`).FindStringSubmatch(evalOut.String())
	if want == nil || want[1] != rows[0][2] {
		t.Errorf("seed 1 reads macro-F1 %s; eval of the shipped weights %v", rows[0][2], want)
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

// `train --db` learns from the office's corrections too, writes the
// weights beside the database, and the office's commands judge with them.
func TestTrainWithOfficeCorrections(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	data, err := os.ReadFile(realDoc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("doc.txt", data, 0o644)
	db := filepath.Join(dir, "office.db")
	vars := map[string]string{"PQTRACK_DB": db, "USER": "tester"}
	e, _, errb := testEnv(vars)
	if code := run(e, []string{"ingest", "doc.txt"}); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errb)
	}
	for _, q := range []string{"1/2", "1/3"} {
		e, _, errb := testEnv(vars)
		if code := run(e, []string{"judge", q, "--status", "geweigerd"}); code != 0 {
			t.Fatalf("judge %s: exit %d: %s", q, code, errb)
		}
	}
	e, out, errb := testEnv(vars)
	args := []string{"train", "--db", db,
		"--records", filepath.Join(root, "rules/testdata/eval/tune/records.jsonl"),
		"--roles", filepath.Join(root, "rules/testdata/roles")}
	if code := run(e, args); code != 0 {
		t.Fatalf("train: exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "2 correcties van het kantoor meegenomen") {
		t.Errorf("output: %s", out)
	}
	office, err := os.ReadFile(db + ".weights.tsv")
	if err != nil {
		t.Fatal(err)
	}
	shipped, _ := os.ReadFile(filepath.Join(root, "rules/weights.tsv"))
	if bytes.Equal(office, shipped) {
		t.Error("the office's corrections changed nothing in the weights")
	}
	if !strings.Contains(string(office), "Status from 233 labelled answers") {
		t.Errorf("weights note does not count the corrections:\n%.400s", office)
	}

	// The office's commands read its weights: a broken file stops them
	// with its name.
	os.WriteFile(db+".weights.tsv", []byte("kapot\n"), 0o644)
	e, _, errb = testEnv(vars)
	if code := run(e, []string{"ingest", "doc.txt"}); code == 0 || !strings.Contains(errb.String(), "office.db.weights.tsv: line 1") {
		t.Errorf("ingest with broken office weights: exit %d, %s", code, errb)
	}

	// A mistyped database is an error, not a new empty one.
	e, _, errb = testEnv(vars)
	if code := run(e, []string{"train", "--db", filepath.Join(dir, "typo.db")}); code == 0 {
		t.Error("train --db on a missing database succeeded")
	}
	if _, err := os.Stat(filepath.Join(dir, "typo.db")); err == nil {
		t.Error("train --db created a database")
	}
}

// `train --read` measures the shipped weights on sentences they were not
// trained on, and trains nothing.
func TestTrainReadHeldOut(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "held.jsonl")
	lines := `{"id": "h-1", "question": "Hoeveel boetes werden uitgeschreven?", "sentence": "In 2023 werden 1.204 boetes uitgeschreven.", "role": "reply", "i": 0}
{"id": "h-2", "question": "Wanneer komt het rapport?", "sentence": "Hiervoor verwijs ik naar mijn antwoord op vraag 3.", "role": "referral", "i": 0}
`
	if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	e, stdout, stderr := stdinEnv("")
	if code := run(e, []string{"train", "--read", file, "--out", filepath.Join(dir, "w.tsv")}); code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout.String(), "sentences 2, read right 2 (1.000)") {
		t.Errorf("output:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "w.tsv")); err == nil {
		t.Error("--read wrote weights")
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id": "x-q1", "sentence": "Ja.", "role": "reply", "i": 0}`+"\n"), 0o644)
	e, stdout, stderr = stdinEnv("")
	if code := run(e, []string{"train", "--read", bad}); code == 0 || !strings.Contains(stderr.String(), "bad.jsonl") {
		t.Errorf("a label without its question: exit %d, %s", code, stderr)
	}
}
