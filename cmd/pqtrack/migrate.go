package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/postgres"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

func init() {
	register("migrate", "copy a SQLite database into PostgreSQL (safe to run again)", runMigrate)
}

var migrateWords = words{
	"line":  {"%-22s %6d gekopieerd, %6d waren er al", "%-22s %6d copied, %6d already there"},
	"total": {"%d rijen gekopieerd naar %s", "%d rows copied into %s"},
	// what each table holds, as staff call it
	"documents":          {"documenten", "documents"},
	"document_versions":  {"documentversies", "document versions"},
	"items":              {"vragen", "questions"},
	"sub_questions":      {"deelvragen", "sub-questions"},
	"findings":           {"vondsten", "findings"},
	"deferrals":          {"verwijzingen", "deferrals"},
	"promises":           {"beloften", "promises"},
	"followups":          {"opvolgingen", "follow-ups"},
	"followup_events":    {"geschiedenis", "history"},
	"sent":               {"verzonden berichten", "messages sent"},
	"runs":               {"geplande taken", "scheduled jobs"},
	"passages":           {"passages", "passages"},
	"deliveries":         {"mogelijke leveringen", "possible deliveries"},
	"arrivals":           {"meldingen in wachtrij", "queued notices"},
	"claims":             {"verzendclaims", "send claims"},
	"work":               {"wachtend werk", "queued work"},
	"corrections":        {"correcties", "corrections"},
	"filed_questions":    {"ingediende vragen", "filed questions"},
	"watches":            {"volglijst", "watch list"},
	"fetch_state":        {"ophaalposities", "fetch positions"},
	"slack_interactions": {"afgehandelde Slack-acties", "Slack actions handled"},
}

// runMigrate copies an office's SQLite database into a PostgreSQL
// database: every table, ids kept, in one transaction. Run again, it
// copies only what is new.
func runMigrate(e *env, args []string) error {
	set := flag.NewFlagSet("migrate", flag.ContinueOnError)
	set.SetOutput(e.stderr)
	from := set.String("from", "", "the SQLite database `FILE` to copy")
	to := set.String("to", "", "the PostgreSQL database `URL` (postgres://...) to copy into")
	lang := langFlag(e, set)
	pos, err := parseArgs(set, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	if *from == "" || !isURL(*to) {
		return usageError(errors.New("usage: pqtrack migrate --from FILE --to postgres://..."))
	}
	if _, err := os.Stat(*from); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("database %s bestaat niet: kijk --from na", *from)
	}
	src, err := sqlite.Open(*from)
	if err != nil {
		return err
	}
	defer src.Close()
	ctx := context.Background()
	dst, err := postgres.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	counts, err := dst.CopyFrom(ctx, src.SQL())
	if err != nil {
		return err
	}
	total := 0
	for _, c := range counts {
		fmt.Fprintln(e.stdout, say(l, migrateWords, "line", say(l, migrateWords, c.Table), c.Copied, c.Had))
		total += c.Copied
	}
	fmt.Fprintln(e.stdout, say(l, migrateWords, "total", total, dst.Name()))
	return nil
}
