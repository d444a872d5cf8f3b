package dates

import (
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Bound says how a date limits what it is about.
type Bound int

const (
	// None: the date is when something happens ("in maart", "op 1 april").
	None Bound = iota
	// Before: by that date at the latest ("voor", "vóór", "uiterlijk",
	// "tegen", "ten laatste", "op zijn laatst", "tot", "binnen").
	Before
	// After: not before that date, a lower bound ("niet eerder dan", "op
	// zijn vroegst", "ten vroegste", "vanaf", "sinds", "niet voor", "na"
	// except in "na de zomer").
	After
)

// LowerBound is another name for After.
const LowerBound = After

func (b Bound) String() string {
	switch b {
	case Before:
		return "before"
	case After:
		return "after"
	}
	return "none"
}

// Expr is one date expression found in a text.
type Expr struct {
	Start, End int               // byte offsets in the text searched
	Text       string            // the expression as written, text[Start:End]
	Date       time.Time         // resolved date (midnight UTC), the END of what it names
	Precision  tracker.Precision // day, month, quarter, half, season, year
	From       time.Time         // for ranges: the start of the first part; zero otherwise
	Bound      Bound             // None, Before or After
	Relative   bool              // resolved against the document date
	Past       bool              // Date before the reference date, or marked "jl.", "vorig jaar", ...
	Duration   bool              // an offset from the document date: "binnen drie maanden"
}

// pastWindow is how far back a day, month or season written without a year
// may lie and still be read as the past one rather than the next one: "eind
// maart" in a letter of 4 April is the March just gone, "in januari" in a
// letter of 19 December is the coming one.
const pastWindow = 92 * 24 * time.Hour

// Find returns the date expressions of text in order, resolved against ref,
// the date of the document. With a zero ref, expressions that need it (a day
// or month without a year, "volgend jaar", "binnen drie maanden") are skipped.
func Find(text string, ref time.Time) []Expr {
	sc := scratchPool.Get().(*scratch)
	return sc.find(sc.fold.fold(text), text, ref)
}

// FindFolded is Find for a text whose fold the caller has: lower, the
// text byte for byte with its ASCII capitals made lower case and its
// white space bytes ('\t' to '\r') spaces, as the rules fold an ASCII
// sentence that keeps every byte in its place. For a text of printable
// ASCII and such white space that is the fold Find makes, which is then
// not made again; any other text Find folds itself.
func FindFolded(text, lower string, ref time.Time) []Expr {
	if len(lower) != len(text) || !printableASCII(text) {
		return Find(text, ref)
	}
	sc := scratchPool.Get().(*scratch)
	return sc.find(folded{s: lower, ident: true}, text, ref)
}

// find reads the dates of text, folded as f, with sc's tokens, and puts
// sc back in its pool.
func (sc *scratch) find(f folded, text string, ref time.Time) []Expr {
	p := parser{f: f, text: text}
	p.t = tokenize(f.s, sc.toks[:0])
	if !ref.IsZero() {
		p.ref, p.hasRef = tracker.DayOf(ref), true
	}
	out := p.run()
	sc.toks = p.t[:0]
	scratchPool.Put(sc)
	return out
}

// printableASCII reports whether every byte of s is printable ASCII (' '
// to '~') or white space from '\t' to '\r': the bytes asciiFold keeps or
// makes a space, and lower-cases. Eight bytes at a time: adding 0x80-c
// to a byte below 0x80 sets its top bit exactly when it is c or more.
func printableASCII(s string) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if x&tops != 0 {
			return false
		}
		below := ^(x + ones*(0x80-' ')) & tops                             // below ' '
		del := (x + ones*(0x80-0x7f)) & tops                               // 0x7f (the largest byte left)
		space := (x + ones*(0x80-'\t')) &^ (x + ones*(0x80-'\r'-1)) & tops // '\t' to '\r'
		if below&^space != 0 || del != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < ' ' && (c < '\t' || c > '\r') {
			return false
		}
	}
	return true
}

// scratch is the buffers of one Find, kept for the next: no Expr refers to
// the folded text or the tokens it was read from.
type scratch struct {
	fold foldScratch
	toks []tok
}

var scratchPool = sync.Pool{New: func() any { return &scratch{toks: make([]tok, 0, 64)} }}

// Period kinds: what a spec names in a given year.
const (
	sDay      = iota + 1 // month m, day d
	sMonth               // all of month m
	sMonthDay            // day d of month m, period starting on the 1st
	sQuarter             // quarter n
	sHalf                // half n
	sYear                // the whole year
	sMD                  // from fm-fd (of the year before when fm > m) to m-d
	sWeek                // ISO week n
	sNth                 // the n-th weekday wd of month m
)

// spec names a period as a function of the year of its last day.
type spec struct {
	kind    uint8
	m, d, n int
	fm, fd  int
	wd      time.Weekday
}

func day(y, m, d int) time.Time { return tracker.Day(y, time.Month(m), d) }

func monthEnd(y, m int) time.Time { return day(y, m+1, 0) }

func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= monthEnd(y, m).Day()
}

// at returns the period of s whose last day falls in year y.
func (s spec) at(y int) (from, to time.Time, ok bool) {
	switch s.kind {
	case sDay:
		if !validDay(y, s.m, s.d) {
			return from, to, false
		}
		to = day(y, s.m, s.d)
		return to, to, true
	case sMonth:
		return day(y, s.m, 1), monthEnd(y, s.m), true
	case sMonthDay:
		return day(y, s.m, 1), day(y, s.m, min(s.d, monthEnd(y, s.m).Day())), true
	case sQuarter:
		return day(y, 3*s.n-2, 1), monthEnd(y, 3*s.n), true
	case sHalf:
		return day(y, 6*s.n-5, 1), monthEnd(y, 6*s.n), true
	case sYear:
		return day(y, 1, 1), day(y, 12, 31), true
	case sMD:
		fy := y
		if s.fm > s.m {
			fy--
		}
		return day(fy, s.fm, s.fd), day(y, s.m, s.d), true
	case sWeek:
		// ISO week 1 holds 4 January.
		jan4 := day(y, 1, 4)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(s.n-1))
		if _, w := mon.ISOWeek(); w != s.n {
			return from, to, false
		}
		return mon, mon.AddDate(0, 0, 6), true
	case sNth:
		first := day(y, s.m, 1)
		off := (int(s.wd) - int(first.Weekday()) + 7) % 7
		to = first.AddDate(0, 0, off+7*(s.n-1))
		return to, to, true
	}
	return from, to, false
}

// weekEnd returns the Sunday of t's ISO week.
func weekEnd(t time.Time) time.Time {
	return t.AddDate(0, 0, (7-int(t.Weekday()))%7)
}
