package rules

import (
	"math"
	"math/bits"
	"regexp"
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// Thresholds of the judgement. They are about how ministers write, not about
// any one document: an answer is evasive as a whole when its evasive
// sentences carry more than a third of its content words, since a minister who
// replies does so at length and one who does not wraps the refusal or the
// pointer in a few sentences of context.
const (
	evasiveShare = 1.0 / 3
	// A sentence that only points elsewhere ("Zoals aangegeven in het
	// antwoord op vraag 2, ...") still answers when this many content
	// words remain outside the pointer.
	referenceResidue = 4
	// A single question whose evasive sentences but promises carry at
	// least this share of the words (and at most evasiveShare) is
	// answered in part.
	partialShare = 0.15
	// A direct "Ja." or "Nee." counts as this many words of substance.
	replyWeight = 4
)

// classify decides what a sentence does: reply (""), defer, put off,
// decline, or only give context.
func classify(st *sentence) {
	st.weight = float64(len(st.terms))
	if st.weight == 0 {
		st.weight = 0.5
	}
	var best hit
	bestLen := 0
	var ref, pending *hit
	context, reply := false, false
	for i, h := range st.hits {
		switch h.rule.Kind {
		case KindDeferral, KindPending, KindDeclined, KindUnknown:
			if h.flen > bestLen {
				best, bestLen = h, h.flen
			}
			if h.rule.Kind == KindPending && pending == nil {
				pending = &st.hits[i]
			}
		case KindReference:
			if ref == nil {
				ref = &st.hits[i]
			}
		case KindContext:
			context = true
		case KindReply:
			reply = true
		}
	}
	switch {
	case bestLen > 0 && best.rule.Kind == KindDeclined && pending != nil:
		// "Ik kan nog geen uitspraken doen": a refusal for now is a
		// matter of time.
		best = *pending
	case bestLen > 0 && best.rule.Kind == KindUnknown && extendedByReply(st, best):
		// "Wij zijn niet bekend met ...": not aware, that is a no.
		bestLen = 0
	}
	if bestLen > 0 && best.rule.Kind == KindDeferral && (reply || parenthetical(st, best)) {
		// "Nee, zie antwoord 6." replies; "(zie mijn antwoord op vraag 3)"
		// inside a sentence only adds a pointer to what the sentence says.
		if !reply {
			ref = &best
		}
		bestLen = 0
	}
	switch {
	case bestLen > 0:
		st.class = best.rule.Kind
	case reply:
		st.class = ""
		st.weight += replyWeight
	case ref != nil:
		// What does the sentence say beside the pointer?
		in := Terms(st.text[ref.start-st.start : ref.end-st.start])
		if float64(len(st.terms)-len(in)) < referenceResidue {
			st.class, st.pointer = KindDeferral, true
		}
	case len(st.promises) > 0:
		st.class = KindPending
	case context && len(st.exprs) > 0:
		st.class = KindContext
	}
	if st.class == "" && len(st.promises) > 0 {
		st.class = KindPending
	}
}

// whenRE finds a question about time: "Wanneer ...?", "Wat is de timing?".
// asksAboutTime reads it by hand.
var whenRE = regexp.MustCompile(`(?i)\b(wanneer|tegen wanneer|vanaf wanneer|timing|tijdpad|planning|termijn|welke datum|op welke termijn|hoe lang nog)\b`)

// whenWords are the words whenRE finds at word boundaries, in lower case:
// its longer alternatives ("tegen wanneer", "op welke termijn") hold one of
// them, so its MatchString is whether s holds one. Of their letters only
// the k of "welke" folds beyond ASCII under (?i) (the Kelvin sign).
var whenWords = []string{"wanneer", "timing", "tijdpad", "planning", "termijn", "welke datum", "hoe lang nog"}

// kelvin is the Kelvin sign, which (?i) folds to k.
const kelvin = "\u212a"

// asksAboutTime is whenRE.MatchString(q), by hand: it runs on every
// question and sub-question.
func asksAboutTime(q string) bool {
	for i := 0; i < len(q); i++ {
		c := q[i] | 0x20
		if whenFirst[c] == 0 || i > 0 && isReWordByte(q[i-1]) {
			continue
		}
		for _, w := range whenWords {
			if w[0] == c && hasWordFoldAt(q, i, w) {
				return true
			}
		}
	}
	if strings.Contains(q, kelvin) {
		return whenRE.MatchString(q)
	}
	return false
}

// asksAboutTimeIn is asksAboutTime(s) read from the words of s, ws, as
// appendReWords reads them: whenRE's words stand between its \b, and
// its phrases hold one space between their words. askKindOf has them.
func asksAboutTimeIn(s string, ws []reWord) bool {
	for i, w := range ws {
		switch w.w {
		case "wanneer", "timing", "tijdpad", "planning", "termijn":
			return true
		case "welke":
			if oneSpaceBefore(s, ws, i+1) && ws[i+1].w == "datum" {
				return true
			}
		case "hoe":
			if oneSpaceBefore(s, ws, i+1) && ws[i+1].w == "lang" && oneSpaceBefore(s, ws, i+2) && ws[i+2].w == "nog" {
				return true
			}
		}
	}
	if strings.Contains(s, kelvin) {
		return whenRE.MatchString(s)
	}
	return false
}

// oneSpaceBefore reports whether the word i of ws, the words of s,
// follows the one before it after a single space.
func oneSpaceBefore(s string, ws []reWord, i int) bool {
	return i < len(ws) && ws[i].start == ws[i-1].end+1 && s[ws[i-1].end] == ' '
}

// whenFirst marks the first letters of whenWords.
var whenFirst = func() (t [256]uint8) {
	for _, w := range whenWords {
		t[w[0]] = 1
	}
	return t
}()

// hasWordFoldAt reports whether s holds the lower-case ASCII w at i in any
// ASCII case, followed by a word boundary (\b).
func hasWordFoldAt(s string, i int, w string) bool {
	if i+len(w) > len(s) {
		return false
	}
	for j := 0; j < len(w); j++ {
		c := s[i+j]
		if c != w[j] && ('a' > w[j] || w[j] > 'z' || c != w[j]-('a'-'A')) {
			return false
		}
	}
	return i+len(w) == len(s) || !isReWordByte(s[i+len(w)])
}

// datesAnswerWhen makes a promised date a reply when the sub-question asks
// when: "Wanneer komt de evaluatie? De evaluatie wordt eind juni afgerond."
// answers, where the same sentence to another question only promises.
func datesAnswerWhen(sents []sentence, subs []tracker.SubQuestion, q *questionFacts) {
	var dated uint64 // the sub-questions a date replied to
	for i := range sents {
		st := &sents[i]
		if st.sub >= len(subs) && len(subs) > 0 {
			continue
		}
		// A promised date, or a date ahead in a sentence the model reads as
		// a commitment: "de ingebruikname is voorzien in het najaar van
		// 2027" names no delivery, but to "Wanneer opent ...?" it replies.
		if !(st.class == KindPending && len(st.promises) > 0 || st.role == tracker.RoleCommitment && groupOfKind(st.rule) == 0 && datesAhead(st)) {
			continue
		}
		evasive := false
		for _, h := range st.hits {
			k := h.rule.Kind
			evasive = evasive || k == KindDeclined || k == KindDeferral || k == KindUnknown ||
				k == KindPending && !onlyFuture(st.text[h.start-st.start:h.end-st.start])
		}
		if evasive || informsMembers(st) && !(len(subs) > 0 && asksToInform(subs[st.sub].Text)) ||
			reachesMembers(st) && untimed(sents, st.sub) ||
			decidesThen(st) && !(len(subs) > 0 && asksDecision(subs[st.sub].Text)) {
			continue
		}
		when := false
		if len(subs) == 0 {
			when = whenRE.MatchString("")
		} else {
			// "Komt er een evaluatie? Zo ja, wanneer?": the bare "when"
			// that follows has no words of its own to draw the date to it.
			when = q.asksWhen(st.sub) || asksProgress(q.own[st.sub]) && reportsProgress(sents, i) ||
				st.sub+1 < len(subs) && q.asksWhen(st.sub+1) && conditionalRE.MatchString(subs[st.sub+1].Text) ||
				yesToSend(q, st)
		}
		if when {
			st.class, st.role, st.conf = "", tracker.RoleReply, st.probs[0]
			dated |= 1 << min(st.sub, 63)
		}
	}
	if dated == 0 {
		return
	}
	// "De doorlichting loopt nog. De resultaten volgen eind juni.": asked
	// when, the "not yet" only says why the date lies ahead. A promise
	// stays what it is.
	for i := range sents {
		st := &sents[i]
		if st.class != KindPending || st.role == tracker.RoleCommitment || len(st.promises) > 0 || dated&(1<<min(st.sub, 63)) == 0 {
			continue
		}
		if hasKind(st, KindDeclined) || hasKind(st, KindDeferral) || hasKind(st, KindUnknown) {
			continue // it refuses, points elsewhere or does not know
		}
		st.class, st.role = KindContext, tracker.RoleContext
	}
}

// yesToSend reports whether st opens with a yes to a sub-question that
// asks whether the members will be sent or told something ("Zal de
// minister de resultaten aan het Vlaams Parlement voorleggen? Ja, in de
// loop van februari 2027 bezorg ik het rapport ..."): the promise is the
// reply asked for.
func yesToSend(q *questionFacts, st *sentence) bool {
	return len(st.words) > 0 && st.fold[st.words[0].start:st.words[0].end] == "ja" &&
		yesNoVerb(q.own[st.sub]) != "" && asksToInform(q.subs[st.sub].Text)
}

// informsMembers reports whether st promises to inform the members ("Ik
// stuur u die prognose voor het einde van het jaar", "Ik zal uw Kamer
// hierover in het voorjaar informeren"): its date is when they will hear,
// not when what they asked about happens, so it does not reply to
// "Wanneer ...?".
func informsMembers(st *sentence) bool { return toMembers(st, false) }

// reachesMembers reports whether st says the members will be told or sent
// something, as informsMembers, or will receive it or have it laid before
// them: "... in de Stand van de uitvoering, die uw Kamer in juni
// ontvangt", "In mei leg ik de commissie een eerste balans voor." Read
// only beside a sentence that says the time cannot be told (untimed):
// "Het eindrapport wordt in maart verwacht en ik zal het dan aan het
// parlement bezorgen." replies to when the results are expected.
func reachesMembers(st *sentence) bool { return toMembers(st, true) }

// toMembers is informsMembers, and with wide reachesMembers.
func toMembers(st *sentence, wide bool) bool {
	member, body, sends, receives, lays := false, false, false, false, false
	for _, w := range st.words {
		v := st.fold[w.start:w.end]
		switch v {
		case "kamer", "parlement", "commissie":
			member, body = true, true
		case "u", "uw", "lid":
			member = true
		case "hoogte":
			sends = true // "op de hoogte stellen"
		}
		sends = sends || informWord(v)
		if !wide {
			continue
		}
		switch v {
		case "bezorg", "bezorgt", "bezorgen", "bezorgd", "voorleggen", "voorgelegd":
			sends = true
		case "ontvangt", "ontvangen":
			receives = true
		case "leg", "legt", "leggen":
			lays = true
		case "voor":
			sends = sends || lays
		}
	}
	return member && sends || wide && body && receives
}

// untimed reports whether a sentence under part k holds its when back
// (holdsBackWhen): "Wanneer de achterstand is weggewerkt, kan ik op dit
// moment niet zeggen.", "Een nieuwe datum kan ik nog niet geven." A date
// the members are then told something by is not that time.
func untimed(sents []sentence, k int) bool {
	return anySentence(sents, func(st *sentence) bool { return st.sub == k && holdsBackWhen(st) })
}

// holdsBackWhen reports whether st, under a part that asks when, says the
// time cannot be told yet: a rule's not yet, or a not yet that names a
// date. "Kan variëren, afhankelijk van ..." describes the matter, "Een
// nieuwe datum kan ik nog niet geven." does not.
func holdsBackWhen(st *sentence) bool {
	return st.role == tracker.RoleNotYet && (hasKind(st, KindPending) || namesTime(st))
}

// informWord reports whether the folded word v sends or reports to
// someone, in any form: "informeer", "stuurt", and the participles
// "geïnformeerd", "toegestuurd" ("Uw Kamer wordt voor de zomer
// geïnformeerd"), and "meldt", "gemeld".
func informWord(v string) bool {
	switch v {
	case "meld", "meldt", "melden", "gemeld":
		return true // not "melding": a report received
	}
	switch {
	case strings.HasPrefix(v, "toege"):
		v = "toe" + v[len("toege"):]
	case strings.HasPrefix(v, "ge"):
		v = v[len("ge"):]
	}
	for _, p := range informStems {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// decidesThen reports whether st says that a decision falls on its date
// ("Eind februari maak ik de balans op, en dan bepaal ik een
// streefdatum.", "Ik verwacht dat de regering daarover in maart een
// beslissing neemt."): to "Tegen wanneer ...?" that date is when the
// answer will be known, not the answer. A decision named without being
// taken ("Het besluit treedt op 1 januari in werking.") is not one.
func decidesThen(st *sentence) bool {
	return holdsAny(st, decideVerbs) || holdsAny(st, decisionNouns) && holdsAny(st, takeVerbs)
}

// asksDecision reports whether the sub-question q asks about a decision
// itself ("Wanneer neemt u een besluit?"), which a date of deciding
// answers.
func asksDecision(q string) bool {
	return slices.ContainsFunc(questionWords(q), func(w string) bool { return decideVerbs[w] || decisionNouns[w] })
}

// decideVerbs decide; decisionNouns name a decision, which takeVerbs take
// or make fall.
var (
	decideVerbs   = setOf("bepaal", "bepaalt", "bepalen", "beslis", "beslist", "beslissen", "besluiten", "kies", "kiest", "kiezen")
	decisionNouns = setOf("besluit", "beslissing", "keuze")
	takeVerbs     = setOf("neemt", "nemen", "neem", "genomen", "valt", "vallen", "maakt", "maken", "maak")
)

// asksToInform reports whether the sub-question q itself asks when the
// members will be informed or sent something ("Wanneer informeert u de
// Kamer ...?", "Wanneer stuurt u het wetsvoorstel naar de Kamer?").
func asksToInform(q string) bool { return namesInforming(q, true) }

// namesInforming reports whether q holds a word that sends or reports to
// someone (informWord), or, with members, names the Kamer or parliament.
func namesInforming(q string, members bool) bool {
	f := foldString(q)
	var buf [64]word
	for _, w := range words(f, buf[:0]) {
		v := f[w.start:w.end]
		if members && (v == "kamer" || v == "parlement") {
			return true
		}
		if informWord(v) {
			return true
		}
	}
	return false
}

// informStems begin the words that send or report to someone.
var informStems = []string{"informeer", "informeren", "stuur", "zend", "zonden", "toestu", "toeze", "toezond", "bericht", "rapporteer", "rapporteren"}

// datesAhead reports whether st names a date that is not in the past and
// not only a lower bound: "ten vroegste in het najaar" does not say when.
func datesAhead(st *sentence) bool {
	for _, e := range st.exprs {
		if !e.Past && e.Bound != dates.After {
			return true
		}
	}
	return false
}

// onlyFuture reports whether the words of a pending match only say that
// something will be done ("zal voor het einde van het jaar worden
// gepubliceerd"), which the date beside them says when, rather than that
// it is not known or not there yet ("nog niet bekend", "nog geen
// uitspraken").
func onlyFuture(match string) bool {
	f := foldString(match)
	var buf [16]word
	for _, w := range words(f, buf[:0]) {
		switch f[w.start:w.end] {
		case "nog", "niet", "geen", "onbekend", "onduidelijk", "zodra", "pas":
			return false
		}
	}
	return true
}

// asksProgress reports whether the sub-question whose ownSentence is own
// asks how far a matter has come ("Wat is de stand van zaken ...?", "Hoe
// staat het met ...?"): the date of its next step is part of the reply.
func asksProgress(own string) bool {
	f := foldString(own)
	for _, p := range progressPhrases {
		if strings.Contains(f, p) {
			return true
		}
	}
	return false
}

// progressPhrases ask how far a matter has come, folded.
var progressPhrases = []string{"stand van zaken", "hoe staat het", "hoe ver staat", "hoe ver is", "in welk stadium", "in welke fase", "wat is de status"}

// reportsProgress reports whether a sentence of the sub-question of
// sents[i], other than it, says something that does not evade: "De
// conceptnota werd op 14 maart goedgekeurd." beside the next step's date
// tells how far the matter has come; the date alone ("wordt voorbereid en
// volgt in 2026") only puts it off.
func reportsProgress(sents []sentence, i int) bool {
	for j := range sents {
		if j != i && sents[j].sub == sents[i].sub && (sents[j].class == "" || sents[j].class == KindContext) {
			return true
		}
	}
	return false
}

// conditionalRE finds sub-questions asked only on one reply: "Zo ja, ...",
// "Zo nee, ...", "Indien niet, ...".
var conditionalRE = regexp.MustCompile(`(?i)^\s*(?:en\s+|of\s+)?(?:zo|indien|als)\s+(ja|nee|neen|niet|wel)\b`)

// continuesRE finds a question joined to the one before it in one
// sentence (text.Asks): it opens with "en" or "of" in lower case.
var continuesRE = regexp.MustCompile(`^\s*(en|of)\s`)

// leadReplyRE reads the direct reply an answer opens with; leadYesNo
// reads it by hand.
var leadReplyRE = regexp.MustCompile(`(?i)^\s*(ja|nee|neen)\b`)

// mootSubQuestions marks the sub-questions that the answer's opening reply
// (leadReply) settles: the first yes/no question, and the conditional ones
// it makes moot ("Zo nee, waarom niet?" when the answer begins "Ja.").
func mootSubQuestions(subs []tracker.SubQuestion, sents []sentence) []bool {
	return newQuestionFacts(subs).moot(sents)
}

// moot is mootSubQuestions of q's sub-questions.
func (q *questionFacts) moot(sents []sentence) []bool {
	moot := make([]bool, len(q.subs))
	if len(sents) == 0 {
		return moot
	}
	first := q.firstYesNo()
	question := ""
	if first >= 0 {
		question = q.own[first]
	}
	yes, ok := q.leadReply(&sents[0], question)
	if !ok {
		return moot
	}
	// "Nee, dat is niet mogelijk" or "Nee. Dat is een gemeentelijke
	// bevoegdheid": the no is the refusal, not a reply.
	refused := false
	for i := range sents {
		refused = refused || sents[i].class == KindDeclined
	}
	for i, c := range q.conditions() {
		if c == 0 {
			// The opening "Ja." or "Nee." replies to the first yes/no
			// question: "Bent u bekend met ...? Ja, ..." is answered
			// whatever follows.
			if i == first && !refused {
				moot[i] = true
			}
			continue
		}
		moot[i] = (c > 0) != yes
	}
	return moot
}

// yesNoVerbs open a question that asks for yes or no.
var yesNoVerbs = setOf("bent", "is", "zijn", "heeft", "hebt", "hebben", "kent", "deelt", "klopt", "wilt", "kunt", "zult",
	"gaat", "vindt", "acht", "weet", "herkent", "onderschrijft", "erkent", "overweegt", "ziet", "wordt", "worden", "was",
	"waren", "zal", "zou", "staat", "neemt", "bestaat", "bestaan", "ligt", "valt", "verwacht", "steunt", "blijft")

// yesNoVerb is the verb a question that asks for yes or no opens with
// (after white space and an "en"), in lower case, or "".
func yesNoVerb(q string) string { return openingIn(q, yesNoVerbNames) }

// openingIn is the word q opens with (after white space and an "en"), in
// lower case, when names holds it; or "".
func openingIn(q string, names map[string]string) string {
	i := 0
	for i < len(q) && isReSpace(q[i]) {
		i++
	}
	w := reWordAt(q, i)
	if strings.EqualFold(w, "en") && i+2 < len(q) && isReSpace(q[i+2]) {
		i += 2
		for i < len(q) && isReSpace(q[i]) {
			i++
		}
		w = reWordAt(q, i)
	}
	// The word is ASCII (isReWordByte): lowered on the stack, as
	// strings.ToLower would, which allocates for every capital.
	var buf [16]byte
	if len(w) > len(buf) {
		return ""
	}
	low := buf[:len(w)]
	for j := range low {
		c := w[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[j] = c
	}
	return names[string(low)]
}

// yesNoVerbNames maps each of yesNoVerbs to itself: yesNoVerb returns the
// verb without making its string.
var yesNoVerbNames = func() map[string]string {
	m := make(map[string]string, len(yesNoVerbs))
	for v := range yesNoVerbs {
		m[v] = v
	}
	return m
}()

// ownSentence is the question sentence of a sub-question, after the
// context sentences that lead up to it.
func ownSentence(sub string) string {
	// Room for the sentences of most sub-questions on the stack.
	var buf [8][2]int
	spans := text.AppendSentences(buf[:0], sub)
	if len(spans) == 0 {
		return sub
	}
	last := spans[len(spans)-1]
	return sub[last[0]:last[1]]
}

// firstYesNo is the index of the first sub-question that asks yes or no,
// or -1.
func firstYesNo(subs []tracker.SubQuestion) int {
	for i, sq := range subs {
		if yesNoVerb(ownSentence(sq.Text)) != "" {
			return i
		}
	}
	return -1
}

// extendedByReply reports whether a reply overlaps h and reads on past it:
// the longer reading wins ("zijn niet bekend" + "niet bekend met").
func extendedByReply(st *sentence, h hit) bool {
	for _, r := range st.hits {
		if r.rule.Kind == KindReply && r.start < h.end && r.end > h.end {
			return true
		}
	}
	return false
}

// parenthetical reports whether h stands inside parentheses.
func parenthetical(st *sentence, h hit) bool {
	before := strings.TrimRight(st.text[:h.start-st.start], " \n")
	return strings.HasSuffix(before, "(")
}

// assign links each answer sentence to the sub-question it replies to: the
// one whose label it opens with ("b) ..."), else the one it shares most
// content words with. A sentence that shares none
// continues the reply to the sub-question before it, as answers follow the
// order of the questions. terms are the Terms of each sub-question (see
// subTerms).
func assign(sents []sentence, subs []tracker.SubQuestion, terms [][]string) {
	assignOwn(sents, subs, nil, terms)
}

// assignOwn is assign with own the ownSentence of each sub-question, as
// questionFacts keeps them (nil: read here).
func assignOwn(sents []sentence, subs []tracker.SubQuestion, own []string, terms [][]string) {
	if len(subs) <= 1 {
		return
	}
	if len(subs) > 64 {
		assignMany(sents, subs, terms)
		return
	}
	n := 0
	for _, ts := range terms {
		n += len(ts)
	}
	in := newTermSubs(n)
	for i := range subs {
		for _, t := range terms[i] {
			in.add(t, i)
		}
	}
	var shared [64]int
	labels := subLabels(subs)
	when, whenRead := uint64(0), false
	// The part that follows up with "Zo ja, wanneer?"; 0 for none: the
	// first part follows up nothing.
	followWhen := 0
	for q := 1; q < len(subs); q++ {
		var o string
		if own != nil {
			o = own[q]
		} else {
			o = ownSentence(subs[q].Text)
		}
		if followsUpWhen(subs[q].Text, o) {
			followWhen = q
			break
		}
	}
	var covered uint64 // the sub-questions sentences went to so far
	cur := 0
	for i := range sents {
		clear(shared[:len(subs)])
		st := &sents[i]
		for j, t := range st.terms {
			// The term's bit from its cache entry when sentencesIn kept it.
			var b uint8
			if len(st.termEnts) == len(st.terms) {
				b = st.termEnts[j].bit
			} else {
				b = termBit(t)
			}
			for m := in.of(t, b); m != 0; m &= m - 1 {
				shared[bits.TrailingZeros64(m)]++
			}
		}
		if len(sents[i].promises) > 0 {
			// A promised date is the reply to "Wanneer ...?" as much as a
			// shared word is: "Kunt u aangeven in welk stadium de herijking
			// zich bevindt? Wanneer kan deze verwacht worden? ... Deze zal
			// voor het einde van het jaar worden gepubliceerd."
			if !whenRead {
				when, whenRead = whenMask(subs), true
			}
			for m := when; m != 0; m &= m - 1 {
				shared[bits.TrailingZeros64(m)]++
			}
		}
		best, bestN := -1, 0
		for q, n := range shared[:len(subs)] {
			// Of sub-questions that share as many words, one that no
			// sentence has replied to yet is the likelier: a minister
			// replies to each part.
			if n > bestN || n == bestN && n > 0 && covered&(1<<q) == 0 && covered&(1<<best) != 0 {
				best, bestN = q, n
			}
		}
		if q, ok := labels[subLabel(sents[i].text)]; ok {
			best = q // "b) Nee, ..." replies to "b) Is ...?"
		} else if followWhen > 0 && holdsAny(st, timeNouns) && slices.ContainsFunc(st.words, func(w word) bool { return isNegation(st.fold[w.start:w.end]) }) {
			// "Een datum kan ik nog niet geven." speaks to the "Zo ja,
			// wanneer?" that follows a question, whatever words it shares
			// with the question.
			best = followWhen
		}
		if best >= 0 {
			cur = best
		}
		sents[i].sub = cur
		// The parts it names: two of their words, or as many as of its
		// own part's. One word is often the topic all parts share.
		sents[i].names = 0
		for q, n := range shared[:len(subs)] {
			if n > 0 && (n >= 2 || n >= shared[cur]) {
				sents[i].names |= 1 << q
			}
		}
		covered |= 1 << cur
	}
}

// namesTime reports whether st names when something happens: one of
// timeNouns, "tijdstip", or a date of any kind ("openingsdatum",
// "leverdatum").
func namesTime(st *sentence) bool {
	return slices.ContainsFunc(st.words, func(w word) bool {
		v := st.fold[w.start:w.end]
		return timeNouns[v] || v == "tijdstip" || strings.HasSuffix(v, "datum")
	})
}

// timeNouns name when something happens.
var timeNouns = setOf("datum", "einddatum", "startdatum", "termijn", "tijdpad", "timing", "tijdschema", "planning")

// followsUpWhen reports whether the sub-question q, whose ownSentence is
// own, asks when, after the question it follows (hangsOn): "Zo ja, op
// welke termijn?", "Tegen wanneer zal dat het geval zijn?". The length in
// bytes comes first: most parts are long and no condition.
func followsUpWhen(q, own string) bool {
	if len(own) > 80 && !conditionalRE.MatchString(q) || !asksAboutTime(q) {
		return false
	}
	return hangsOn(q)
}

// whenMask has bit i set when sub-question i asks when (asksAboutTime).
func whenMask(subs []tracker.SubQuestion) uint64 {
	var m uint64
	for i, sq := range subs {
		if asksAboutTime(sq.Text) {
			m |= 1 << i
		}
	}
	return m
}

// subLabelRE reads the label a sub-question or the reply to it opens
// with: "a)", "(b)", "2.", "Ad c)", "Ad 3."; subLabel reads it by hand.
var subLabelRE = regexp.MustCompile(`^\s*(?:[Aa]d\s+)?\(?([a-z]|\d{1,2})[).]\s`)

// subLabel is the label s opens with, or "": subLabelRE's group, read
// by hand.
func subLabel(s string) string {
	i := 0
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	if i+2 < len(s) && (s[i] == 'A' || s[i] == 'a') && s[i+1] == 'd' && isReSpace(s[i+2]) {
		j := i + 2
		for j < len(s) && isReSpace(s[j]) {
			j++
		}
		if l := labelAt(s, j); l != "" {
			return l
		}
	}
	return labelAt(s, i)
}

// labelAt reads `\(?([a-z]|\d{1,2})[).]\s` at s[i:] and returns the group,
// or "".
func labelAt(s string, i int) string {
	if i < len(s) && s[i] == '(' {
		i++
	}
	n := 0 // the label's length
	switch {
	case i >= len(s):
		return ""
	case 'a' <= s[i] && s[i] <= 'z':
		n = 1
	case isDigitByte(s[i]):
		n = 1
		if i+1 < len(s) && isDigitByte(s[i+1]) {
			n = 2
		}
	default:
		return ""
	}
	if i+n+1 < len(s) && (s[i+n] == ')' || s[i+n] == '.') && isReSpace(s[i+n+1]) {
		return s[i : i+n]
	}
	return ""
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// subLabels maps the labels the sub-questions open with to their index,
// when at least two carry one: then an answer sentence that opens with a
// label replies to that sub-question, whatever words it shares.
func subLabels(subs []tracker.SubQuestion) map[string]int {
	out := map[string]int{}
	for i, sq := range subs {
		if l := subLabel(sq.Text); l != "" {
			if _, dup := out[l]; !dup {
				out[l] = i
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	delete(out, "")
	return out
}

// assignMany is assign for more sub-questions than a bit set holds.
func assignMany(sents []sentence, subs []tracker.SubQuestion, terms [][]string) {
	qterms := make([]termSet, len(subs))
	for i := range subs {
		qterms[i] = newTermSet(terms[i])
	}
	cur := 0
	for i := range sents {
		if best := mostShared(sents[i].terms, qterms, -1); best >= 0 {
			cur = best
		}
		sents[i].sub, sents[i].names = cur, 0 // names: no bit set holds them
	}
}

// mostShared returns the index of the term set that holds the most of
// terms, or -1 when none holds any; of sets that hold as many, prefer if it
// is one of them, else the first.
func mostShared(terms []string, sets []termSet, prefer int) int {
	// Each term's bit once, for all the sets.
	var buf [64]uint8
	bs := buf[:0]
	for _, t := range terms {
		bs = append(bs, termBit(t))
	}
	best, bestN := -1, 0
	for j := range sets {
		n := 0
		for i, t := range terms {
			if sets[j].has(t, bs[i]) {
				n++
			}
		}
		if n > bestN || n == bestN && n > 0 && j == prefer {
			best, bestN = j, n
		}
	}
	return best
}

// judge sets the coverage of each sub-question and the status of the
// answer, and returns the sub-questions the opening reply settled
// (mootSubQuestions) and, for a question of one part beside conditions
// no sentence speaks to, the status that part alone gives (onePart).
func judge(it *tracker.Item, sents []sentence, q *questionFacts) (moot []bool, one tracker.Status) {
	settleUnknown(sents)
	var total, substance, open, heldBack float64
	var evasion byKind
	for i := range sents {
		st := &sents[i]
		switch st.class {
		case KindContext:
			continue
		case "":
			substance += st.weight
		default:
			evasion[kindIndex(st.class)] += st.weight
			if st.role != tracker.RoleCommitment && len(st.promises) == 0 {
				open += st.weight
			}
			if len(st.promises) == 0 && !st.pointer {
				heldBack += st.weight
			}
		}
		total += st.weight
	}
	order := leadOrder(sents)
	dominant := dominantKind(&evasion, order)
	evasive := total - substance
	share := 0.0
	if total > 0 {
		share = evasive / total
	}

	subs := it.SubQuestions
	// Coverage per sub-question.
	// On the stack for most questions: judge runs twice an answer.
	var perBuf [4]subCoverage
	per := perBuf[:0]
	if len(subs) <= len(perBuf) {
		per = perBuf[:len(subs)]
	} else {
		per = make([]subCoverage, len(subs))
	}
	for i := range sents {
		st := &sents[i]
		if st.sub >= len(per) || st.class == KindContext {
			continue
		}
		p := &per[st.sub]
		p.n++
		if st.class == "" {
			p.substance += st.weight
		} else {
			p.evasion[kindIndex(st.class)] += st.weight
			if st.pointer {
				p.pointers += st.weight
			}
		}
		// A refusal or an unknown holds back every part it names, not
		// only the one it stands under: "Gelet op het geheim van het
		// onderzoek kan ik over de oorzaak en over de werking van de
		// signalisatie geen informatie geven." A part with background
		// only is not answered by it then.
		if (st.class == KindDeclined || st.class == KindUnknown) && !st.pointer {
			for m := st.names &^ (1 << st.sub); m != 0; m &= m - 1 {
				if o := bits.TrailingZeros64(m); o < len(per) {
					per[o].n++
					per[o].evasion[kindIndex(st.class)] += st.weight
				}
			}
		}
	}
	// A sub-question with an evasive sentence is not answered, whatever else
	// is said around it, unless that sentence only points elsewhere beside
	// a reply; one with only substance is answered; one that no
	// sentence speaks to takes the coverage of its nearest neighbour, since
	// ministers often answer related parts together.
	known := make([]bool, len(subs))
	moot = q.moot(sents)
	for i := range subs {
		p := per[i]
		switch {
		case moot[i]:
			// "Zo nee, waarom niet?" after "Ja.": nothing left to ask.
			subs[i].Status, known[i] = tracker.Answered, true
		case evasive == 0:
			subs[i].Status, known[i] = tracker.Answered, true
		case p.n == 0:
		case p.evasion.sum() > p.pointers || p.evasion.sum() > 0 && p.substance == 0:
			// A "see also" beside a reply does not undo the reply.
			subs[i].Status, known[i] = statusOf(dominantKind(&p.evasion, order)), true
		default:
			subs[i].Status, known[i] = tracker.Answered, true
		}
	}
	for i := range subs {
		if known[i] {
			continue
		}
		subs[i].Status = tracker.Unanswered
		for d := 1; d < len(subs); d++ {
			if j := i - d; j >= 0 && known[j] {
				subs[i].Status = subs[j].Status
				break
			}
			if j := i + d; j < len(subs) && known[j] {
				subs[i].Status = subs[j].Status
				break
			}
		}
	}

	// A "Zo nee, waarom niet?" that no sentence speaks to asks nothing
	// the reply to its question leaves open.
	cond := q.conditions()
	parts := 0
	for i := range subs {
		if cond[i] == 0 || per[i].n > 0 {
			parts++
		}
	}
	allSettled := len(subs) > 0
	for _, m := range moot {
		allSettled = allSettled && m
	}
	switch {
	case evasive == 0 || allSettled:
		it.Status = tracker.Answered
	case substance < 1:
		it.Status = statusOf(dominant)
	case len(subs) <= 1:
		it.Status = onePart(substance, share, open, total, dominant)
	default:
		answered, other := 0, 0
		for _, sq := range subs {
			if sq.Status == tracker.Answered {
				answered++
			} else {
				other++
			}
		}
		switch {
		case other == 0:
			it.Status = tracker.Answered
		case answered == 0 && share > evasiveShare:
			it.Status = statusOf(dominant)
		case answered == 0:
			// Every part carries an evasion, yet most of the words reply.
			it.Status = tracker.Partial
		default:
			it.Status = tracker.Partial
		}
	}
	// A single sub-question takes the answer's status.
	if len(subs) == 1 {
		subs[0].Status = it.Status
	}
	// Read as one part only where every evasion is a dated promise or a
	// pointer beside the reply: "Wanneer het kabinet de voorlichting
	// ontvangen heeft, zal deze ... gestuurd worden" names no day staff
	// can hold the minister to, and leaves the question open.
	if parts == 1 && len(subs) > 1 && !allSettled && evasive > 0 && heldBack == 0 {
		one = onePart(substance, share, open, total, dominant)
	}
	return moot, one
}

// onePart is the status of an answer to a question of one part: all
// evasion when there is no substance or evasion carries most words;
// partial when a reply stands beside a dodge of some weight: "De korting
// heeft gevolgen ... Op dit moment valt nog niet te zeggen wat de gevolgen
// zijn." (a promise of more beside a reply leaves nothing open); else
// answered.
func onePart(substance, share, open, total float64, dominant Kind) tracker.Status {
	switch {
	case substance < 1 || share > evasiveShare:
		return statusOf(dominant)
	case open >= partialShare*total:
		return tracker.Partial
	}
	return tracker.Answered
}

// byKind holds a weight per kind, at kindIndex.
type byKind [16]float64

// subCoverage is what judge adds up of the sentences of one sub-question.
type subCoverage struct {
	substance float64
	evasion   byKind
	pointers  float64 // evasion by sentences that only point elsewhere
	n         int
}

// kindIndex numbers the kinds for byKind: their place in kinds
// (len(kinds) for another), by a switch, which compares lengths before
// bytes, not a loop over them: it runs for every sentence and hit.
// TestKindIndexAsKinds holds the two together.
func kindIndex(k Kind) int {
	switch k {
	case KindDeferral:
		return 0
	case KindReference:
		return 1
	case KindPending:
		return 2
	case KindDeclined:
		return 3
	case KindUnknown:
		return 4
	case KindPromise:
		return 5
	case KindFuture:
		return 6
	case KindPast:
		return 7
	case KindContext:
		return 8
	case KindWithdrawn:
		return 9
	case KindReply:
		return 10
	case KindDeliverable:
		return 11
	case KindEffect:
		return 12
	}
	return len(kinds)
}

func (m *byKind) sum() float64 {
	t := 0.0
	for _, v := range m {
		t += v
	}
	return t
}

// dominantKind is the evasive kind that carries most words; a tie goes to
// the kind the answer leads with (order lists kinds as they first appear).
func dominantKind(m *byKind, order []Kind) Kind {
	best, bw := Kind(""), 0.0
	for _, k := range order {
		if w := m[kindIndex(k)]; w > bw {
			best, bw = k, w
		}
	}
	return best
}

// leadOrder lists the evasive kinds in the order the sentences bring them.
func leadOrder(sents []sentence) []Kind {
	var out []Kind
	for i := range sents {
		st := &sents[i]
		if st.class != "" && st.class != KindContext && !slices.Contains(out, st.class) {
			out = append(out, st.class)
		}
	}
	return out
}

func statusOf(k Kind) tracker.Status {
	switch k {
	case KindDeferral:
		return tracker.Deferred
	case KindPending:
		return tracker.Pending
	case KindDeclined:
		return tracker.Declined
	}
	return tracker.Answered
}

// record writes the findings, the deferral and the promises onto the item.
func record(it *tracker.Item, sents []sentence) { recordWith(it, sents, nil) }

// recordWith is record, with the targets found in the sentences of an
// answer that several questions share kept in memo (nil: not kept), so
// that findTarget reads each sentence once for all of them.
func recordWith(it *tracker.Item, sents []sentence, memo *targetMemo) {
	var strong, weak *tracker.Deferral
	if len(sents) > 0 && it.Readings == nil {
		it.Readings = make([]tracker.Reading, 0, len(sents)) // one a sentence
	}
	for i := range sents {
		st := &sents[i]
		var fs folded // the sentence folded, once it is needed
		foldedYet := false
		for _, h := range st.hits {
			kind := findingKind(h.rule.Kind)
			if kind == "" {
				continue
			}
			it.Findings = append(it.Findings, tracker.Finding{
				Kind:        kind,
				Evidence:    tracker.Evidence{Rule: h.rule.ID, Start: h.start, End: h.end, Text: it.Answer[h.start:h.end]},
				SubQuestion: st.sub,
			})
			if h.rule.Kind != KindDeferral && h.rule.Kind != KindReference {
				continue
			}
			if h.rule.Kind == KindDeferral && strong != nil || h.rule.Kind == KindReference && weak != nil {
				continue
			}
			d, named := memo.find(st, h.fstart, &fs, &foldedYet)
			if !named && i > 0 {
				// "Het antwoord dat ik toen gaf, blijft gelden": the
				// sentence before names what "toen" was.
				prev := &sents[i-1]
				var pfs folded
				pfolded := false
				if pd, ok := memo.find(prev, 0, &pfs, &pfolded); ok {
					d = pd
				}
			}
			d.Evidence = tracker.Evidence{Rule: h.rule.ID, Start: st.start, End: st.end, Text: strings.TrimSpace(st.text)}
			switch {
			case h.rule.Kind == KindDeferral || st.class == KindDeferral:
				if strong == nil {
					strong = &d
				}
			case identifiable(&d):
				// A pointer inside a sentence that answers is worth
				// following only when it names its target.
				weak = &d
			}
		}
		if st.role == tracker.RoleReferral && strong == nil && (st.located || it.Status == tracker.Deferred) &&
			!hasKind(st, KindDeferral) && !hasKind(st, KindReference) {
			// A pointer read from the words, not a rule: "De cijfers zijn
			// opgenomen in het jaarverslag 2024" (locatesElsewhere), or
			// one the model reads in a deferred answer. Its target is
			// named anywhere in it.
			d, _ := memo.find(st, 0, &fs, &foldedYet)
			d.Evidence = tracker.Evidence{Start: st.start, End: st.end, Text: strings.TrimSpace(st.text)}
			switch {
			case st.class == KindDeferral:
				strong = &d
			case weak == nil && identifiable(&d):
				weak = &d
			}
		}
		it.Promises = append(it.Promises, st.promises...)
		it.Readings = append(it.Readings, tracker.Reading{Start: st.start, End: st.end, Role: st.role,
			Confidence: math.Round(st.conf*100) / 100, SubQuestion: st.sub, Decisive: decisive(it.Status, st.role)})
	}
	switch {
	case strong != nil:
		it.Deferral = strong
	case weak != nil:
		it.Deferral = weak
	}
}

// decisive reports whether a sentence of role r is one the status rests
// on: the replies of an answered question, the evasive sentences of any
// other.
func decisive(s tracker.Status, r tracker.Role) bool {
	switch s {
	case tracker.Answered:
		return r == tracker.RoleReply
	case tracker.Deferred:
		return r == tracker.RoleReferral
	case tracker.Pending:
		return r == tracker.RoleNotYet || r == tracker.RoleCommitment
	case tracker.Declined:
		return r == tracker.RoleRefusal || r == tracker.RoleUnknown
	}
	return r.Evasive()
}

// findingKind says which matches are evidence for the judgement. Promise,
// tense and context words only help read dates; the promises they make
// carry their own evidence.
func findingKind(k Kind) tracker.FindingKind {
	switch k {
	case KindDeferral, KindReference:
		return tracker.FindDeferral
	case KindPending:
		return tracker.FindPending
	case KindDeclined, KindUnknown:
		return tracker.FindDeclined
	case KindReply:
		return tracker.FindAnswer
	}
	return ""
}

// settleUnknown decides what "not known" means in this answer: temporary
// (pending) when the answer also says the information is being gathered or
// will follow, else a reply that cannot be given (declined).
func settleUnknown(sents []sentence) {
	as := KindDeclined
	for i := range sents {
		if sents[i].class == KindPending {
			as = KindPending
		}
	}
	for i := range sents {
		if sents[i].class == KindUnknown {
			sents[i].class = as
		}
	}
}
