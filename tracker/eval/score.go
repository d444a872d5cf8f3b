package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/pqtrack/pqtrack/tracker"
)

// Result holds the scores of one evaluation.
type Result struct {
	// Confusion[labelled][predicted] counts questions.
	Confusion map[tracker.Status]map[tracker.Status]int
	Missing   []string // records whose question the reader did not find
	Errors    []string // documents that could not be read, or not wholly
	Misses    []Miss   // records judged differently, for reading

	DeferralDates struct{ Labelled, Exact int }
	PromiseDates  struct{ Labelled, Predicted, Matched int }

	// Judged holds every record's labelled and judged status with its
	// document, for the interval of MacroF1 (see Interval).
	Judged []Judgement
}

// Judgement is one record's labelled and judged status.
type Judgement struct {
	Document  string
	Want, Got tracker.Status
}

// Miss is one record judged differently from its label.
type Miss struct {
	ID, Want, Got string
}

func newResult() *Result {
	return &Result{Confusion: map[tracker.Status]map[tracker.Status]int{}}
}

func (r *Result) add(rec Record, it *tracker.Item) {
	want := tracker.Status(rec.Status)
	got := tracker.Unanswered
	if it == nil {
		r.Missing = append(r.Missing, rec.ID)
	} else {
		got = it.Status
	}
	if r.Confusion[want] == nil {
		r.Confusion[want] = map[tracker.Status]int{}
	}
	r.Confusion[want][got]++
	r.Judged = append(r.Judged, Judgement{rec.Document(), want, got})
	if want != got {
		r.Misses = append(r.Misses, Miss{rec.ID, string(want), string(got)})
	}
	if rec.Deferral != nil && rec.Deferral.Date != nil {
		r.DeferralDates.Labelled++
		if it != nil && it.Deferral != nil && tracker.Dated(it.Deferral.Date) && it.Deferral.Date.Format(tracker.DateLayout) == *rec.Deferral.Date {
			r.DeferralDates.Exact++
		}
	}
	wantDates := map[string]bool{}
	for _, p := range rec.Promises {
		wantDates[p.Date] = true
	}
	r.PromiseDates.Labelled += len(wantDates)
	if it != nil {
		seen := map[string]bool{}
		for _, p := range it.Promises {
			d := p.Date.Format(tracker.DateLayout)
			if seen[d] {
				continue
			}
			seen[d] = true
			r.PromiseDates.Predicted++
			if wantDates[d] {
				r.PromiseDates.Matched++
			}
		}
	}
}

// Scores are precision, recall and F1 of one status.
type Scores struct {
	Status                tracker.Status
	Precision, Recall, F1 float64
	Support               int
}

// PerStatus scores every status that was labelled or predicted.
func (r *Result) PerStatus() []Scores {
	var out []Scores
	for _, s := range tracker.Statuses {
		tp, fp, fn := r.Confusion[s][s], 0, 0
		support := 0
		for want, row := range r.Confusion {
			for got, n := range row {
				if want == s {
					support += n
					if got != s {
						fn += n
					}
				} else if got == s {
					fp += n
				}
			}
		}
		if support == 0 && fp == 0 {
			continue
		}
		sc := Scores{Status: s, Support: support}
		sc.Precision = ratio(tp, tp+fp)
		sc.Recall = ratio(tp, tp+fn)
		if sc.Precision+sc.Recall > 0 {
			sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
		}
		out = append(out, sc)
	}
	return out
}

// MacroF1 is the mean F1 over the statuses that were labelled.
func (r *Result) MacroF1() float64 {
	sum, n := 0.0, 0
	for _, s := range r.PerStatus() {
		if s.Support == 0 {
			continue
		}
		sum += s.F1
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// Total is the number of records scored.
func (r *Result) Total() int {
	n := 0
	for _, row := range r.Confusion {
		for _, c := range row {
			n += c
		}
	}
	return n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Print writes the confusion matrix and the scores.
func (r *Result) Print(w io.Writer) {
	var cols []tracker.Status
	for _, s := range tracker.Statuses {
		used := r.Confusion[s] != nil
		for _, row := range r.Confusion {
			used = used || row[s] > 0
		}
		if used {
			cols = append(cols, s)
		}
	}
	fmt.Fprintf(w, "%d questions\n\nconfusion (rows: labelled, columns: pqtrack)\n", r.Total())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "\t")
	for _, c := range cols {
		fmt.Fprintf(tw, "%s\t", c)
	}
	fmt.Fprintln(tw)
	for _, want := range cols {
		fmt.Fprintf(tw, "%s\t", want)
		for _, got := range cols {
			fmt.Fprintf(tw, "%d\t", r.Confusion[want][got])
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "status\tprecision\trecall\tF1\tsupport\t")
	for _, s := range r.PerStatus() {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", s.Status, s.Precision, s.Recall, s.F1, s.Support)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nmacro-F1: %.3f", r.MacroF1())
	if lo, hi, ok := r.Interval(intervalRuns, intervalLevel); ok {
		fmt.Fprintf(w, " (%.0f%% interval %.3f to %.3f, documents resampled %d times)", intervalLevel*100, lo, hi, intervalRuns)
	}
	fmt.Fprintln(w)
	dodges, caught := r.Dodges()
	fmt.Fprintf(w, "not answered, and not judged answered: %d of %d\n", caught, dodges)
	for _, sc := range r.PerStatus() {
		if sc.Status == tracker.Answered {
			fmt.Fprintf(w, "precision of answered: %.3f\n", sc.Precision)
		}
	}
	fmt.Fprintf(w, "deferral dates exact: %d/%d\n", r.DeferralDates.Exact, r.DeferralDates.Labelled)
	p := r.PromiseDates
	fmt.Fprintf(w, "promise dates: precision %.3f (%d/%d), recall %.3f (%d/%d)\n",
		ratio(p.Matched, p.Predicted), p.Matched, p.Predicted, ratio(p.Matched, p.Labelled), p.Matched, p.Labelled)
	for _, e := range r.Errors {
		fmt.Fprintf(w, "not read: %s\n", e)
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "questions not found: %s\n", strings.Join(r.Missing, ", "))
	}
	if len(r.Misses) > 0 {
		sort.Slice(r.Misses, func(i, j int) bool { return r.Misses[i].ID < r.Misses[j].ID })
		fmt.Fprintln(w, "\njudged differently:")
		for _, m := range r.Misses {
			fmt.Fprintf(w, "  %s: labelled %s, pqtrack %s\n", m.ID, m.Want, m.Got)
		}
	}
}
