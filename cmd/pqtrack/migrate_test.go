package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/postgres"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

// migrate copies an office's SQLite database into PostgreSQL: the
// commands then show the same follow-ups from either; a second run copies
// nothing; new rows get new ids.
func TestMigrate(t *testing.T) {
	ctx := context.Background()
	e, out, errb, path := storeEnv(t)
	// Some history, a correction and a sent message to carry over.
	lite, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fus, _ := lite.FollowUps(ctx, tracker.FollowUpFilter{})
	at := time.Date(2024, 2, 1, 10, 0, 0, 0, time.UTC)
	if err := lite.Snooze(ctx, fus[0].ID, tracker.Day(2024, 6, 1), "na het reces", "jan", at); err != nil {
		t.Fatal(err)
	}
	if err := lite.MarkSent(ctx, fus[1].ReminderKey(), at); err != nil {
		t.Fatal(err)
	}
	if _, err := lite.Correct(ctx, tracker.Correction{DocumentID: fus[0].DocumentID, QuestionNumber: 3,
		Status: tracker.Declined, Source: tracker.FromSlack, At: at, By: "jan"}); err != nil {
		t.Fatal(err)
	}
	// What fetching, the watch list and the Slack app keep.
	filed := tracker.FiledQuestion{Parliament: tracker.TK, Ref: "2024Z01234", Number: "2024Z01234", Title: "Stikstof",
		Asker: "Eva de Vries", Filed: tracker.Day(2024, 1, 10)}
	if _, err := lite.PutFiled(ctx, filed, at); err != nil {
		t.Fatal(err)
	}
	if _, err := lite.AddWatch(ctx, tracker.Watch{Parliament: tracker.TK, Kind: tracker.WatchMember, Value: "Eva de Vries", Created: at, By: "jan"}); err != nil {
		t.Fatal(err)
	}
	if err := lite.SetFetchCursor(ctx, "tk", "2024-01-31T08:00:00Z", at); err != nil {
		t.Fatal(err)
	}
	if _, err := lite.Handle(ctx, "trigger:42", at); err != nil {
		t.Fatal(err)
	}
	lite.Close()

	url := pgtest.New(t)
	migrate := func() string {
		out.Reset()
		if code := run(e, []string{"migrate", "--from", path, "--to", url}); code != 0 {
			t.Fatalf("migrate: exit %d: %s", code, errb)
		}
		return out.String()
	}
	first := migrate()
	for _, want := range []string{"documenten", "opvolgingen", "correcties", "verzonden berichten",
		"ingediende vragen", "volglijst", "ophaalposities", "afgehandelde Slack-acties"} {
		if !strings.Contains(first, want) {
			t.Errorf("migrate output lacks %q:\n%s", want, first)
		}
	}
	if strings.Contains(first, " 0 rijen gekopieerd") {
		t.Errorf("first migrate copied nothing:\n%s", first)
	}
	second := migrate()
	had := 0
	for _, line := range strings.Split(strings.TrimSpace(second), "\n") {
		var copied, there int
		if i := strings.Index(line, "gekopieerd,"); i > 0 {
			fmt.Sscanf(strings.Fields(line[:i])[len(strings.Fields(line[:i]))-1], "%d", &copied)
			fmt.Sscanf(strings.TrimSpace(line[i+len("gekopieerd,"):]), "%d", &there)
			if copied != 0 {
				t.Errorf("second migrate copied again: %s", line)
			}
			had += there
		}
	}
	if had == 0 || !strings.Contains(second, "0 rijen gekopieerd") {
		t.Errorf("second migrate:\n%s\nwant nothing copied, everything already there", second)
	}

	// The commands read the same from both databases.
	fromFile := listJSON(t, e, out, "--db", path)
	fromServer := listJSON(t, e, out, "--db", url)
	if diff := cmp.Diff(fromFile, fromServer); diff != "" || len(fromFile) == 0 {
		t.Errorf("followups from SQLite and from PostgreSQL differ (-file +server):\n%s", diff)
	}

	lite, _ = sqlite.Open(path)
	defer lite.Close()
	pg, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	for _, f := range fus {
		a, _ := lite.History(ctx, f.ID)
		b, err := pg.History(ctx, f.ID)
		if err != nil || !cmp.Equal(a, b) {
			t.Errorf("history of %d differs: %v\n%s", f.ID, err, cmp.Diff(a, b))
		}
	}
	a, _ := lite.Document(ctx, fus[0].DocumentID)
	b, err := pg.Document(ctx, fus[0].DocumentID)
	if err != nil || !cmp.Equal(a, b) {
		t.Errorf("document differs: %v\n%s", err, cmp.Diff(a, b))
	}
	ca, _ := lite.Corrections(ctx, tracker.CorrectionFilter{})
	cb, _ := pg.Corrections(ctx, tracker.CorrectionFilter{})
	if len(ca) != 1 || !cmp.Equal(ca, cb) {
		t.Errorf("corrections differ:\n%s", cmp.Diff(ca, cb))
	}
	if sent, _ := pg.WasSent(ctx, fus[1].ReminderKey()); !sent {
		t.Error("the send log did not come along: the reminder would go out again")
	}
	if q, err := pg.Filed(ctx, tracker.TK, filed.Ref); err != nil || q.Title != filed.Title || !q.Filed.Equal(filed.Filed) {
		t.Errorf("filed question: %+v, %v", q, err)
	}
	wa, _ := lite.Watches(ctx)
	wb, _ := pg.Watches(ctx)
	if len(wa) != 1 || !cmp.Equal(wa, wb) {
		t.Errorf("watch lists differ:\n%s", cmp.Diff(wa, wb))
	}
	if c, err := pg.FetchCursor(ctx, "tk"); err != nil || c != "2024-01-31T08:00:00Z" {
		t.Errorf("fetch cursor %q, %v: fetching would start over", c, err)
	}
	if again, err := pg.Handle(ctx, "trigger:42", at); err != nil || again {
		t.Errorf("handle a copied interaction: %v, %v; want handled before", again, err)
	}
	// New documents get ids after the copied ones.
	doc := &tracker.Document{Title: "Nieuw", Text: "nieuw", Items: []tracker.Item{{Number: 1, Question: "V?", Status: tracker.Unanswered}}}
	res, err := pg.Ingest(ctx, doc, at)
	if err != nil || res.DocumentID <= fus[0].DocumentID {
		t.Errorf("ingest after migrate: %+v, %v; want a new id", res, err)
	}
	t.Logf("%d open follow-ups carried over; second run:\n%s", len(fromServer), second)
}

// A database that holds another office's documents under the same ids is
// refused, and nothing is copied.
func TestMigrateRefusesOtherData(t *testing.T) {
	ctx := context.Background()
	e, out, errb, path := storeEnv(t)
	url := pgtest.New(t)
	pg, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if _, err := pg.Ingest(ctx, &tracker.Document{Title: "Ander kantoor", Text: "iets anders"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run(e, []string{"migrate", "--from", path, "--to", url}); code == 0 {
		t.Fatalf("migrate into another office's database: exit 0\n%s", out)
	}
	if !strings.Contains(errb.String(), "other data") {
		t.Errorf("error %q does not say why", errb)
	}
	if fs, _ := pg.FollowUps(ctx, tracker.FollowUpFilter{}); len(fs) != 0 {
		t.Errorf("%d follow-ups copied by a refused migrate", len(fs))
	}
}
