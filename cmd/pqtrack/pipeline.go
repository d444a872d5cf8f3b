package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/resolve"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// pipeline stores documents the one way both `pqtrack ingest` and the
// dashboard's upload do: read, analyse, follow references within the
// document (resolve.Local), store with passages in one transaction,
// resolve open deferrals and promises again, and tell staff what the new
// documents resolved.
type pipeline struct {
	db   store.Full
	set  *rules.Set
	lang notify.Lang
	// notifier builds the notifier at the first message; nil sends nothing.
	notifier func() (notify.Notifier, error)
	out      io.Writer    // result lines; nil prints nothing
	stored   func(stored) // called after each source, when not nil
	owner    string       // who claims arrival messages; "": notify.NewOwner()
	lease    time.Duration

	mu sync.Mutex // one re-resolution and send at a time (concurrent uploads)
}

// crashPoint is called at the points where a kill would leave work half
// done; the kill tests set it to kill the process there.
var crashPoint = func(string) {}

// source is one file to store: its name and how to read it.
type source struct {
	name string
	read func() ([]byte, error)
}

// stored is what the pipeline did with one source.
type stored struct {
	name string
	doc  *tracker.Document // nil when reading or analysing failed
	res  store.IngestResult
	err  error
}

// analyse reads one file: a written-question answer is judged by the
// rules and its references within the document followed, each question of
// a bulletin as a document of its own (parse.ReadAll); a meeting report or
// letter is read as such, with o's date, body and title.
func (p *pipeline) analyse(name string, data []byte, o loadOptions) ([]*tracker.Document, error) {
	if o.Kind != "" && o.Kind != tracker.KindAnswer {
		d, err := parse.ReadReport(name, data, parse.ReportOptions{Kind: o.Kind, Date: o.Date, Body: o.Body, Title: o.Title})
		if d == nil {
			return nil, err
		}
		return []*tracker.Document{d}, err
	}
	docs, err := parse.ReadAll(name, data)
	// A document read only in part (answers without a question) is judged
	// and stored as far as it goes; the error still says what is missing.
	for _, d := range docs {
		p.set.Analyze(d, o.Date)
		resolve.Local(d)
	}
	return docs, err
}

// run stores srcs one by one (a bad one is reported in its stored and the
// others still go in), then, when any was new or changed, resolves open
// deferrals and promises again and sends the arrival messages. It sends
// pending messages of earlier runs even when nothing changed. The error is
// that of re-resolution or sending; the documents are stored whatever it
// is.
func (p *pipeline) run(ctx context.Context, srcs []source, o loadOptions, now time.Time) ([]stored, error) {
	out, changed := p.store(ctx, srcs, o, now)
	return out, p.after(ctx, now, changed)
}

// store reads, analyses and stores srcs one by one, each document in its
// own transaction, and reports whether any was new or changed. A bad
// source is reported in its stored and the others still go in.
func (p *pipeline) store(ctx context.Context, srcs []source, o loadOptions, now time.Time) ([]stored, bool) {
	var out []stored
	changed := false
	for _, s := range srcs {
		data, err := s.read()
		var docs []*tracker.Document
		if err == nil {
			docs, err = p.analyse(s.name, data, o)
		}
		if len(docs) == 0 {
			docs = []*tracker.Document{nil} // the source is reported with its error
		}
		for i, d := range docs {
			st := stored{name: s.name, doc: d}
			if d != nil && len(docs) > 1 {
				st.name = d.File // "qrva.pdf#2"
			}
			if i == len(docs)-1 {
				st.err = err // said once, after the file's documents
			}
			if d != nil {
				var ierr error
				if st.res, ierr = p.db.IngestWithPassages(ctx, d, now, resolve.Split(d)); ierr != nil {
					st.err, st.doc = errors.Join(st.err, ierr), nil
				} else if st.res.Action != store.Unchanged {
					changed = true
				}
			}
			out = append(out, st)
			if p.stored != nil {
				p.stored(st)
			}
			crashPoint("stored")
		}
	}
	return out, changed
}

// after resolves open deferrals and promises again when again is set or
// a stored document left that work queued (here or in a run that died),
// then sends the queued arrival messages. Every command that runs it
// (ingest, resolve, remind, serve) finishes what an earlier run left.
func (p *pipeline) after(ctx context.Context, now time.Time, again bool) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	work, err := p.db.PendingWork(ctx)
	if err != nil {
		errs = append(errs, err)
	}
	if again || work > 0 {
		if err := p.reresolveLocked(ctx, now); err != nil {
			errs = append(errs, fmt.Errorf("resolve: %w", err))
		}
	}
	if err := p.send(ctx, now); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// pipelineWords are the lines re-resolution prints.
var pipelineWords = words{
	"unchanged": {"verwijzingen ongewijzigd", "resolutions unchanged"},
	"resolved":  {"opgelost  #%d %s, vraag %d: %s", "resolved  #%d %s, question %d: %s"},
	"waiting":   {"wacht     #%d %s, vraag %d: %s", "waiting   #%d %s, question %d: %s"},
	"sent":      {"%d bericht(en) over binnengekomen documenten verstuurd", "%d message(s) about documents that came in sent"},
}

// resolveLock is the claim key that keeps re-resolution to one process at
// a time: two at once could store an older finding over a newer one.
const (
	resolveLock  = "lock:resolve"
	resolveLease = time.Minute
)

// reresolveLocked waits for other processes' re-resolution to end (or
// their lease, if they died), then resolves again and takes the work
// queued so far done.
func (p *pipeline) reresolveLocked(ctx context.Context, now time.Time) error {
	if p.owner == "" {
		p.owner = notify.NewOwner()
	}
	// Re-resolution takes seconds (1,000 deferrals in about one), so the
	// lock's lease is short: a run after one that died waits a minute at most.
	lease := resolveLease
	if p.lease > 0 && p.lease < lease {
		lease = p.lease
	}
	for {
		c, err := p.db.Claim(ctx, resolveLock, p.owner, time.Now(), lease)
		if err != nil {
			return err
		}
		if c.Granted() {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	defer p.db.Release(context.WithoutCancel(ctx), resolveLock, p.owner)
	// Read the queue under the lock: work queued before this point is
	// seen by this re-resolution.
	work, err := p.db.PendingWork(ctx)
	if err != nil {
		return err
	}
	return p.reresolve(ctx, now, work)
}

// reresolve resolves every open deferral and promise again, prints what
// changed and stores it in one transaction with, when messages are on, one
// notice per follow-up whose reference now leads to a document that came
// in, and the end of the queued work up to work.
func (p *pipeline) reresolve(ctx context.Context, now time.Time, work int64) error {
	b := p.db.NewBatch()
	changes, err := resolve.Run(ctx, b, now)
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		p.say("unchanged")
	}
	var queue []store.Arrival
	for _, c := range changes {
		f := c.FollowUp
		// Re-resolution runs over every office's follow-ups (what a
		// document resolves is shared); this office is told its own.
		if _, err := p.db.FollowUp(ctx, f.ID); errors.Is(err, tracker.ErrNotFound) {
			if c.New.TargetID != 0 && c.New.Verdict != tracker.TargetMissing && c.New.Verdict != tracker.Loop {
				queue = append(queue, store.Arrival{FollowUpID: f.ID, TargetID: c.New.TargetID, Label: c.Label, Resolution: c.New})
			}
			continue
		}
		line := strings.ReplaceAll(p.lang.T("resolution."+string(c.New.Verdict), shorten(c.New.Target, 70)), " ID ", fmt.Sprintf(" %d ", f.ID))
		word := "resolved"
		if c.New.Verdict == tracker.TargetMissing {
			word = "waiting" // the target has not arrived: nothing is resolved yet
		}
		p.say(word, f.ID, shorten(f.Document, 40), f.QuestionNumber, line)
		if c.New.TargetID != 0 && c.New.Verdict != tracker.TargetMissing && c.New.Verdict != tracker.Loop {
			queue = append(queue, store.Arrival{FollowUpID: f.ID, TargetID: c.New.TargetID, Label: c.Label, Resolution: c.New})
		}
	}
	if p.notifier == nil {
		queue = nil
	}
	if err := p.db.CommitBatch(ctx, b, queue, work, now); err != nil {
		return err
	}
	crashPoint("resolved")
	return nil
}

// send sends the queued arrival messages, one per target document. Each is
// claimed, sent and logged like a reminder (notify.Once; its key names the
// target and the follow-ups with their verdicts) and leaves the queue only
// once the notifier accepted it; a message whose key was logged before is
// not sent again. A failed send stays queued for the next run; one that
// another process is sending is left to it.
func (p *pipeline) send(ctx context.Context, now time.Time) error {
	if p.notifier == nil {
		return nil
	}
	pending, err := p.db.PendingArrivals(ctx)
	if err != nil || len(pending) == 0 {
		return err
	}
	byTarget := map[int64][]store.Arrival{}
	var ids []int64
	for _, a := range pending {
		if byTarget[a.TargetID] == nil {
			ids = append(ids, a.TargetID)
		}
		byTarget[a.TargetID] = append(byTarget[a.TargetID], a)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var once *notify.Once
	var errs []error
	sent := 0
	for _, id := range ids {
		as := byTarget[id]
		m, err := p.arrival(ctx, id, as)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if m.Text == "" {
			// Nothing (new) to say: drop the notices.
			if err := p.db.ArrivalsSent(ctx, "", as, now); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if once == nil {
			n, err := p.notifier()
			if err != nil {
				return errors.Join(append(errs, err)...)
			}
			if p.owner == "" {
				p.owner = notify.NewOwner()
			}
			once = &notify.Once{Log: p.db, Notifier: n, Owner: p.owner, Lease: p.lease}
		}
		how, err := once.Send(ctx, m, func(ctx context.Context) error {
			return p.db.ArrivalsSent(ctx, m.Key, as, now)
		})
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("tell staff about document %d (retried at the next run): %w", id, err))
		case how == notify.Delivered:
			sent++
		case how == notify.Already:
			if err := p.db.ArrivalsSent(ctx, "", as, now); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if sent > 0 {
		p.say("sent", sent)
	}
	return errors.Join(errs...)
}

// arrival renders the message that document id came in, for the queued
// notices as. Follow-ups gone from the store are left out.
func (p *pipeline) arrival(ctx context.Context, id int64, as []store.Arrival) (notify.Message, error) {
	tgt, err := p.db.Document(ctx, id)
	if err != nil {
		if errors.Is(err, tracker.ErrNotFound) {
			return notify.Message{}, nil
		}
		return notify.Message{}, err
	}
	tgt.Text, tgt.Items = "", nil
	a := notify.Arrival{Target: *tgt}
	for _, x := range as {
		f, err := p.db.FollowUp(ctx, x.FollowUpID)
		if errors.Is(err, tracker.ErrNotFound) {
			continue
		}
		if err != nil {
			return notify.Message{}, err
		}
		a.Changes = append(a.Changes, notify.ArrivalChange{FollowUp: *f, Label: x.Label, New: x.Resolution})
	}
	return notify.RenderArrival(p.lang, a)
}

func (p *pipeline) say(key string, args ...any) {
	if p.out != nil {
		fmt.Fprintln(p.out, say(p.lang, pipelineWords, key, args...))
	}
}
