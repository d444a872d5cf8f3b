package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// tableHeadRE matches the head of a list of questions and answers given as
// a table, its cells set off by tabs, as a copy of the Tweede Kamer's
// "Lijst van vragen en antwoorden" gives it: "Nr  Vraag  Blz. (van)  t/m
// Antwoord".
var tableHeadRE = regexp.MustCompile(`(?m)^Nr\.?\tVraag\t.*\tAntwoord\s*$`)

// untable writes such a table as "Vraag 1" / "Antwoord 1" paragraphs, the
// interleaved layout, before the tabs are lost. A row starts with its
// number and a tab; a cell runs on over the lines after it until the next
// tab; the last cell is the answer. It returns s as it is when s holds no
// such table.
func untable(s string) string {
	loc := tableHeadRE.FindStringIndex(s)
	if loc == nil {
		return s
	}
	head := strings.Count(s[loc[0]:loc[1]], "\t") // the answer's cell
	type row struct {
		num   int
		cells []string
	}
	var rows []row
	rest := s[loc[1]:]
	for _, l := range strings.Split(rest, "\n") {
		l = strings.TrimRight(l, "\r")
		if i := strings.IndexByte(l, '\t'); i > 0 {
			if n, err := strconv.Atoi(l[:i]); err == nil && n == len(rows)+1 {
				rows = append(rows, row{num: n, cells: strings.Split(l[i+1:], "\t")})
				continue
			}
		}
		if len(rows) == 0 {
			continue
		}
		r := &rows[len(rows)-1]
		parts := strings.Split(l, "\t")
		last := len(r.cells) - 1
		sep := " "
		if last+1 >= head {
			sep = "\n\n" // the answer runs on in paragraphs
		}
		if strings.TrimSpace(parts[0]) != "" {
			r.cells[last] = strings.TrimSpace(r.cells[last] + sep + parts[0])
		}
		r.cells = append(r.cells, parts[1:]...)
	}
	if len(rows) < 2 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:loc[0]])
	for _, r := range rows {
		q := r.cells[0]
		a := ""
		if len(r.cells) >= head {
			a = strings.TrimSpace(r.cells[head-1])
		}
		b.WriteString("Vraag " + strconv.Itoa(r.num) + "\n" + strings.TrimSpace(q) + "\n\n")
		if a != "" {
			// "Vragen 4 en 5 worden gezamenlijk beantwoord", with the
			// cell of 5 left empty: the label says so.
			label := strconv.Itoa(r.num)
			if m := jointRE.FindStringSubmatch(a); m != nil {
				if nums := numberList(m[1]); len(nums) > 1 && nums[0] == r.num {
					label = m[1]
				}
			}
			b.WriteString("Antwoord " + label + "\n" + a + "\n\n")
		}
	}
	return b.String()
}

// jointRE matches an answer that says which questions it answers together:
// "Vragen 4 en 5 worden gezamenlijk beantwoord."
var jointRE = regexp.MustCompile(`^(?:De )?[Vv]ragen (\d{1,3}(?:(?:, | en )\d{1,3})+) worden`)
