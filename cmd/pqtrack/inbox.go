package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Where the inbox puts what it took: read files, and files it could not
// read with a note beside them.
const (
	inboxDone   = "gelezen"
	inboxFailed = "fout"
)

// inbox takes the answer files staff drop in a folder (the office's own
// answers, which the Flemish Parliament sends the asker 15 working days
// before it publishes them): each goes through the pipeline of `pqtrack
// ingest`, is matched to its filed question, which gets Answered (the day
// the file arrived) and AnswerDocumentID, and is moved to gelezen/, or to
// fout/ with a note in Dutch saying what was wrong.
//
// A file is taken only once its size and modification time are the same
// at two scans in a row, so a file still being written is left alone.
type inbox struct {
	dir  string
	pl   *pipeline
	rd   *reader
	log  *slog.Logger
	loc  *time.Location
	seen map[string]inboxFile // by name, from the previous scan
}

type inboxFile struct {
	size  int64
	mod   time.Time
	first time.Time // when a scan first saw the file
}

// scan looks at the folder once at now and takes the files that stood
// still since the previous scan. It returns how many it took.
func (in *inbox) scan(ctx context.Context, now time.Time) (int, error) {
	entries, err := os.ReadDir(in.dir)
	if err != nil {
		return 0, fmt.Errorf("inbox %s: %w", in.dir, err)
	}
	if in.seen == nil {
		in.seen = map[string]inboxFile{}
	}
	seen := map[string]inboxFile{}
	var ready []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~") {
			continue // folders (gelezen, fout), hidden and temporary files
		}
		fi, err := e.Info()
		if err != nil {
			continue // gone since the listing
		}
		cur := inboxFile{size: fi.Size(), mod: fi.ModTime(), first: now}
		if prev, ok := in.seen[name]; ok {
			cur.first = prev.first
			if prev.size == cur.size && prev.mod.Equal(cur.mod) && cur.size > 0 {
				ready = append(ready, name)
				continue
			}
		}
		seen[name] = cur
	}
	var errs []error
	for _, name := range ready {
		if ctx.Err() != nil {
			break
		}
		if err := in.take(ctx, name, in.seen[name].first, now); err != nil {
			errs = append(errs, err)
			seen[name] = in.seen[name] // left in place: tried again next scan
		}
	}
	in.seen = seen
	return len(ready), errors.Join(errs...)
}

// take stores one file, matches it and moves it. The error is one that
// leaves the file where it is (the store failed); a file that cannot be
// read goes to fout/.
func (in *inbox) take(ctx context.Context, name string, arrived, now time.Time) error {
	path := filepath.Join(in.dir, name)
	src := source{name: path, read: func() ([]byte, error) { return in.rd.file(ctx, path) }}
	out, err := in.pl.run(ctx, []source{src}, loadOptions{}, now)
	if err != nil {
		in.log.Warn("inbox: after storing", "file", path, "err", err)
	}
	st := out[0]
	if st.doc == nil {
		if errors.Is(st.err, context.Canceled) || errors.Is(st.err, context.DeadlineExceeded) {
			return st.err
		}
		in.log.Warn("inbox: file not read", "file", path, "err", st.err)
		return in.fail(name, st.err)
	}
	if st.err != nil {
		in.log.Warn("inbox: file read in part", "file", path, "document", st.res.DocumentID, "err", st.err)
	}
	day := tracker.DayOf(arrived.In(in.loc))
	q, how, err := matchFiled(ctx, in.pl.db, st.doc)
	if err != nil {
		return fmt.Errorf("inbox %s: %w", path, err)
	}
	if q == nil {
		in.log.Warn("inbox: stored, but no filed question matches", "file", path, "document", st.res.DocumentID,
			"number", st.doc.Number, "title", st.doc.Title)
	} else {
		_, err := in.pl.db.PutFiled(ctx, tracker.FiledQuestion{Parliament: q.Parliament, Ref: q.Ref,
			Answered: day, AnswerDocumentID: st.res.DocumentID}, now)
		if err != nil {
			return fmt.Errorf("inbox %s: %w", path, err)
		}
		in.log.Info("inbox: answer stored", "file", path, "document", st.res.DocumentID,
			"question", q.Parliament+" "+q.Ref, "matched_by", how, "answered", day.Format(tracker.DateLayout))
	}
	return in.move(name, inboxDone)
}

// fail moves file name to fout/ with a note beside it saying in Dutch what
// was wrong. Only a fault pqtrack cannot name in Dutch adds the message for
// the administrator, on a line of its own.
func (in *inbox) fail(name string, cause error) error {
	if err := in.move(name, inboxFailed); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(in.dir, inboxFailed, name+".txt"), []byte(failNote(cause)), 0o644)
}

// failNote says in Dutch why a file of the inbox was not stored.
func failNote(cause error) string {
	var re *readError
	var pe *parse.Error
	var le *parse.PDFLimitError
	switch {
	case errors.As(cause, &re):
		return "pqtrack heeft dit bestand niet gelezen: " + re.say(notify.Dutch) + "\n"
	case errors.Is(cause, parse.ErrNoPDFTool):
		return "pqtrack kon dit bestand niet lezen: het programma dat PDF's leest (pdftotext) ontbreekt op de server. " +
			"Vraag de beheerder het te installeren en zet het bestand daarna opnieuw in de map.\n"
	case errors.As(cause, &le):
		return "pqtrack kon dit bestand niet lezen: de PDF is te groot of het lezen duurde te lang.\n"
	case errors.As(cause, &pe):
		where := ""
		if pe.Line > 0 {
			where = fmt.Sprintf(" (rond regel %d)", pe.Line)
		}
		return "pqtrack kon dit bestand niet lezen als antwoord op een schriftelijke vraag" + where + ": " +
			"het vond er geen genummerde vragen met hun antwoorden in. Kijk na of het het antwoord is (tekst of PDF, " +
			"met de vragen en de antwoorden) en zet het daarna opnieuw in de map.\n"
	}
	return "pqtrack kon dit bestand niet lezen als antwoord op een schriftelijke vraag.\n\n" +
		"Foutmelding voor de beheerder:\n" + fmt.Sprint(cause) + "\n"
}

// move puts file name into sub, under a new name if one is there already.
func (in *inbox) move(name, sub string) error {
	dir := filepath.Join(in.dir, sub)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	to := filepath.Join(dir, name)
	ext := filepath.Ext(name)
	for i := 2; ; i++ {
		if _, err := os.Lstat(to); errors.Is(err, os.ErrNotExist) {
			break
		}
		to = filepath.Join(dir, fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext))
	}
	return os.Rename(filepath.Join(in.dir, name), to)
}

// matchFiled finds the filed question doc answers: by number, else by
// title with the asker or the minister. Numbers repeat each session in the
// Flemish Parliament, so among questions with the number, an unanswered
// one asked on the document's question date wins, then any unanswered
// one, then the last filed. It returns nil when none matches, and how it
// matched.
func matchFiled(ctx context.Context, db store.Full, doc *tracker.Document) (*tracker.FiledQuestion, string, error) {
	qs, err := db.FiledQuestions(ctx, store.FiledFilter{})
	if err != nil {
		return nil, "", err
	}
	var byNumber, byTitle []tracker.FiledQuestion
	num, title := fold(doc.Number), fold(doc.Title)
	for _, q := range qs {
		if doc.Parliament != "" && tracker.ParliamentName(q.Parliament) != doc.Parliament {
			continue
		}
		if num != "" && fold(q.Number) == num {
			byNumber = append(byNumber, q)
		}
		if title != "" && fold(q.Title) == title && (same(q.Asker, doc.Asker) || same(q.Minister, doc.Minister)) {
			byTitle = append(byTitle, q)
		}
	}
	if q := best(byNumber, doc); q != nil {
		return q, "number", nil
	}
	if q := best(byTitle, doc); q != nil {
		return q, "title", nil
	}
	return nil, "", nil
}

func best(qs []tracker.FiledQuestion, doc *tracker.Document) *tracker.FiledQuestion {
	var pick *tracker.FiledQuestion
	score := -1
	for i := range qs {
		q := &qs[i]
		s := 0
		if !q.HasAnswer() {
			s += 2
		}
		if tracker.Dated(doc.Asked) && q.Filed.Equal(tracker.DayOf(doc.Asked)) {
			s += 4
		}
		if s >= score { // by filing date: a tie goes to the last filed
			pick, score = q, s
		}
	}
	return pick
}

// fold keeps the letters and digits of s in lower case, without a leading
// "nr": "nr. 342" and "342" fold alike.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimPrefix(b.String(), "nr")
}

// same reports whether two names are the same person, when both are known.
func same(a, b string) bool {
	return a != "" && b != "" && (fold(a) == fold(b) || strings.Contains(fold(a), fold(b)) || strings.Contains(fold(b), fold(a)))
}
