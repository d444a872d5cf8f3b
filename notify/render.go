package notify

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// Reminder is what a reminder message is made from: a follow-up and, when
// the store has it, the question it belongs to.
type Reminder struct {
	FollowUp tracker.FollowUp
	Question string // the question text; empty if unknown
	Minister string // from the document when the follow-up lacks it
}

// maxQuestion bounds the quoted question: Slack cuts section text at 3000
// characters and a reminder should stay readable at a glance.
const maxQuestion = 600

// RenderReminder renders the reminder for r in lang.
func RenderReminder(lang Lang, r Reminder) (Message, error) {
	f := r.FollowUp
	m := Message{
		Key:       f.ReminderKey(),
		Title:     lang.tr("reminder.title", f.ID, lang.tr("kind."+string(f.Kind))),
		Quote:     strings.TrimSpace(f.Summary),
		Action:    lang.tr("todo." + string(f.Kind)),
		Footer:    lang.tr("footer", f.ID),
		FollowUps: []FollowUpRef{{f.ID, f.QuestionNumber}},
	}
	if q := strings.TrimSpace(r.Question); q != "" {
		m.Fields = append(m.Fields, Field{lang.tr("question") + " " + fmt.Sprint(f.QuestionNumber), clip(q, maxQuestion)})
	} else if f.QuestionNumber > 0 {
		m.Fields = append(m.Fields, Field{lang.tr("question"), fmt.Sprint(f.QuestionNumber)})
	}
	if !f.Promised.IsZero() {
		m.Fields = append(m.Fields, Field{lang.tr("promised"), lang.promised(f.Promised, f.Precision)})
	}
	due := lang.date(f.Due)
	if f.State == tracker.Snoozed && f.SnoozedUntil.After(f.Due) {
		due += ", " + lang.tr("snoozed", lang.date(f.SnoozedUntil))
	}
	m.Fields = append(m.Fields, Field{lang.tr("due"), due})
	if f.Document != "" {
		m.Fields = append(m.Fields, Field{lang.tr("document"), f.Document})
	}
	m.Fields = append(m.Fields, resolutionFields(lang, &f)...)
	minister := f.Minister
	if minister == "" {
		minister = r.Minister
	}
	if minister != "" {
		m.Fields = append(m.Fields, Field{lang.tr("minister"), minister})
	}
	var b bytes.Buffer
	if err := textTemplates[lang.known()].ExecuteTemplate(&b, "reminder.txt.tmpl", m); err != nil {
		return Message{}, fmt.Errorf("render reminder %d: %w", f.ID, err)
	}
	m.Text = b.String()
	return m, nil
}

// Digest formats.
const (
	FormatText  = "text"
	FormatMD    = "md"
	FormatHTML  = "html"
	FormatSlack = "slack"
)

// Formats lists the digest formats.
var Formats = []string{FormatText, FormatMD, FormatHTML, FormatSlack}

// RenderDigest writes d in format (text, md, html or slack mrkdwn) and lang.
func RenderDigest(d tracker.Digest, format string, lang Lang) (string, error) {
	data := digestData{Digest: &d, Lang: lang}
	var b bytes.Buffer
	var err error
	switch format {
	case FormatText, FormatMD, FormatSlack:
		err = textTemplates[lang.known()].ExecuteTemplate(&b, "digest."+format+".tmpl", data)
	case FormatHTML:
		err = htmlTemplates[lang.known()].ExecuteTemplate(&b, "digest.html.tmpl", data)
	default:
		return "", fmt.Errorf("format %q: want one of %s: %w", format, strings.Join(Formats, ", "), tracker.ErrInvalid)
	}
	if err != nil {
		return "", fmt.Errorf("render digest %d-W%02d as %s: %w", d.Year, d.Week, format, err)
	}
	return b.String(), nil
}

// DigestMessage renders d for a chat transport: plain text as fallback and
// Slack mrkdwn cut into paragraphs that fit one Block Kit section each.
func DigestMessage(d tracker.Digest, lang Lang) (Message, error) {
	text, err := RenderDigest(d, FormatText, lang)
	if err != nil {
		return Message{}, err
	}
	md, err := RenderDigest(d, FormatSlack, lang)
	if err != nil {
		return Message{}, err
	}
	return Message{
		Key:      tracker.DigestKey(d.Year, d.Week),
		Title:    lang.tr("digest.title", d.Year, d.Week),
		Text:     text,
		Markdown: paragraphs(md, 2900),
	}, nil
}

type digestData struct {
	*tracker.Digest
	Lang Lang
}

// Templates are parsed once per language, with that language's functions,
// so renders share nothing mutable.
var (
	textTemplates = map[Lang]*template.Template{}
	htmlTemplates = map[Lang]*htmltemplate.Template{}
)

func init() {
	for lang := range catalogue {
		textTemplates[lang] = template.Must(template.New("").Funcs(funcs(lang)).ParseFS(templateFS,
			"templates/*.txt.tmpl", "templates/digest.text.tmpl", "templates/*.md.tmpl", "templates/*.slack.tmpl"))
		htmlTemplates[lang] = htmltemplate.Must(htmltemplate.New("").Funcs(funcs(lang)).ParseFS(templateFS, "templates/*.html.tmpl"))
	}
}

func (l Lang) known() Lang {
	if _, ok := catalogue[l]; ok {
		return l
	}
	return Dutch
}

// funcs are the template functions; T and the date words follow lang.
func funcs(lang Lang) map[string]any {
	return map[string]any{
		"T":        func(key string, args ...any) string { return lang.tr(key, args...) },
		"date":     lang.date,
		"promised": lang.promised,
		"kind":     func(k tracker.FollowUpKind) string { return lang.tr("kind." + string(k)) },
		"status":   func(s tracker.Status) string { return lang.tr("status." + string(s)) },
		"outcome":  func(o tracker.Outcome) string { return lang.tr("outcome." + string(o)) },
		"minister": func(s string) string {
			if s == "" {
				return lang.tr("digest.nominister")
			}
			return s
		},
		"stamp": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return lang.date(t) + t.Format(" 15:04")
		},
		"slack": escapeSlack,
		"md":    escapeMarkdown,
		"clip":  clip,
		// resolution says what following a reference found.
		"resolution": lang.resolution,
	}
}

// escapeSlack escapes the three characters Slack mrkdwn reserves.
func escapeSlack(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// escapeMarkdown keeps text from turning into Markdown or HTML.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// clip shortens s to at most n runes, ending in "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// paragraphs cuts s at blank lines into pieces of at most n bytes, joining
// short paragraphs; a paragraph longer than n is cut at line ends.
func paragraphs(s string, n int) []string {
	var out []string
	cur := ""
	flush := func() {
		if strings.TrimSpace(cur) != "" {
			out = append(out, strings.TrimSpace(cur))
		}
		cur = ""
	}
	for _, p := range strings.Split(s, "\n\n") {
		for len(p) > n {
			i := strings.LastIndex(p[:n], "\n")
			if i <= 0 {
				i = n
				for i > 0 && !utf8.RuneStart(p[i]) {
					i--
				}
			}
			flush()
			cur = p[:i]
			flush()
			p = strings.TrimLeft(p[i:], "\n")
		}
		if len(cur)+len(p)+2 > n {
			flush()
		}
		if cur != "" {
			cur += "\n\n"
		}
		cur += p
	}
	flush()
	return out
}
