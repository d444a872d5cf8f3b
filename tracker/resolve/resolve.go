package resolve

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
)

// Store is what resolution needs of the database.
type Store interface {
	// Documents lists the stored documents, without text and items.
	Documents(ctx context.Context) ([]tracker.Document, error)
	// SearchPassages finds the passages of a document holding any of
	// terms, best first; each whole, with all its terms (see sqlite.DB).
	// With compounds, also inside compound words (trigram index).
	SearchPassages(ctx context.Context, docID int64, terms []string, limit int, compounds bool) ([]tracker.Passage, error)
	// TermStats says in how many of all n passages each term occurs.
	TermStats(ctx context.Context, terms []string) (n int, df map[string]int, err error)
}

// MaxPassages is how many passages a resolution shows at most.
const MaxPassages = 3

// candidates is how many passages are ranked by bm25 before the verdict.
const candidates = 20

// Resolver follows deferrals to stored documents. It reads the list of
// stored documents once, when made: make a new one after an ingest.
type Resolver struct {
	st       Store
	docs     []tracker.Document
	byNumber map[string][]int // numberKey -> indexes in docs
	byDate   map[string][]int // YYYY-MM-DD -> indexes in docs
	n        int              // passages in the store; -1 until known
	df       map[string]int   // passages holding each term, as asked
}

// New makes a resolver over the documents st holds now.
func New(ctx context.Context, st Store) (*Resolver, error) {
	docs, err := st.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	// A filed question's document (the lateness sweep's) has the number
	// of the answer it waits for, but no answer: it is never a target.
	kept := docs[:0]
	for _, d := range docs {
		if d.Kind != tracker.KindQuestion {
			kept = append(kept, d)
		}
	}
	docs = kept
	r := &Resolver{st: st, docs: docs, byNumber: map[string][]int{}, byDate: map[string][]int{}, n: -1, df: map[string]int{}}
	for i := range docs {
		if k := numberKey(docs[i].Number); k != "" {
			r.byNumber[k] = append(r.byNumber[k], i)
		}
		if tracker.Dated(docs[i].Date) {
			d := docs[i].Date.Format(tracker.DateLayout)
			r.byDate[d] = append(r.byDate[d], i)
		}
	}
	return r, nil
}

// Document resolves every deferral of doc in place: references to its own
// answers without the store (Local), the others against the stored
// documents.
func (r *Resolver) Document(ctx context.Context, doc *tracker.Document) error {
	Local(doc)
	for i := range doc.Items {
		it := &doc.Items[i]
		if it.Deferral == nil || Internal(it.Deferral) {
			continue
		}
		res, err := r.Item(ctx, doc, it)
		if err != nil {
			return err
		}
		it.Deferral.Resolution = res
	}
	return nil
}

// Item resolves the deferral of it, an item of doc, to another document.
// It returns nil when it has no deferral.
func (r *Resolver) Item(ctx context.Context, doc *tracker.Document, it *tracker.Item) (*tracker.Resolution, error) {
	d := it.Deferral
	if d == nil {
		return nil, nil
	}
	if Internal(d) {
		c := *doc
		Local(&c)
		for i := range c.Items {
			if c.Items[i].Number == it.Number && c.Items[i].Deferral != nil {
				return c.Items[i].Deferral.Resolution, nil
			}
		}
		return nil, nil
	}
	tgt := r.match(doc, d)
	if tgt == nil {
		return &tracker.Resolution{Verdict: tracker.TargetMissing, Target: Fetch(d)}, nil
	}
	res := &tracker.Resolution{Target: Describe(tgt), TargetID: tgt.ID}
	ps, err := r.Passages(ctx, tgt.ID, Topic(it))
	if err != nil {
		return nil, fmt.Errorf("resolve %s question %d: %w", doc.Name(), it.Number, err)
	}
	res.Passages = ps
	if len(ps) > 0 {
		res.Verdict = tracker.Addressed
	} else {
		res.Verdict = tracker.Silent
	}
	return res, nil
}

// Passages returns the passages of document docID that address topic (see
// Addresses), best first, at most MaxPassages, with their snippets and the
// terms they share with the topic.
func (r *Resolver) Passages(ctx context.Context, docID int64, topic []string) ([]tracker.Passage, error) {
	if len(topic) == 0 {
		return nil, nil
	}
	w, err := r.weights(ctx, topic)
	if err != nil {
		return nil, err
	}
	// Whole words first; the terms may also sit inside compounds
	// ("platform" in "ideeenplatform"), so before calling the target
	// silent, search inside words too.
	terms := searchTerms(topic, w)
	for _, compounds := range []bool{false, true} {
		hits, err := r.st.SearchPassages(ctx, docID, terms, candidates, compounds)
		if err != nil {
			return nil, err
		}
		if ps := Select(topic, hits, w); len(ps) > 0 {
			return ps, nil
		}
	}
	return nil, nil
}

// Select picks, from candidate passages (whole, with all their terms), those
// that together answer topic: the passages that bear on it (Addresses, and
// a third of MinCoverage on their own), most
// of the topic first, taken while they add terms, at most MaxPassages. It
// returns none when even together they do not cover enough of the topic
// (Covered): the target is then silent on it.
func Select(topic []string, hits []tracker.Passage, w Weights) []tracker.Passage {
	type scored struct {
		p   tracker.Passage
		cov float64
	}
	var good []scored
	for _, h := range hits {
		shared := Shared(topic, h.Terms)
		cov := Coverage(topic, shared, w)
		if !Addresses(topic, shared) || cov < MinCoverage/3 {
			continue
		}
		h.Terms = shared
		good = append(good, scored{h, cov})
	}
	// Most of the question covered first; bm25 breaks ties.
	sort.SliceStable(good, func(i, j int) bool {
		if a, b := round(good[i].cov), round(good[j].cov); a != b {
			return a > b
		}
		return good[i].p.Score > good[j].p.Score
	})
	var out []tracker.Passage
	var union []string
	have := map[string]bool{}
	for _, g := range good {
		if len(out) == MaxPassages {
			break
		}
		added := false
		for _, t := range g.p.Terms {
			if !have[t] {
				have[t], added = true, true
				union = append(union, t)
			}
		}
		if !added {
			continue
		}
		g.p.Snippet = Snippet(g.p.Snippet, g.p.Terms)
		g.p.Score = round(g.p.Score)
		out = append(out, g.p)
	}
	if !Covered(topic, union, w) {
		return nil
	}
	return out
}

// weights weighs terms by their rarity in the stored passages. Counts are
// kept for the resolver's life: one run sees one state of the store.
func (r *Resolver) weights(ctx context.Context, terms []string) (Weights, error) {
	var ask []string
	for _, t := range terms {
		if _, ok := r.df[t]; !ok {
			ask = append(ask, t)
		}
	}
	if len(ask) > 0 || r.n < 0 {
		n, df, err := r.st.TermStats(ctx, ask)
		if err != nil {
			return Weights{}, err
		}
		r.n = n
		for _, t := range ask {
			r.df[t] = df[t]
		}
	}
	return Weights{N: r.n, DF: r.df}, nil
}

// commonShare: terms held by more than this share of all passages are left
// out of the search (not of the verdict). They tell little, and ranking
// them costs a read of their whole index.
const commonShare = 0.1

// searchTerms are the terms of topic worth searching for: all but the
// common ones, or the three rarest when all are common.
func searchTerms(topic []string, w Weights) []string {
	var out []string
	for _, t := range topic {
		if float64(w.DF[t]) <= commonShare*float64(w.N) {
			out = append(out, t)
		}
	}
	if len(out) > 0 {
		return out
	}
	out = append(out, topic...)
	sort.SliceStable(out, func(i, j int) bool { return w.DF[out[i]] < w.DF[out[j]] })
	return out[:min(3, len(out))]
}

// match finds the stored document d points at: by document number first,
// then by date, preferring the kind the reference names and a body or
// title that shares its words. from is never its own target.
func (r *Resolver) match(from *tracker.Document, d *tracker.Deferral) *tracker.Document {
	var cands []int
	if k := numberKey(d.Number); k != "" {
		cands = r.byNumber[k]
	}
	if len(cands) == 0 && tracker.Dated(d.Date) {
		cands = r.byDate[d.Date.Format(tracker.DateLayout)]
	}
	if len(cands) == 0 && d.URL != "" {
		for i := range r.docs {
			if r.docs[i].File == d.URL {
				cands = append(cands, i)
			}
		}
	}
	refTerms := rules.Terms(d.Ref + " " + d.Body)
	best, bestScore := -1, -1.0
	for _, i := range cands {
		doc := &r.docs[i]
		if doc.ID == from.ID && from.ID != 0 || doc.Hash == from.Hash && from.Hash != "" {
			continue
		}
		s := 0.0
		if kindFits(d.Kind, doc.Kind) {
			s += 3
		} else if d.Number == "" {
			continue // a date alone does not make a written answer a meeting
		}
		if tracker.Dated(d.Date) && doc.Date.Equal(d.Date) {
			s += 2
		}
		s += float64(len(Shared(refTerms, rules.Terms(doc.Body+" "+doc.Title)))) * 0.5
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return nil
	}
	return &r.docs[best]
}

// kindFits reports whether a document of kind k can be what a reference of
// kind t points at.
func kindFits(t tracker.TargetKind, k tracker.Kind) bool {
	switch t {
	case tracker.TargetMeeting:
		return k == tracker.KindMeeting
	case tracker.TargetLetter:
		return k == tracker.KindLetter
	case tracker.TargetAnswer:
		return k == tracker.KindAnswer
	}
	return k != tracker.KindAnswer
}

var (
	zNumRE   = regexp.MustCompile(`\b\d{4}Z\d{5}\b`)
	stukNrRE = regexp.MustCompile(`(?i)(?:kamerstuk(?:ken)?\s+|^\s*)(\d[\d ]*\d|\d)\s*(?:\(\d{4}[-–]\d{4}\))?\s*[,–-]?\s*nr\.?\s*(\d+)`)
	nrRE     = regexp.MustCompile(`(?i)\bnr\.?\s*(\d+)`)
)

// numberKey is a document number in one form, so that "Kamerstuk 36 600,
// nr. 13" matches "36600, nr. 13" and "schriftelijke vraag nr. 12" matches
// "nr. 12".
func numberKey(s string) string {
	if m := zNumRE.FindString(s); m != "" {
		return strings.ToUpper(m)
	}
	if m := stukNrRE.FindStringSubmatch(s); m != nil {
		return strings.ReplaceAll(m[1], " ", "") + "/" + m[2]
	}
	if m := nrRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// Describe names a stored target for people: title, body and date.
func Describe(doc *tracker.Document) string {
	parts := []string{doc.Name()}
	if doc.Body != "" && !strings.Contains(doc.Name(), doc.Body) {
		parts = append(parts, doc.Body)
	}
	if doc.Number != "" {
		parts = append(parts, doc.Number)
	}
	if tracker.Dated(doc.Date) {
		parts = append(parts, doc.Date.Format(tracker.DateLayout))
	}
	return strings.Join(parts, ", ")
}

// Fetch says what to fetch for a target that is not in hand, and how to
// ingest it, in Dutch for staff: "vergadering 2022-11-15 (commissie):
// bespreking van ... — pqtrack ingest --kind vergadering --date 2022-11-15
// BESTAND".
func Fetch(d *tracker.Deferral) string {
	var b strings.Builder
	b.WriteString(d.Kind.Noun())
	if tracker.Dated(d.Date) {
		b.WriteString(" " + d.Date.Format(tracker.DateLayout))
	}
	if d.Number != "" {
		b.WriteString(" " + d.Number)
	}
	if d.Body != "" {
		b.WriteString(" (" + d.Body + ")")
	}
	if d.URL != "" {
		b.WriteString(" " + d.URL)
	}
	if d.Ref != "" {
		b.WriteString(": " + d.Ref)
	}
	kind := tracker.KindLetter
	switch d.Kind {
	case tracker.TargetMeeting:
		kind = tracker.KindMeeting
	case tracker.TargetAnswer:
		kind = tracker.KindAnswer
	}
	b.WriteString(" — pqtrack ingest")
	if kind != tracker.KindAnswer {
		b.WriteString(" --kind " + kind.Noun())
		if tracker.Dated(d.Date) {
			b.WriteString(" --date " + d.Date.Format(tracker.DateLayout))
		}
	}
	b.WriteString(" BESTAND")
	return b.String()
}
