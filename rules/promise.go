package rules

import (
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
)

// contextReach is how far (in bytes of the sentence) a context phrase
// ("loopt tot", "besteed ... tot") reaches forward to the date it describes.
const contextReach = 40

// findPromises returns the promises of one sentence: the future dates by
// which something is committed, given the rules that matched in it.
//
// A date is a promise when it is not in the past of the document, not a lower
// bound, not a period ("01/11/2021 – 30/10/2024"), not described by a context
// phrase, and the sentence commits: a promise phrase for any date, the plain
// future tense only for a date named to the day. A sentence in the past
// tense that does not also look ahead, or that says the deadline will not be
// met, promises nothing.
//
// past reports whether the sentence is in the past tense; it is called only
// when the answer depends on it.
func findPromises(st *sentence, ref time.Time, past func() bool) []tracker.Promise {
	var commit, future bool
	rule := ""
	for _, h := range st.hits {
		switch h.rule.Kind {
		case KindPromise:
			commit = true
			rule = h.rule.ID
		case KindFuture:
			future = true
			if rule == "" {
				rule = h.rule.ID
			}
		case KindWithdrawn:
			return nil
		}
	}
	if !commit && !future {
		return nil
	}
	var cands []dates.Expr
	for _, e := range st.exprs {
		if e.Past || e.Bound == dates.After || !e.From.IsZero() {
			continue
		}
		if tracker.Dated(ref) && e.Date.Before(ref) {
			continue
		}
		if !commit && e.Precision != tracker.PrecisionDay {
			continue
		}
		if strings.HasPrefix(strings.ToLower(e.Text), "over ") {
			continue // "de cijfers over 2018": the period data are about
		}
		if described(st, e) || pointedAt(st, e) {
			continue
		}
		cands = append(cands, e)
	}
	if len(cands) == 0 || !future && past() {
		return nil
	}
	var out []tracker.Promise
	for _, e := range cands {
		if coarser(e, cands) {
			continue
		}
		out = append(out, tracker.Promise{
			Date:      e.Date,
			Precision: e.Precision,
			What:      what(st.text, e),
			Evidence: tracker.Evidence{
				Rule:  rule,
				Start: st.start + e.Start,
				End:   st.start + e.End,
				Text:  strings.TrimSpace(st.text),
			},
		})
	}
	return out
}

// described reports whether a context phrase just before e makes it a
// description ("De projecten lopen nog tot eind 2023").
func described(st *sentence, e dates.Expr) bool {
	for _, h := range st.hits {
		if h.rule.Kind != KindContext {
			continue
		}
		end := h.end - st.start
		if end <= e.End && e.Start-end <= contextReach {
			return true
		}
	}
	return false
}

// pointedAt reports whether e dates what a deferral points at ("verwijs ik
// naar de bespreking ... op 15 november 2022"): that is the deferral's date,
// not a promise.
func pointedAt(st *sentence, e dates.Expr) bool {
	for _, h := range st.hits {
		if (h.rule.Kind == KindDeferral || h.rule.Kind == KindReference) && h.start-st.start <= e.Start {
			return true
		}
	}
	return false
}

// coarser reports whether another candidate names a more precise date within
// e's period: "volgend jaar op 16 november 2023" promises 16 November.
func coarser(e dates.Expr, all []dates.Expr) bool {
	for _, o := range all {
		if rank(o.Precision) > rank(e.Precision) && o.Date.Year() == e.Date.Year() && !o.Date.After(e.Date) {
			return true
		}
	}
	return false
}

func rank(p tracker.Precision) int {
	switch p {
	case tracker.PrecisionDay:
		return 6
	case tracker.PrecisionMonth:
		return 5
	case tracker.PrecisionQuarter:
		return 4
	case tracker.PrecisionSeason:
		return 3
	case tracker.PrecisionHalf:
		return 2
	}
	return 1
}

// what names what is promised: the sentence without the date, in at most a
// dozen words.
func what(s string, e dates.Expr) string {
	t := s[:e.Start] + s[e.End:]
	w := strings.Fields(t)
	if len(w) > 12 {
		return strings.Join(w[:12], " ") + " …"
	}
	return strings.TrimRight(strings.Join(w, " "), ".")
}
