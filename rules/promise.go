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

// nearDate is how far (in bytes) a date may stand after the "van" of "de
// brief van", "het verslag van" and still be that thing's date: a space.
const nearDate = 2

// findPromises returns the promises of one sentence: the future dates by
// which something is committed, given the rules that matched in it.
//
// The sentence commits when it holds a delivery word (KindPromise: "zal ik
// u informeren", "wordt toegezonden", "ontvangt uw Kamer"), or an
// expectation, intention or plan word (KindFuture other than the plain
// "zal") together with a thing that is delivered (KindDeliverable: "Het
// advies volgt", "De beantwoording zal plaatshebben", "publicatie is
// voorzien"). A future word alone commits only to a date named to the day
// ("het congres zal op 16 november plaatsvinden"), and not when a meeting
// is named: that is when the meeting sits.
//
// A date of a committing sentence is a promise when it is not in the past
// of the document, not a lower bound, not a period ("01/11/2021 –
// 30/10/2024"), not a budget year ("voor 2025"), not the date of a thing
// named before it ("het debat van 5 oktober"), not described by a context
// phrase, not pointed at by a deferral, and no withdrawn or effect words
// stand in its clause ("niet mogelijk ... te informeren", "treedt in
// werking", amounts). A sentence in the past tense that does not also look
// ahead promises nothing.
//
// past reports whether the text of the sentence in [lo, hi) is in the past
// tense; it is called only when the answer depends on it.
func findPromises(st *sentence, ref time.Time, past func(lo, hi int) bool) []tracker.Promise {
	if len(st.exprs) == 0 || !looksAhead(st) {
		return nil
	}
	cl := clauses(st.text)
	var out []tracker.Promise
	lo := 0
	for _, c := range cl[1:] {
		if st.text[c-1] == '.' { // a sentence end the splitter missed
			out = append(out, promisesIn(st, lo, c, cl, ref, past)...)
			lo = c
		}
	}
	return append(out, promisesIn(st, lo, len(st.text), cl, ref, past)...)
}

// looksAhead reports whether a promise or future word matched in st.
func looksAhead(st *sentence) bool {
	for _, h := range st.hits {
		if h.rule.Kind == KindPromise || h.rule.Kind == KindFuture {
			return true
		}
	}
	return false
}

// promisesIn is findPromises for the part [lo, hi) of the sentence, which
// is all of it unless the sentence splitter missed an end ("2025.Ook").
func promisesIn(st *sentence, lo, hi int, cl []int, ref time.Time, past func(lo, hi int) bool) []tracker.Promise {
	var commit, done, future, expect, deliverable, vetoes bool
	rule, futureRule := "", ""
	restated := -1 // where a restating word looks ahead from
	for _, h := range st.hits {
		if s := h.start - st.start; s < lo || s >= hi {
			continue
		}
		switch h.rule.Kind {
		case KindPromise:
			if completion(st.text[h.start-st.start : h.end-st.start]) {
				done = true
			} else {
				commit = true
			}
			rule = h.rule.ID
		case KindFuture:
			w := st.text[h.start-st.start : h.end-st.start]
			switch {
			case restating(w):
				// "heb ik toegezegd u in december te informeren": looks
				// ahead from where it stands.
				if restated < 0 {
					restated = h.start - st.start
				}
			case !event(w):
				future = true
			}
			if futureRule == "" {
				futureRule = h.rule.ID
			}
			expect = expect || !auxiliary(w)
		case KindDeliverable:
			deliverable = deliverable || !present(st.text[:h.start-st.start], st.text[h.start-st.start:h.end-st.start])
		case KindWithdrawn, KindEffect:
			vetoes = true
		}
	}
	if !commit && (expect || done) && deliverable {
		commit = true
	}
	if rule == "" {
		rule = futureRule
	}
	if !commit && !future && restated < 0 {
		return nil
	}
	var cands []dates.Expr
	for _, e := range st.exprs {
		if e.Start < lo || e.Start >= hi {
			continue
		}
		if e.Past || e.Bound == dates.After || !e.From.IsZero() {
			continue
		}
		if tracker.Dated(ref) && e.Date.Before(ref) {
			continue
		}
		if !commit && (e.Precision != tracker.PrecisionDay || e.Duration || meets(st.text)) {
			continue
		}
		if e.Duration && afterEvent(st.text, e, cl) {
			continue
		}
		if budgetYear(e) {
			continue
		}
		if described(st, e, cl) || pointedAt(st, e) || datedThing(st.text, e) || earlier(st.text, e) {
			continue
		}
		if vetoes && vetoed(st, e, cl) {
			continue
		}
		cands = append(cands, e)
	}
	if len(cands) == 0 {
		return nil
	}
	if !future {
		// Past tense: only what a restated commitment looks ahead to. A
		// semicolon ends the tense's reach: "Het is niet gelukt ... voor
		// 1 juni af te ronden; ik stuur deze binnen zes weken alsnog."
		kept := cands[:0]
		for _, e := range cands {
			plo, phi := semicolonPart(st.text, e.Start, lo, hi)
			if e.Start > restated && restated >= 0 || !past(plo, phi) {
				kept = append(kept, e)
			}
		}
		if cands = kept; len(cands) == 0 {
			return nil
		}
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

// semicolonPart returns the part of s[lo:hi] between semicolons that
// holds offset i.
func semicolonPart(s string, i, lo, hi int) (int, int) {
	a, b := lo, hi
	if k := strings.LastIndexByte(s[lo:i], ';'); k >= 0 {
		a = lo + k + 1
	}
	if k := strings.IndexByte(s[i:hi], ';'); k >= 0 {
		b = i + k
	}
	return a, b
}

// completion reports whether a delivery word only says that something is
// finished ("afgerond", "gereed", "opgeleverd", "beschikbaar"): a promise
// when what is finished is delivered ("het rapport is medio 2025 gereed"),
// not for works ("de sluis is in 2027 gereed").
func completion(w string) bool {
	w = strings.ToLower(w)
	for _, c := range []string{"afgerond", "afronden", "af te ronden", "voltooi", "gereed", "klaar", "opgeleverd", "opleveren", "op te leveren", "beschikbaar"} {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}

// auxiliary reports whether a future word is the plain future auxiliary:
// "Het kabinet zal het advies in 2025 betrekken bij ..." does not promise
// the advice, while "Het advies wordt in 2025 verwacht" does.
func auxiliary(w string) bool {
	switch strings.ToLower(w) {
	case "zal", "zullen", "zult":
		return true
	}
	return false
}

// present reports whether the words before a deliverable make it the one
// at hand: "met deze brief", "bijgaand rapport". ("Deze evaluatie" is the
// one just named, which may still come.)
func present(before, thing string) bool {
	w := strings.Fields(strings.ToLower(before[max(0, len(before)-12):]))
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "bijgaand", "bijgaande", "hierbij", "onderhavige":
		return true
	case "deze", "dit":
		return strings.HasSuffix(strings.ToLower(thing), "brief")
	}
	return false
}

// event reports whether a future word only says that something takes
// place ("vindt plaats"): a promise with a thing delivered ("de bespreking
// vindt plaats op 14 februari"), not alone ("dinsdag 27 mei vindt een
// diner plaats").
func event(w string) bool {
	w = strings.ToLower(w)
	return strings.HasPrefix(w, "vind") && strings.HasSuffix(w, "plaats")
}

// restating reports whether a future word restates a commitment or request
// made before ("toegezegd", "aangekondigd", "heeft laten weten", "heb ik
// gevraagd"), which looks ahead only to the dates after it.
func restating(w string) bool {
	w = strings.ToLower(w)
	for _, r := range []string{"toegezeg", "toezegging", "aangekondigd", "aangegeven", "weten", "gevraagd", "verzocht"} {
		if strings.Contains(w, r) {
			return true
		}
	}
	return false
}

// afterEvent reports whether a duration counts from an event its clause
// names first ("waarna het kabinet binnen drie maanden reageert"), not
// from the document.
func afterEvent(s string, e dates.Expr, cl []int) bool {
	lo, _ := clauseOf(cl, e.Start, len(s))
	if lo > 0 && s[lo-1] == ',' {
		lo-- // the comma's clause opener is what to look at
	}
	for _, w := range strings.Fields(strings.ToLower(s[lo:e.Start])) {
		switch strings.Trim(w, ",;:()") {
		case "waarna", "nadat", "zodra", "daarna", "vervolgens", "na":
			return true
		}
	}
	return false
}

// budgetYear reports whether e names the period money or data are for, not
// a deadline: a bare year after "voor" ("de middelen voor 2025"), or a
// period after "over" ("de cijfers over 2018"); "over twee weken" is a
// time from now.
func budgetYear(e dates.Expr) bool {
	t := strings.ToLower(e.Text)
	if strings.HasPrefix(t, "over ") {
		return !e.Duration
	}
	if e.Precision != tracker.PrecisionYear {
		return false
	}
	for _, p := range []string{"voor ", "vóór "} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			return len(rest) == 4 && asciiDigits(rest)
		}
	}
	return false
}

// described reports whether a context phrase just before e, in its clause
// and with no other date between, makes it a description ("De projecten lopen nog tot eind 2023").
func described(st *sentence, e dates.Expr, cl []int) bool {
	lo, _ := clauseOf(cl, e.Start, len(st.text))
	for _, h := range st.hits {
		if h.rule.Kind != KindContext {
			continue
		}
		end := h.end - st.start
		reach := contextReach
		if strings.HasSuffix(st.fold[h.fstart:h.fstart+h.flen], " van") {
			// "de brief van 3 maart" dates the letter; in "het verslag
			// van de werkgroep zal uiterlijk op 31 oktober ..." the
			// date is not the report's.
			reach = nearDate
		}
		if end <= e.End && e.Start-end <= reach && h.start-st.start >= lo && !between(st.exprs, end, e.Start) {
			return true
		}
	}
	return false
}

// between reports whether an expression starts in [from, to): a context
// phrase describes the first date after it only.
func between(es []dates.Expr, from, to int) bool {
	for _, o := range es {
		if o.Start >= from && o.Start < to {
			return true
		}
	}
	return false
}

// pointedAt reports whether e dates what a deferral points at ("verwijs ik
// naar de bespreking ... op 15 november 2022"): that is the deferral's date,
// not a promise, unless a delivery word stands between them ("Zoals
// aangegeven in mijn brief informeer ik uw Kamer in het voorjaar").
func pointedAt(st *sentence, e dates.Expr) bool {
	at := -1 // the last pointer before e
	for _, h := range st.hits {
		if (h.rule.Kind == KindDeferral || h.rule.Kind == KindReference) && h.start-st.start <= e.Start {
			at = max(at, h.end-st.start)
		}
	}
	if at < 0 {
		return false
	}
	for _, h := range st.hits {
		if h.rule.Kind == KindPromise && h.start-st.start >= at && h.start-st.start < e.Start {
			return false
		}
	}
	return true
}

// thingReach is how many words before "van" a bound may stand that makes
// the dated thing a deadline ("voor het commissiedebat van 12 maart").
const thingReach = 6

// datedThing reports whether e dates a thing named just before it, with
// "van": "het debat van 5 oktober", "de motie van 12 juni", "het verzoek
// van 19 januari", or a meeting with "op": "het commissiedebat op 12
// oktober". That is when the thing was or will be, not a delivery,
// unless a bound stands before the thing: "vóór het debat van 12 maart"
// is a deadline.
func datedThing(s string, e dates.Expr) bool {
	before := fold(s[max(0, e.Start-80):e.Start]).s
	ws := strings.Fields(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return ' '
	}, before))
	if len(ws) < 2 {
		return false
	}
	switch last := ws[len(ws)-1]; {
	case last == "van":
		switch ws[len(ws)-2] {
		case "eind", "einde", "begin", "midden", "loop", "verloop", "helft", "week":
			return false // part of a date the finder did not read
		}
		if e.Precision != tracker.PrecisionDay && !meeting(ws[len(ws)-2]) {
			return false // "de voortgangsbrief van juni" is still to come
		}
	case meeting(last) && strings.HasPrefix(strings.ToLower(e.Text), "op "):
		// "het commissiedebat op 12 oktober"
	default:
		return false
	}
	for i := len(ws) - 2; i >= 0 && i >= len(ws)-1-thingReach; i-- {
		switch ws[i] {
		case "voor", "voorafgaand", "uiterlijk", "tijdens", "tegen":
			return false
		}
	}
	return true
}

// meeting reports whether w names a meeting: "het commissiedebat op 12
// oktober" is the meeting's date.
func meeting(w string) bool {
	for _, m := range []string{"debat", "overleg", "vergadering", "bijeenkomst", "gesprek", "zitting", "raad", "top", "bezoek", "conferentie"} {
		if strings.HasSuffix(w, m) {
			return true
		}
	}
	return false
}

// meets reports whether s names a meeting ("de procedurevergadering", "de
// Raad", "spreken met"): its future day is when that meeting sits, not a
// delivery, unless a delivery word says otherwise.
func meets(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if meeting(w) || meetVerbs[w] {
			return true
		}
	}
	return false
}

// meetVerbs say that people meet ("op 3 december spreek ik met de sector",
// "het projectteam komt volgende week bijeen").
var meetVerbs = map[string]bool{
	"spreken": true, "spreekt": true, "spreek": true, "overleggen": true, "overlegt": true,
	"ontmoeten": true, "ontmoet": true, "bezoeken": true, "bezoekt": true,
	"bijeen": true, "vergadert": true, "vergaderen": true, "samenkomen": true,
}

// earlier reports whether e is a date the text calls an earlier one: "de
// eerder voor eind 2024 toegezegde brief", "oorspronkelijk gepland voor
// maart". A new date usually follows it.
func earlier(s string, e dates.Expr) bool {
	ws := strings.Fields(strings.ToLower(s[max(0, e.Start-40):e.Start]))
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-3; i-- {
		w := strings.TrimRight(ws[i], ",")
		switch w {
		case "eerder", "oorspronkelijk", "aanvankelijk", "destijds":
			return true
		}
		if w != ws[i] {
			return false
		}
	}
	return false
}

// vetoed reports whether a withdrawn or effect phrase stands in the clause
// of e: "het is niet mogelijk, zoals toegezegd, u eind februari te
// informeren", "naar verwachting treedt de wet per 1 januari in werking".
func vetoed(st *sentence, e dates.Expr, cl []int) bool {
	lo, hi := clauseOf(cl, e.Start, len(st.text))
	if hi < len(st.text) && st.text[hi-1] == ',' && finiteVerbs[nextWord(st.text, hi)] {
		// The clause of e is the subject of the next: "De timing om
		// het rapport tegen eind juni op te leveren, zal niet gehaald
		// worden."
		_, hi = clauseOf(cl, hi, len(st.text))
	}
	for _, h := range st.hits {
		if h.rule.Kind != KindWithdrawn && h.rule.Kind != KindEffect {
			continue
		}
		if s := h.start - st.start; s >= lo && s < hi {
			return true
		}
	}
	return false
}

// clauseOpeners start a new clause after a comma: "..., maar ik verwacht
// ...", "Omdat dat niet lukt, zal ik ...". A comma before other words
// ("niet mogelijk, zoals eerder toegezegd, uw Kamer ... te informeren")
// does not end the clause.
var clauseOpeners = map[string]bool{
	"maar": true, "doch": true, "echter": true, "zodat": true, "waarna": true,
	"daarna": true, "vervolgens": true, "dan": true, "daarom": true, "dus": true,
	"zal": true, "zullen": true, "ik": true, "wij": true, "we": true, "wel": true,
	"waarover": true, "waarbij": true, "waarmee": true, "waarin": true,
	"waarop": true, "waardoor": true,
}

// finiteVerbs open a clause whose subject is the clause before the comma.
var finiteVerbs = map[string]bool{"zal": true, "zullen": true, "kan": true, "kunnen": true, "wordt": true,
	"worden": true, "is": true, "moet": true, "moeten": true}

// andOpeners start a new clause after "en": "..., en ik zal ...".
var andOpeners = map[string]bool{"ik": true, "wij": true, "we": true, "zal": true, "zullen": true}

// clauses returns the byte offsets in s where its clauses start, the first
// being 0: after ';' and ':', after a '.' before a capital, after a comma
// before one of clauseOpeners, and before "en" followed by one of
// andOpeners.
func clauses(s string) []int {
	out := []int{0}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', ':':
			out = append(out, i+1)
		case '.':
			// A sentence end the splitter missed: "2025.Ook", "miljard 4. De".
			if j := skipSpace(s, i+1); j < len(s) && s[j] >= 'A' && s[j] <= 'Z' {
				out = append(out, i+1)
			}
		case ',':
			if clauseOpeners[nextWord(s, i+1)] {
				out = append(out, i+1)
			}
		case ' ':
			if i+4 < len(s) && s[i+1] == 'e' && s[i+2] == 'n' && s[i+3] == ' ' && andOpeners[nextWord(s, i+3)] {
				out = append(out, i+1)
			}
		}
	}
	return out
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	return i
}

// nextWord returns the lower-case ASCII word after the spaces at s[i:].
func nextWord(s string, i int) string {
	i = skipSpace(s, i)
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	return strings.ToLower(s[i:j])
}

// clauseOf returns the clause [lo, hi) of cl that holds offset x.
func clauseOf(cl []int, x, n int) (lo, hi int) {
	lo, hi = 0, n
	for _, c := range cl {
		if c <= x {
			lo = c
		} else {
			hi = c
			break
		}
	}
	return lo, hi
}

// coarser reports whether another candidate names a more precise date within
// e's period: "volgend jaar op 16 november 2023" promises 16 November.
func coarser(e dates.Expr, all []dates.Expr) bool {
	for _, o := range all {
		if rank(o.Precision) > rank(e.Precision) && o.Date.Year() == e.Date.Year() && !o.Date.After(e.Date) && near(e, o) {
			return true
		}
	}
	return false
}

// nearBytes is how far apart two dates may stand to name one moment: "volgend
// jaar op 16 november", "in 2025, naar verwachting in maart". Further apart
// they date two things: "De eerste resultaten zullen in het voorjaar worden
// voorgesteld en het volledige rapport in de loop van 2025."
const nearBytes = 25

func near(a, b dates.Expr) bool {
	if a.Start > b.Start {
		a, b = b, a
	}
	return b.Start-a.End <= nearBytes
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
