package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/report"
	"github.com/pqtrack/pqtrack/tracker/resolve"
)

func init() {
	register("analyze", "say per question what each answer really delivers", runAnalyze)
}

// loadOptions say how documents are read and judged.
type loadOptions struct {
	Date      time.Time // document date when the document names none
	RulesFile string    // user rule file; empty: the embedded default

	// Kind, when a meeting or a letter, reads the files as reports with
	// no questions (parse.ReadReport); Body and Title then override
	// their header.
	Kind        tracker.Kind
	Body, Title string
}

func runAnalyze(e *env, args []string) error {
	fl := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	asJSON := fl.Bool("json", false, "print JSON instead of a table")
	var o loadOptions
	dateFlag(fl, &o.Date, "date", "document date for relative expressions, when the document does not say it (YYYY-MM-DD)")
	fl.StringVar(&o.RulesFile, "rules", "", "rule `file` that extends or replaces the default rules")
	lang := fl.String("lang", langDefault(e), "language of the table: nl or en")
	explain := fl.Bool("explain", false, "under the table, show per question each answer sentence with the role that was read in it")
	limits := readerFlags(e, fl)
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack analyze [--json] [--explain] [--date YYYY-MM-DD] [--rules FILE] [--max-size SIZE] [--pdf-timeout TIME] [FILE|DIR|-]...")
		fl.PrintDefaults()
	}
	paths, err := parseArgs(fl, args)
	if err != nil {
		return &exitError{code: 2}
	}
	rd, err := limits()
	if err != nil {
		return err
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	set, err := loadRules(o.RulesFile)
	if err != nil {
		return err
	}
	ctx := context.Background()
	failed := 0
	fail := func(err error) {
		failed++
		fmt.Fprintf(e.stderr, "pqtrack analyze: %s\n", message(l, err))
	}
	var inputs []input
	if len(paths) == 0 {
		inputs = append(inputs, input{name: "seeds/" + seeds.Name, data: seeds.Default})
	}
	for _, p := range paths {
		if p == "-" {
			data, err := rd.stream(ctx, e.stdin)
			if err != nil {
				fail(err)
				continue
			}
			inputs = append(inputs, input{name: "-", data: data})
			continue
		}
		files, err := documentFiles(p)
		if err != nil {
			fail(err)
			continue
		}
		for _, f := range files {
			inputs = append(inputs, input{name: displayName(f), read: func() ([]byte, error) { return rd.file(ctx, f) }})
		}
	}

	// Documents are printed as they come, in order: the JSON array is
	// written element by element.
	n := 0
	if *asJSON {
		io.WriteString(e.stdout, "{\n  \"documents\": [")
	}
	analyzeAll(inputs, runtime.NumCPU(), func(d *tracker.Document) {
		analyzeOne(set, d, o.Date)
	}, func(in input, d *tracker.Document, err error) {
		if d != nil {
			if *asJSON {
				b, jerr := json.MarshalIndent(report.FromDocument(d), "    ", "  ")
				if jerr != nil {
					fail(fmt.Errorf("%s: %v", in.name, jerr))
					return
				}
				if n > 0 {
					io.WriteString(e.stdout, ",")
				}
				fmt.Fprintf(e.stdout, "\n    %s", b)
			} else {
				if n > 0 {
					fmt.Fprintln(e.stdout)
				}
				printTable(e.stdout, d, *lang)
				if *explain {
					printExplanation(e.stdout, d, *lang)
				}
				for _, w := range d.Warnings {
					fmt.Fprintf(e.stderr, "pqtrack analyze: %s: %s\n", displayName(d.File), warning(l, w))
				}
			}
			n++
		}
		if err != nil {
			fail(named(in.name, err))
		}
	})
	if *asJSON {
		if n > 0 {
			io.WriteString(e.stdout, "\n  ")
		}
		io.WriteString(e.stdout, "]\n}\n")
	}
	if failed > 0 {
		return &exitError{code: 1, err: errors.New(say(l, ingestWords, "failed", failed))}
	}
	return nil
}

// input is one document to analyse: read by the worker that takes it, so
// that only documents in flight are in memory, or given as data.
type input struct {
	name string // as printed
	read func() ([]byte, error)
	data []byte
}

// named puts the input's name in front of an error that does not say it.
func named(name string, err error) error {
	if strings.Contains(err.Error(), name) {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// analyzeAll runs work on the inputs with the given number of workers and
// calls done for each, in the order of inputs, as soon as it and all
// before it are finished. At most about 2 x workers documents are held at
// once, however many inputs there are.
func analyzeAll(inputs []input, workers int, work func(*tracker.Document), done func(input, *tracker.Document, error)) {
	type result struct {
		docs []*tracker.Document
		err  error
	}
	type job struct {
		in  input
		out chan result
	}
	workers = max(1, workers)
	jobs := make(chan job)
	order := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				docs, err := readInput(j.in)
				for _, d := range docs {
					work(d)
				}
				j.out <- result{docs, err}
			}
		}()
	}
	go func() {
		for _, in := range inputs {
			j := job{in: in, out: make(chan result, 1)}
			order <- j // blocks while workers documents wait to be printed
			jobs <- j
		}
		close(order)
		close(jobs)
	}()
	for j := range order {
		r := <-j.out
		for i, d := range r.docs {
			var err error
			if i == len(r.docs)-1 {
				err = r.err // said once, after the file's documents
			}
			done(j.in, d, err)
		}
		if len(r.docs) == 0 {
			done(j.in, nil, r.err)
		}
	}
	wg.Wait()
}

// readInput parses one input: one document, or one for each question of
// a bulletin (parse.ReadAll). Documents with an error too (answers left
// over that could not be paired) come back with it.
func readInput(in input) ([]*tracker.Document, error) {
	data := in.data
	if in.read != nil {
		var err error
		if data, err = in.read(); err != nil {
			return nil, err
		}
	}
	return parse.ReadAll(in.name, data)
}

// analyzeOne judges a parsed document and follows references to other
// answers of the same document, which need no store.
func analyzeOne(set *rules.Set, d *tracker.Document, date time.Time) {
	set.Analyze(d, date)
	resolve.Local(d)
}

// documentFiles lists p itself, or the .txt and .pdf files below p when it
// is a directory, in name order.
func documentFiles(p string) ([]string, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if !d.IsDir() && (ext == ".txt" || ext == ".pdf") {
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no .txt or .pdf files", p)
	}
	return out, err
}

func loadRules(path string) (*rules.Set, error) {
	if path == "" {
		return rules.Default()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return rules.Load(path, data)
}

// dateFlag defines a YYYY-MM-DD flag.
func dateFlag(fl *flag.FlagSet, t *time.Time, name, usage string) {
	fl.Func(name, usage, func(s string) error {
		d, err := tracker.ParseDay(s)
		if err != nil {
			return errors.New("want a date as YYYY-MM-DD")
		}
		*t = d
		return nil
	})
}

// langDefault is the language of messages: Dutch unless PQTRACK_LANG says en.
func langDefault(e *env) string {
	if l := e.getenv("PQTRACK_LANG"); l == "en" {
		return "en"
	}
	return "nl"
}

// analyzeWords are the words of the table, Dutch and English; statuses
// come from notify's catalogue.
var analyzeWords = words{
	"no":          {"nr", "no"},
	"status":      {"status", "status"},
	"why":         {"waarom", "why"},
	"dates":       {"datums", "dates"},
	"target":      {"verwijst naar", "points to"},
	"nodate":      {"datum onbekend", "date unknown"},
	"asked":       {"vraag van %s", "asked on %s"},
	"promise":     {"belofte: %q", "promise: %q"},
	"grouped":     {"gegroepeerd", "grouped"},
	"interleaved": {"vraag en antwoord afwisselend", "interleaved"},
	"single":      {"één vraag", "single"},
	"meeting":     {"vergadering", "meeting"},
	"letter":      {"brief", "letter"},
	"answer":      {"antwoord", "answer"},
	"document":    {"document", "document"},
	"website":     {"website", "website"},
	"day":         {"dag", "day"},
	"month":       {"maand", "month"},
	"quarter":     {"kwartaal", "quarter"},
	"half":        {"halfjaar", "half"},
	"season":      {"seizoen", "season"},
	"year":        {"jaar", "year"},
	"open":        {"deelvraag %d zonder antwoord: %q", "sub-question %d not answered: %q"},
	"question":    {"Vraag %d: %s", "Question %d: %s"},
	"sub":         {"deelvraag %d", "sub-question %d"},
	"noanswer":    {"  (geen antwoord in het document)", "  (no answer in the document)"},
	"legend":      {"Waarom: per zin wat hij doet; * = daar rust het oordeel op.", "Why: what each sentence does; * = the judgement rests on it."},
}

// printTable writes the readable form of an analysed document.
func printTable(w io.Writer, d *tracker.Document, lang string) {
	l := notify.Dutch
	if lang == "en" {
		l = notify.English
	}
	t := func(key string, args ...any) string { return say(l, analyzeWords, key, args...) }
	date := t("nodate")
	switch {
	case tracker.Dated(d.Date):
		date = d.Date.Format(tracker.DateLayout)
	case tracker.Dated(d.Asked):
		date = t("asked", d.Asked.Format(tracker.DateLayout))
	}
	fmt.Fprintf(w, "%s\n", d.File)
	if d.Title != "" {
		fmt.Fprintf(w, "%s\n", d.Title)
	}
	fmt.Fprintf(w, "%s, %d, %s\n\n", t(string(d.Layout)), len(d.Items), date)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t("no"), t("status"), t("why"), t("dates"), t("target"))
	for i := range d.Items {
		it := &d.Items[i]
		var ds []string
		for _, p := range it.Promises {
			ds = append(ds, p.Date.Format(tracker.DateLayout)+" ("+t(string(p.Precision))+")")
		}
		tgt := ""
		if df := it.Deferral; df != nil {
			tgt = t(string(df.Kind))
			if tracker.Dated(df.Date) {
				tgt += " " + df.Date.Format(tracker.DateLayout)
			}
			if len(df.Numbers) > 0 {
				tgt += " " + fmt.Sprint(df.Numbers)
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", it.Number, l.T("status."+string(it.Status)), why(it, t, l), strings.Join(ds, ", "), tgt)
	}
	tw.Flush()
}

// why quotes the sentence the status rests on, shortened, with what it
// does; for a partial answer without an evasive sentence, the sub-question
// left open.
func why(it *tracker.Item, t func(string, ...any) string, l notify.Lang) string {
	if it.Status == tracker.Answered || it.Status == tracker.Unanswered {
		return ""
	}
	for _, r := range it.Readings {
		if r.Decisive && r.Role.Evasive() {
			return fmt.Sprintf("%s: %q", l.T("role."+string(r.Role)), shorten(it.Answer[r.Start:r.End], 40))
		}
	}
	for i, sq := range it.SubQuestions {
		if sq.Status != tracker.Answered {
			return t("open", i+1, shorten(sq.Text, 30))
		}
	}
	if len(it.Promises) > 0 {
		return t("promise", shorten(it.Promises[0].What, 40))
	}
	return ""
}

// printExplanation lists, per question, the answer's sentences with the
// role read in each and the sub-question it was taken to reply to.
func printExplanation(w io.Writer, d *tracker.Document, lang string) {
	l := notify.Dutch
	if lang == "en" {
		l = notify.English
	}
	t := func(key string, args ...any) string { return say(l, analyzeWords, key, args...) }
	fmt.Fprintf(w, "\n%s\n", t("legend"))
	for i := range d.Items {
		it := &d.Items[i]
		fmt.Fprintf(w, "\n%s\n", t("question", it.Number, l.T("status."+string(it.Status))))
		if len(it.Readings) == 0 {
			fmt.Fprintln(w, t("noanswer"))
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, r := range it.Readings {
			mark := " "
			if r.Decisive {
				mark = "*"
			}
			sub := ""
			if len(it.SubQuestions) > 1 {
				sub = t("sub", r.SubQuestion+1)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", mark, l.T("role."+string(r.Role)), sub, shorten(it.Answer[r.Start:r.End], 90))
		}
		tw.Flush()
	}
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
