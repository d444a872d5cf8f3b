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
	if !strings.HasPrefix(out.String(), "nieuw ") || !strings.Contains(out.String(), "opvolgingen") ||
		!strings.Contains(out.String(), "wacht     #1 ") || !strings.Contains(out.String(), "nog niet binnen") ||
		strings.Contains(out.String(), "opgelost") {
		t.Errorf("stdout = %q, want a Dutch created line and deferrals waiting (not opgelost) for a target not in", out.String())
	}

	out.Reset()
	errb.Reset()
	if code := run(e, []string{"ingest", "--lang", "en", seed}); code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "unchanged ") || !strings.Contains(out.String(), "(0 new)") {
		t.Errorf("second ingest: %q, want unchanged, nothing new", out.String())
	}
	out.Reset()
	vars["PQTRACK_LANG"] = "en"
	if code := run(e, []string{"ingest", seed}); code != 0 || !strings.HasPrefix(out.String(), "unchanged ") {
		t.Errorf("PQTRACK_LANG=en: exit %d, %q", code, out.String())
	}
}

// --pending-wait (and PQTRACK_PENDING_WAIT) sets when a pending answer
// without a date is due; ingest -h documents it.
func TestIngestPendingWait(t *testing.T) {
	doc := "Vraag 1\nHoeveel kost het project?\n\nAntwoord 1\nDie cijfers zijn nog niet beschikbaar.\n"
	for _, tc := range []struct {
		args []string
		env  string
		want string
	}{
		{nil, "", "2023-04-01"},                                // 90 days after 2023-01-01
		{[]string{"--pending-wait", "30"}, "", "2023-01-31"},   // the flag
		{nil, "10", "2023-01-11"},                              // the environment
		{[]string{"--pending-wait", "20"}, "10", "2023-01-21"}, // the flag wins
	} {
		vars := map[string]string{"PQTRACK_DB": filepath.Join(t.TempDir(), "w.db"), "PQTRACK_PENDING_WAIT": tc.env}
		e, out, errb := testEnv(vars)
		e.stdin = strings.NewReader(doc)
		args := append([]string{"ingest", "--now", "2023-01-01", "--no-notify"}, tc.args...)
		if code := run(e, append(args, "-")); code != 0 {
			t.Fatalf("%v: exit %d: %s%s", tc.args, code, out, errb)
		}
		out.Reset()
		if code := run(e, []string{"followups", "--json"}); code != 0 {
			t.Fatal(errb)
		}
		if !strings.Contains(out.String(), `"kind": "pending"`) || !strings.Contains(out.String(), `"due": "`+tc.want+`"`) {
			t.Errorf("%v PQTRACK_PENDING_WAIT=%q: want a pending follow-up due %s:\n%s", tc.args, tc.env, tc.want, out)
		}
	}
	e, _, errb := testEnv(nil)
	if code := run(e, []string{"ingest", "-h"}); code != 2 || !strings.Contains(errb.String(), "-pending-wait DAYS") {
		t.Errorf("ingest -h: exit %d, lacks --pending-wait:\n%s", code, errb)
	}
	e, _, _ = testEnv(nil)
	if code := run(e, []string{"ingest", "--pending-wait", "soon"}); code != 2 {
		t.Errorf("--pending-wait soon: exit %d, want 2", code)
	}
}

// A bulletin of the Chamber goes in as one document per question, each
// named after the file and its place in it; a second ingest changes none.
func TestIngestBulletin(t *testing.T) {
	vars := map[string]string{"PQTRACK_DB": filepath.Join(t.TempDir(), "b.db")}
	e, out, errb := testEnv(vars)
	bulletin := filepath.Join("..", "..", "tracker", "parse", "testdata", "layout", "chamber-bulletin-two.txt")
	if code := run(e, []string{"ingest", "--no-notify", bulletin}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, name := range []string{"chamber-bulletin-two.txt#1", "chamber-bulletin-two.txt#2"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("ingest output does not name %s:\n%s", name, out)
		}
	}
	if n := strings.Count(out.String(), "nieuw "); n != 2 {
		t.Errorf("%d documents new, want 2:\n%s", n, out)
	}
	out.Reset()
	if code := run(e, []string{"ingest", "--no-notify", bulletin}); code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, errb)
	}
	if n := strings.Count(out.String(), "ongewijzigd "); n != 2 {
		t.Errorf("second ingest: %d documents unchanged, want 2:\n%s", n, out)
	}
}
