package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	opendata "github.com/pqtrack/pqtrack/tracker/source"
	"github.com/pqtrack/pqtrack/tracker/source/tkodata"
	"github.com/pqtrack/pqtrack/tracker/source/vlpar"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func init() {
	register("fetch", "fetch the watched questions, their answers and commitments from the parliaments' open data", runFetch)
}

// Source is one stream of a parliament's open data as fetch reads it:
// pages of what changed from a cursor, and the documents they link to.
type Source interface {
	Page(ctx context.Context, cursor string) (opendata.Page, error)
	Download(ctx context.Context, url string) ([]byte, error)
}

// sourceFuncs makes a Source of a client's methods.
type sourceFuncs struct {
	page     func(context.Context, string) (opendata.Page, error)
	download func(context.Context, string) ([]byte, error)
}

func (s sourceFuncs) Page(ctx context.Context, c string) (opendata.Page, error) {
	return s.page(ctx, c)
}
func (s sourceFuncs) Download(ctx context.Context, u string) ([]byte, error) {
	return s.download(ctx, u)
}

// stream is a Source with the key its cursor is stored under.
type stream struct {
	key        string // "vp", "tk", "tk-documenten", "tk-toezeggingen"
	parliament string // tracker.VP or tracker.TK
	src        Source
}

// fetchLock is the claim key that keeps fetching to one process at a time.
const fetchLock = "lock:fetch"

// defaultFetchBack is how far back a first fetch without --since reaches.
const defaultFetchBack = 30 * 24 * time.Hour

// defaultFetchSpec is when serve fetches: hourly on weekdays.
const defaultFetchSpec = "0 * * * 1-5"

var fetchWords = words{
	tracker.VP:   {"Vlaams Parlement", "Flemish Parliament"},
	tracker.TK:   {"Tweede Kamer", "Tweede Kamer"},
	"empty":      {"De volglijst is leeg: er wordt niets opgehaald of bewaard. Voeg iets toe met pqtrack watch add.", "The watch list is empty: nothing is fetched or kept. Add to it with pqtrack watch add."},
	"nowatch":    {"%s: niets op de volglijst, overgeslagen", "%s: nothing on the watch list, skipped"},
	"summary":    {"%s: %s, %s", "%s: %s, %s"},
	"questions":  {"%d nieuwe vraag|%d nieuwe vragen", "%d new question|%d new questions"},
	"answers":    {"%d antwoord gelezen|%d antwoorden gelezen", "%d answer read|%d answers read"},
	"updated":    {"%d vraag bijgewerkt|%d vragen bijgewerkt", "%d question updated|%d questions updated"},
	"commitment": {"%d nieuwe toezegging|%d nieuwe toezeggingen", "%d new commitment|%d new commitments"},
	"failed":     {"%s: %d antwoord niet binnengehaald; de volgende keer opnieuw|%s: %d antwoorden niet binnengehaald; de volgende keer opnieuw", "%s: %d answer not downloaded; tried again next time|%s: %d answers not downloaded; tried again next time"},
	"broken":     {"%s: ophalen mislukt (de dienst antwoordde niet of fout); wat binnen was, is bewaard en de volgende keer gaat het verder waar het stopte", "%s: fetching failed (the service did not answer, or answered wrongly); what came in is kept and the next run goes on where it stopped"},
	"busy":       {"een andere pqtrack haalt al op; niets gedaan", "another pqtrack is fetching; nothing done"},
	"exit":       {"ophalen mislukt", "fetching failed"},
}

// counted says n of key in l, singular or plural.
func counted(l notify.Lang, key string, n int) string {
	s := say(l, fetchWords, key)
	one, many, _ := strings.Cut(s, "|")
	if n == 1 {
		return fmt.Sprintf(one, n)
	}
	return fmt.Sprintf(many, n)
}

func runFetch(e *env, args []string) error {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	var since time.Time
	dateFlag(fs, &since, "since", "fetch what changed since `DATE` (YYYY-MM-DD) instead of since the last run")
	parl := fs.String("parliament", "", "only this parliament: vp (Vlaams Parlement) or tk (Tweede Kamer)")
	nowFlag := fs.String("now", "", "today (YYYY-MM-DD), for the first run's start and follow-ups")
	quiet := fs.Bool("no-notify", false, "do not send what the new documents resolved to Slack")
	lang := langFlag(e, fs)
	limits := readerFlags(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack fetch [--db FILE] [--since DATE] [--parliament vp|tk] [--lang nl|en]")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	if *parl != "" && *parl != tracker.VP && *parl != tracker.TK {
		return usageError(fmt.Errorf("--parliament %q: want vp or tk", *parl))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	rd, err := limits()
	if err != nil {
		return err
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	cfg, err := fetchSettings(e)
	if err != nil {
		return usageError(err)
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	lease, err := sendLease(e)
	if err != nil {
		return usageError(err)
	}
	set, err := loadRulesFor("", dbPath.path)
	if err != nil {
		return err
	}
	pl := &pipeline{db: db, set: set, lang: l, lease: lease}
	if !*quiet {
		pl.notifier = func() (notify.Notifier, error) { n, _, err := officeNotifier(e, db); return n, err }
	}
	f := &fetcher{db: db, pl: pl, rd: rd, lang: l, out: e.stdout, errs: e.stderr, lease: lease, owner: notify.NewOwner()}
	err = f.run(context.Background(), cfg.streams(rd, *parl), since, now)
	if errors.Is(err, errFetchBusy) {
		fmt.Fprintln(e.stdout, say(l, fetchWords, "busy"))
		return nil
	}
	if err != nil {
		return &exitError{code: 1, err: errors.New(say(l, fetchWords, "exit"))}
	}
	return nil
}

// fetchConfig is where the sources are and how long a request may take.
type fetchConfig struct {
	vpURL, tkURL string
	timeout      time.Duration
	backoff      time.Duration // before the first retry of a server error
}

// fetchSettings reads PQTRACK_VLPAR_URL, PQTRACK_TK_ODATA_URL,
// PQTRACK_FETCH_TIMEOUT and PQTRACK_FETCH_BACKOFF.
func fetchSettings(e *env) (fetchConfig, error) {
	c := fetchConfig{vpURL: envOr(e, "PQTRACK_VLPAR_URL", vlpar.DefaultURL), tkURL: envOr(e, "PQTRACK_TK_ODATA_URL", tkodata.DefaultURL)}
	var err error
	for _, d := range []struct {
		name, def string
		to        *time.Duration
	}{{"PQTRACK_FETCH_TIMEOUT", "30s", &c.timeout}, {"PQTRACK_FETCH_BACKOFF", "1s", &c.backoff}} {
		v := envOr(e, d.name, d.def)
		if *d.to, err = time.ParseDuration(v); err != nil || *d.to <= 0 {
			return c, fmt.Errorf("%s %q: want a duration such as 30s", d.name, v)
		}
	}
	return c, nil
}

// streams returns the streams to read: both parliaments', or only p's.
func (c fetchConfig) streams(rd *reader, p string) []stream {
	hc := opendata.NewClient(c.timeout)
	hc.Backoff, hc.MaxBody = c.backoff, rd.maxSize
	vp := vlpar.New(c.vpURL, hc)
	tk := tkodata.New(c.tkURL, hc)
	all := []stream{
		{"vp", tracker.VP, sourceFuncs{vp.Questions, vp.Download}},
		{"tk", tracker.TK, sourceFuncs{tk.Questions, tk.Download}},
		// Answers and postponements, from the documents' side.
		{"tk-documenten", tracker.TK, sourceFuncs{tk.Answers, tk.Download}},
		{"tk-toezeggingen", tracker.TK, sourceFuncs{tk.Commitments, tk.Download}},
	}
	var out []stream
	for _, s := range all {
		if p == "" || s.parliament == p {
			out = append(out, s)
		}
	}
	return out
}

// errFetchBusy: another process holds the fetch lock.
var errFetchBusy = errors.New("another process is fetching")

// fetcher stores what the streams list: the watched questions with
// PutFiled, their answers through the ingest pipeline, the watched
// ministers' commitments as commitment documents.
type fetcher struct {
	db      store.Full
	pl      *pipeline
	rd      *reader
	lang    notify.Lang
	out     io.Writer // summary lines for staff
	errs    io.Writer // what failed, with its cause
	owner   string
	lease   time.Duration
	held    time.Time // when the lock was last claimed; zero: not held
	watches []tracker.Watch
	sources map[string]Source // by parliament: where its answers are downloaded
}

// tally is what one parliament's run did.
type tally struct {
	newQ, updated, answers, commitments, failed int
	broken                                      bool // a stream stopped on an error
}

// run fetches every stream, parliament by parliament, and prints a line
// for each. A stream that fails stops (its cursor stays after the last
// stored page); the others still run. Nothing is written before the
// first page has come in: a run against a service that cannot be
// reached leaves the database as it was.
func (f *fetcher) run(ctx context.Context, streams []stream, since, now time.Time) error {
	ws, err := f.db.Watches(ctx)
	if err != nil {
		return err
	}
	f.watches = ws
	f.sources = map[string]Source{}
	for _, s := range streams {
		if f.sources[s.parliament] == nil {
			f.sources[s.parliament] = s.src
		}
	}
	if len(ws) == 0 {
		fmt.Fprintln(f.out, say(f.lang, fetchWords, "empty"))
		return nil
	}
	defer func() {
		if !f.held.IsZero() {
			f.db.Release(context.WithoutCancel(ctx), fetchLock, f.owner)
		}
	}()
	var errs []error
	tallies := map[string]*tally{}
	var order []string
	for _, s := range streams {
		t := tallies[s.parliament]
		if t == nil {
			t = &tally{}
			tallies[s.parliament] = t
			order = append(order, s.parliament)
		}
		if !f.watching(s.parliament) {
			continue
		}
		if err := f.stream(ctx, s, since, now, t); err != nil {
			if errors.Is(err, errFetchBusy) {
				return err
			}
			fmt.Fprintf(f.errs, "pqtrack fetch: %s: %v\n", s.key, err)
			t.broken = true
			errs = append(errs, err)
		}
	}
	for _, p := range order {
		name := say(f.lang, fetchWords, p)
		if !f.watching(p) {
			fmt.Fprintln(f.out, say(f.lang, fetchWords, "nowatch", name))
			continue
		}
		t := tallies[p]
		line := say(f.lang, fetchWords, "summary", name, counted(f.lang, "questions", t.newQ), counted(f.lang, "answers", t.answers))
		if t.updated > 0 {
			line += ", " + counted(f.lang, "updated", t.updated)
		}
		if p == tracker.TK {
			line += ", " + counted(f.lang, "commitment", t.commitments)
		}
		fmt.Fprintln(f.out, line)
		if t.broken {
			fmt.Fprintln(f.out, say(f.lang, fetchWords, "broken", name))
		}
		if t.failed > 0 {
			errs = append(errs, fmt.Errorf("%s: %d answers not downloaded", p, t.failed))
			s := say(f.lang, fetchWords, "failed")
			one, many, _ := strings.Cut(s, "|")
			if t.failed == 1 {
				fmt.Fprintln(f.out, fmt.Sprintf(one, name, t.failed))
			} else {
				fmt.Fprintln(f.out, fmt.Sprintf(many, name, t.failed))
			}
		}
	}
	// Re-resolve open deferrals and send what the new documents resolved.
	if !f.held.IsZero() {
		if err := f.pl.after(ctx, now, false); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (f *fetcher) watching(p string) bool {
	for _, w := range f.watches {
		if w.Parliament == p {
			return true
		}
	}
	return false
}

// hold claims the fetch lock before the first write and renews it as the
// run goes on, so that two processes never store the same pages at once.
func (f *fetcher) hold(ctx context.Context) error {
	now := time.Now()
	if !f.held.IsZero() && now.Sub(f.held) < f.lease/2 {
		return nil
	}
	c, err := f.db.Claim(ctx, fetchLock, f.owner, now, f.lease)
	if err != nil {
		return err
	}
	if !c.Granted() {
		return errFetchBusy
	}
	f.held = now
	return nil
}

// stream reads s page by page from its stored cursor (or since) and stores
// what the watch list keeps. The cursor moves after each stored page.
func (f *fetcher) stream(ctx context.Context, s stream, since, now time.Time, t *tally) error {
	cursor, err := f.db.FetchCursor(ctx, s.key)
	if err != nil {
		return err
	}
	if !since.IsZero() {
		cursor = since.Format(tracker.DateLayout)
	} else if cursor == "" {
		cursor = tracker.DayOf(now.Add(-defaultFetchBack)).Format(tracker.DateLayout)
	}
	if s.key == s.parliament {
		// Answers that failed to come in before are tried again first.
		if err := f.retryAnswers(ctx, s, now, t); err != nil {
			return err
		}
	}
	for {
		p, err := s.src.Page(ctx, cursor)
		if err != nil {
			return err
		}
		if err := f.hold(ctx); err != nil {
			return err
		}
		if err := f.questions(ctx, s, p.Questions, now, t); err != nil {
			return err
		}
		if err := f.commitments(ctx, p.Commitments, now, t); err != nil {
			return err
		}
		if p.Resume != "" {
			if err := f.db.SetFetchCursor(ctx, s.key, p.Resume, now); err != nil {
				return err
			}
		}
		if p.Next == "" {
			return nil
		}
		cursor = p.Next
	}
}

// answer is one answer document to read for a filed question.
type answer struct {
	q     tracker.FiledQuestion
	doc   opendata.Doc
	first bool // the question's answer, not a later one
}

// questions stores the watched questions of a page, then reads their new
// answers in one pipeline run and marks the questions answered.
func (f *fetcher) questions(ctx context.Context, s stream, qs []opendata.Question, now time.Time, t *tally) error {
	var todo []answer
	for _, q := range qs {
		if len(tracker.Watched(f.watches, q.FiledQuestion)) == 0 {
			continue
		}
		prev, err := f.db.Filed(ctx, q.Parliament, q.Ref)
		switch {
		case errors.Is(err, tracker.ErrNotFound):
			t.newQ++
		case err != nil:
			return err
		case changed(prev, q.FiledQuestion):
			t.updated++
		}
		fq := q.FiledQuestion
		fq.Answered, fq.AnswerDocumentID = time.Time{}, 0 // set once the answer is stored
		if _, err := f.db.PutFiled(ctx, fq, now); err != nil {
			return err
		}
		for i, a := range q.Answers {
			if i == 0 && prev.AnswerDocumentID != 0 && prev.AnswerURL == a.URL {
				continue // stored before
			}
			todo = append(todo, answer{q: fq, doc: a, first: i == 0})
		}
	}
	return f.ingest(ctx, todo, now, t)
}

// changed reports whether the source says something new of a stored
// question: a field it gives that differs from what is stored.
func changed(stored, q tracker.FiledQuestion) bool {
	differs := func(a, b string) bool { return b != "" && a != b }
	day := func(a, b time.Time) bool { return !b.IsZero() && !a.Equal(b) }
	return differs(stored.Title, q.Title) || differs(stored.Asker, q.Asker) || differs(stored.Minister, q.Minister) ||
		differs(stored.Committee, q.Committee) || differs(stored.AnswerURL, q.AnswerURL) ||
		day(stored.Filed, q.Filed) || day(stored.Sent, q.Sent) || day(stored.Postponed, q.Postponed)
}

// retryAnswers reads again the answers of s's parliament that are known
// but did not come in (a download that failed).
func (f *fetcher) retryAnswers(ctx context.Context, s stream, now time.Time, t *tally) error {
	qs, err := f.db.FiledQuestions(ctx, store.FiledFilter{Parliament: s.parliament})
	if err != nil {
		return err
	}
	var todo []answer
	for _, q := range qs {
		if q.AnswerURL != "" && q.AnswerDocumentID == 0 {
			todo = append(todo, answer{q: q, doc: opendata.Doc{URL: q.AnswerURL}, first: true})
		}
	}
	if len(todo) == 0 {
		return nil
	}
	if err := f.hold(ctx); err != nil {
		return err
	}
	return f.ingest(ctx, todo, now, t)
}

// ingest downloads and stores the answers through the same pipeline as
// pqtrack ingest (each document in its own transaction; the same text
// twice stores nothing), then records each question's answer with
// PutFiled. An answer that fails is counted and left for the next run.
func (f *fetcher) ingest(ctx context.Context, todo []answer, now time.Time, t *tally) error {
	if len(todo) == 0 {
		return nil
	}
	srcs := make([]source, len(todo))
	for i, a := range todo {
		name := displayName(a.doc.URL)
		srcs[i] = source{name, func() ([]byte, error) {
			data, err := f.download(ctx, a.q.Parliament, a.doc.URL)
			if err != nil {
				return nil, err
			}
			return f.rd.text(ctx, name, data)
		}}
	}
	res, _ := f.pl.store(ctx, srcs, loadOptions{Kind: tracker.KindAnswer}, now)
	for i, r := range res {
		a := todo[i]
		if r.doc == nil {
			t.failed++
			fmt.Fprintf(f.errs, "pqtrack fetch: %s %s: %s\n", a.q.Parliament, a.q.Number, message(f.lang, r.err))
			continue
		}
		if r.res.Action != store.Unchanged {
			t.answers++
		}
		if !a.first {
			continue
		}
		day := a.doc.Date
		if day.IsZero() {
			day = r.doc.Date // "ontvangen" in the document
		}
		if day.IsZero() {
			day = tracker.DayOf(now)
		}
		if _, err := f.db.PutFiled(ctx, tracker.FiledQuestion{Parliament: a.q.Parliament, Ref: a.q.Ref,
			Answered: day, AnswerDocumentID: r.res.DocumentID}, now); err != nil {
			return err
		}
	}
	return nil
}

// download gets an answer document from its parliament's source.
func (f *fetcher) download(ctx context.Context, p, url string) ([]byte, error) {
	s := f.sources[p]
	if s == nil {
		return nil, fmt.Errorf("%s: no source for parliament %q", url, p)
	}
	return s.Download(ctx, url)
}

// commitments stores the open commitments of watched ministers as
// documents of kind commitment, each with its commitment follow-up.
func (f *fetcher) commitments(ctx context.Context, cs []opendata.Commitment, now time.Time, t *tally) error {
	for _, c := range cs {
		if !c.Open() || !tracker.WatchedMinister(f.watches, tracker.TK, c.Minister, c.Function, c.Ministry) {
			continue
		}
		doc := tracker.CommitmentDocument("Toezegging("+c.Ref+")", "Tweede Kamer", c.Number, c.Minister, c.Text, c.Status, c.Made, c.Due)
		res, err := f.db.Ingest(ctx, doc, now)
		if err != nil {
			return err
		}
		if res.Action == store.Created {
			t.commitments++
		}
	}
	return nil
}
