package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

// evalDBWords are the words of the office's report on corrections.
var evalDBWords = words{
	"title":    {"Hoe vaak medewerkers het oordeel van pqtrack corrigeerden", "How often staff overrode pqtrack's judgement"},
	"none":     {"Nog geen enkel oordeel gecorrigeerd (%d vragen beoordeeld).", "No judgement corrected yet (%d questions judged)."},
	"classes":  {"Per status: wat pqtrack zei (rij) en wat het volgens medewerkers is (kolom).", "Per status: what pqtrack said (row) and what staff say it is (column)."},
	"corner":   {"pqtrack \\ medewerkers", "pqtrack \\ staff"},
	"judged":   {"beoordeeld", "judged"},
	"changed":  {"gecorrigeerd", "overridden"},
	"total":    {"totaal", "total"},
	"months":   {"Per maand: de vragen die pqtrack die maand beoordeelde, hoeveel daarvan medewerkers corrigeerden, en hoeveel correcties ze die maand maakten.", "Per month: the questions pqtrack judged that month, how many of them staff overrode, and how many corrections they made that month."},
	"monthcol": {"maand\tbeoordeeld\tgecorrigeerd\taandeel\tcorrecties", "month\tjudged\toverridden\tshare\tcorrections"},
}

// writeOverrides writes the report of how often staff overrode pqtrack:
// a confusion table per status and a line per month.
func writeOverrides(w io.Writer, l notify.Lang, o tracker.Overrides) error {
	judged, changed := 0, 0
	for _, n := range o.Judged {
		judged += n
	}
	for _, c := range o.Cells {
		changed += c.N
	}
	fmt.Fprintln(w, say(l, evalDBWords, "title"))
	fmt.Fprintln(w)
	if changed == 0 && !anyCorrections(o) {
		fmt.Fprintln(w, say(l, evalDBWords, "none", judged))
		return nil
	}
	share := func(n, of int) string {
		if of == 0 {
			return "-"
		}
		s := fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
		if l != notify.English {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}

	fmt.Fprintln(w, say(l, evalDBWords, "classes"))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{say(l, evalDBWords, "corner"), say(l, evalDBWords, "judged")}
	for _, s := range tracker.Statuses {
		head = append(head, l.T("status."+string(s)))
	}
	head = append(head, say(l, evalDBWords, "changed"), "")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, from := range tracker.Statuses {
		n := o.Judged[from]
		out := 0
		row := []string{l.T("status." + string(from)), fmt.Sprint(n)}
		for _, to := range tracker.Statuses {
			out += o.Cell(from, to)
		}
		if n == 0 && out == 0 {
			continue
		}
		for _, to := range tracker.Statuses {
			if to == from {
				row = append(row, fmt.Sprint(n-out)) // kept as pqtrack said
			} else {
				row = append(row, fmt.Sprint(o.Cell(from, to)))
			}
		}
		row = append(row, fmt.Sprint(out), share(out, n))
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	total := []string{say(l, evalDBWords, "total"), fmt.Sprint(judged)}
	for range tracker.Statuses {
		total = append(total, "")
	}
	total = append(total, fmt.Sprint(changed), share(changed, judged))
	fmt.Fprintln(tw, strings.Join(total, "\t")+"\t")
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, say(l, evalDBWords, "months"))
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, say(l, evalDBWords, "monthcol")+"\t")
	for _, m := range o.Months {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t\n", m.Month.Format("2006-01"), m.Judged, m.Overridden,
			share(m.Overridden, m.Judged), m.Corrections)
	}
	return tw.Flush()
}

func anyCorrections(o tracker.Overrides) bool {
	for _, m := range o.Months {
		if m.Corrections > 0 {
			return true
		}
	}
	return false
}

// runEvalDB reports on the corrections stored in the database at path.
func runEvalDB(e *env, path string, l notify.Lang) error {
	db, err := openStore(path)
	if err != nil {
		return err
	}
	defer db.Close()
	o, err := db.Overrides(context.Background())
	if err != nil {
		return err
	}
	return writeOverrides(e.stdout, l, o)
}
