package notify

import (
	"fmt"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Lang is the language of messages to staff.
type Lang string

const (
	Dutch   Lang = "nl" // the default
	English Lang = "en"
)

// ParseLang reads a language flag; empty means Dutch.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "nl", "nl-be", "nl_be", "nl-nl":
		return Dutch, nil
	case "en", "en-gb", "en-us", "en_gb", "en_us":
		return English, nil
	}
	return "", fmt.Errorf("language %q: want nl or en: %w", s, tracker.ErrInvalid)
}

// catalogue holds every string messages show, per language. Keys missing
// in English fall back to Dutch, and missing keys show as themselves, so a
// gap is visible but never breaks a send.
var catalogue = map[Lang]map[string]string{
	Dutch: {
		"reminder.title":                "Opvolging #%d is aan de beurt: %s",
		"question":                      "Vraag",
		"question.n":                    "vraag %d",
		"document":                      "Document",
		"minister":                      "Minister",
		"promised":                      "Beloofd",
		"due":                           "Vervaldag",
		"snoozed":                       "uitgesteld tot %s",
		"todo":                          "Te doen",
		"footer":                        "Afsluiten of uitstellen: pqtrack check %d",
		"kind.promise":                  "belofte",
		"kind.deferral":                 "doorverwijzing",
		"kind.pending":                  "nog niet beschikbaar",
		"kind.partial":                  "gedeeltelijk antwoord",
		"kind.declined":                 "geweigerd",
		"kind.unanswered":               "geen antwoord",
		"kind.late-answer":              "antwoord te laat",
		"kind.commitment":               "toezegging",
		"todo.promise":                  "Kijk na of de beloofde informatie er is. Zo niet: vraag ze opnieuw op.",
		"todo.deferral":                 "Kijk na of de plek waarnaar verwezen wordt de vraag echt beantwoordt.",
		"todo.pending":                  "Vraag na of de informatie er nu wel is.",
		"todo.partial":                  "Beslis of je het onbeantwoorde deel opnieuw vraagt.",
		"todo.declined":                 "Beslis of je de weigering aanvecht of de vraag anders stelt.",
		"todo.unanswered":               "Vraag het ontbrekende antwoord op.",
		"todo.late-answer":              "Het antwoord is over de termijn. Vraag het op bij het kabinet of de griffie.",
		"todo.commitment":               "De toegezegde datum is er. Kijk na of de toezegging is nagekomen.",
		"status.answered":               "beantwoord",
		"status.partial":                "gedeeltelijk",
		"status.deferred":               "doorverwezen",
		"status.pending":                "in afwachting",
		"status.declined":               "geweigerd",
		"status.unanswered":             "onbeantwoord",
		"role.reply":                    "antwoord",
		"role.context":                  "achtergrond",
		"role.referral":                 "verwijzing",
		"role.not-yet":                  "nog niet",
		"role.commitment":               "toezegging",
		"role.refusal":                  "weigering",
		"role.unknown":                  "niet bekend",
		"outcome.delivered":             "geleverd",
		"outcome.reasked":               "opnieuw gevraagd",
		"outcome.dropped":               "niet verder opgevolgd",
		"outcome.corrected":             "gecorrigeerd",
		"outcome.":                      "afgesloten",
		"precision.month":               "ergens in de maand",
		"precision.quarter":             "kwartaal",
		"precision.half":                "halfjaar",
		"precision.season":              "seizoen",
		"precision.year":                "ergens in het jaar",
		"digest.title":                  "Weekoverzicht %d-W%02d",
		"digest.range":                  "%s tot en met %s",
		"digest.summary":                "Te doen deze week: %d · achterstallig: %d · nieuwe antwoorden gemarkeerd: %d van %d · afgesloten vorige week: %d",
		"digest.empty":                  "Niets te melden deze week.",
		"digest.due":                    "Te doen deze week",
		"digest.overdue":                "Achterstallig",
		"digest.new":                    "Nieuwe antwoorden met iets openstaand",
		"digest.closed":                 "Afgesloten vorige week",
		"digest.late":                   "Late antwoorden",
		"digest.statuses":               "Statussen van de nieuwe antwoorden",
		"digest.nominister":             "Minister onbekend",
		"digest.generated":              "Gemaakt door pqtrack op %s.",
		"digest.followup":               "opvolging",
		"resolution":                    "Verwijzing",
		"resolution.addressed":          "besproken in %s",
		"resolution.silent":             "daar staat niets over in %s",
		"resolution.target-missing":     "nog niet binnen: %s",
		"resolution.loop":               "verwijzingen in een kring: %s",
		"resolution.possibly-delivered": "mogelijk geleverd door %s (bevestigen: pqtrack check ID --delivered; afwijzen: pqtrack check ID --not-delivered)",
		"resolution.read":               "Te lezen",
		"arrival.title.meeting":         "Het verslag van %s is binnen",
		"arrival.title.letter":          "De brief van %s is binnen",
		"arrival.title.answer":          "Het antwoord van %s is binnen",
		"arrival.title":                 "%s is binnen",
		"arrival.addressed":             "%s wordt besproken (%s: “%s”)",
		"arrival.silent":                "over %s staat er niets in (%s)",
		"arrival.delivered":             "%s: belofte #%d mogelijk ingelost (“%s”); bevestig met pqtrack check %d --delivered",
		"arrival.where":                 "vraag %[2]d",
	},
	English: {
		"reminder.title":                "Follow-up #%d is due: %s",
		"question":                      "Question",
		"question.n":                    "question %d",
		"document":                      "Document",
		"minister":                      "Minister",
		"promised":                      "Promised",
		"due":                           "Due",
		"snoozed":                       "snoozed until %s",
		"todo":                          "To do",
		"footer":                        "Close or snooze: pqtrack check %d",
		"kind.promise":                  "promise",
		"kind.deferral":                 "referral",
		"kind.pending":                  "not available yet",
		"kind.partial":                  "partial answer",
		"kind.declined":                 "declined",
		"kind.unanswered":               "no answer",
		"kind.late-answer":              "answer late",
		"kind.commitment":               "commitment",
		"todo.promise":                  "Check whether the promised information has arrived. If not, ask for it again.",
		"todo.deferral":                 "Check whether what the answer refers to really answers the question.",
		"todo.pending":                  "Ask whether the information is available now.",
		"todo.partial":                  "Decide whether to ask the unanswered part again.",
		"todo.declined":                 "Decide whether to challenge the refusal or ask differently.",
		"todo.unanswered":               "Ask for the missing answer.",
		"todo.late-answer":              "The answer is past its deadline. Ask the minister's office or the clerk for it.",
		"todo.commitment":               "The promised date has come. Check whether the commitment was kept.",
		"status.answered":               "answered",
		"status.partial":                "partial",
		"status.deferred":               "deferred",
		"status.pending":                "pending",
		"status.declined":               "declined",
		"status.unanswered":             "unanswered",
		"role.reply":                    "reply",
		"role.context":                  "context",
		"role.referral":                 "referral",
		"role.not-yet":                  "not yet",
		"role.commitment":               "commitment",
		"role.refusal":                  "refusal",
		"role.unknown":                  "not known",
		"outcome.delivered":             "delivered",
		"outcome.reasked":               "asked again",
		"outcome.dropped":               "dropped",
		"outcome.corrected":             "corrected",
		"outcome.":                      "closed",
		"precision.month":               "some time in the month",
		"precision.quarter":             "quarter",
		"precision.half":                "half year",
		"precision.season":              "season",
		"precision.year":                "some time in the year",
		"digest.title":                  "Weekly digest %d-W%02d",
		"digest.range":                  "%s to %s",
		"digest.summary":                "Due this week: %d · overdue: %d · new answers flagged: %d of %d · closed last week: %d",
		"digest.empty":                  "Nothing to report this week.",
		"digest.due":                    "Due this week",
		"digest.overdue":                "Overdue",
		"digest.new":                    "New answers with something owed",
		"digest.closed":                 "Closed last week",
		"digest.late":                   "Late answers",
		"digest.statuses":               "Statuses of the new answers",
		"digest.nominister":             "Minister unknown",
		"digest.generated":              "Made by pqtrack on %s.",
		"digest.followup":               "follow-up",
		"resolution":                    "Reference",
		"resolution.addressed":          "discussed in %s",
		"resolution.silent":             "nothing on it in %s",
		"resolution.target-missing":     "not in yet: %s",
		"resolution.loop":               "references go round in a loop: %s",
		"resolution.possibly-delivered": "possibly delivered by %s (confirm: pqtrack check ID --delivered; reject: pqtrack check ID --not-delivered)",
		"resolution.read":               "To read",
		"arrival.title.meeting":         "The report of %s is in",
		"arrival.title.letter":          "The letter of %s is in",
		"arrival.title.answer":          "The answer of %s is in",
		"arrival.title":                 "%s is in",
		"arrival.addressed":             "%s is discussed (%s: “%s”)",
		"arrival.silent":                "it says nothing about %s (%s)",
		"arrival.delivered":             "%s: promise #%d possibly kept (“%s”); confirm with pqtrack check %d --delivered",
		"arrival.where":                 "question %[2]d",
	},
}

var months = map[Lang][]string{
	Dutch:   {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	English: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// T translates key of the shared catalogue (statuses "status.partial",
// kinds "kind.promise", outcomes "outcome.delivered", ...) into l.
func (l Lang) T(key string, args ...any) string { return l.tr(key, args...) }

// Date writes a day as people read it in l: "14 februari 2023".
func (l Lang) Date(t time.Time) string { return l.date(t) }

// tr translates key into lang, formatting args into it when given.
func (l Lang) tr(key string, args ...any) string {
	s, ok := catalogue[l][key]
	if !ok {
		if s, ok = catalogue[Dutch][key]; !ok {
			s = key
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// date writes a day as people read it: "14 februari 2023".
func (l Lang) date(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	m := months[l]
	if m == nil {
		m = months[Dutch]
	}
	return fmt.Sprintf("%d %s %d", t.Day(), m[t.Month()-1], t.Year())
}

// promised writes a promised date with how exactly it was named.
func (l Lang) promised(t time.Time, p tracker.Precision) string {
	if p == "" || p == tracker.PrecisionDay {
		return l.date(t)
	}
	return fmt.Sprintf("%s (%s)", l.date(t), l.tr("precision."+string(p)))
}
