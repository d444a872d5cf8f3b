package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"PQTRACK_DB": filepath.Join(dir, "i.db")}
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	seed := filepath.Join("..", "..", "seeds", "vlaams-parlement-2023-gelijke-kansen-inburgering.txt")
	missing := filepath.Join(dir, "missing.txt")

	// A bad file is reported by name; the good one after it still goes in.
	if code := run(e, []string{"ingest", missing, seed}); code != 1 {
		t.Errorf("ingest with a missing file: exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "missing.txt") {
		t.Errorf("stderr does not name the bad file: %q", errb.String())
	}
	if !strings.HasPrefix(out.String(), "created ") || !strings.Contains(out.String(), "follow-ups") {
		t.Errorf("stdout = %q, want a created line", out.String())
	}

	out.Reset()
	errb.Reset()
	if code := run(e, []string{"ingest", seed}); code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "unchanged ") || !strings.Contains(out.String(), "(0 new)") {
		t.Errorf("second ingest: %q, want unchanged, nothing new", out.String())
	}
}
