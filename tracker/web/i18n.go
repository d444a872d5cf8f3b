package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Lang is the language of a request's pages, with the words of the one
// catalogue below. Dutch is the default, whatever the browser prefers;
// English comes with ?lang=en (kept in a cookie).
type Lang struct {
	Code string // "nl" or "en"
	m    map[string]string
}

const langCookie = "pqtrack_lang"

func (s *Server) lang(w http.ResponseWriter, r *http.Request) *Lang {
	code := ""
	if q := r.URL.Query().Get("lang"); q == "nl" || q == "en" {
		code = q
		if w != nil {
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: q, Path: "/", MaxAge: 365 * 24 * 3600,
				SameSite: http.SameSiteLaxMode, HttpOnly: true})
		}
	} else if c, err := r.Cookie(langCookie); err == nil && (c.Value == "nl" || c.Value == "en") {
		code = c.Value
	} else {
		// Dutch unless asked otherwise on the page: staff browsers are
		// often set to English while the work is Dutch.
		code = "nl"
	}
	return langs[code]
}

// T returns the message key in l's language, formatted with args; English
// falls back to Dutch, and a missing key shows as itself.
func (l *Lang) T(key string, args ...any) string {
	s, ok := l.m[key]
	if !ok {
		if s, ok = catalogue["nl"][key]; !ok {
			s = key
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Is reports whether key has a message, for optional words.
func (l *Lang) Is(key string) bool {
	_, ok := catalogue["nl"][key]
	return ok
}

var monthsNL = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// Date writes a day as people write it: "14 februari 2023".
func (l *Lang) Date(t time.Time) string {
	if t.IsZero() {
		return l.T("date.unknown")
	}
	if l.Code == "en" {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsNL[t.Month()-1], t.Year())
}

// Month writes a month: "februari 2023".
func (l *Lang) Month(t time.Time) string {
	if l.Code == "en" {
		return t.Format("January 2006")
	}
	return fmt.Sprintf("%s %d", monthsNL[t.Month()-1], t.Year())
}

// Words for enumerations: status, kind, state, outcome, verdict, precision.
func (l *Lang) Status(s any) string  { return l.T(fmt.Sprint("status.", s)) }
func (l *Lang) Kind(k any) string    { return l.T(fmt.Sprint("kind.", k)) }
func (l *Lang) State(s any) string   { return l.T(fmt.Sprint("state.", s)) }
func (l *Lang) Outcome(o any) string { return l.T(fmt.Sprint("outcome.", o)) }
func (l *Lang) Verdict(v any) string { return l.T(fmt.Sprint("verdict.", v)) }
func (l *Lang) Finding(k any) string { return l.T(fmt.Sprint("finding.", k)) }

// Findings names kinds of evidence, for a mark's tooltip: "verwijzing, nog niet".
func (l *Lang) Findings(ks []string) string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = l.Finding(k)
	}
	return strings.Join(out, ", ")
}
func (l *Lang) Precision(p any) string { return l.T(fmt.Sprint("precision.", p)) }

var langs = map[string]*Lang{
	"nl": {Code: "nl", m: catalogue["nl"]},
	"en": {Code: "en", m: catalogue["en"]},
}

// catalogue holds every word the pages show.
var catalogue = map[string]map[string]string{
	"nl": {
		"app":                    "pqtrack",
		"nav.overview":           "Overzicht",
		"nav.queue":              "Opvolging",
		"nav.documents":          "Documenten",
		"nav.search":             "Zoeken",
		"nav.calendar":           "Kalender",
		"nav.upload":             "Document toevoegen",
		"lang.other":             "English",
		"date.unknown":           "datum onbekend",
		"overview.title":         "Overzicht",
		"overview.items":         "Antwoorden per status",
		"overview.ministers":     "Per minister",
		"overview.week":          "Vervalt deze week",
		"overview.overdue":       "Achterstallig",
		"overview.flagged":       "Laatste antwoorden met iets openstaand",
		"overview.none":          "Niets.",
		"overview.more":          "Alles tonen",
		"count.documents":        "documenten met vragen",
		"count.document":         "document met vragen",
		"count.open":             "open",
		"count.snoozed":          "uitgesteld",
		"count.done":             "afgehandeld",
		"count.overdue":          "achterstallig",
		"col.minister":           "Minister",
		"col.asker":              "Vraagsteller",
		"col.documents":          "Documenten",
		"col.open":               "Open",
		"col.overdue":            "Achterstallig",
		"col.due":                "Vervaldag",
		"col.state":              "Stand",
		"col.kind":               "Soort",
		"col.question":           "Vraag",
		"col.document":           "Document",
		"col.summary":            "Wat staat er",
		"col.date":               "Datum",
		"col.statuses":           "Statussen",
		"col.id":                 "Nr",
		"queue.title":            "Opvolging",
		"queue.tab.live":         "Te volgen",
		"queue.tab.due":          "Vervallen",
		"queue.tab.overdue":      "Achterstallig",
		"queue.tab.snoozed":      "Uitgesteld",
		"queue.tab.done":         "Afgehandeld",
		"queue.tab.all":          "Alles",
		"queue.filter":           "Filteren",
		"queue.any":              "alle",
		"queue.dueby":            "vervalt uiterlijk",
		"queue.empty":            "Geen opvolgingen.",
		"queue.count":            "%d opvolgingen",
		"queue.countmore":        "meer dan %d opvolgingen",
		"queue.prev":             "vorige",
		"queue.first":            "eerste",
		"queue.next":             "volgende",
		"queue.csv":              "CSV-export",
		"queue.open":             "openen",
		"snoozed.until":          "uitgesteld tot %s",
		"overdue":                "achterstallig",
		"document.title":         "Document",
		"document.asked":         "Ingediend",
		"document.date":          "Antwoord",
		"document.number":        "Nummer",
		"document.parliament":    "Parlement",
		"document.nquestions":    "%d vragen",
		"layout.grouped":         "eerst alle vragen, dan alle antwoorden",
		"layout.interleaved":     "vraag en antwoord afwisselend",
		"layout.":                "onbekend",
		"document.layout":        "Opbouw",
		"document.warnings":      "Opmerkingen bij het inlezen",
		"document.question":      "Vraag %d",
		"document.answer":        "Antwoord",
		"document.noanswer":      "Geen antwoord in het document.",
		"document.subs":          "Deelvragen",
		"document.promises":      "Beloofde datums",
		"document.deferral":      "Verwijst naar",
		"document.resolution":    "Nagegaan",
		"document.passages":      "Passages",
		"document.target":        "doeldocument",
		"document.followups":     "Opvolging",
		"document.with":          "Samen beantwoord met vraag %s",
		"document.legend":        "Gemarkeerd: de zinnen waarop het oordeel steunt, met de regel die ze vond.",
		"documents.title":        "Documenten",
		"documents.none":         "Nog geen documenten. Voeg er een toe.",
		"followup.title":         "Opvolging #%d",
		"followup.check":         "Afsluiten",
		"followup.delivered":     "Geleverd",
		"followup.reasked":       "Opnieuw gevraagd als",
		"followup.drop":          "Niet verder opvolgen",
		"followup.snooze":        "Uitstellen tot",
		"followup.redate":        "Vervaldag verplaatsen naar",
		"followup.reason":        "reden",
		"followup.note":          "notitie",
		"followup.by":            "door",
		"followup.reopen":        "Heropenen",
		"followup.draft":         "Ontwerp van opvolgingsvraag",
		"followup.copy":          "Kopiëren",
		"followup.copied":        "Gekopieerd",
		"followup.history":       "Geschiedenis",
		"followup.promised":      "Beloofd tegen %s",
		"followup.done":          "Afgehandeld: %s",
		"followup.submit":        "Bewaren",
		"followup.saved":         "Bewaard.",
		"search.title":           "Zoeken",
		"search.placeholder":     "woorden uit vraag of antwoord",
		"search.go":              "Zoeken",
		"search.none":            "Niets gevonden voor „%s”.",
		"search.field.question":  "vraag",
		"search.field.answer":    "antwoord",
		"calendar.title":         "Kalender van beloofde datums",
		"calendar.feed":          "Abonneren (iCalendar)",
		"calendar.feedhelp":      "Voeg deze link toe in Outlook of Google Agenda als agenda van internet.",
		"calendar.prev":          "vorige maand",
		"calendar.next":          "volgende maand",
		"calendar.none":          "Geen beloofde datums deze maand.",
		"upload.title":           "Document toevoegen",
		"upload.help":            "Een tekstbestand (.txt) of PDF, tot %d MB: antwoorden op schriftelijke vragen, een verslag of een brief. Wat erin staat, wordt ook nagegaan voor openstaande verwijzingen en beloften.",
		"upload.file":            "Bestand",
		"upload.go":              "Analyseren en bewaren",
		"upload.kind":            "Soort document",
		"upload.kind.answer":     "Antwoord op schriftelijke vragen",
		"upload.kind.meeting":    "Verslag van een vergadering",
		"upload.kind.letter":     "Brief",
		"upload.date":            "Datum (verslag of brief, als de tekst ze niet vermeldt)",
		"upload.body":            "Commissie of plenaire (verslag, als de tekst ze niet vermeldt)",
		"followup.resolution":    "Waar de verwijzing naartoe leidt",
		"error.title":            "Fout",
		"error.csrf":             "Het formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw en probeer nog eens.",
		"error.toolarge":         "Het bestand is te groot.",
		"error.type":             "Alleen tekst (.txt, UTF-8) of PDF kan worden ingelezen.",
		"error.noupload":         "Toevoegen van documenten staat uit.",
		"error.notfound":         "Niet gevonden.",
		"error.invalid":          "Ongeldige invoer.",
		"error.done":             "Opvolging %d is al afgesloten: er verandert niets.",
		"error.past":             "%s is niet na vandaag: kies een latere datum.",
		"error.samedate":         "Opvolging %d vervalt al op %s: er verandert niets.",
		"error.internal":         "Er ging iets mis. Probeer later opnieuw.",
		"error.host":             "Deze server antwoordt niet op die naam. Open hem via zijn eigen adres.",
		"error.query":            "De zoekvraag is te lang: ten hoogste %d tekens.",
		"error.pdftime":          "%s: het lezen van de PDF duurde langer dan %s en is gestopt. Is het een gewone PDF met tekst?",
		"error.pdftext":          "%s: de PDF geeft meer dan %s tekst; het lezen is gestopt.",
		"status.answered":        "beantwoord",
		"status.partial":         "gedeeltelijk",
		"status.deferred":        "doorverwezen",
		"status.pending":         "in afwachting",
		"status.declined":        "geweigerd",
		"status.unanswered":      "onbeantwoord",
		"status.":                "niet beoordeeld",
		"kind.promise":           "belofte",
		"kind.deferral":          "doorverwijzing",
		"kind.pending":           "nog niet beschikbaar",
		"kind.partial":           "gedeeltelijk antwoord",
		"kind.declined":          "geweigerd",
		"kind.unanswered":        "geen antwoord",
		"kind.late-answer":       "antwoord te laat",
		"state.open":             "open",
		"state.snoozed":          "uitgesteld",
		"state.done":             "afgehandeld",
		"outcome.delivered":      "geleverd",
		"outcome.reasked":        "opnieuw gevraagd",
		"outcome.dropped":        "niet verder opgevolgd",
		"outcome.":               "afgesloten",
		"verdict.addressed":      "beantwoord op de plek waarnaar verwezen wordt",
		"verdict.silent":         "de plek waarnaar verwezen wordt zegt er niets over",
		"verdict.target-missing": "doel nog niet gevonden",
		"verdict.loop":           "verwijzing in een kring",
		"finding.deferral":       "verwijzing",
		"finding.pending":        "nog niet",
		"finding.declined":       "weigering",
		"finding.promise":        "belofte",
		"finding.answer":         "antwoord",
		"finding.context":        "context",
		"finding.target":         "waarnaar verwezen",
		"finding.date":           "datum",
		"precision.day":          "dag",
		"precision.month":        "maand",
		"precision.quarter":      "kwartaal",
		"precision.half":         "halfjaar",
		"precision.season":       "seizoen",
		"precision.year":         "jaar",
		"event.created":          "aangemaakt",
		"event.redated":          "verplaatst",
		"event.snoozed":          "uitgesteld",
		"event.done":             "afgehandeld",
		"event.reopened":         "heropend",
		"event.reanalysed":       "opnieuw geanalyseerd",
		"calendar.upcoming":      "Eerstvolgende beloofde datums",
		"target.meeting":         "vergadering",
		"target.answer":          "ander antwoord",
		"target.letter":          "brief",
		"target.document":        "document",
		"target.website":         "website",
		"weekday.0":              "ma",
		"weekday.1":              "di",
		"weekday.2":              "wo",
		"weekday.3":              "do",
		"weekday.4":              "vr",
		"weekday.5":              "za",
		"weekday.6":              "zo",
	},
	"en": {
		"nav.overview":           "Overview",
		"nav.queue":              "Follow-ups",
		"nav.documents":          "Documents",
		"nav.search":             "Search",
		"nav.calendar":           "Calendar",
		"nav.upload":             "Add a document",
		"lang.other":             "Nederlands",
		"date.unknown":           "date unknown",
		"overview.title":         "Overview",
		"overview.items":         "Answers per status",
		"overview.ministers":     "Per minister",
		"overview.week":          "Due this week",
		"overview.overdue":       "Overdue",
		"overview.flagged":       "Latest answers with something owed",
		"overview.none":          "Nothing.",
		"overview.more":          "Show all",
		"count.documents":        "question documents",
		"count.document":         "question document",
		"count.open":             "open",
		"count.snoozed":          "snoozed",
		"count.done":             "done",
		"count.overdue":          "overdue",
		"col.minister":           "Minister",
		"col.asker":              "Member",
		"col.documents":          "Documents",
		"col.open":               "Open",
		"col.overdue":            "Overdue",
		"col.due":                "Due",
		"col.state":              "State",
		"col.kind":               "Kind",
		"col.question":           "Question",
		"col.document":           "Document",
		"col.summary":            "What it says",
		"col.date":               "Date",
		"col.statuses":           "Statuses",
		"col.id":                 "No",
		"queue.title":            "Follow-ups",
		"queue.tab.live":         "To follow",
		"queue.tab.due":          "Due",
		"queue.tab.overdue":      "Overdue",
		"queue.tab.snoozed":      "Snoozed",
		"queue.tab.done":         "Done",
		"queue.tab.all":          "All",
		"queue.filter":           "Filter",
		"queue.any":              "any",
		"queue.dueby":            "due by",
		"queue.empty":            "No follow-ups.",
		"queue.count":            "%d follow-ups",
		"queue.countmore":        "more than %d follow-ups",
		"queue.prev":             "previous",
		"queue.first":            "first",
		"queue.next":             "next",
		"queue.csv":              "CSV export",
		"queue.open":             "open",
		"snoozed.until":          "snoozed until %s",
		"overdue":                "overdue",
		"document.title":         "Document",
		"document.asked":         "Asked",
		"document.date":          "Answered",
		"document.number":        "Number",
		"document.parliament":    "Parliament",
		"document.nquestions":    "%d questions",
		"layout.grouped":         "all questions, then all answers",
		"layout.interleaved":     "question and answer in turn",
		"layout.":                "unknown",
		"document.layout":        "Layout",
		"document.warnings":      "Notes from reading",
		"document.question":      "Question %d",
		"document.answer":        "Answer",
		"document.noanswer":      "The document holds no answer.",
		"document.subs":          "Sub-questions",
		"document.promises":      "Promised dates",
		"document.deferral":      "Points to",
		"document.resolution":    "Checked",
		"document.passages":      "Passages",
		"document.target":        "target document",
		"document.followups":     "Follow-up",
		"document.with":          "Answered together with question %s",
		"document.legend":        "Marked: the sentences the judgement rests on, with the rule that found them.",
		"documents.title":        "Documents",
		"documents.none":         "No documents yet. Add one.",
		"followup.title":         "Follow-up #%d",
		"followup.check":         "Close",
		"followup.delivered":     "Delivered",
		"followup.reasked":       "Asked again as",
		"followup.drop":          "Drop",
		"followup.snooze":        "Snooze until",
		"followup.redate":        "Move the due date to",
		"followup.reason":        "reason",
		"followup.note":          "note",
		"followup.by":            "by",
		"followup.reopen":        "Reopen",
		"followup.draft":         "Draft follow-up question",
		"followup.copy":          "Copy",
		"followup.copied":        "Copied",
		"followup.history":       "History",
		"followup.promised":      "Promised by %s",
		"followup.done":          "Done: %s",
		"followup.submit":        "Save",
		"followup.saved":         "Saved.",
		"search.title":           "Search",
		"search.placeholder":     "words from a question or answer",
		"search.go":              "Search",
		"search.none":            "Nothing found for “%s”.",
		"search.field.question":  "question",
		"search.field.answer":    "answer",
		"calendar.title":         "Calendar of promised dates",
		"calendar.feed":          "Subscribe (iCalendar)",
		"calendar.feedhelp":      "Add this link in Outlook or Google Calendar as a calendar from the internet.",
		"calendar.prev":          "previous month",
		"calendar.next":          "next month",
		"calendar.none":          "No promised dates this month.",
		"upload.title":           "Add a document",
		"upload.help":            "A text file (.txt) or PDF, up to %d MB: answers to written questions, a meeting report or a letter. Open references and promises are checked against it too.",
		"upload.file":            "File",
		"upload.go":              "Analyse and store",
		"upload.kind":            "Kind of document",
		"upload.kind.answer":     "Answer to written questions",
		"upload.kind.meeting":    "Report of a meeting",
		"upload.kind.letter":     "Letter",
		"upload.date":            "Date (report or letter, when the text does not say it)",
		"upload.body":            "Committee or plenary (report, when the text does not say it)",
		"followup.resolution":    "Where the reference leads",
		"error.title":            "Error",
		"error.csrf":             "The form expired or did not come from this site. Reload the page and try again.",
		"error.toolarge":         "The file is too large.",
		"error.type":             "Only text (.txt, UTF-8) or PDF can be read.",
		"error.noupload":         "Adding documents is switched off.",
		"error.notfound":         "Not found.",
		"error.invalid":          "Invalid input.",
		"error.done":             "Follow-up %d is already closed: nothing changes.",
		"error.past":             "%s is not after today: choose a later date.",
		"error.samedate":         "Follow-up %d is already due %s: nothing changes.",
		"error.internal":         "Something went wrong. Try again later.",
		"error.host":             "This server does not answer to that name. Open it at its own address.",
		"error.query":            "The search query is too long: %d characters at most.",
		"error.pdftime":          "%s: reading the PDF took longer than %s and was stopped. Is it an ordinary PDF with text?",
		"error.pdftext":          "%s: the PDF gives more than %s of text; reading was stopped.",
		"status.answered":        "answered",
		"status.partial":         "partial",
		"status.deferred":        "deferred",
		"status.pending":         "pending",
		"status.declined":        "declined",
		"status.unanswered":      "unanswered",
		"status.":                "not judged",
		"kind.promise":           "promise",
		"kind.deferral":          "deferral",
		"kind.pending":           "not yet available",
		"kind.partial":           "partial answer",
		"kind.declined":          "declined",
		"kind.unanswered":        "no answer",
		"kind.late-answer":       "answer late",
		"state.open":             "open",
		"state.snoozed":          "snoozed",
		"state.done":             "done",
		"outcome.delivered":      "delivered",
		"outcome.reasked":        "asked again",
		"outcome.dropped":        "dropped",
		"outcome.":               "closed",
		"verdict.addressed":      "answered where it points",
		"verdict.silent":         "where it points says nothing about it",
		"verdict.target-missing": "target not found yet",
		"verdict.loop":           "reference loop",
		"finding.deferral":       "defers",
		"finding.pending":        "not yet",
		"finding.declined":       "declines",
		"finding.promise":        "promise",
		"finding.answer":         "answer",
		"finding.context":        "context",
		"finding.target":         "reference",
		"finding.date":           "date",
		"precision.day":          "day",
		"precision.month":        "month",
		"precision.quarter":      "quarter",
		"precision.half":         "half year",
		"precision.season":       "season",
		"precision.year":         "year",
		"event.created":          "created",
		"event.redated":          "moved",
		"event.snoozed":          "snoozed",
		"event.done":             "done",
		"event.reopened":         "reopened",
		"event.reanalysed":       "reanalysed",
		"calendar.upcoming":      "Next promised dates",
		"target.meeting":         "meeting",
		"target.answer":          "another answer",
		"target.letter":          "letter",
		"target.document":        "document",
		"target.website":         "website",
		"weekday.0":              "Mon",
		"weekday.1":              "Tue",
		"weekday.2":              "Wed",
		"weekday.3":              "Thu",
		"weekday.4":              "Fri",
		"weekday.5":              "Sat",
		"weekday.6":              "Sun",
	},
}
