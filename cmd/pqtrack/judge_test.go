package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// realDoc is a Tweede Kamer answer with its number and date: five
// questions pqtrack judges answered, each pointing at a letter and
// promising more in the spring (two follow-ups each: 1-2 question 1, 3-4
// question 2, ...).
var realDoc = filepath.Join("..", "..", "tracker", "parse", "testdata", "real", "tk-2024Z18792.txt")

// TestJudgeCommand corrects judgements through the command line, in Dutch
// and English, by DOCUMENT/QUESTION and by follow-up, and checks that a
// corrected version of the document, ingested again, keeps them.
func TestJudgeCommand(t *testing.T) {
	data, err := os.ReadFile(realDoc)
	if err != nil {
		t.Fatal(err)
	}
	// Documents without a title are named by their file, as given.
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("tk-2024Z18792.txt", data, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "j.db")
	vars := map[string]string{"PQTRACK_DB": path, "USER": "tester"}
	e, out, errb := testEnv(vars)
	if code := run(e, []string{"ingest", "tk-2024Z18792.txt"}); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errb)
	}
	steps := []struct {
		args []string
		want []string // stdout, line by line
	}{
		{[]string{"judge", "1/2", "--status", "geweigerd", "--note", "zegt niets over de cijfers"}, []string{
			"tk-2024Z18792.txt, vraag 2: geweigerd in plaats van beantwoord (door tester)",
			"opvolging 11 aangemaakt: geweigerd, vervalt 20 november 2024",
		}},
		{[]string{"judge", "--followup", "6", "--status", "partial", "--lang", "en", "--by", "els"}, []string{
			"tk-2024Z18792.txt, question 3: partial instead of answered (by els)",
			"follow-up 12 created: partial answer, due 20 November 2024",
		}},
		{[]string{"judge", "1:4", "--status", "doorverwezen"}, []string{
			"tk-2024Z18792.txt, vraag 4: doorverwezen in plaats van beantwoord (door tester)",
			"de opvolgingen blijven zoals ze waren",
		}},
		{[]string{"judge", "1/5", "--status", "In Afwachting", "--sub", "1"}, []string{
			"tk-2024Z18792.txt, vraag 5: in afwachting in plaats van beantwoord (door tester)",
			"de opvolgingen blijven zoals ze waren", // the promise already waits for it
		}},
	}
	for _, s := range steps {
		out.Reset()
		errb.Reset()
		if code := run(e, s.args); code != 0 {
			t.Fatalf("%v: exit %d: %s", s.args, code, errb)
		}
		if got := strings.Split(strings.TrimSpace(out.String()), "\n"); strings.Join(got, "\n") != strings.Join(s.want, "\n") {
			t.Errorf("%v:\n%s\nwant\n%s", s.args, out, strings.Join(s.want, "\n"))
		}
	}

	// A corrected version of the document: pqtrack judges it anew, staff's
	// statuses stay and nothing they closed or made is undone.
	v2 := "tk-2024Z18792-v2.txt"
	if err := os.WriteFile(v2, append(data, "\nDit is een gecorrigeerde versie.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run(e, []string{"ingest", v2}); code != 0 || !strings.HasPrefix(out.String(), "vervangen ") {
		t.Fatalf("ingest v2: exit %d: %s%s", code, out, errb)
	}
	out.Reset()
	if code := run(e, []string{"judge", "1/2", "--status", "beantwoord"}); code != 0 {
		t.Fatalf("judge 1/2 answered: exit %d: %s", code, errb)
	}
	want := "tk-2024Z18792-v2.txt, vraag 2: beantwoord in plaats van geweigerd (door tester)\n" +
		"opvolging 3 afgesloten (gecorrigeerd): belofte\n" +
		"opvolging 4 afgesloten (gecorrigeerd): doorverwijzing\n" +
		"opvolging 11 afgesloten (gecorrigeerd): geweigerd\n"
	if out.String() != want {
		t.Errorf("judge 1/2 after the re-ingest:\n%swant\n%s", out, want)
	}

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	doc, err := db.Document(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []tracker.Status{tracker.Answered, tracker.Answered, tracker.Partial, tracker.Deferred, tracker.Pending} {
		if doc.Items[i].Status != want {
			t.Errorf("question %d after the re-ingest: %s, want %s", i+1, doc.Items[i].Status, want)
		}
	}
	for id, want := range map[int64]tracker.State{3: tracker.Done, 11: tracker.Done, 12: tracker.Open, 9: tracker.Open} {
		f, err := db.FollowUp(ctx, id)
		if err != nil || f.State != want {
			t.Errorf("follow-up %d: %v (%v), want %s", id, f, err, want)
		}
	}
	cs, err := db.Corrections(ctx, tracker.CorrectionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 5 || cs[0].Note != "zegt niets over de cijfers" || cs[1].By != "els" || cs[3].SubQuestion != 1 ||
		cs[0].Source != tracker.FromCommandLine || cs[4].Was != tracker.Answered {
		t.Errorf("stored corrections: %+v", cs)
	}
}

func TestJudgeErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "e.db")
	e, _, errb := testEnv(map[string]string{"PQTRACK_DB": path, "USER": "tester"})
	if code := run(e, []string{"ingest", realDoc}); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errb)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"judge", "1/2"}, 2, "geen status: geef --status, een van: beantwoord, gedeeltelijk, doorverwezen, in afwachting, geweigerd, onbeantwoord"},
		{[]string{"judge", "1/2", "--status", "vaag"}, 2, `status "vaag" bestaat niet: kies uit beantwoord, gedeeltelijk`},
		{[]string{"judge", "1/2", "--status", "vague", "--lang", "en"}, 2, `unknown status "vague": want one of answered, partial`},
		{[]string{"judge", "--status", "partial"}, 2, "welke vraag? geef DOCUMENT/VRAAG (bv. 1/5) of --followup N"},
		{[]string{"judge", "1/2", "--followup", "2", "--status", "partial"}, 2, "welke vraag?"},
		{[]string{"judge", "twee", "--status", "partial"}, 2, `"twee" is geen vraag: schrijf DOCUMENT/VRAAG, bv. 1/5`},
		{[]string{"judge", "9/2", "--status", "partial"}, 1, "document 9 bestaat niet"},
		{[]string{"judge", "1/12", "--status", "partial"}, 1, "document 1 heeft geen vraag 12"},
		{[]string{"judge", "1/12", "--status", "partial", "--lang", "en"}, 1, "document 1 has no question 12"},
		{[]string{"judge", "--followup", "99", "--status", "partial"}, 1, "opvolging 99 bestaat niet"},
		{[]string{"judge", "1/2", "--status", "beantwoord"}, 1, "vraag 2 is al beantwoord"},
		{[]string{"judge", "1/2", "--status", "partial", "--sub", "7"}, 1, "vraag 2 heeft geen deelvraag 7"},
	}
	for _, tt := range tests {
		errb.Reset()
		if code := run(e, tt.args); code != tt.code || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errb, tt.code, tt.want)
		}
	}
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if cs, _ := db.Corrections(context.Background(), tracker.CorrectionFilter{}); len(cs) != 0 {
		t.Errorf("failed judgements stored %d corrections", len(cs))
	}
}
