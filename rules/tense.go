package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// looksBack reports whether a sentence only tells what was: a verb in the
// past tense ("De zomer van 2025 was de droogste ...", "Het tekort
// bedroeg ...") and nothing that looks ahead or holds off, no promise, no
// future, no not-yet. Such a sentence commits to nothing, whatever dates
// it names.
func looksBack(st *sentence) bool {
	if len(st.promises) > 0 || hasKind(st, KindFuture) || hasKind(st, KindPromise) ||
		hasKind(st, KindPending) || hasKind(st, KindDeliverable) {
		return false
	}
	past := false
	for _, w := range st.words {
		switch v := st.fold[w.start:w.end]; {
		case aheadVerbs[v]:
			return false
		case pastVerbs[v]:
			past = true
		}
	}
	return past
}

// pastVerbs are common finite verbs in the past tense. (The past-tense
// rule runs only where a date may be promised, so its matches are not
// among a sentence's hits.)
var pastVerbs = setOf("was", "waren", "werd", "werden", "had", "hadden", "bedroeg", "bedroegen",
	"telde", "telden", "steeg", "stegen", "daalde", "daalden", "kreeg", "kregen", "ging", "gingen",
	"vond", "vonden", "liep", "liepen", "kwam", "kwamen", "bleek", "bleken")

// aheadVerbs look ahead or hold a matter open: with one of them a past
// verb may be a step on the way ("werd gevraagd ... en zal ...").
var aheadVerbs = setOf("zal", "zullen", "zult", "zou", "zouden", "gaat", "gaan", "ga", "moet", "moeten",
	"wil", "willen", "wordt", "worden", "plan", "plannen", "verwacht", "verwachten", "voorzien", "nog")

// notCommitted gives a sentence read as a commitment that only looks back,
// or only leads in to what follows, the likelier of reply and context.
func notCommitted(st *sentence, p *[nRoles]float64) {
	if st.role != tracker.RoleCommitment || !looksBack(st) && !leadsIn(st) {
		return
	}
	replyOrContext(st, p)
}

// leadsIn reports whether st introduces what follows it, a list or a
// table: "De verdeling ziet er als volgt uit:". Its "volgt" is no
// promise.
func leadsIn(st *sentence) bool {
	t := strings.TrimRight(st.text, " \t\n")
	return strings.HasSuffix(t, ":") || strings.Contains(st.fold, "als volgt")
}

// heldOpen gives a sentence read as a commitment that names no date and
// no delivery, and that a rule reads as not yet, the role of not yet: "Of die aanpak
// wordt veralgemeend, hangt af van de resultaten van het proefproject."
// holds the matter open; it delivers nothing by a date staff can hold the
// minister to.
func heldOpen(st *sentence, p *[nRoles]float64) {
	if st.role != tracker.RoleCommitment || len(st.promises) > 0 || len(st.exprs) > 0 || st.rule != KindPending {
		return
	}
	// The promise rules run only beside a date; the words of a delivery
	// are read here: "Zodra de tranche is afgerond, informeer ik uw
	// Kamer." commits.
	if holdsAny(st, deliverWords) {
		return
	}
	r := slices.Index(tracker.Roles, tracker.RoleNotYet)
	st.role, st.conf = tracker.RoleNotYet, p[r]
}

// deliverWords promise or deliver something: a future, a sending, a
// report back.
var deliverWords = setOf("zal", "zullen", "informeer", "informeren", "geinformeerd", "bezorg", "bezorgen",
	"stuur", "sturen", "zend", "zenden", "toegezonden", "terug", "voorgelegd", "voorleggen", "verschijnt",
	"verschijnen", "publiceer", "publiceren", "gepubliceerd", "ontvangt", "ontvangen", "rapporteer", "rapporteren")

// replyOrContext gives st the likelier of reply and context by p.
func replyOrContext(st *sentence, p *[nRoles]float64) {
	best := -1
	for r, role := range tracker.Roles {
		if (role == tracker.RoleReply || role == tracker.RoleContext) && (best < 0 || p[r] > p[best]) {
			best = r
		}
	}
	st.role, st.conf = tracker.Roles[best], p[best]
}

// stillCounts gives a sentence read as "not yet" that states a figure and
// that no rule reads as evading the likelier of reply and context: "Op de
// lijnen van het hoofdnet liggen er nog 43." counts what is left, now;
// its "nog" is "still", not "not yet".
func stillCounts(st *sentence, p *[nRoles]float64) {
	if st.role != tracker.RoleNotYet || groupOfKind(st.rule) != 0 || !givesFigure(st) {
		return
	}
	replyOrContext(st, p)
}

// stillState gives a sentence read as "not yet" by the model alone that
// says how things still stand ("nog lang niet", "nog steeds niet", "nog
// altijd geen") the likelier of reply and context: "Met deze aantallen
// zijn we daar nog lang niet." judges what is, now; it does not put
// information off.
func stillState(st *sentence, p *[nRoles]float64) {
	if st.role != tracker.RoleNotYet || groupOfKind(st.rule) != 0 {
		return
	}
	for i := 0; i+1 < len(st.words); i++ {
		if st.fold[st.words[i].start:st.words[i].end] != "nog" {
			continue
		}
		switch st.fold[st.words[i+1].start:st.words[i+1].end] {
		case "lang", "steeds", "altijd":
			replyOrContext(st, p)
			return
		}
	}
}

// countGiven gives a sentence read as context or, by the model alone, as
// not known that states a figure under a sub-question asking for one
// ("Hoeveel gemeenten ...? Op 1 november hadden 31 van de 342 gemeenten
// ...", "In hoeveel gevallen ...? In 37 gevallen werd vastgesteld dat de
// werken niet waren uitgevoerd.") the role of a reply: that figure is
// what was asked, whatever negation stands beside it.
func countGiven(st *sentence, ctx *answerContext, p *[nRoles]float64) {
	// A referral the rules read past, a pointer beside what the sentence
	// says ("Het project kost 14 miljoen euro (zie ook het antwoord op
	// vraag 2)."), counts too.
	readPast := st.role == tracker.RoleReferral && st.rule == ""
	if st.role != tracker.RoleContext && st.role != tracker.RoleUnknown && !readPast || groupOfKind(st.rule) != 0 || st.sub >= len(ctx.asks) ||
		ctx.asks[st.sub] != askCount || !givesFigure(st) {
		return
	}
	if st.role == tracker.RoleUnknown && (echoesQuestion(st) || holdsWord(st, "hoeveel")) {
		// "Hoeveel leerlingen geen 25 meter kunnen zwemmen, ...", "Om te
		// weten hoeveel er over die brug gingen, zouden alle 318
		// dossiers ...": it speaks of the count, and its figure is one
		// said before.
		return
	}
	st.role, st.conf = tracker.RoleReply, p[0]
}

// holdsWord reports whether st holds the folded word w.
func holdsWord(st *sentence, w string) bool {
	return slices.ContainsFunc(st.words, func(x word) bool { return st.fold[x.start:x.end] == w })
}

// holdsAny reports whether st holds a folded word of set.
func holdsAny(st *sentence, set map[string]bool) bool {
	return slices.ContainsFunc(st.words, func(x word) bool { return set[st.fold[x.start:x.end]] })
}

// notYetSaysNo gives a not-yet sentence the role of a reply where the
// question asks whether something has happened yet ("Is daar al een
// akkoord over bereikt?"): "Over de twee andere terreinen is er nog geen
// akkoord." is its no, not a dodge. noYetClass does the same for the
// class the rules give, before the model reads it.
func notYetSaysNo(st *sentence, ctx *answerContext, p *[nRoles]float64) {
	if st.role == tracker.RoleNotYet && saysNoYet(st, ctx) {
		st.role, st.conf = tracker.RoleReply, p[0]
	}
}

// noYetClass makes the class of a sentence the rules read as not yet a
// reply where it says no to a question asking whether something has
// happened yet (notYetSaysNo). It runs once the sentences are assigned
// to their parts.
func noYetClass(sents []sentence, ctx *answerContext) {
	for i := range sents {
		if st := &sents[i]; st.class == KindPending && len(st.promises) == 0 && saysNoYet(st, ctx) {
			st.class, st.rule = "", ""
		}
	}
}

// saysNoYet reports whether st says "nog geen" or "nog niet" under a part
// that asks yes or no, in a question that asks whether something has
// happened yet.
func saysNoYet(st *sentence, ctx *answerContext) bool {
	if st.sub >= len(ctx.asks) || ctx.asks[st.sub] != askYesNo || !saysNotYet(st) {
		return false
	}
	for q := range strings.SplitSeq(ctx.text, "?") {
		own := ownSentence(q)
		if yesNoVerb(own) != "" && slices.ContainsFunc(questionWords(own), func(w string) bool { return alreadyWords[w] }) {
			return true
		}
	}
	return false
}

// alreadyWords ask whether something has happened yet.
var alreadyWords = setOf("al", "reeds", "inmiddels", "intussen")

// saysNotYet reports whether st holds "nog geen" or "nog niet".
func saysNotYet(st *sentence) bool {
	for i := 0; i+1 < len(st.words); i++ {
		if st.fold[st.words[i].start:st.words[i].end] == "nog" {
			switch st.fold[st.words[i+1].start:st.words[i+1].end] {
			case "geen", "niet":
				return true
			}
		}
	}
	return false
}
