package resolve

import (
	"fmt"
	"strings"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
)

// Internal reports whether d points at other answers of the same document:
// question numbers and no document number.
func Internal(d *tracker.Deferral) bool {
	return d != nil && d.Kind == tracker.TargetAnswer && len(d.Numbers) > 0 && d.Number == ""
}

// Local resolves, in place, every deferral of doc that points at other
// answers of doc itself ("Zie antwoord vraag 3", "het antwoord op de
// vragen 6 en 7"). It needs no store, so `analyze` shows it for a file.
//
// The resolution links to the target items and carries their effective
// status, followed through chains of references: addressed when the
// target answers (answered or partial), silent when it does not. A chain
// that comes back to where it started is a loop; a number the document
// does not have is target-missing. Deferrals to other documents are left
// alone.
func Local(doc *tracker.Document) {
	byNum := map[int][]int{} // question number -> item indexes
	for i := range doc.Items {
		byNum[doc.Items[i].Number] = append(byNum[doc.Items[i].Number], i)
	}
	w := localWeights(doc)
	for i := range doc.Items {
		it := &doc.Items[i]
		if !Internal(it.Deferral) {
			continue
		}
		it.Deferral.Resolution = resolveLocal(doc, byNum, i, w)
	}
}

func resolveLocal(doc *tracker.Document, byNum map[int][]int, from int, w Weights) *tracker.Resolution {
	it := &doc.Items[from]
	d := it.Deferral
	r := &tracker.Resolution{Items: append([]int(nil), d.Numbers...), TargetID: doc.ID}
	var missing []string
	var statuses []tracker.Status
	var targets []int
	for _, n := range d.Numbers {
		idx, ok := byNum[n]
		if !ok {
			missing = append(missing, fmt.Sprint(n))
			continue
		}
		st, loop := effective(doc, byNum, idx[0], map[int]bool{from: true})
		if loop {
			r.Verdict = tracker.Loop
			r.Target = fmt.Sprintf("vraag %s van dit document, die terugverwijst", join(d.Numbers))
			return r
		}
		statuses = append(statuses, st)
		targets = append(targets, idx[0])
	}
	if len(targets) == 0 {
		r.Verdict = tracker.TargetMissing
		r.Target = fmt.Sprintf("vraag %s: niet in dit document", strings.Join(missing, ", "))
		return r
	}
	r.Target = fmt.Sprintf("antwoord op vraag %s van dit document", join(d.Numbers))
	if len(missing) > 0 {
		r.Target += fmt.Sprintf(" (vraag %s: niet in dit document)", strings.Join(missing, ", "))
	}
	r.Status = combine(statuses)
	q := Topic(it)
	for _, t := range targets {
		tgt := &doc.Items[t]
		shared := Shared(q, rules.Terms(tgt.Answer))
		r.Passages = append(r.Passages, tracker.Passage{
			DocumentID: doc.ID,
			Index:      tgt.Number,
			Snippet:    Snippet(tgt.Answer, shared),
			Score:      round(Coverage(q, shared, w)),
			Terms:      shared,
		})
	}
	if r.Status == tracker.Answered || r.Status == tracker.Partial {
		r.Verdict = tracker.Addressed
	} else {
		r.Verdict = tracker.Silent
	}
	return r
}

// effective is the status item i delivers, following its own references to
// other answers. seen holds the items on the chain so far; meeting one of
// them again is a loop.
func effective(doc *tracker.Document, byNum map[int][]int, i int, seen map[int]bool) (tracker.Status, bool) {
	if seen[i] {
		return "", true
	}
	it := &doc.Items[i]
	if !Internal(it.Deferral) || it.Status != tracker.Deferred {
		// An answer that says something itself stands on its own, even
		// when it also refers elsewhere.
		return it.Status, false
	}
	seen[i] = true
	defer delete(seen, i)
	var sts []tracker.Status
	for _, n := range it.Deferral.Numbers {
		idx, ok := byNum[n]
		if !ok {
			continue
		}
		st, loop := effective(doc, byNum, idx[0], seen)
		if loop {
			return "", true
		}
		sts = append(sts, st)
	}
	if len(sts) == 0 {
		return it.Status, false
	}
	return combine(sts), false
}

// combine is the status of several answers read together: the same status
// when they agree, partial when some answer and some do not.
func combine(sts []tracker.Status) tracker.Status {
	if len(sts) == 0 {
		return ""
	}
	same, some := true, false
	for _, s := range sts {
		if s != sts[0] {
			same = false
		}
		if s == tracker.Answered || s == tracker.Partial {
			some = true
		}
	}
	switch {
	case same:
		return sts[0]
	case some:
		return tracker.Partial
	}
	return sts[0]
}

// localWeights weighs terms by their rarity among the document's answers.
func localWeights(doc *tracker.Document) Weights {
	w := Weights{N: len(doc.Items), DF: map[string]int{}}
	for i := range doc.Items {
		for _, t := range rules.Terms(doc.Items[i].Answer) {
			w.DF[t]++
		}
	}
	return w
}

func join(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " en " + s[len(s)-1]
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
