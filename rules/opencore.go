package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// An answer may say much around a question and then say that what was
// asked is not known yet: "Over de gevolgen die een verblijf in een
// sporthal heeft voor de gezondheid van kinderen, valt nu nog niets te
// zeggen.", "Of zulke afspraken er komen, staat nog niet vast.", "Zolang
// het onderzoek loopt, kan ik niet zeggen in welke mate de plafonds aan de
// wachttijden bijdragen." Such a sentence names what was asked, as an
// indirect question or a fronted topic in the question's own words, and
// leaves it open: what stands around it is context, however much it says.

// coreLeftOpen gives the part of the question that a not-yet or not-known
// sentence names and leaves open that sentence's status, and the answer
// the status that follows: for a question of one part the evasion itself
// (pending, declined), for more parts partial. A reply that settles the part ("Ja.", "Nee.", a figure to
// "Hoeveel ...?") speaks to it after all, and the sentence then names
// something beside it.
func coreLeftOpen(it *tracker.Item, a *answerFacts) {
	if it.Status != tracker.Answered && it.Status != tracker.Partial {
		return
	}
	sents, asks := a.sents, a.asks
	for i := range sents {
		st := &sents[i]
		if st.role != tracker.RoleNotYet && st.role != tracker.RoleUnknown || len(st.promises) > 0 {
			continue
		}
		asked, topic := namesAsked(st), topicFronted(st)
		if !asked && !topic {
			continue
		}
		terms := a.partTerms(st.sub)
		shared := termsHeld(st.terms, terms)
		if shared == 0 || settled(sents, st.sub, asks) {
			continue
		}
		status := tracker.Pending
		if st.role == tracker.RoleUnknown {
			status = tracker.Declined
		}
		if len(it.SubQuestions) <= 1 {
			// A fronted topic in few of the question's words names a
			// part of it ("Ten aanzien van het behoud van de
			// vrijwillige brandweer ..." under a question on two
			// investments): the rest may be replied to. So does a
			// figure: "Gezinnen ontvangen gemiddeld 38 euro per maand
			// meer. Welke gevolgen dat heeft voor de armoede, kan nog
			// niet worden ingeschat." replies in part.
			if !asked && 2*shared < len(terms) || anySentence(sents, func(r *sentence) bool {
				return r.role == tracker.RoleReply && givesFigure(r)
			}) {
				if it.Status == tracker.Answered {
					it.Status = tracker.Partial
				}
				return
			}
			it.Status = status
			if len(it.SubQuestions) == 1 {
				it.SubQuestions[0].Status = status
			}
			return
		}
		// Of more parts, the one named is open: an answer read as
		// replying to all is partial; one read as partial stays so.
		if st.sub < len(it.SubQuestions) {
			it.SubQuestions[st.sub].Status = status
		}
		it.Status = tracker.Partial
		return
	}
}

// settled reports whether a reply under sub-question k settles it: "Ja"
// or "Nee" to a yes/no question, a figure to one that asks how many.
func settled(sents []sentence, k int, asks []string) bool {
	if k >= len(asks) || asks[k] != askYesNo && asks[k] != askCount {
		return false
	}
	return anySentence(sents, func(r *sentence) bool {
		return r.sub == k && r.role == tracker.RoleReply && settles(r, asks[k])
	})
}

// termsHeld counts the terms of b that a holds too.
func termsHeld(a, b []string) int {
	n := 0
	for _, t := range b {
		if slices.Contains(a, t) {
			n++
		}
	}
	return n
}

// askWords open an indirect question: "of", "wat", "hoe", "welke",
// "hoeveel", "wanneer", "waarom", "wie", "waar"; "in welke mate" and "in
// hoeverre" open with "in".
var askWords = setOf("of", "wat", "hoe", "welke", "welk", "hoeveel", "wanneer", "waarom", "wie", "waar")

// sayWords say or know; an indirect question after them names what cannot
// be said or is not known: "kan ik niet zeggen in welke mate", "is nog
// niet duidelijk of".
var sayWords = setOf("zeggen", "aangeven", "voorspellen", "inschatten", "overzien", "bepalen", "vaststellen",
	"beoordelen", "bekend", "duidelijk", "zeker", "gekend")

// namesAsked reports whether st names what was asked as an indirect
// question: it opens with one ("Of ...", "Wat dit betekent, ...") or puts
// one after a word of saying or knowing ("niet te zeggen wat", "niet
// bekend hoeveel").
func namesAsked(st *sentence) bool {
	ws := st.words
	if len(ws) == 0 {
		return false
	}
	// An indirect question that opens the sentence is its subject, and a
	// comma closes it: "Of zulke afspraken er komen, staat nog niet
	// vast." ("Of sterker nog: ..." asks nothing.)
	if askWords[st.fold[ws[0].start:ws[0].end]] && strings.Contains(st.text, ",") {
		return true
	}
	for n := 0; n+1 < len(ws); n++ {
		if !sayWords[st.fold[ws[n].start:ws[n].end]] {
			continue
		}
		next := st.fold[ws[n+1].start:ws[n+1].end]
		if askWords[next] || next == "in" && n+2 < len(ws) && (st.fold[ws[n+2].start:ws[n+2].end] == "welke" || st.fold[ws[n+2].start:ws[n+2].end] == "hoeverre") {
			return true
		}
	}
	return false
}
