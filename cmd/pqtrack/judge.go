package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os/user"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("judge", "correct pqtrack's judgement of a question: the status it should have", runJudge)
}

var judgeWords = words{
	"usage": {"gebruik: pqtrack judge DOCUMENT/VRAAG --status STATUS [--sub N] [--note TEKST] [--by NAAM] [--lang nl|en] [--db BESTAND]\n" +
		"   of: pqtrack judge --followup N --status STATUS ...\n\nDOCUMENT/VRAAG is het documentnummer en het vraagnummer, bv. 1/5 voor vraag 5 van document 1.",
		"usage: pqtrack judge DOCUMENT/QUESTION --status STATUS [--sub N] [--note TEXT] [--by NAME] [--lang nl|en] [--db FILE]\n" +
			"   or: pqtrack judge --followup N --status STATUS ...\n\nDOCUMENT/QUESTION is the document's number and the question's, e.g. 1/5 for question 5 of document 1."},
	"done":       {"%s, vraag %d: %s in plaats van %s (door %s)", "%s, question %d: %s instead of %s (by %s)"},
	"done.noby":  {"%s, vraag %d: %s in plaats van %s", "%s, question %d: %s instead of %s"},
	"created":    {"opvolging %d aangemaakt: %s, vervalt %s", "follow-up %d created: %s, due %s"},
	"reopened":   {"opvolging %d heropend: %s", "follow-up %d reopened: %s"},
	"closed":     {"opvolging %d afgesloten (%s): %s", "follow-up %d closed (%s): %s"},
	"unchanged":  {"de opvolgingen blijven zoals ze waren", "the follow-ups stay as they were"},
	"err.which":  {"welke vraag? geef DOCUMENT/VRAAG (bv. 1/5) of --followup N", "which question? give DOCUMENT/QUESTION (e.g. 1/5) or --followup N"},
	"err.ref":    {"%q is geen vraag: schrijf DOCUMENT/VRAAG, bv. 1/5", "%q is not a question: write DOCUMENT/QUESTION, e.g. 1/5"},
	"err.status": {"geen status: geef --status, een van: %s", "no status: give --status, one of: %s"},
	"err.bad":    {"status %q bestaat niet: kies uit %s", "unknown status %q: want one of %s"},
	"err.nodoc":  {"document %d bestaat niet", "there is no document %d"},
	"err.noq":    {"document %d heeft geen vraag %d", "document %d has no question %d"},
	"err.nofu":   {"opvolging %d bestaat niet", "there is no follow-up %d"},
	"err.same":   {"vraag %d is al %s", "question %d is %s already"},
	"err.sub":    {"vraag %d heeft geen deelvraag %d (wel %d)", "question %d has no sub-question %d (it has %d)"},
}

// statusWords are the words staff may give for a status besides its
// English name: the Dutch word of the catalogue, and "afwachting" alone.
func statusWords() map[tracker.Status][]string {
	m := map[tracker.Status][]string{}
	for _, s := range tracker.Statuses {
		m[s] = []string{notify.Dutch.T("status." + string(s))}
	}
	m[tracker.Pending] = append(m[tracker.Pending], "afwachting")
	return m
}

// statusList names every status in l, for an error.
func statusList(l notify.Lang) string {
	var names []string
	for _, s := range tracker.Statuses {
		names = append(names, l.T("status."+string(s)))
	}
	return strings.Join(names, ", ")
}

// judgeError is an error for staff, in their language; cause is kept for
// errors.Is.
func judgeError(l notify.Lang, cause error, key string, args ...any) error {
	return fmt.Errorf("%s%w", say(l, judgeWords, key, args...), silent{cause})
}

// silent wraps an error without adding to the message.
type silent struct{ err error }

func (s silent) Error() string { return "" }
func (s silent) Unwrap() error { return s.err }

func runJudge(e *env, args []string) error {
	fs := flag.NewFlagSet("judge", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	lang := langFlag(e, fs)
	status := fs.String("status", "", "the status the question should have: beantwoord, gedeeltelijk, doorverwezen, in afwachting, geweigerd, onbeantwoord (or answered, partial, deferred, pending, declined, unanswered)")
	followUp := fs.Int64("followup", 0, "the question of follow-up `N`, instead of DOCUMENT/QUESTION")
	sub := fs.Int("sub", 0, "the sub-question (1, 2, ...) the correction is about, if one")
	note := fs.String("note", "", "why, for the history and for training")
	by := fs.String("by", "", "who corrects (default $USER, else the user logged in)")
	fs.Usage = func() {
		l, _ := notify.ParseLang(*lang)
		fmt.Fprintln(e.stderr, say(l, judgeWords, "usage"))
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	if *status == "" {
		return usageError(judgeError(l, tracker.ErrInvalid, "err.status", statusList(l)))
	}
	st, ok := tracker.ParseStatus(*status, statusWords())
	if !ok {
		return usageError(judgeError(l, tracker.ErrInvalid, "err.bad", *status, statusList(l)))
	}
	var docID int64
	var number int
	switch {
	case len(pos) == 1 && *followUp == 0:
		if docID, number, err = questionRef(pos[0]); err != nil {
			return usageError(judgeError(l, tracker.ErrInvalid, "err.ref", pos[0]))
		}
	case len(pos) == 0 && *followUp > 0:
	default:
		return usageError(judgeError(l, tracker.ErrInvalid, "err.which"))
	}
	who := *by
	if who == "" {
		who = e.getenv("USER")
	}
	if who == "" {
		if u, err := user.Current(); err == nil {
			who = u.Username
		}
	}

	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	if *followUp > 0 {
		f, err := db.FollowUp(ctx, *followUp)
		if errors.Is(err, tracker.ErrNotFound) {
			return judgeError(l, err, "err.nofu", *followUp)
		} else if err != nil {
			return err
		}
		docID, number = f.DocumentID, f.QuestionNumber
	}
	// The store says the same, in English; staff get it in their language.
	doc, err := db.Document(ctx, docID)
	if errors.Is(err, tracker.ErrNotFound) {
		return judgeError(l, err, "err.nodoc", docID)
	} else if err != nil {
		return err
	}
	var it *tracker.Item
	for i := range doc.Items {
		if doc.Items[i].Number == number {
			it = &doc.Items[i]
			break
		}
	}
	switch {
	case it == nil:
		return judgeError(l, tracker.ErrNotFound, "err.noq", docID, number)
	case it.Status == st:
		return judgeError(l, tracker.ErrInvalid, "err.same", number, l.T("status."+string(st)))
	case *sub < 0 || *sub > len(it.SubQuestions):
		return judgeError(l, tracker.ErrInvalid, "err.sub", number, *sub, len(it.SubQuestions))
	}

	res, err := db.Correct(ctx, tracker.Correction{DocumentID: docID, QuestionNumber: number, SubQuestion: *sub,
		Status: st, Note: *note, By: who, At: time.Now(), Source: tracker.FromCommandLine})
	if err != nil {
		return err
	}
	c := res.Correction
	name := shorten(c.Document, 60)
	if c.By != "" {
		fmt.Fprintln(e.stdout, say(l, judgeWords, "done", name, number, l.T("status."+string(c.Status)), l.T("status."+string(it.Status)), c.By))
	} else {
		fmt.Fprintln(e.stdout, say(l, judgeWords, "done.noby", name, number, l.T("status."+string(c.Status)), l.T("status."+string(it.Status))))
	}
	for _, f := range res.Created {
		fmt.Fprintln(e.stdout, say(l, judgeWords, "created", f.ID, l.T("kind."+string(f.Kind)), l.Date(f.Due)))
	}
	for _, f := range res.Reopened {
		fmt.Fprintln(e.stdout, say(l, judgeWords, "reopened", f.ID, l.T("kind."+string(f.Kind))))
	}
	for _, f := range res.Closed {
		fmt.Fprintln(e.stdout, say(l, judgeWords, "closed", f.ID, l.T("outcome."+string(f.Outcome)), l.T("kind."+string(f.Kind))))
	}
	if len(res.Created)+len(res.Reopened)+len(res.Closed) == 0 {
		fmt.Fprintln(e.stdout, say(l, judgeWords, "unchanged"))
	}
	return nil
}

// questionRef reads DOCUMENT/QUESTION ("1/5"; "1:5" and "1#5" too).
func questionRef(s string) (doc int64, number int, err error) {
	i := strings.IndexAny(s, "/:#")
	if i < 0 {
		return 0, 0, fmt.Errorf("%q: want DOCUMENT/QUESTION", s)
	}
	doc, err1 := strconv.ParseInt(s[:i], 10, 64)
	number, err2 := strconv.Atoi(strings.TrimPrefix(strings.ToLower(s[i+1:]), "q"))
	if err1 != nil || err2 != nil || doc <= 0 || number <= 0 {
		return 0, 0, fmt.Errorf("%q: want DOCUMENT/QUESTION", s)
	}
	return doc, number, nil
}
