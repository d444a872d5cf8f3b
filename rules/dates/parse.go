package dates

import (
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Direction marks: "jl." points back, "a.s." and "komende zomer" forward.
const (
	dirPast = -1
	dirNext = 1
	dirThis = 2 // "dit najaar": the one of the document's year
)

// core is the part of an expression that names a date, before the words
// around it (bound, preposition, range) are looked at.
type core struct {
	i, j     int   // tokens [i, j)
	fe       int32 // folded end when the expression ends inside token j-1; 0 otherwise
	prec     tracker.Precision
	sp       spec
	year     int // year of the last day, when written or computed; 0 = resolve against ref
	fixed    bool
	from, to time.Time // when fixed
	rel      bool
	dir      int
	dur      bool
	bound    Bound
	bareYear bool
	dayLevel bool // may be half of a dash range ("1/11/2021 – 30/10/2024")
	fromDay  int  // "1 tot 3 maart": the first day
	season   int
	seasonY  int // year written with a season ("winter 2024" starts in 2024)
	modded   bool
	skip     bool // recognised, not a date to resolve ("2024-2025"): consume it
}

type parser struct {
	f           folded
	text        string
	t           []tok
	ref         time.Time
	hasRef      bool
	lastYearEnd int // token after the last bare year found, for "in 2023 en 2024"
}

func (p *parser) w(i int) string {
	if i >= 0 && i < len(p.t) && p.t[i].k == kWord {
		return p.t[i].w
	}
	return ""
}

func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.t) && p.t[i].k == kPunct && p.t[i].w[0] == c
}

// num returns the number at i with at most maxDigits digits.
func (p *parser) num(i, maxDigits int) (int, bool) {
	if i >= 0 && i < len(p.t) && p.t[i].k == kNum && int(p.t[i].nd) <= maxDigits {
		return p.t[i].n, true
	}
	return 0, false
}

func (p *parser) glued(i int) bool { return i < len(p.t) && p.t[i].glued }

func (p *parser) run() []Expr {
	var out []Expr
	lo := 0
	p.lastYearEnd = -1
	for i := 0; i < len(p.t); {
		if !p.mayStart(i) {
			i++
			continue
		}
		c, ok := p.core(i)
		if !ok {
			i++
			continue
		}
		if c.skip {
			i, lo = c.j, c.j
			continue
		}
		e, end, ok := p.finish(&c, lo)
		if !ok {
			if c.bareYear {
				i++
			} else {
				i = c.j // known but unresolvable: do not read its parts again
			}
			continue
		}
		out = append(out, e)
		i, lo = end, end
	}
	return out
}

// core reads the date named at token i.
// mayStart reports whether core may find a date at token i: a number, a
// word of the vocabulary, or "de" or "het" before one of articleHeads.
// Most tokens are none of these, and core returns a large struct.
func (p *parser) mayStart(i int) bool {
	switch t := &p.t[i]; t.k {
	case kNum:
		return true
	case kWord:
		return vocabOf(t.w) != 0 || (t.w == "de" || t.w == "het") && articleHeads[p.w(i+1)]
	}
	return false
}

func (p *parser) core(i int) (core, bool) {
	switch p.t[i].k {
	case kNum:
		return p.numCore(i)
	case kWord:
		if c, ok := p.wordCore(i); ok {
			return c, true
		}
		if w := p.w(i); (w == "de" || w == "het") && articleHeads[p.w(i+1)] {
			if c, ok := p.wordCore(i + 1); ok {
				c.i = i
				return c, true
			}
		}
	}
	return core{}, false
}

// articleHeads are the words that may take "de" or "het" before them in a
// date: "het eind van het jaar", "de tweede helft van", "de komende weken".
var articleHeads = map[string]bool{
	"eind": true, "einde": true, "begin": true, "midden": true, "eerste": true,
	"tweede": true, "derde": true, "vierde": true, "laatste": true,
	"komende": true, "aankomende": true, "jaareinde": true, "jaareind": true,
}

func (p *parser) numCore(i int) (core, bool) {
	if c, ok := p.numeric(i); ok {
		return c, true
	}
	if c, ok := p.dayMonth(i); ok {
		return c, true
	}
	if _, _, ok := p.ordAt(i); ok {
		if c, ok := p.modified(i); ok {
			return c, true
		}
		if c, ok := p.quarter(i); ok {
			return c, true
		}
		if c, ok := p.half(i); ok {
			return c, true
		}
	}
	if y, j, ok := p.yearAt(i); ok {
		return core{i: i, j: j, sp: spec{kind: sYear}, year: y, prec: tracker.PrecisionYear, bareYear: true}, true
	}
	return core{}, false
}

func (p *parser) wordCore(i int) (core, bool) {
	fl := vocabOf(p.w(i))
	if fl == 0 {
		return core{}, false
	}
	try := func(f func(int) (core, bool)) (core, bool) { return f(i) }
	var c core
	var ok bool
	switch {
	case fl&fWeekday != 0:
		return p.dayMonth(i)
	case fl&fMonth != 0:
		return p.month(i)
	case fl&fSpecial != 0:
		return p.special(i)
	}
	if fl&(fMod|fOrd) != 0 {
		if c, ok = try(p.modified); ok {
			return c, ok
		}
	}
	if fl&(fOrd|fQ) != 0 {
		if c, ok = try(p.quarter); ok {
			return c, ok
		}
		if c, ok = try(p.half); ok {
			return c, ok
		}
	}
	if fl&fSeason != 0 {
		if c, ok = try(p.season); ok {
			return c, ok
		}
	}
	if fl&fWeek != 0 {
		if c, ok = try(p.week); ok {
			return c, ok
		}
	}
	if fl&fDur != 0 {
		if c, ok = try(p.duration); ok {
			return c, ok
		}
	}
	if fl&fRel != 0 {
		if c, ok = try(p.relative); ok {
			return c, ok
		}
	}
	return core{}, false
}

// yearAt reads a four-digit year that is not part of an amount, a document
// number ("2024Z14419") or a span of years ("2024-2025").
func (p *parser) yearAt(i int) (int, int, bool) {
	y, ok := p.num(i, 4)
	if !ok || p.t[i].nd != 4 || y < 1900 || y > 2100 {
		return 0, i, false
	}
	if p.t[i].glued && i >= 2 && (p.punct(i-1, '.') || p.punct(i-1, ',')) && p.t[i-2].k == kNum && p.t[i-1].glued {
		return 0, i, false // "1.2024"
	}
	if i+1 < len(p.t) {
		nx := p.t[i+1]
		switch {
		case nx.glued && nx.k == kWord && i+2 < len(p.t) && p.t[i+2].k == kNum && p.t[i+2].glued:
			return 0, i, false // 2024Z14419
		case nx.k == kPunct && (nx.w == "-" || nx.w == "/") && i+2 < len(p.t) && p.t[i+2].k == kNum:
			return 0, i, false // 2024-2025, 2015/16
		case nx.k == kPunct && nx.w == "%":
			return 0, i, false
		case nx.glued && nx.k == kPunct && (nx.w == "." || nx.w == ",") && p.glued(i+2) && p.t[i+2].k == kNum:
			return 0, i, false // 2024.50
		case nx.k == kWord && amountWords[nx.w]:
			return 0, i, false
		}
	}
	return y, i + 1, true
}

// yrefAt reads a year: written ("2025", when digits), or named against the
// document date ("dit jaar", "volgend jaar", "het jaar" when hetJaar).
func (p *parser) yrefAt(i int, hetJaar, digits bool) (y int, rel bool, dir, j int, ok bool) {
	if digits {
		if y, j, ok := p.yearAt(i); ok {
			return y, false, 0, j, true
		}
	}
	if !p.hasRef {
		return
	}
	ry := p.ref.Year()
	k := i
	art := p.w(k) == "het"
	if art {
		k++
	}
	w, next := p.w(k), p.w(k+1)
	isJaar := next == "jaar" || next == "kalenderjaar"
	switch {
	case art && w == "jaar" && hetJaar:
		return ry, true, 0, k + 1, true
	case !art && (w == "dit" || w == "deze") && isJaar:
		return ry, true, 0, k + 2, true
	case art && (w == "lopende" || w == "huidige") && isJaar:
		return ry, true, 0, k + 2, true
	case !art && (w == "volgend" || w == "komend" || w == "aankomend") && isJaar:
		return ry + 1, true, 0, k + 2, true
	case art && (w == "volgende" || w == "komende" || w == "aankomende") && isJaar && hetJaar:
		return ry + 1, true, 0, k + 2, true
	case art && w == "volgende" && isJaar:
		return ry + 1, true, 0, k + 2, true
	case (w == "vorig" && !art || w == "vorige" || w == "afgelopen") && isJaar:
		return ry - 1, true, dirPast, k + 2, true
	}
	return
}

// markerAt reads "jl.", "jongstleden", "a.s.", "aanstaande" (also glued to
// the next word by PDF extraction, or after a footnote number).
func (p *parser) markerAt(j int) (dir, next int, fe int32, ok bool) {
	k := j
	if n, isNum := p.num(k, 2); isNum && n > 0 && p.glued(k) && p.isMarker(k+1) {
		k++ // "februari1 jongstleden"
	}
	w := p.w(k)
	switch {
	case w == "jl" || w == "ll":
		k++
		if p.punct(k, '.') && p.glued(k) {
			k++
		}
		return dirPast, k, 0, true
	case w == "j" && p.punct(k+1, '.') && p.w(k+2) == "l":
		k += 3
		if p.punct(k, '.') && p.glued(k) {
			k++
		}
		return dirPast, k, 0, true
	case w == "a" && p.punct(k+1, '.') && p.w(k+2) == "s" && p.glued(k+1) && p.glued(k+2):
		k += 3
		if p.punct(k, '.') && p.glued(k) {
			k++
		}
		return dirNext, k, 0, true
	}
	for _, m := range [...]struct {
		w   string
		dir int
	}{{"jongstleden", dirPast}, {"laatstleden", dirPast}, {"aanstaande", dirNext}} {
		if strings.HasPrefix(w, m.w) {
			if len(w) > len(m.w) {
				fe = p.t[k].fs + int32(len(m.w))
			}
			return m.dir, k + 1, fe, true
		}
	}
	return 0, j, 0, false
}

func (p *parser) isMarker(k int) bool {
	w := p.w(k)
	return w == "jl" || w == "ll" || strings.HasPrefix(w, "jongstleden") || strings.HasPrefix(w, "laatstleden")
}

// yearSuffix reads what may follow a day or month: a year, "(van) dit
// jaar", or a marker.
func (p *parser) yearSuffix(c *core) {
	if c.fe != 0 {
		return
	}
	if y, j, ok := p.yearAt(c.j); ok {
		c.year, c.j = y, j
		return
	}
	k := c.j
	if p.w(k) == "van" {
		k++
	}
	if y, rel, dir, j, ok := p.yrefAt(k, false, k > c.j); ok {
		c.year, c.rel, c.dir, c.j = y, rel, dir, j
		return
	}
	if dir, j, fe, ok := p.markerAt(c.j); ok {
		c.dir, c.j, c.fe = dir, j, fe
	}
}

// ordAt reads an ordinal: "eerste", "2e", "3de", "laatste" (-1).
func (p *parser) ordAt(i int) (n, j int, ok bool) {
	if n, ok := ordinals[p.w(i)]; ok {
		return n, i + 1, true
	}
	if n, ok := p.num(i, 1); ok && n >= 1 && n <= 4 && p.glued(i+1) {
		switch p.w(i + 1) {
		case "e", "ste", "de":
			return n, i + 2, true
		}
	}
	return 0, i, false
}

// numeric reads 14/02/2023, 1-1-2022, 14.02.2023, 2023-02-14, and skips
// spans of years (2024-2025, 2015/16).
func (p *parser) numeric(i int) (core, bool) {
	t := p.t[i]
	sepAt := func(k int, seps string) byte {
		if k < len(p.t) && p.t[k].k == kPunct && p.t[k].glued && strings.IndexByte(seps, p.t[k].w[0]) >= 0 {
			return p.t[k].w[0]
		}
		return 0
	}
	gnum := func(k, maxDigits int) (int, bool) {
		if !p.glued(k) {
			return 0, false
		}
		return p.num(k, maxDigits)
	}
	if t.nd == 4 {
		if sep := sepAt(i+1, "-"); sep != 0 {
			if m, ok := gnum(i+2, 2); ok && sepAt(i+3, "-") != 0 {
				if d, ok := gnum(i+4, 2); ok && t.n >= 1900 && t.n <= 2100 && validDay(t.n, m, d) {
					return p.dayCore(i, i+5, t.n, m, d), true
				}
			}
		}
		if i+2 < len(p.t) && (p.punct(i+1, '-') || p.punct(i+1, '/')) && p.t[i+2].k == kNum {
			b := p.t[i+2]
			if t.n >= 1900 && t.n <= 2100 && (b.nd == 4 && b.n >= 1900 && b.n <= 2100 || b.nd == 2) {
				return core{i: i, j: i + 3, skip: true}, true
			}
		}
		return core{}, false
	}
	if t.nd > 2 || t.n < 1 || t.n > 31 {
		return core{}, false
	}
	sep := sepAt(i+1, "/-.")
	if sep == 0 {
		return core{}, false
	}
	m, ok := gnum(i+2, 2)
	if !ok || sepAt(i+3, string(sep)) == 0 {
		return core{}, false
	}
	y, ok := gnum(i+4, 4)
	if !ok || p.t[i+4].nd != 4 || y < 1900 || y > 2100 || !validDay(y, m, t.n) {
		return core{}, false
	}
	return p.dayCore(i, i+5, y, m, t.n), true
}

func (p *parser) dayCore(i, j, y, m, d int) core {
	return core{i: i, j: j, sp: spec{kind: sDay, m: m, d: d}, year: y,
		prec: tracker.PrecisionDay, dayLevel: true}
}

// dayNum reads a day of the month: "14", "1e", "2de".
func (p *parser) dayNum(k int) (int, int, bool) {
	d, ok := p.num(k, 2)
	if !ok || d < 1 || d > 31 {
		return 0, k, false
	}
	k++
	if p.glued(k) {
		switch p.w(k) {
		case "e", "ste", "de":
			k++
		}
	}
	return d, k, true
}

// dayMonth reads "14 februari 2023", "vrijdag 13 september 2024",
// "14, 15 en 16 maart", "1 tot 3 maart", "19 januari jl.".
func (p *parser) dayMonth(i int) (core, bool) {
	k := i
	if weekdays[p.w(k)] {
		k++
		if p.punct(k, ',') {
			k++
		}
	}
	d, k, ok := p.dayNum(k)
	if !ok {
		return core{}, false
	}
	from := 0
	for {
		n, isRange := 0, false
		switch w := p.w(k); {
		case p.punct(k, ','), w == "en":
			n = 1
		case p.punct(k, '-'):
			n, isRange = 1, true
		case w == "tot" && p.w(k+1) == "en" && p.w(k+2) == "met":
			n, isRange = 3, true
		case w == "tot":
			n, isRange = 1, true
		case w == "t" && p.punct(k+1, '/') && p.w(k+2) == "m":
			n, isRange = 3, true
		}
		if n == 0 {
			break
		}
		d2, k2, ok := p.dayNum(k + n)
		if !ok {
			break
		}
		if isRange && from == 0 {
			from = d
		}
		d, k = d2, k2
	}
	m, j, fe, dir, ok := p.monthWord(k, true)
	if !ok {
		return core{}, false
	}
	c := core{i: i, j: j, fe: fe, dir: dir, sp: spec{kind: sDay, m: m, d: d},
		prec: tracker.PrecisionDay, dayLevel: true, fromDay: from}
	p.yearSuffix(&c)
	return c, true
}

// monthWord reads a month name at i. After a day number an abbreviation
// needs no dot and a long name may be glued to the next word.
func (p *parser) monthWord(i int, afterDay bool) (m, j int, fe int32, dir int, ok bool) {
	w := p.w(i)
	if w == "" {
		return
	}
	if mm := months[w]; mm > 0 {
		return mm, i + 1, 0, 0, true
	}
	if mm := monthAbbr[w]; mm > 0 {
		if p.punct(i+1, '.') && p.glued(i+1) {
			return mm, i + 2, 0, 0, true
		}
		if _, _, isYear := p.yearAt(i + 1); isYear || afterDay {
			return mm, i + 1, 0, 0, true
		}
		return
	}
	if !afterDay {
		return
	}
	for k, name := range longMonths {
		if len(w) > len(name) && strings.HasPrefix(w, name) {
			m = months[longMonths[k]]
			rest := w[len(name):]
			fe = p.t[i].fs + int32(len(name))
			for _, mk := range [...]string{"jongstleden", "laatstleden"} {
				if strings.HasPrefix(rest, mk) {
					fe += int32(len(mk))
					dir = dirPast
				}
			}
			if strings.HasPrefix(rest, "aanstaande") {
				fe += int32(len("aanstaande"))
				dir = dirNext
			}
			return m, i + 1, fe, dir, true
		}
	}
	return
}

// month reads "maart", "maart 2024", "jan. 2025", "januari volgend jaar".
func (p *parser) month(i int) (core, bool) {
	m, j, _, _, ok := p.monthWord(i, false)
	if !ok {
		return core{}, false
	}
	c := core{i: i, j: j, sp: spec{kind: sMonth, m: m}, prec: tracker.PrecisionMonth, dayLevel: true}
	p.yearSuffix(&c)
	return c, true
}

// Modifiers before a month, year, season or quarter.
const (
	mEnd   = iota + 1 // eind, einde, ultimo
	mBegin            // begin
	mMid              // medio, half, midden, halverwege
	mLoop             // in de loop van
	mH1               // eerste helft van
	mH2               // tweede helft van
	mWeek             // n-th week van (n = -1: laatste)
)

func (p *parser) modAt(i int) (mod, n, j int, ok bool) {
	van := func(k int) int {
		if p.w(k) == "van" {
			return k + 1
		}
		return k
	}
	switch w := p.w(i); w {
	case "eind", "einde", "ultimo":
		return mEnd, 0, van(i + 1), true
	case "begin":
		return mBegin, 0, van(i + 1), true
	case "medio", "half", "halverwege":
		return mMid, 0, i + 1, true
	case "midden":
		return mMid, 0, van(i + 1), true
	case "in":
		if p.w(i+1) == "de" && p.w(i+2) == "loop" && p.w(i+3) == "van" {
			return mLoop, 0, i + 4, true
		}
		if p.w(i+1) == "het" && p.w(i+2) == "verloop" && p.w(i+3) == "van" {
			return mLoop, 0, i + 4, true
		}
		return
	}
	o, k, ok := p.ordAt(i)
	if !ok || p.w(k+1) != "van" {
		return 0, 0, i, false
	}
	switch p.w(k) {
	case "helft":
		switch o {
		case 1:
			return mH1, 0, k + 2, true
		case 2, -1:
			return mH2, 0, k + 2, true
		}
	case "week":
		return mWeek, o, k + 2, true
	}
	return 0, 0, i, false
}

// modified reads a modifier and what it modifies: "eind mei", "begin 2024",
// "medio april", "in de loop van 2025", "de tweede helft van oktober",
// "de laatste week van oktober", "eind van dit jaar", "eind voorjaar".
func (p *parser) modified(i int) (core, bool) {
	mod, n, j, ok := p.modAt(i)
	if !ok {
		return core{}, false
	}
	if m, k, fe, dir, ok := p.monthWord(j, false); ok {
		c := core{i: i, j: k, fe: fe, dir: dir, dayLevel: true}
		c.sp, c.prec = modMonth(mod, n, m)
		p.yearSuffix(&c)
		return c, true
	}
	if m, y, dir, k, ok := p.monthRel(j, true); ok {
		c := core{i: i, j: k, dir: dir, year: y, rel: true}
		c.sp, c.prec = modMonth(mod, n, m)
		return c, true
	}
	if y, rel, dir, k, ok := p.yrefAt(j, true, true); ok {
		c := core{i: i, j: k, year: y, rel: rel, dir: dir}
		if c.sp, c.prec, ok = modYear(mod, n); ok {
			return c, true
		}
		return core{}, false
	}
	if mod > mLoop {
		return core{}, false
	}
	k := j
	if w := p.w(k); w == "het" || w == "de" {
		k++ // "in de loop van het eerste trimester"
	}
	if c, ok := p.quarter(k); ok {
		c.i = i
		return c, true
	}
	if c, ok := p.half(k); ok {
		c.i = i
		return c, true
	}
	if c, ok := p.season(j); ok {
		c.i, c.modded = i, true
		return c, true
	}
	if c, ok := p.week(j); ok && c.fixed {
		c.i = i
		return c, true
	}
	return core{}, false
}

func modMonth(mod, n, m int) (spec, tracker.Precision) {
	switch {
	case mod == mMid || mod == mH1:
		return spec{kind: sMonthDay, m: m, d: 15}, tracker.PrecisionDay
	case mod == mWeek && n > 0:
		return spec{kind: sMonthDay, m: m, d: 7 * n}, tracker.PrecisionDay
	}
	return spec{kind: sMonth, m: m}, tracker.PrecisionMonth
}

func modYear(mod, n int) (spec, tracker.Precision, bool) {
	switch mod {
	case mEnd, mLoop:
		return spec{kind: sYear}, tracker.PrecisionYear, true
	case mBegin:
		return spec{kind: sQuarter, n: 1}, tracker.PrecisionQuarter, true
	case mMid, mH1:
		return spec{kind: sHalf, n: 1}, tracker.PrecisionHalf, true
	case mH2:
		return spec{kind: sHalf, n: 2}, tracker.PrecisionHalf, true
	case mWeek:
		if n == -1 {
			return spec{kind: sDay, m: 12, d: 31}, tracker.PrecisionDay, true
		}
	}
	return spec{}, "", false
}

// monthRel reads "deze maand", "volgende maand", "vorige maand", and after
// a modifier "de maand" ("eind van de maand").
func (p *parser) monthRel(i int, deMaand bool) (m, y, dir, j int, ok bool) {
	if !p.hasRef || p.w(i+1) != "maand" {
		return
	}
	off := 0
	switch p.w(i) {
	case "deze":
	case "de":
		if !deMaand {
			return
		}
	case "volgende", "komende", "aankomende":
		off = 1
	case "vorige", "afgelopen":
		off, dir = -1, dirPast
	default:
		return
	}
	t := day(p.ref.Year(), int(p.ref.Month())+off, 1)
	return int(t.Month()), t.Year(), dir, i + 2, true
}

// quarter reads "Q2 2024", "het tweede kwartaal", "1e kwartaal", "eerste
// kwartaal van 2025", "het laatste kwartaal van dit jaar", and the Belgian
// "het eerste trimester van 2026". A trimester of a school or academic year
// ("het eerste trimester van het schooljaar") is a school term, no date.
func (p *parser) quarter(i int) (core, bool) {
	var c core
	if p.w(i) == "q" {
		n, ok := p.num(i+1, 1)
		if !ok || !p.glued(i+1) || n < 1 || n > 4 {
			return core{}, false
		}
		c = core{i: i, j: i + 2, sp: spec{kind: sQuarter, n: n}, prec: tracker.PrecisionQuarter}
		k := c.j
		if p.punct(k, '-') && p.glued(k) {
			k++
		}
		if y, j, ok := p.yearAt(k); ok {
			c.year, c.j = y, j
		}
		return c, true
	}
	n, k, ok := p.ordAt(i)
	w := p.w(k)
	if !ok || w != "kwartaal" && w != "trimester" {
		return core{}, false
	}
	if n == -1 {
		n = 4
	}
	c = core{i: i, j: k + 1, sp: spec{kind: sQuarter, n: n}, prec: tracker.PrecisionQuarter}
	if !p.yearAfter(&c) && w == "trimester" && p.schoolYear(c.j) {
		return core{}, false
	}
	return c, true
}

// schoolYear reports whether a school or academic year follows a term at
// token j: "van het schooljaar", "van het academiejaar 2024-2025", "van
// 2024-2025", "2024-2025". Its trimesters and semesters are school terms,
// not quarters and halves of a calendar year.
func (p *parser) schoolYear(j int) bool {
	if p.w(j) == "van" {
		j++
	}
	for n := 0; n < 2 && schoolYearDets[p.w(j)]; n++ {
		j++
	}
	if w := p.w(j); strings.HasSuffix(w, "schooljaar") || strings.HasSuffix(w, "academiejaar") {
		return true
	}
	y, ok := p.num(j, 4)
	return ok && p.t[j].nd == 4 && y >= 1900 && y <= 2100 && (p.punct(j+1, '-') || p.punct(j+1, '/')) &&
		j+2 < len(p.t) && p.t[j+2].k == kNum
}

// schoolYearDets may stand between a term and its school year: "van het
// volgende schooljaar".
var schoolYearDets = map[string]bool{
	"het": true, "dit": true, "dat": true, "elk": true, "ieder": true, "volgend": true, "volgende": true,
	"komend": true, "komende": true, "vorig": true, "vorige": true, "huidige": true, "lopende": true,
}

// yearAfter reads "2025", "van 2025" or "van dit jaar" after a quarter,
// half or season.
func (p *parser) yearAfter(c *core) bool {
	if y, j, ok := p.yearAt(c.j); ok {
		c.year, c.j = y, j
		return true
	}
	if p.w(c.j) == "van" {
		if y, rel, dir, j, ok := p.yrefAt(c.j+1, true, true); ok {
			c.year, c.rel, c.dir, c.j = y, rel, dir, j
			return true
		}
	}
	return false
}

// half reads "eerste helft 2025", "tweede jaarhelft", "H1 2025", and the
// Belgian "het eerste semester (van 2025)", "het laatste semester van dit
// jaar" ("de tweede helft van 2025" is a modifier, see modified). A
// semester of a school or academic year is no date (see schoolYear).
func (p *parser) half(i int) (core, bool) {
	if p.w(i) == "h" {
		n, ok := p.num(i+1, 1)
		if !ok || !p.glued(i+1) || n < 1 || n > 2 {
			return core{}, false
		}
		c := core{i: i, j: i + 2, sp: spec{kind: sHalf, n: n}, prec: tracker.PrecisionHalf}
		if !p.yearAfter(&c) {
			return core{}, false
		}
		return c, true
	}
	n, k, ok := p.ordAt(i)
	w := p.w(k)
	last := n == -1 && w == "semester" // only with its year: "het laatste semester" may be the one gone
	if last {
		n = 2
	}
	if !ok || n < 1 || n > 2 {
		return core{}, false
	}
	if w != "helft" && w != "jaarhelft" && w != "halfjaar" && w != "semester" {
		return core{}, false
	}
	c := core{i: i, j: k + 1, sp: spec{kind: sHalf, n: n}, prec: tracker.PrecisionHalf}
	if !p.yearAfter(&c) && (w == "helft" || last || w == "semester" && p.schoolYear(c.j)) {
		return core{}, false
	}
	return c, true
}

// season reads "het voorjaar", "de zomer van 2024", "voorjaar 2011", "dit
// najaar", "komende winter", "winter 2024/2025", "het zomerreces", "kerst".
// Its date depends on the bound before it, see seasonSpec.
func (p *parser) season(i int) (core, bool) {
	k, dir := i, 0
	switch p.w(k) {
	case "het", "de":
		k++
	case "dit", "deze":
		k, dir = k+1, dirThis
	case "komend", "komende", "volgend", "volgende", "aankomend", "aankomende":
		k, dir = k+1, dirNext
	case "vorig", "vorige", "afgelopen":
		k, dir = k+1, dirPast
	}
	s := seasons[p.w(k)]
	if s == 0 {
		return core{}, false
	}
	c := core{i: i, j: k + 1, season: s, dir: dir, prec: tracker.PrecisionSeason}
	if s == seaXmas {
		c.prec = tracker.PrecisionSeason
	}
	j := c.j
	if p.w(j) == "van" {
		j++
	}
	if s == seaWinter {
		// "winter 2024/2025", "winter 2024-25": named by the year it starts.
		if y, ok := p.num(j, 4); ok && p.t[j].nd == 4 && y >= 1900 && y <= 2100 &&
			(p.punct(j+1, '/') || p.punct(j+1, '-')) {
			if y2, ok := p.num(j+2, 4); ok && (y2 == y+1 || y2 == (y+1)%100) {
				c.seasonY, c.j = y, j+3
				return c, true
			}
		}
	}
	if y, rel, d, jj, ok := p.yrefAt(j, false, true); ok {
		c.seasonY, c.rel, c.j = y, rel, jj
		if d != 0 {
			c.dir = d
		}
	}
	return c, true
}

// seasonSpec fixes the date of a season once its bound is known: "voor de
// zomer" is its start (21 June), "in de zomer" its end (22 September), "na
// de zomer" 30 September.
func seasonSpec(c *core, b Bound, bw string) Bound {
	start := b == Before && !c.modded
	na := bw == "na" && !c.modded
	md := func(fm, fd, m, d int) spec { return spec{kind: sMD, fm: fm, fd: fd, m: m, d: d} }
	y := c.seasonY
	switch c.season {
	case seaSpring:
		c.sp = md(3, 20, 6, 20)
		if start {
			c.sp = md(3, 20, 3, 20)
		}
	case seaSummer:
		c.sp = md(6, 21, 9, 22)
		switch {
		case start:
			c.sp = md(6, 21, 6, 21)
		case na:
			c.sp, b = md(9, 22, 9, 30), None
		}
	case seaAutumn:
		c.sp = md(9, 22, 12, 20)
		if start {
			c.sp = md(9, 22, 9, 22)
		}
	case seaWinter:
		c.sp = md(12, 21, 3, 20)
		if y != 0 {
			y++
		}
		if start {
			c.sp, y = md(12, 21, 12, 21), c.seasonY
		}
	case seaRecess:
		c.sp = md(6, 21, 6, 21)
		if na {
			c.sp, b = md(9, 22, 9, 30), None
		}
	case seaXmas:
		c.sp = md(12, 24, 12, 24)
	}
	c.year = y
	return b
}

// week reads "deze week", "volgende week", "vorige week", "week 6 van 2009".
func (p *parser) week(i int) (core, bool) {
	w := p.w(i)
	if w != "week" {
		if !p.hasRef || p.w(i+1) != "week" {
			return core{}, false
		}
		off, dir := 0, 0
		switch w {
		case "deze":
		case "volgende", "komende":
			off = 1
		case "vorige", "afgelopen":
			off, dir = -1, dirPast
		default:
			return core{}, false
		}
		to := weekEnd(p.ref).AddDate(0, 0, 7*off)
		return core{i: i, j: i + 2, fixed: true, from: to.AddDate(0, 0, -6), to: to, rel: true,
			dir: dir, prec: tracker.PrecisionDay}, true
	}
	n, ok := p.num(i+1, 2)
	if !ok || n < 1 || n > 53 {
		return core{}, false
	}
	c := core{i: i, j: i + 2, sp: spec{kind: sWeek, n: n}, prec: tracker.PrecisionDay}
	if p.w(c.j) == "in" || p.punct(c.j, ',') {
		if y, j, ok := p.yearAt(c.j + 1); ok {
			c.year, c.j = y, j
			return c, true
		}
	}
	p.yearAfter(&c)
	return c, true
}

// duration reads "binnen drie maanden", "over twee weken", "binnen een half
// jaar", "de komende weken", "het komende half jaar".
func (p *parser) duration(i int) (core, bool) {
	if !p.hasRef {
		return core{}, false
	}
	k := i
	bound := Before
	switch p.w(i) {
	case "binnen":
		k++
	case "over":
		k, bound = k+1, None
	case "komende", "aankomende":
		// "de komende weken", "het komende jaar"
	default:
		return core{}, false
	}
	n, vague := 0, false
	switch w := p.w(k); {
	case w == "komende" || w == "aankomende":
		if k != i {
			return core{}, false
		}
		k++
		if v, ok := numWords[p.w(k)]; ok {
			n, k = v, k+1
		} else if v, ok := p.num(k, 2); ok && v > 0 {
			n, k = v, k+1
		} else {
			vague = true
		}
		if p.w(k) == "jaar" || p.w(k) == "half" || p.w(k) == "halfjaar" {
			if vague {
				n, vague = 1, false
			}
		}
	case w == "enkele" || w == "paar":
		vague, k = true, k+1
	case w == "een" && p.w(k+1) == "paar":
		vague, k = true, k+2
	case w == "anderhalf":
		if p.w(k+1) != "jaar" {
			return core{}, false
		}
		return p.durCore(i, k+2, 18, "maand", bound)
	default:
		if k == i {
			return core{}, false
		}
		if v, ok := numWords[w]; ok {
			n, k = v, k+1
		} else if v, ok := p.num(k, 3); ok && v > 0 {
			n, k = v, k+1
		} else {
			return core{}, false
		}
	}
	if n == 1 && (p.w(k) == "half" && p.w(k+1) == "jaar" || p.w(k) == "halfjaar") {
		j := k + 1
		if p.w(k) == "half" {
			j++
		}
		c, ok := p.durCore(i, j, 6, "maand", bound)
		if p.w(i) != "binnen" && p.w(i) != "over" {
			c.prec = tracker.PrecisionHalf
		}
		return c, ok
	}
	if vague {
		switch p.w(k) {
		case "dagen":
			return p.durCore(i, k+1, 7, "dag", bound)
		case "weken":
			c, ok := p.durCore(i, k+1, 1, "maand", bound)
			c.prec = tracker.PrecisionMonth
			return c, ok
		case "maanden":
			c, ok := p.durCore(i, k+1, 3, "maand", bound)
			c.prec = tracker.PrecisionQuarter
			return c, ok
		}
		return core{}, false
	}
	c, ok := p.durCore(i, k+1, n, p.w(k), bound)
	if ok && (p.w(i) == "komende" || p.w(i) == "aankomende") && p.w(k) == "jaar" {
		c.prec = tracker.PrecisionYear
	}
	return c, ok
}

func (p *parser) durCore(i, j, n int, unit string, b Bound) (core, bool) {
	switch p.w(j) {
	case "na", "nadat", "vanaf", "volgend", "volgende":
		// "binnen vier weken na ontvangst": counted from an event, not
		// from the document.
		return core{}, false
	}
	t := p.ref
	switch unit {
	case "dag", "dagen":
		t = t.AddDate(0, 0, n)
	case "werkdag", "werkdagen":
		for n > 0 {
			t = t.AddDate(0, 0, 1)
			if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
				n--
			}
		}
	case "week", "weken":
		t = t.AddDate(0, 0, 7*n)
	case "maand", "maanden":
		t = addMonths(t, n)
	case "kwartaal", "kwartalen", "trimester", "trimesters":
		t = addMonths(t, 3*n)
	case "semester", "semesters":
		t = addMonths(t, 6*n)
	case "jaar", "jaren":
		t = addMonths(t, 12*n)
	default:
		return core{}, false
	}
	return core{i: i, j: j, fixed: true, to: t, rel: true, dur: true, bound: b,
		prec: tracker.PrecisionDay}, true
}

// addMonths adds n months, keeping the day within the month (31 January
// plus one month is 28 or 29 February).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	last := monthEnd(y, int(m)+n)
	return day(last.Year(), int(last.Month()), min(d, last.Day()))
}

// relative reads "deze maand", "volgende maand", "dit jaar", "volgend
// jaar", "vorig jaar", "het afgelopen jaar".
func (p *parser) relative(i int) (core, bool) {
	if m, y, dir, j, ok := p.monthRel(i, false); ok {
		return core{i: i, j: j, sp: spec{kind: sMonth, m: m}, year: y, rel: true, dir: dir,
			prec: tracker.PrecisionMonth}, true
	}
	if y, rel, dir, j, ok := p.yrefAt(i, false, false); ok {
		return core{i: i, j: j, sp: spec{kind: sYear}, year: y, rel: rel, dir: dir,
			prec: tracker.PrecisionYear}, true
	}
	return core{}, false
}

// special reads "Prinsjesdag (2025)", "Verantwoordingsdag".
func (p *parser) special(i int) (core, bool) {
	sp, ok := specialDays[p.w(i)]
	if !ok {
		return core{}, false
	}
	if sp.kind == sYear {
		// "het jaareinde (van) 2025", or of the document's year.
		c := core{i: i, j: i + 1, sp: sp, prec: tracker.PrecisionYear}
		if !p.yearAfter(&c) {
			if !p.hasRef {
				return core{}, false
			}
			c.year, c.rel = p.ref.Year(), true
		}
		return c, true
	}
	c := core{i: i, j: i + 1, sp: sp, prec: tracker.PrecisionDay}
	p.yearAfter(&c)
	return c, true
}
