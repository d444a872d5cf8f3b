package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// storeEnv is an env whose PQTRACK_DB is a new database holding one
// document with a promise (q1), a deferral (q2) and a question without
// answer (q3).
func storeEnv(t *testing.T) (*env, *bytes.Buffer, *bytes.Buffer, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a1 := "Het rapport wordt eind maart 2024 aan het Parlement bezorgd."
	a2 := "Ik verwijs naar de bespreking in de commissie."
	doc := &tracker.Document{
		Title: "Ideeënplatform voor nieuwkomers", Number: "nr. 12", Parliament: "Vlaams Parlement",
		Asker: "An Peeters", Minister: "Bart Somers", Asked: tracker.Day(2024, 1, 5), Date: tracker.Day(2024, 1, 20),
		Text: "text",
		Items: []tracker.Item{
			{Number: 1, Question: "Wanneer wordt het rapport geëvalueerd?", Answer: a1, Status: tracker.Answered,
				Promises: []tracker.Promise{{Date: tracker.Day(2024, 3, 31), Precision: tracker.PrecisionMonth, What: "rapport",
					Evidence: tracker.Evidence{Rule: "p", Start: 0, End: len(a1), Text: a1}}}},
			{Number: 2, Question: "Hoe werkt het platform?", Answer: a2, Status: tracker.Deferred,
				Deferral: &tracker.Deferral{Kind: tracker.TargetMeeting, Evidence: tracker.Evidence{Rule: "d", Start: 0, End: len(a2), Text: a2}}},
			{Number: 3, Question: "Wie betaalt?", Status: tracker.Unanswered},
		},
	}
	if _, err := db.Ingest(context.Background(), doc, time.Date(2024, 1, 21, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var out, errb bytes.Buffer
	vars := map[string]string{"PQTRACK_DB": path, "USER": "tester"}
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}, &out, &errb, path
}

func listJSON(t *testing.T, e *env, out *bytes.Buffer, args ...string) []map[string]any {
	t.Helper()
	out.Reset()
	if code := run(e, append([]string{"followups", "--json"}, args...)); code != 0 {
		t.Fatalf("followups %v: exit %d: %s", args, code, e.stderr)
	}
	var list []map[string]any
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("followups --json: %v\n%s", err, out)
	}
	return list
}

func TestFollowUpCommands(t *testing.T) {
	e, out, errb, path := storeEnv(t)
	list := listJSON(t, e, out)
	if len(list) != 3 {
		t.Fatalf("default listing: %d follow-ups, want 3", len(list))
	}
	byKind := map[string]map[string]any{}
	for _, f := range list {
		for _, k := range []string{"id", "document", "question_number", "kind", "due", "state", "outcome"} {
			if _, ok := f[k]; !ok {
				t.Errorf("JSON follow-up lacks %q: %v", k, f)
			}
		}
		byKind[f["kind"].(string)] = f
	}
	p := byKind["promise"]
	if p["due"] != "2024-03-31" || p["state"] != "open" || p["question_number"] != 1.0 {
		t.Errorf("promise = %v", p)
	}
	pid := idOf(p)
	did := idOf(byKind["deferral"])
	uid := idOf(byKind["unanswered"])

	if n := len(listJSON(t, e, out, "--due", "--now", "2024-02-01")); n != 2 {
		t.Errorf("--due on 2024-02-01: %d, want 2 (deferral and unanswered)", n)
	}
	if n := len(listJSON(t, e, out, "--overdue", "--now", "2024-03-31")); n != 2 {
		t.Errorf("--overdue on 2024-03-31: %d, want 2 (the promise is due that day, not overdue)", n)
	}

	steps := []struct {
		args []string
		code int
		want string // in stdout or stderr
	}{
		{[]string{"snooze", pid, "--until", "2099-05-01", "--note", "recess"}, 0, "uitgesteld tot 1 mei 2099"},
		{[]string{"redate", did, "--to", "2024-06-30"}, 2, "--note is required"},
		{[]string{"redate", did, "--to", "2024-06-30", "--note", "debate moved"}, 0, "nieuwe vervaldag 30 juni 2024"},
		{[]string{"check", uid, "--reasked", "nr. 99", "--note", "asked again"}, 0, "afgesloten (opnieuw gevraagd)"},
		{[]string{"check", uid, "--drop", "--delivered"}, 2, "want one of"},
		{[]string{"check", "999", "--drop"}, 1, "opvolging 999 bestaat niet"},
		{[]string{"check", "abc", "--drop"}, 2, "want a number"},
		{[]string{"snooze", pid}, 2, "--until"},
	}
	for _, s := range steps {
		out.Reset()
		errb.Reset()
		if code := run(e, s.args); code != s.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", s.args, code, s.code, errb)
		}
		if !strings.Contains(out.String()+errb.String(), s.want) {
			t.Errorf("%v: output %q %q lacks %q", s.args, out, errb, s.want)
		}
	}

	all := listJSON(t, e, out, "--all")
	if len(all) != 3 {
		t.Fatalf("--all: %d", len(all))
	}
	if open := listJSON(t, e, out); len(open) != 2 {
		t.Errorf("default listing after one check: %d, want 2 (open and snoozed)", len(open))
	}
	if open := listJSON(t, e, out, "--open"); len(open) != 1 || idOf(open[0]) != did {
		t.Errorf("--open: %v, want only the deferral", open)
	}

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	u, _ := db.FollowUp(ctx, mustID(t, uid))
	if u.State != tracker.Done || u.Outcome != tracker.Reasked || u.ReaskedAs != "nr. 99" || u.By != "tester" {
		t.Errorf("checked follow-up: %+v", u)
	}
	hist, _ := db.History(ctx, mustID(t, did))
	if last := hist[len(hist)-1]; last.Action != "redated" || last.Note != "debate moved" || last.By != "tester" ||
		!last.OldDue.Equal(tracker.Day(2024, 1, 20)) {
		t.Errorf("redate event: %+v", last)
	}

	// human table: Dutch by default, English on request
	for _, tc := range []struct {
		args         []string
		want, unwant []string
	}{
		{nil, []string{"VERVALT", "STAAT", "2099-05-01", "uitgesteld", "afgehandeld (opnieuw gevraagd)", "belofte", "doorverwijzing", "Ideeënplatform"},
			[]string{"snoozed", "promise", "DUE"}},
		{[]string{"--lang", "en"}, []string{"DUE", "STATE", "2099-05-01", "snoozed", "done (asked again)", "promise", "referral", "Ideeënplatform"},
			[]string{"uitgesteld", "belofte", "VERVALT"}},
	} {
		out.Reset()
		if code := run(e, append([]string{"followups", "--all", "--now", "2024-02-01"}, tc.args...)); code != 0 {
			t.Fatal(errb)
		}
		for _, w := range tc.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v: table lacks %q:\n%s", tc.args, w, out)
			}
		}
		for _, w := range tc.unwant {
			if strings.Contains(out.String(), w) {
				t.Errorf("%v: table has %q:\n%s", tc.args, w, out)
			}
		}
	}
}

func idOf(f map[string]any) string {
	return strings.TrimSuffix(strings.TrimSuffix(jsonNumber(f["id"]), ".0"), ".")
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func mustID(t *testing.T, s string) int64 {
	id, err := followUpID([]string{s})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestDraftAndSearchCommands(t *testing.T) {
	e, out, errb, _ := storeEnv(t)
	list := listJSON(t, e, out, "--kind", "promise")
	if len(list) != 1 {
		t.Fatalf("promises: %v", list)
	}
	id := idOf(list[0])
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"", []string{"In antwoord op mijn schriftelijke vraag nr. 12 van 5 januari 2024", "«Wanneer wordt het rapport geëvalueerd?»",
			"antwoordde u: «Het rapport wordt eind maart 2024 aan het Parlement bezorgd.»", "31 maart 2024", "An Peeters"}},
		{"en", []string{"In reply to my written question nr. 12 of 5 January 2024", "31 March 2024"}},
	} {
		out.Reset()
		args := []string{"draft", id}
		if tt.lang != "" {
			args = append(args, "--lang", tt.lang)
		}
		if code := run(e, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%v lacks %q:\n%s", args, w, out)
			}
		}
	}

	for _, tt := range []struct {
		query []string
		want  string
	}{
		{[]string{"geevalueerd"}, "[geëvalueerd]"},
		{[]string{"platform"}, "[platform]"},
		{[]string{"--limit", "1", "platform"}, "[platform]"},
	} {
		out.Reset()
		code := run(e, append([]string{"search"}, tt.query...))
		if code != 0 {
			t.Fatalf("search %v: exit %d: %s", tt.query, code, errb)
		}
		if !strings.Contains(out.String(), tt.want) || !strings.HasPrefix(out.String(), "1. Ideeënplatform voor nieuwkomers, vraag") {
			t.Errorf("search %v:\n%s", tt.query, out)
		}
	}
	// titles are not indexed: only questions and answers are
	out.Reset()
	if code := run(e, []string{"search", "nieuwkomers"}); code != 0 || !strings.Contains(out.String(), "geen resultaten") {
		t.Errorf("search for a title word: exit %d: %s", code, out)
	}
	if code := run(e, []string{"search"}); code != 2 {
		t.Errorf("search without words: exit %d, want 2", code)
	}
}
