package dates

import "time"

// boundBefore reads a bound phrase ending just before token k, not before
// token lo: its length in tokens, the bound, and its last word.
func (p *parser) boundBefore(k, lo int) (n int, b Bound, bw string) {
	ends := func(ws ...string) bool {
		if k-len(ws) < lo {
			return false
		}
		for i, w := range ws {
			if p.w(k-len(ws)+i) != w {
				return false
			}
		}
		return true
	}
	switch {
	case ends("niet", "eerder", "dan"):
		return 3, After, "dan"
	case ends("op", "zijn", "vroegst"):
		return 3, After, "vroegst"
	case ends("op", "zijn", "laatst"):
		return 3, Before, "laatst"
	case ends("tot", "en", "met"):
		return 3, Before, "met"
	case k-3 >= lo && p.w(k-3) == "t" && p.punct(k-2, '/') && p.w(k-1) == "m":
		return 3, Before, "t/m"
	case ends("ten", "vroegste"):
		return 2, After, "vroegste"
	case ends("ten", "laatste"):
		return 2, Before, "laatste"
	case ends("niet", "voor"):
		return 2, After, "voor"
	case ends("voorafgaand", "aan"):
		return 2, Before, "aan"
	case k-1 < lo:
		return 0, None, ""
	}
	switch w := p.w(k - 1); w {
	case "voor", "uiterlijk", "tegen", "tot":
		return 1, Before, w
	case "vanaf", "na", "sinds":
		return 1, After, w
	}
	return 0, None, ""
}

// lowerReach is how many words before a date a lower bound that is not next
// to it may stand ("op zijn vroegst kan de wet in 2027 ...").
const lowerReach = 8

// distantLowerBound reports whether a lower bound governs the date starting at
// token k from further back in its clause: "op zijn vroegst" or "ten
// vroegste" a few words before it, or "niet eerder ... dan" and "niet
// vroeger ... dan" with "dan" right before it.
func (p *parser) distantLowerBound(k, lo int) bool {
	dan := p.w(k-1) == "dan" && k-1 >= lo
	for i := k - 1; i >= lo && i >= k-lowerReach; i-- {
		t := p.t[i]
		if t.k == kPunct && t.w != "-" {
			return false
		}
		switch t.w {
		case "vroegst":
			if p.w(i-1) == "zijn" && p.w(i-2) == "op" {
				return true
			}
		case "vroegste":
			if p.w(i-1) == "ten" {
				return true
			}
		case "eerder", "vroeger":
			if dan && (p.w(i-1) == "niet" || p.w(i-2) == "niet") {
				return true
			}
		}
	}
	return false
}

// lookback finds the words before a core that belong to it: a bound and a
// preposition ("uiterlijk in april", "op zijn vroegst in 2027").
func (p *parser) lookback(i, lo int) (start int, b Bound, bw string, trig bool) {
	k := i
	switch {
	case k-3 >= lo && p.w(k-3) == "met" && p.w(k-2) == "ingang" && p.w(k-1) == "van":
		k -= 3
		trig = true
	case k-2 >= lo && p.w(k-2) == "ca" && p.punct(k-1, '.'):
		k -= 2
		trig = true
	case k-2 >= lo && p.w(k-2) == "voorafgaand" && p.w(k-1) == "aan":
		// a bound, read below
	case k-1 >= lo && neutral[p.w(k-1)]:
		k--
		trig = true
	}
	if n, bb, w := p.boundBefore(k, lo); n > 0 {
		k -= n
		b, bw, trig = bb, w, true
	}
	return k, b, bw, trig
}

// connector reads what joins the two halves of a range after token j.
func (p *parser) connector(j int, c *core, opener string) int {
	switch w := p.w(j); {
	case w == "tot" && p.w(j+1) == "en" && p.w(j+2) == "met":
		return 3
	case w == "tot":
		return 1
	case w == "t" && p.punct(j+1, '/') && p.w(j+2) == "m":
		return 3
	case w == "en" && opener == "tussen":
		return 1
	case p.punct(j, '-') && c.dayLevel:
		return 1
	}
	return 0
}

// finish reads the words around a core and resolves it. It returns the
// expression and the token after it.
func (p *parser) finish(c *core, lo int) (Expr, int, bool) {
	start, b, bw, trig := p.lookback(c.i, lo)
	if b == None {
		b = c.bound
	}
	if b != After && p.distantLowerBound(start, lo) {
		b = After
	}
	opener := ""
	if w := p.w(start - 1); start-1 >= lo && (w == "van" || w == "tussen") {
		opener = w
	}
	if bw == "vanaf" {
		opener = bw
	}
	last := c
	var c2 core
	ranged := false
	if c.fe == 0 && !c.dur {
		if n := p.connector(c.j, c, opener); n > 0 && c.j+n < len(p.t) {
			if d, ok := p.core(c.j + n); ok && !d.skip && !d.dur && (d.dayLevel || !p.punct(c.j, '-')) && p.ordered(*c, d) {
				c2, ranged = d, true
				last = &c2
			}
		}
	}
	if c.bareYear && !trig && !ranged {
		w := p.w(c.i - 1)
		if !(c.i-1 >= lo && (w == "en" || w == "of") && p.lastYearEnd == c.i-1) {
			return Expr{}, 0, false
		}
	}
	if ranged {
		if opener == "van" || opener == "tussen" {
			start--
		}
		b = None
	}
	if c.season != 0 {
		cb := b
		if ranged {
			cb = None
		}
		nb := seasonSpec(c, cb, bw)
		if !ranged {
			b = nb
		}
	}
	if ranged && c2.season != 0 {
		seasonSpec(&c2, None, "")
	}

	var e Expr
	if ranged {
		_, to, rel2, ok := p.resolve(&c2)
		if !ok {
			return Expr{}, 0, false
		}
		from, _, rel1, ok := p.resolveUpTo(c, to)
		if !ok {
			return Expr{}, 0, false
		}
		e.From, e.Date, e.Relative, e.Precision = from, to, rel1 || rel2, c2.prec
	} else {
		from, to, rel, ok := p.resolve(c)
		if !ok {
			return Expr{}, 0, false
		}
		e.Date, e.Relative, e.Precision = to, rel, c.prec
		if c.fromDay > 0 && c.fromDay < to.Day() {
			e.From = day(to.Year(), int(to.Month()), c.fromDay)
		}
		_ = from
	}
	end := last.j
	fe := last.fe
	if fe == 0 {
		fe = p.t[end-1].fe
		// A bound after the date: "in 2027 op zijn vroegst".
		if b == None && !ranged {
			if n, bb := p.boundAfter(end); n > 0 {
				b = bb
				end += n
				fe = p.t[end-1].fe
			}
		}
	}
	e.Bound = b
	e.Duration = c.dur
	e.Past = (p.hasRef && e.Date.Before(p.ref)) || last.dir == dirPast
	e.Start = p.f.start(p.t[start].fs)
	e.End = p.f.end(fe - 1)
	e.Text = p.text[e.Start:e.End]
	if last.bareYear {
		p.lastYearEnd = end
	}
	return e, end, true
}

// ordered reports whether a and b make a range: both resolve and a does
// not end after b.
func (p *parser) ordered(a, b core) bool {
	if a.season != 0 {
		seasonSpec(&a, None, "")
	}
	if b.season != 0 {
		seasonSpec(&b, None, "")
	}
	_, to, _, ok := p.resolve(&b)
	if !ok {
		return false
	}
	_, ato, _, ok := p.resolveUpTo(&a, to)
	return ok && !ato.After(to)
}

// boundAfter reads "op zijn vroegst", "ten vroegste", "op zijn laatst" right
// after a date.
func (p *parser) boundAfter(j int) (int, Bound) {
	switch {
	case p.w(j) == "op" && p.w(j+1) == "zijn" && p.w(j+2) == "vroegst":
		return 3, After
	case p.w(j) == "op" && p.w(j+1) == "zijn" && p.w(j+2) == "laatst":
		return 3, Before
	case p.w(j) == "ten" && p.w(j+1) == "vroegste":
		return 2, After
	}
	return 0, None
}

// resolve finds the period a core names. A day, month or season without a
// year is the next one ending on or after the document date, except that
// one ended at most pastWindow before it is the one just gone ("eind
// maart" on 4 April), and "jl." / "a.s." decide by themselves.
func (p *parser) resolve(c *core) (from, to time.Time, rel, ok bool) {
	if c.fixed {
		return c.from, c.to, c.rel, true
	}
	if c.year != 0 {
		from, to, ok = c.sp.at(c.year)
		return from, to, c.rel, ok
	}
	if !p.hasRef {
		return from, to, false, false
	}
	ry := p.ref.Year()
	if c.dir == dirThis {
		if from, to, ok = c.sp.at(ry); ok && c.sp.kind == sMD && c.sp.fm > c.sp.m && to.Before(p.ref) {
			from, to, ok = c.sp.at(ry + 1) // "deze winter" in December
		}
		return from, to, true, ok
	}
	var pf, pt, nf, nt time.Time
	hasP, hasN := false, false
	for y := ry - 1; y <= ry+2; y++ {
		f, t, ok := c.sp.at(y)
		if !ok {
			continue
		}
		isPast := t.Before(p.ref)
		if c.dir == dirPast {
			isPast = !t.After(p.ref)
		}
		if c.dir == dirNext {
			isPast = !f.After(p.ref)
		}
		if isPast {
			pf, pt, hasP = f, t, true
		} else if !hasN {
			nf, nt, hasN = f, t, true
		}
	}
	switch {
	case c.dir == dirPast && hasP:
		return pf, pt, true, true
	case c.dir == dirNext && hasN:
		return nf, nt, true, true
	case c.dir == 0 && hasP && (!hasN || p.ref.Sub(pt) <= pastWindow && c.season == 0):
		return pf, pt, true, true
	case hasN:
		return nf, nt, true, true
	}
	return from, to, false, false
}

// resolveUpTo resolves the first half of a range: without a year of its
// own it takes the latest one that ends on or before the second half.
func (p *parser) resolveUpTo(c *core, limit time.Time) (from, to time.Time, rel, ok bool) {
	if c.fixed || c.year != 0 {
		return p.resolve(c)
	}
	for y := limit.Year(); y >= limit.Year()-1; y-- {
		if f, t, ok := c.sp.at(y); ok && !t.After(limit) {
			return f, t, false, true
		}
	}
	return from, to, false, false
}
