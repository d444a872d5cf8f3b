package parse

import (
	"strconv"
	"strings"
)

// A table converted to text by a word processor or pandoc ("grid tables")
// is drawn with lines, each row's cells running over several lines:
//
//	+------+----------------------+----------------------+
//	| Nr.  | Vraag                | Antwoord             |
//	+======+======================+======================+
//	| 1    | Hoeveel fietsen ...  | Van 1 januari ...    |
//	|      | ... verwijderd?      | ... verwijderd.      |
//	+------+----------------------+----------------------+
//
// ungrid writes a table whose head names a question and an answer column
// as "Vraag n" / "Antwoord n" paragraphs, the interleaved layout, and any
// other table (the letter's reference, date and subject) as one line a
// row, its cells joined by ": ". The columns stand where the "+" of the
// table's first rule line stand; a row that spans the table (a topic
// heading) is kept as a paragraph. A cell's lines stay lines, a blank line
// in it parts its paragraphs, so that the cleaning after it joins them as
// any wrapped text. It returns s as it is when s holds no such table.
func ungrid(s string) string {
	if !strings.Contains(s, "+--") {
		return s
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	changed := false
	for i := 0; i < len(lines); {
		cols := ruleColumns(lines[i])
		if cols == nil {
			b.WriteString(lines[i])
			b.WriteByte('\n')
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && isGridLine(lines[j]) {
			j++
		}
		rows := gridRows(lines[i:j], cols)
		if len(rows) < 2 {
			for _, l := range lines[i:j] {
				b.WriteString(l)
				b.WriteByte('\n')
			}
			i = j
			continue
		}
		writeGrid(&b, rows)
		changed = true
		i = j
	}
	if !changed {
		return s
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ruleColumns returns the places of the "+" of a rule line
// ("+----+-----+"), or nil when l is none.
func ruleColumns(l string) []int {
	l = strings.TrimRight(l, " \r")
	if len(l) < 3 || l[0] != '+' || l[len(l)-1] != '+' {
		return nil
	}
	var cols []int
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '+':
			cols = append(cols, i)
		case '-', '=', ':':
		default:
			return nil
		}
	}
	if len(cols) < 2 {
		return nil
	}
	return cols
}

// isGridLine reports whether l belongs to a table: a rule line or a row's
// line.
func isGridLine(l string) bool {
	l = strings.TrimRight(l, " \r")
	return len(l) > 1 && (l[0] == '|' && l[len(l)-1] == '|' || ruleColumns(l) != nil)
}

// gridRow is a row of a table: its cells' lines, or one text for a row
// that spans the table.
type gridRow struct {
	cells [][]string
	span  []string
}

// gridRows reads the rows of a table's lines, cut at the columns cols.
func gridRows(lines []string, cols []int) []gridRow {
	var rows []gridRow
	var cur *gridRow
	for _, l := range lines {
		l = strings.TrimRight(l, " \r")
		if ruleColumns(l) != nil {
			cur = nil
			continue
		}
		if cur == nil {
			rows = append(rows, gridRow{})
			cur = &rows[len(rows)-1]
		}
		if cells, ok := cutCells(l, cols); ok && cur.span == nil {
			if cur.cells == nil {
				cur.cells = make([][]string, len(cells))
			}
			for k, c := range cells {
				cur.cells[k] = append(cur.cells[k], c)
			}
			continue
		}
		cur.span = append(cur.span, strings.TrimSpace(strings.Trim(l, "|")))
	}
	return rows
}

// cutCells cuts a row's line at the columns, when it has a "|" at each.
// The columns count characters, not bytes: "€ 25" is as wide as "E 25".
func cutCells(l string, cols []int) ([]string, bool) {
	r := []rune(l)
	for len(r) <= cols[len(cols)-1] {
		r = append(r, ' ')
	}
	for _, c := range cols {
		if r[c] != '|' {
			return nil, false
		}
	}
	cells := make([]string, len(cols)-1)
	for k := range cells {
		cells[k] = strings.TrimSpace(string(r[cols[k]+1 : cols[k+1]]))
	}
	return cells, true
}

// writeGrid writes the rows as paragraphs: questions and answers when the
// head row names them, else one line a row.
func writeGrid(b *strings.Builder, rows []gridRow) {
	num, q, a := -1, -1, -1
	if head := rows[0].cells; head != nil {
		for k, c := range head {
			switch h := strings.ToLower(strings.Join(c, " ")); {
			case strings.HasPrefix(h, "nr") || h == "#" || h == "vraag nr.":
				num = k
			case strings.Contains(h, "vraag") && q < 0:
				q = k
			case strings.Contains(h, "antwoord"):
				a = k
			}
		}
	}
	qa := q >= 0 && a >= 0
	for i, r := range rows {
		switch {
		case r.span != nil:
			b.WriteString("\n" + strings.Join(r.span, "\n") + "\n\n")
		case qa && i == 0:
			// The head.
		case qa:
			n := 0
			if num >= 0 {
				n, _ = strconv.Atoi(strings.TrimSuffix(cellText(r.cells[num]), "."))
			}
			if n <= 0 {
				b.WriteString(cellText(r.cells[q]) + "\n\n" + cellText(r.cells[a]) + "\n\n")
				continue
			}
			label := strconv.Itoa(n)
			b.WriteString("Vraag " + label + "\n" + cellText(r.cells[q]) + "\n\n")
			if ans := cellText(r.cells[a]); ans != "" {
				b.WriteString("Antwoord " + label + "\n" + ans + "\n\n")
			}
		default:
			var parts []string
			for _, c := range r.cells {
				if t := strings.Join(strings.Fields(strings.Join(c, " ")), " "); t != "" {
					parts = append(parts, t)
				}
			}
			b.WriteString(strings.Join(parts, ": ") + "\n")
		}
	}
	b.WriteByte('\n')
}

// cellText is a cell's lines as text: lines stay lines, blank lines part
// paragraphs.
func cellText(lines []string) string {
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
