package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// "Overweegt u de termijn te verlengen? Zo ja, per wanneer?" asks whether
// the government will act, and then how or when. An answer that tells of
// the study, the advice or the consultation that comes first ("Ik heb het
// RIVM gevraagd na te gaan ...", "Hun reacties weeg ik mee voordat ik een
// besluit neem.") and says neither yes nor no has decided nothing: the
// question is open, and what follows it asks about a decision not taken.
// Each sentence may read as a reply to something; the answer as a whole is
// pending.

// intentLeftOpen makes an answer pending when its question asks whether
// the government will act and every other part hangs on that (hangsOn: a
// "Zo ja, ..." or a bare "Tegen wanneer?"), the answer gives no yes or no,
// and a sentence says that the decision is still to come. A question of
// one part needs one more thing: no sentence tells of a step already
// taken ("Op 1 maart werd het tarief al verlaagd."), which replies to part
// of it. The sentences that say the decision is to come take the role of
// not yet.
func intentLeftOpen(it *tracker.Item, a *answerFacts) {
	subs := it.SubQuestions
	if it.Status != tracker.Answered && it.Status != tracker.Partial || len(subs) == 0 || a.lead {
		return
	}
	own := a.ownOf(subs, 0)
	if openingIn(own, intentOpeners) == "" {
		return // most questions: no words read
	}
	// "Bent u bereid een onderzoek in te stellen?" is answered by the
	// study under way.
	asked := questionWords(own)
	if !asksIntent(asked) || slices.ContainsFunc(asked, func(w string) bool { return studyNouns[w] }) {
		return
	}
	for k := 1; k < len(subs); k++ {
		if !hangsOn(subs[k].Text) {
			return
		}
	}
	undecided := false
	for i := range a.sents {
		st := &a.sents[i]
		if hasKind(st, KindReply) || settles(st, askYesNo) || echoesIntent(st, asked) {
			return // "Ja, ...", "Nee.", "Er komt een nieuwe ronde."
		}
		ahead := decisionAhead(st)
		undecided = undecided || ahead
		// A question of one part: a step already taken beside the decision
		// still to come replies to part of it.
		if len(subs) == 1 && !ahead && st.class == "" && (looksBack(st) || holdsAny(st, takenWords)) {
			return
		}
	}
	if !undecided {
		return
	}
	for i := range a.sents {
		if st := &a.sents[i]; decisionAhead(st) && st.role != tracker.RoleCommitment {
			st.role, st.class = tracker.RoleNotYet, KindPending
		}
	}
	it.Status = tracker.Pending
	for k := range subs {
		subs[k].Status = tracker.Pending
	}
}

// asksIntent reports whether the question sentence of words ws asks
// whether the government will act: "Overweegt u ...?", "Bent u bereid
// ...?", "Plant u ...?", "Komt er ...?", "Gaat de regering ...?", "Bent u
// van plan ...?", "Bent u het eens met ...?".
func asksIntent(ws []string) bool {
	if len(ws) == 0 || intentOpeners[ws[0]] == "" {
		return false
	}
	switch ws[0] {
	case "bent", "is", "zijn":
		return slices.Contains(ws, "bereid") || slices.Contains(ws, "voornemens") || slices.Contains(ws, "plan") || slices.Contains(ws, "eens")
	}
	return true
}

// echoesIntent reports whether st says yes or no to the question of
// words ws in its own words: "Er komt een nieuwe ronde." to "Komt er
// ...?", "Ik ben daartoe niet bereid." to "Bent u bereid ...?", "Ik
// overweeg dat niet." to "Overweegt u ...?".
func echoesIntent(st *sentence, ws []string) bool {
	if len(st.words) < 2 || len(ws) == 0 {
		return false
	}
	switch st.fold[st.words[0].start:st.words[0].end] {
	case "ik", "wij", "we", "er", "de", "het", "dat", "dit":
	default:
		return false
	}
	verb := st.fold[st.words[1].start:st.words[1].end]
	switch ws[0] {
	case "bent", "is", "zijn":
		return holdsWord(st, "bereid") || holdsWord(st, "voornemens") || holdsWord(st, "eens")
	}
	stem := strings.TrimSuffix(ws[0], "t")
	return len(stem) >= 3 && strings.HasPrefix(verb, stem)
}

// intentOpeners are the words a question that asks whether the
// government will act opens with, each mapped to itself for openingIn;
// "bent", "is" and "zijn" only with "bereid", "voornemens", "van plan" or
// "het eens".
var intentOpeners = func() map[string]string {
	m := make(map[string]string)
	for _, w := range []string{"overweegt", "gaat", "zal", "zult", "zullen", "wilt", "plant", "komt", "wordt", "worden", "bent", "is", "zijn"} {
		m[w] = w
	}
	return m
}()

// hangsOn reports whether the sub-question q hangs on the part before it:
// a condition ("Zo ja, ...", "Indien niet, ...") or a few words asking
// when, from when or how much ("Tegen wanneer zal dat het geval zijn?",
// "Vanaf welk jaar?", "Met welk bedrag?").
func hangsOn(q string) bool {
	if conditionalRE.MatchString(q) {
		return true
	}
	ws := questionWords(ownSentence(q))
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	switch ws[0] {
	case "wanneer", "tegen", "vanaf", "per", "met", "voor", "binnen", "hoeveel", "welk", "welke", "en", "op":
		return true
	}
	return false
}

// decisionAhead reports whether st says that a decision is still to come:
// not yet by the rules or the model, a decision or a view taken before,
// after or on the basis of something ("voordat ik een besluit neem", "Ik
// wacht hun evaluatie af voor ik een standpunt inneem", "bij de
// begrotingsaanpassing"), an advice or a proposal promised, or a study
// asked for ("Ik heb het RIVM gevraagd na te gaan ...").
func decisionAhead(st *sentence) bool {
	if st.role == tracker.RoleNotYet || st.rule == KindPending && len(st.promises) == 0 {
		return true
	}
	if namesDecision(st) && framesAhead(st) {
		return true
	}
	// An advice or a proposal still to come: "Het advies volgt in maart."
	if st.role == tracker.RoleCommitment && (holdsAny(st, adviceNouns) || namesDecision(st)) {
		return true
	}
	return holdsWord(st, "gevraagd") && (holdsAny(st, studyVerbs) || holdsAny(st, adviceNouns))
}

// namesDecision reports whether st names a decision or a view of the
// speaker's still to take: not one given ("Mijn standpunt is dat ...") nor
// one left to others ("om ... te bepalen wat nodig is").
func namesDecision(st *sentence) bool {
	for k, w := range st.words {
		if !decisionWords[st.fold[w.start:w.end]] {
			continue
		}
		if k > 0 && st.fold[st.words[k-1].start:st.words[k-1].end] == "te" {
			continue
		}
		if k+2 < len(st.words) && st.fold[st.words[k+1].start:st.words[k+1].end] == "is" &&
			st.fold[st.words[k+2].start:st.words[k+2].end] == "dat" {
			continue
		}
		return true
	}
	return false
}

// framesAhead reports whether st holds one of aheadFrames; "voor" only
// where a decision or its maker follows within a few words ("voor ik een
// besluit neem", "voor een beslissing"), not as a plain preposition
// ("waar ze het verschil maken voor de gemeenten").
func framesAhead(st *sentence) bool {
	for k, w := range st.words {
		v := st.fold[w.start:w.end]
		if !aheadFrames[v] {
			continue
		}
		if v != "voor" {
			return true
		}
		for j := k + 1; j < len(st.words) && j <= k+4; j++ {
			n := st.fold[st.words[j].start:st.words[j].end]
			if decisionWords[n] || n == "ik" || n == "we" || n == "wij" {
				return true
			}
		}
	}
	return false
}

var (
	// takenWords say a step is already taken.
	takenWords = setOf("al", "reeds", "inmiddels", "intussen")
	// decisionWords name a decision or a view (folded).
	decisionWords = setOf("besluit", "beslissing", "standpunt", "afweging", "keuze", "beslis", "beslist", "beslissen",
		"besluiten", "kies", "kiezen", "beoordeel", "beoordelen", "bepaal", "bepalen")
	// aheadFrames put it after something else.
	aheadFrames = setOf("voordat", "voor", "pas", "zodra", "zolang", "nog", "nadat", "na", "basis", "afwacht", "wacht", "afwachten",
		"betrek", "mee", "begrotingsaanpassing", "begrotingsopmaak", "begrotingscontrole")
	// studyNouns name a study.
	studyNouns = setOf("onderzoek", "onderzoeken", "studie", "evaluatie", "verkenning", "analyse", "doorlichting")
	// adviceNouns name advice or a proposal asked for ("gevraagd een
	// voorstel uit te werken").
	adviceNouns = setOf("advies", "voorstel", "voorstellen")
	// studyVerbs ask for a study (after "gevraagd ... te").
	studyVerbs = setOf("na", "nagaan", "onderzoeken", "kaart", "doorlichten", "lichten", "rekenen", "doorrekenen",
		"bekijken", "evalueren", "analyseren", "verkennen")
)
