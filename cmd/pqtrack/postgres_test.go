package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker/storetest"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

// The commands work the same on a SQLite file and on a PostgreSQL URL:
// the same session of ingest, follow-up changes, a correction, listings,
// search, a draft, the watch list and the lateness sweep prints the same
// on both.
func TestCommandsOnBothStores(t *testing.T) {
	session := [][]string{
		{"ingest"}, // the seed
		{"followups", "--all"},
		{"snooze", "2", "--until", "2030-01-01", "--note", "reces"},
		{"check", "3", "--drop", "--note", "niet meer nodig"},
		{"judge", "1/2", "--status", "answered", "--note", "klopt niet"},
		{"followups", "--all", "--json"},
		{"search", "inburgering"},
		{"search", "platform"},
		{"draft", "1"},
		{"remind", "--now", "2030-06-01", "--dry-run"},
		{"watch", "add", "--parliament", "tk", "--member", "Eva de Vries"},
		{"watch", "list"},
		{"filed"}, // not a command: the questions fetching would store, two of them late
		{"late", "--now", "2026-04-24"},
		{"late", "--now", "2026-04-25", "--lang", "en"},
		{"check", "12"}, // the first late-answer follow-up
		{"followups", "--all", "--json"},
	}
	play := func(db string) []string {
		var outs []string
		for _, args := range session {
			if args[0] == "filed" {
				st, err := openStore(db)
				if err != nil {
					t.Fatal(err)
				}
				storetest.PutLateQuestions(t, st)
				st.Close()
				continue
			}
			var out, errb bytes.Buffer
			vars := map[string]string{"PQTRACK_DB": db, "USER": "tester"}
			e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
			if code := run(e, args); code != 0 {
				t.Fatalf("%v on %s: exit %d: %s", args, db, code, errb.String())
			}
			o := timesOut(out.String())
			if args[0] == "search" {
				o = searchOut(o)
			}
			outs = append(outs, strings.Join(args, " ")+"\n"+o)
		}
		return outs
	}
	file := play(filepath.Join(t.TempDir(), "pqtrack.db"))
	server := play(pgtest.New(t))
	if diff := cmp.Diff(file, server); diff != "" {
		t.Errorf("the commands print otherwise on PostgreSQL (-SQLite +PostgreSQL):\n%s", diff)
	}
	all := strings.Join(file, "\n")
	for _, want := range []string{"[inburgering]", "Eva de Vries", "2 nieuw te laat", "Stikstofvergunningen", "Opvolging #12"} {
		if !strings.Contains(all, want) {
			t.Errorf("the session shows no %q to compare:\n%s", want, all)
		}
	}
}

// timesOut blanks instants (when something was stored or changed), which
// differ between two runs.
func timesOut(s string) string {
	return regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`).ReplaceAllString(s, "TIME")
}

// searchOut keeps of search's output the hits in their order and the
// words marked in each snippet: scores are each store's own measure, and
// the stores cut snippets apart.
func searchOut(s string) string {
	s = regexp.MustCompile(`score [0-9.]+`).ReplaceAllString(s, "score S")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "   ") {
			l = "   " + strings.Join(regexp.MustCompile(`\[[^\]]*\]`).FindAllString(l, -1), " ")
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}
