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

// draftPhrases are the words of a draft in one language.
type draftPhrases struct {
	subject, about   string // the subject line: "...vraag%s", " over %s"
	intro, of        string // "...vraag%s", " van %s"
	question, answer string // " (vraag %d: %s)", " antwoordde u: %s"
	noAnswer         string
	promised         string // "... beloofd tegen %s."
	promisedUndated  string
	// asks holds per kind a sentence that leads in (may be empty) and the
	// numbered questions; kinds not listed ask for the unanswered parts.
	asks map[FollowUpKind][]string
	// deferred replaces the deferral's lead line by what following the
	// reference found: a draft must not say "not found there" of a
	// reference pqtrack found discussed.
	deferred map[Verdict]string
}

var draftWords = map[string]draftPhrases{
	"nl": {
		subject: "Betreft: opvolging van schriftelijke vraag%s", about: " over %s",
		intro: "In antwoord op mijn schriftelijke vraag%s", of: " van %s",
		question: " (vraag %d: %s)", answer: " antwoordde u: %s",
		noAnswer:        " ontving ik op deze vraag geen antwoord.",
		promised:        "Die informatie werd beloofd tegen %s.",
		promisedUndated: "Die informatie werd beloofd.",
		asks: map[FollowUpKind][]string{
			FollowPromise:  {"", "Werd ze intussen bezorgd? Zo ja, waar kan ik ze vinden?", "Zo neen, waarom niet, en tegen wanneer mag ik ze verwachten?"},
			FollowDeferral: {"U verwees voor het antwoord naar elders, maar daar vond ik het niet.", "Kan u mijn vraag zelf alsnog beantwoorden?"},
			FollowPending:  {"U gaf aan dat die informatie nog niet beschikbaar was.", "Is ze intussen beschikbaar? Kan u ze mij bezorgen?", "Zo neen, tegen wanneer wel?"},
			FollowDeclined: {"", "Kan u toelichten waarom u deze vraag niet kan beantwoorden?", "Kan u ze gedeeltelijk of in een andere vorm beantwoorden?"},
			FollowPartial:  {"Uw antwoord liet een deel van mijn vraag open.", "Kan u de onderdelen van mijn vraag die onbeantwoord bleven alsnog beantwoorden?"},
			"":             {"", "Kan u de onderdelen van mijn vraag die onbeantwoord bleven alsnog beantwoorden?"},
		},
		deferred: map[Verdict]string{
			Addressed:     "U verwees voor het antwoord naar elders. Het onderwerp kwam daar aan bod, maar een antwoord op mijn vraag zelf blijft nodig.",
			TargetMissing: "U verwees voor het antwoord naar elders, maar dat stuk is nog niet beschikbaar.",
		},
	},
	"en": {
		subject: "Subject: follow-up to written question%s", about: " on %s",
		intro: "In reply to my written question%s", of: " of %s",
		question: " (question %d: %s)", answer: ", you answered: %s",
		noAnswer:        ", I received no answer to this question.",
		promised:        "That information was promised by %s.",
		promisedUndated: "That information was promised.",
		asks: map[FollowUpKind][]string{
			FollowPromise:  {"", "Has it been delivered since? If so, where can I find it?", "If not, why not, and by when will it be delivered?"},
			FollowDeferral: {"You referred me elsewhere for the answer, but I did not find it there.", "Can you now answer my question itself?"},
			FollowPending:  {"You indicated that the information was not yet available.", "Is it available now? Can you send it to me?", "If not, by when will it be?"},
			FollowDeclined: {"", "Can you explain why you cannot answer this question?", "Can you answer it in part, or in another form?"},
			FollowPartial:  {"Your answer left part of my question open.", "Can you now answer the parts of my question that remained unanswered?"},
			"":             {"", "Can you now answer the parts of my question that remained unanswered?"},
		},
		deferred: map[Verdict]string{
			Addressed:     "You referred me elsewhere for the answer. The subject was discussed there, but an answer to my question itself is still needed.",
			TargetMissing: "You referred me elsewhere for the answer, but that document is not yet available.",
		},
	},
}

// Draft writes a follow-up written question for f, ready to send: it quotes
// the original question and the answer's promise, deferral or evasion, and
// asks for what is still owed, one numbered question a line. lang is "nl"
// (default) or "en".
func Draft(doc *Document, it *Item, f *FollowUp, lang string) string {
	if lang != "en" {
		lang = "nl"
	}
	w := draftWords[lang]
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
	answer := f.Summary
	if answer == "" && it != nil {
		answer = it.Answer
	}
	question := ""
	if it != nil {
		question = it.Question
	}

	var b strings.Builder
	fmt.Fprintf(&b, w.subject, ref)
	if title := oneLine(doc.Title); title != "" {
		fmt.Fprintf(&b, w.about, title)
	}
	b.WriteString("\n\n")
	fmt.Fprintf(&b, w.intro, ref)
	if Dated(asked) {
		fmt.Fprintf(&b, w.of, longDate(asked, lang))
	}
	if q := oneLine(question); q != "" {
		fmt.Fprintf(&b, w.question, f.QuestionNumber, "«"+clip(q, 800)+"»")
	}
	if a := oneLine(answer); a != "" {
		b.WriteString(endSentence(fmt.Sprintf(w.answer, "«"+clip(a, 600)+"»")))
	} else {
		b.WriteString(w.noAnswer)
	}
	b.WriteString("\n\n")

	asks, ok := w.asks[f.Kind]
	if !ok {
		asks = w.asks[""]
	}
	lead := asks[0]
	if f.Kind == FollowPromise {
		lead = w.promisedUndated
		if Dated(f.Promised) {
			lead = fmt.Sprintf(w.promised, longDate(f.Promised, lang))
		}
	}
	if f.Kind == FollowDeferral {
		// Without a resolution staff looked for themselves: the lead stays.
		v := Verdict("")
		if f.Resolution != nil {
			v = f.Resolution.Verdict
		}
		if l, ok := w.deferred[v]; ok {
			lead = l
		}
	}
	if lead != "" {
		b.WriteString(lead + "\n")
	}
	for i, q := range asks[1:] {
		fmt.Fprintf(&b, "%d. %s\n", i+1, q)
	}
	if asker := oneLine(doc.Asker); asker != "" {
		fmt.Fprintf(&b, "\n%s\n", asker)
	}
	return b.String()
}

// oneLine joins s into one line with single spaces: a quote keeps no blank
// lines or indentation of the document it came from.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// endSentence ends s, which may close with a quote, with a full stop,
// unless the quoted text already ends its sentence: «… bezorgd.» takes no
// second full stop, but a quote clip cut short («… …») does.
func endSentence(s string) string {
	body := strings.TrimSuffix(s, "»")
	if strings.HasSuffix(body, " …") {
		return s + "."
	}
	for _, p := range []string{".", "?", "!", "…"} {
		if strings.HasSuffix(body, p) {
			return s
		}
	}
	return s + "."
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
