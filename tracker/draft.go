package tracker

import (
	"fmt"
	"strings"
	"time"
)

var monthsNL = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// longDate writes a day as people write it in a letter: "14 februari 2023"
// or "14 February 2023".
func longDate(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsNL[t.Month()-1], t.Year())
}

// Draft writes a follow-up written question for f, ready to send: it quotes
// the original question and the answer's promise, deferral or evasion, and
// asks for what is still owed. lang is "nl" (default) or "en".
func Draft(doc *Document, it *Item, f *FollowUp, lang string) string {
	en := lang == "en"
	var b strings.Builder
	ref := ""
	if doc.Number != "" {
		if strings.HasPrefix(strings.ToLower(doc.Number), "nr") {
			ref = " " + doc.Number
		} else {
			ref = " nr. " + doc.Number
		}
	}
	asked := doc.Asked
	if !Dated(asked) {
		asked = doc.Date
	}
	quote := f.Summary
	if quote == "" && it != nil {
		quote = it.Answer
	}
	quote = clip(strings.TrimSpace(quote), 600)
	question := ""
	if it != nil {
		question = clip(strings.TrimSpace(it.Question), 800)
	}

	if en {
		fmt.Fprintf(&b, "Subject: follow-up to written question%s", ref)
		if doc.Title != "" {
			fmt.Fprintf(&b, " on %s", doc.Title)
		}
		b.WriteString("\n\n")
		fmt.Fprintf(&b, "In reply to my written question%s", ref)
		if Dated(asked) {
			fmt.Fprintf(&b, " of %s", longDate(asked, lang))
		}
		if question != "" {
			fmt.Fprintf(&b, " (question %d: «%s»)", f.QuestionNumber, question)
		}
		if quote != "" {
			fmt.Fprintf(&b, ", you answered: «%s».", quote)
		} else {
			b.WriteString(", I received no answer to this question.")
		}
		b.WriteString("\n\n")
		switch f.Kind {
		case FollowPromise:
			fmt.Fprintf(&b, "That information was promised by %s. ", longDate(f.Promised, lang))
			b.WriteString("1. Has it been delivered since? If so, where can I find it?\n2. If not, why not, and by when will it be delivered?\n")
		case FollowDeferral:
			b.WriteString("You referred me elsewhere for the answer, but I did not find it there.\n1. Can you now answer my question itself?\n")
		case FollowPending:
			b.WriteString("You indicated that the information was not yet available.\n1. Is it available now? Can you send it to me?\n2. If not, by when will it be?\n")
		case FollowDeclined:
			b.WriteString("1. Can you explain why you cannot answer this question?\n2. Can you answer it in part, or in another form?\n")
		default:
			b.WriteString("1. Can you now answer the parts of my question that remained unanswered?\n")
		}
	} else {
		fmt.Fprintf(&b, "Betreft: opvolging van schriftelijke vraag%s", ref)
		if doc.Title != "" {
			fmt.Fprintf(&b, " over %s", doc.Title)
		}
		b.WriteString("\n\n")
		fmt.Fprintf(&b, "In antwoord op mijn schriftelijke vraag%s", ref)
		if Dated(asked) {
			fmt.Fprintf(&b, " van %s", longDate(asked, lang))
		}
		if question != "" {
			fmt.Fprintf(&b, " (vraag %d: «%s»)", f.QuestionNumber, question)
		}
		if quote != "" {
			fmt.Fprintf(&b, " antwoordde u: «%s».", quote)
		} else {
			b.WriteString(" ontving ik op deze vraag geen antwoord.")
		}
		b.WriteString("\n\n")
		switch f.Kind {
		case FollowPromise:
			fmt.Fprintf(&b, "Die informatie werd beloofd tegen %s. ", longDate(f.Promised, lang))
			b.WriteString("1. Werd ze intussen bezorgd? Zo ja, waar kan ik ze vinden?\n2. Zo neen, waarom niet, en tegen wanneer mag ik ze verwachten?\n")
		case FollowDeferral:
			b.WriteString("U verwees voor het antwoord naar elders, maar daar vond ik het niet.\n1. Kan u mijn vraag zelf alsnog beantwoorden?\n")
		case FollowPending:
			b.WriteString("U gaf aan dat die informatie nog niet beschikbaar was.\n1. Is ze intussen beschikbaar? Kan u ze mij bezorgen?\n2. Zo neen, tegen wanneer wel?\n")
		case FollowDeclined:
			b.WriteString("1. Kan u toelichten waarom u deze vraag niet kan beantwoorden?\n2. Kan u ze gedeeltelijk of in een andere vorm beantwoorden?\n")
		default:
			b.WriteString("1. Kan u de onderdelen van mijn vraag die onbeantwoord bleven alsnog beantwoorden?\n")
		}
	}
	if doc.Asker != "" {
		fmt.Fprintf(&b, "\n%s\n", doc.Asker)
	}
	return b.String()
}

// clip shortens s to about n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := strings.LastIndexByte(s[:n], ' ')
	if i <= 0 {
		i = n
		for i > 0 && s[i]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			i--
		}
	}
	return s[:i] + " …"
}
