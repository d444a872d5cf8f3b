package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// A question about what is or was ("Hoeveel containers werden in 2025
// geplaatst?", "Welke maatregelen hebt u genomen?") is answered by what is
// or was. A look ahead beside that reply ("Tegen het einde van het jaar
// volgen er nog vijf.", "De maatregelen worden in het voorjaar
// geëvalueerd.") adds to it and leaves nothing open: its promise still
// counts for the reminders, but the sentence does not evade the question.
// A question that itself looks ahead ("Wanneer ...?", "Overweegt u ...?",
// "Welke maatregelen zult u nemen?") is left as it is: there the look
// ahead may be all it gets.

// aheadNotes gives the role of context to each commitment or not-yet
// sentence that follows a reply to the same sub-question, where that
// sub-question asks for a count (and the reply gives a figure), yes or no
// (and the reply opens with it), or an account of what was.
// It reports whether it gave any.
func aheadNotes(sents []sentence, subs []tracker.SubQuestion, asks []string) bool {
	if !anySentence(sents, func(st *sentence) bool {
		return st.role == tracker.RoleCommitment || st.role == tracker.RoleNotYet
	}) {
		return false
	}
	// A part with no reply at all may be the one the look ahead speaks
	// to, whichever part it was read under. (Asked before asksAhead,
	// which reads the words of every part.)
	for k := range subs {
		if !anySentence(sents, func(r *sentence) bool { return r.sub == k && r.role == tracker.RoleReply }) {
			return false
		}
	}
	// Where any part looks ahead ("Klopt het dat ...? Zo ja, wanneer
	// ...?"), a look ahead may reply to it, whichever part it is read
	// under.
	if slices.ContainsFunc(subs, func(sq tracker.SubQuestion) bool { return asksAhead(sq.Text) }) {
		return false
	}
	noted := false
	for i := range sents {
		st := &sents[i]
		if st.role != tracker.RoleCommitment && st.role != tracker.RoleNotYet || echoesQuestion(st) {
			continue
		}
		if st.sub >= len(subs) || st.sub >= len(asks) {
			continue
		}
		ask := asks[st.sub]
		if ask != askOpen && ask != askCount && ask != askYesNo {
			continue
		}
		if ask == askOpen && asksResults(ownSentence(subs[st.sub].Text)) {
			// "Wat is de uitkomst van de doorlichting?": results to come
			// are what was asked.
			continue
		}
		past := ask == askOpen && asksPast(ownSentence(subs[st.sub].Text))
		if !anySentence(sents[:i], func(r *sentence) bool {
			return r.sub == st.sub && r.role == tracker.RoleReply && (past || settles(r, ask))
		}) {
			continue
		}
		st.role, st.conf = tracker.RoleContext, st.probs[slices.Index(tracker.Roles, tracker.RoleContext)]
		st.class = KindContext
		noted = true
	}
	return noted
}

// settles reports whether the reply r settles a question that asks ask:
// a count with a figure, any other with "Ja" or "Nee" ("Volstaat die
// bezetting?" asks yes or no by a verb askKind need not know).
func settles(r *sentence, ask string) bool {
	if ask == askCount {
		return givesFigure(r)
	}
	ws := r.words
	if len(ws) > 1 && ws[0].end-ws[0].start == 1 {
		ws = ws[1:] // "b) Ja."
	}
	if len(ws) == 0 {
		return false
	}
	switch r.fold[ws[0].start:ws[0].end] {
	case "ja", "nee", "neen":
		return true
	}
	return false
}

// echoesQuestion reports whether st opens as an indirect question does
// ("Hoeveel extra examens dat oplevert, laat het CBR doorrekenen.", "Of
// verdere versterking nodig is, ..."): it speaks to what was asked, not
// beside it. "Of" opens a look ahead beside a yes or no as well, so only
// the words that ask for content count.
func echoesQuestion(st *sentence) bool {
	if len(st.words) == 0 {
		return false
	}
	switch st.fold[st.words[0].start:st.words[0].end] {
	case "hoeveel", "wanneer", "welke", "welk", "wat", "waarom", "hoe", "wie", "waar":
		return true
	}
	return false
}

// asksPast reports whether a question asks about what was: a verb in the
// past tense ("werden", "bedroeg") or the perfect ("hebt ... genomen").
func asksPast(q string) bool {
	have := false
	prev := ""
	for _, w := range questionWords(q) {
		switch {
		case pastVerbs[w], w == "sinds":
			return true
		case w == "heeft", w == "hebt", w == "hebben", w == "heb":
			have = true
		case have && participle(w, prev):
			return true
		}
		prev = w
	}
	return false
}

// participle reports whether w, after prev, may be a past participle:
// "genomen", "gedaan". A word after an article or a preposition is a
// noun ("voor de gezondheid", "van de gemeenten"), as are words with the
// endings of nouns.
func participle(w, prev string) bool {
	if len(w) <= 4 || !strings.HasPrefix(w, "ge") || nounBefore[prev] {
		return false
	}
	for _, e := range []string{"heid", "heden", "ing", "ingen", "schap", "nis", "te", "ten"} {
		if strings.HasSuffix(w, e) {
			return false
		}
	}
	return true
}

// nounBefore are words a noun follows, not a participle.
var nounBefore = setOf("de", "het", "een", "die", "deze", "dat", "dit", "hun", "uw", "zijn", "haar", "onze",
	"welke", "welk", "voor", "van", "op", "in", "aan", "met", "over", "bij", "naar", "om", "door", "tot", "geen")

// questionWords are the words of q, folded as the rules read them.
func questionWords(q string) []string {
	f := foldString(q)
	var buf [64]word // most questions' words, on the stack
	ws := words(f, buf[:0])
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = f[w.start:w.end]
	}
	return out
}

// asksAhead reports whether a question asks about what is to come: a
// verb of the future or of intent, "wanneer", or a word of plans.
func asksAhead(q string) bool {
	for _, w := range questionWords(q) {
		switch w {
		case "zal", "zullen", "zult", "zou", "zouden", "gaat", "gaan", "ga", "wanneer",
			"plan", "plannen", "plant", "overweegt", "overweeg", "overwegen", "bereid", "voornemens",
			"komende", "volgende", "volgend", "toekomst", "toekomstige", "verwacht", "verwachten",
			"voorziet", "voorzien", "termijn", "nog", "wil", "wilt", "willen", "kunt", "kan",
			"streeft", "streven", "beoogt", "tegen", "tijdpad", "planning":
			return true
		}
	}
	return false
}
