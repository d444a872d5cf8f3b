package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/pqtrack/pqtrack/tracker/web"
)

// englishWords must not appear in Dutch staff output: English words and
// internal names (kinds, verdicts, log fields).
// Log levels are matched in capitals: Dutch writes "meer info".
var englishWords = regexp.MustCompile(`(?i:\b(meeting|letter|answer to|grouped|interleaved|not found|follow-up|deferral|pending|declined|partial)\b|level=)|\bINFO\b|\bERROR\b|\bWARN\b`)

// internalWords returns what Dutch output s leaks: English words and the
// ids of the default rules.
func internalWords(t *testing.T, s string) []string {
	t.Helper()
	// "--kind vergadering" and such name a flag, not a word for people.
	s = regexp.MustCompile(`--[a-z-]+`).ReplaceAllString(s, "")
	found := englishWords.FindAllString(s, -1)
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules {
		if strings.Contains(s, r.ID) {
			found = append(found, r.ID)
		}
	}
	return found
}

// TestSeedDemoDutch runs the seed demo (the commands of demo.sh and the
// follow-up commands staff use after it), renders every dashboard page,
// and checks that no Dutch line holds an English or internal word.
func TestSeedDemoDutch(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	meeting, err := filepath.Abs("../../tracker/resolve/testdata/commissie-2022-11-15.txt")
	if err != nil {
		t.Fatal(err)
	}
	cmds := [][]string{
		{"analyze"},
		{"ingest", "--db", db},
		{"followups", "--db", db},
		{"followups", "--db", db, "--kind", "belofte"},
		{"remind", "--db", db, "--now", "2023-02-14", "--dry-run"},
		{"remind", "--db", db, "--now", "2023-02-14"},
		{"digest", "--db", db, "--week", "2023-W07"},
		{"digest", "--db", db, "--week", "2023-W07", "--format", "slack"},
		{"draft", "1", "--db", db},
		{"ingest", "--db", db, "--kind", "meeting", "--date", "2022-11-15", meeting},
		{"followups", "--db", db, "--all"},
		{"draft", "1", "--db", db},
		{"draft", "9", "--db", db},
		{"check", "999", "--drop", "--db", db},
		{"snooze", "3", "--until", "2020-01-01", "--db", db},
		{"followups", "--db", filepath.Join(dir, "typo.db")},
	}
	for i, args := range cmds {
		e, out, errb := testEnv(nil)
		run(e, args)
		s := out.String() + errb.String()
		if i == 11 && strings.Contains(s, "daar vond ik het niet") { // draft 1 after the report came in
			t.Errorf("draft 1, found discussed in the report, says it was not found there:\n%s", s)
		}
		if bad := internalWords(t, s); len(bad) > 0 {
			t.Errorf("%v: Dutch output holds %q:\n%s", args, bad, s)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "typo.db")); err == nil {
		t.Errorf("followups --db typo.db created a database")
	}

	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := web.New(web.Config{Store: st, Loc: brussels(), Hosts: webHosts("", "127.0.0.1:8080")})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	pages := []string{"/", "/followups", "/followups?tab=snoozed", "/followups?tab=done", "/documents",
		"/documents/1", "/documents/2", "/calendar", "/calendar?month=2023-02", "/search?q=inburgering"}
	fs, err := st.FollowUps(context.Background(), tracker.FollowUpFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		pages = append(pages, "/followups/"+strconv.FormatInt(f.ID, 10))
	}
	tags := regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	for _, p := range pages {
		req, _ := http.NewRequest("GET", ts.URL+p, nil)
		req.Host = "127.0.0.1:8080"
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", p, res.StatusCode)
			continue
		}
		// Visible text and tooltips: what staff read.
		html := string(b)
		text := strings.Join(strings.Fields(tags.ReplaceAllString(html, " ")), " ")
		for _, m := range regexp.MustCompile(`title="([^"]*)"`).FindAllStringSubmatch(html, -1) {
			text += " " + m[1]
		}
		if bad := internalWords(t, text); len(bad) > 0 {
			t.Errorf("page %s holds %q", p, bad)
		}
		if strings.Contains(text, "1 documenten") || strings.Contains(html, "Nummer</dt><dd>Vlaams Parlement") {
			t.Errorf("page %s: a count or a label is wrong:\n%s", p, text)
		}
		// Follow-up 1 was found discussed in the report: its draft must not
		// tell the minister it was not found there.
		if p == "/followups/1" && strings.Contains(text, "daar vond ik het niet") {
			t.Errorf("the draft of follow-up 1, found discussed, says it was not found there")
		}
		if p == "/calendar?month=2023-02" && strings.Contains(text, "Niets.") {
			t.Errorf("calendar of a month with an entry says Niets.")
		}
	}
}
