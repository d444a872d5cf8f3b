package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/slack-go/slack"
)

// updatedBlocks returns the blocks of the last chat.update as JSON text.
func (w *workspace) lastUpdate() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.updates) == 0 {
		return ""
	}
	return string(w.updates[len(w.updates)-1].Blocks)
}

// TestButtonsOnMessages: a reminder carries the five buttons and the
// dashboard link for its follow-up, with the follow-up and the action in
// each value; an arrival message one labelled row per follow-up; English
// with the setting.
func TestButtonsOnMessages(t *testing.T) {
	r := newRig(t, 1)
	m := r.w.message(r.w.lastTS())
	var ab *slack.ActionBlock
	for _, b := range m.Blocks.BlockSet {
		if a, ok := b.(*slack.ActionBlock); ok {
			ab = a
		}
	}
	if ab == nil || ab.BlockID != "pqtrack:fu:1" {
		t.Fatalf("reminder blocks lack the buttons of follow-up 1: %+v", m.Blocks.BlockSet)
	}
	var got []string
	for _, e := range ab.Elements.ElementSet {
		switch e := e.(type) {
		case *slack.ButtonBlockElement:
			got = append(got, e.Text.Text+"="+e.Value+" "+e.URL)
		case *slack.DatePickerBlockElement:
			got = append(got, e.Placeholder.Text+"="+e.ActionID)
		}
	}
	want := []string{"Geleverd=delivered:1 ", "Later (een week)=week:1 ", "Later tot…=date",
		"Opnieuw vragen=reask:1 ", "Klopt niet=wrong:1 ", "In het dashboard=open:1 " + testDash + "/followups/1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("buttons\n%q\nwant\n%q", got, want)
	}

	en := Buttons{Lang: "en"}
	bs := en.Attach(nil, []notify.FollowUpRef{{ID: 4, Question: 2}, {ID: 9, Question: 5}})
	raw, _ := json.Marshal(bs)
	for _, w := range []string{`"#4, question 2"`, `"#9, question 5"`, `"pqtrack:fu:4"`, `"pqtrack:fu:9"`, `"Delivered"`, `"delivered:9"`} {
		if !strings.Contains(string(raw), w) {
			t.Errorf("arrival rows lack %s: %s", w, raw)
		}
	}
	if strings.Contains(string(raw), "dashboard") {
		t.Errorf("a link button without a dashboard: %s", raw)
	}
}

// TestButtons presses each button through a signed HTTP round trip and
// checks the follow-up, its history, the rewritten message and what the
// presser alone is told.
func TestButtons(t *testing.T) {
	tests := []struct {
		name      string
		user, act string
		date      string
		form      map[string]map[string]any // the form sent after the button, if it opens one
		state     tracker.State
		outcome   tracker.Outcome
		until     string
		event     string // the last history event's action; "" : no new event
		line      string // in the rewritten message; "": not rewritten
		ephemeral string // told to the presser alone
	}{
		{name: "delivered", user: "UANNA", act: ActDelivered, state: tracker.Done, outcome: tracker.Delivered, event: "done",
			line: "Opvolging #1: geleverd, gemeld door Anna Peeters op 14 februari 2023 om 10:30 via Slack"},
		{name: "a week later", user: "UANNA", act: ActWeek, state: tracker.Snoozed, until: "2023-02-21", event: "snoozed",
			line: "Opvolging #1: uitgesteld tot 21 februari 2023 door Anna Peeters op 14 februari 2023 om 10:30 via Slack"},
		{name: "a date picked", user: "UJOHN", act: ActDate, date: "2023-03-01", state: tracker.Snoozed, until: "2023-03-01", event: "snoozed",
			line: "Opvolging #1: uitgesteld tot 1 maart 2023 door John Smith"},
		{name: "a past date", user: "UANNA", act: ActDate, date: "2023-02-10", state: tracker.Open,
			ephemeral: "Kies een datum na vandaag: 10 februari 2023 is voorbij. Er is niets veranderd."},
		{name: "a past date, in English", user: "UJOHN", act: ActDate, date: "2023-02-14", state: tracker.Open,
			ephemeral: "Pick a date after today: 14 February 2023 has passed."},
		{name: "ask again", user: "UANNA", act: ActReask,
			form:  map[string]map[string]any{"number": {"number": map[string]any{"type": "plain_text_input", "value": " 1234 (2022-2023) "}}},
			state: tracker.Done, outcome: tracker.Reasked, event: "done",
			line: "Opvolging #1: opnieuw gevraagd als vraag 1234 (2022-2023) door Anna Peeters"},
		{name: "not right", user: "UANNA", act: ActWrong,
			form: map[string]map[string]any{
				"status": {"status": map[string]any{"type": "static_select", "selected_option": map[string]any{"value": "answered"}}},
				"note":   {"note": map[string]any{"type": "plain_text_input", "value": "staat in de bijlage"}}},
			state: tracker.Done, outcome: tracker.Corrected, event: "done",
			line: "Opvolging #1: oordeel verbeterd tot “beantwoord” door Anna Peeters"},
		{name: "dashboard link", user: "UANNA", act: ActOpen, state: tracker.Open},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, 1)
			ts := r.w.lastTS()
			before := len(r.events(t, 1))
			code, _ := r.post(t, r.press(t, tt.user, ts, 1, tt.act, tt.date, "T-"+tt.name), nil)
			if code != http.StatusOK {
				t.Fatalf("press: HTTP %d", code)
			}
			if tt.form != nil {
				v, trigger := r.w.lastView()
				if trigger != "T-"+tt.name {
					t.Errorf("form opened with trigger %q", trigger)
				}
				if f := r.followUp(t, 1); f.State != tracker.Open {
					t.Fatalf("opening the form changed the follow-up: %s", f.State)
				}
				code, body := r.post(t, submit(t, tt.user, v, "T2-"+tt.name, tt.form), nil)
				if code != http.StatusOK || body != "" {
					t.Fatalf("submit: HTTP %d %q, want an empty 200 that closes the form", code, body)
				}
			}
			f := r.followUp(t, 1)
			if f.State != tt.state || f.Outcome != tt.outcome {
				t.Errorf("follow-up %s/%s, want %s/%s", f.State, f.Outcome, tt.state, tt.outcome)
			}
			if tt.until != "" && f.SnoozedUntil.Format(tracker.DateLayout) != tt.until {
				t.Errorf("snoozed until %v, want %s", f.SnoozedUntil, tt.until)
			}
			hist := r.events(t, 1)
			switch {
			case tt.event == "" && len(hist) != before:
				t.Errorf("history grew: %+v", hist[before:])
			case tt.event != "":
				last := hist[len(hist)-1]
				name := people[tt.user].real
				// A correction's note is the staff's; its source says Slack
				// (TestCorrectionFromSlack).
				via := tt.act == ActWrong || strings.Contains(last.Note, "via Slack")
				if len(hist) != before+1 || last.Action != tt.event || last.By != name || !via || !last.At.Equal(clock) {
					t.Errorf("history %+v, want one %s event by %s via Slack at %v", hist[before:], tt.event, name, clock)
				}
			}
			upd := r.w.lastUpdate()
			switch {
			case tt.line == "" && upd != "":
				t.Errorf("message rewritten: %s", upd)
			case tt.line != "":
				if !strings.Contains(upd, tt.line) {
					t.Errorf("rewritten message lacks %q:\n%s", tt.line, upd)
				}
				if strings.Contains(upd, `"pqtrack:fu:1"`) || !strings.Contains(upd, "Vraag 1") {
					t.Errorf("rewritten message should keep the text and drop the buttons:\n%s", upd)
				}
			}
			eph := r.w.lastEphemeral()
			switch {
			case tt.ephemeral == "" && eph != nil:
				t.Errorf("told %q", eph.Get("text"))
			case tt.ephemeral != "" && (eph == nil || !strings.Contains(eph.Get("text"), tt.ephemeral) || eph.Get("user") != tt.user):
				t.Errorf("told %v, want %q to %s", eph, tt.ephemeral, tt.user)
			}
		})
	}
}

// TestCorrectionFromSlack: "Klopt niet" stores a correction from Slack,
// with who, through the existing corrections.
func TestCorrectionFromSlack(t *testing.T) {
	r := newRig(t, 1)
	r.post(t, r.press(t, "UANNA", r.w.lastTS(), 1, ActWrong, "", "T1"), nil)
	v, _ := r.w.lastView()
	raw, _ := json.Marshal(v.Blocks)
	for _, w := range []string{"beantwoord", "gedeeltelijk", "doorverwezen", "in afwachting", "geweigerd", "onbeantwoord",
		"Vraag over kinderopvang", "Wat is het antwoord volgens jou?"} {
		if !strings.Contains(string(raw), w) {
			t.Errorf("form lacks %q: %s", w, raw)
		}
	}
	form := map[string]map[string]any{"status": {"status": map[string]any{"selected_option": map[string]any{"value": "partial"}}}}
	if code, body := r.post(t, submit(t, "UANNA", v, "T2", form), nil); code != http.StatusOK || body != "" {
		t.Fatalf("submit: %d %q", code, body)
	}
	cs, err := r.db.Corrections(context.Background(), tracker.CorrectionFilter{})
	if err != nil || len(cs) != 1 {
		t.Fatalf("corrections %+v, %v", cs, err)
	}
	if c := cs[0]; c.Source != tracker.FromSlack || c.By != "Anna Peeters" || c.Status != tracker.Partial ||
		c.Was != tracker.Pending || c.QuestionNumber != 1 || !c.At.Equal(clock) {
		t.Errorf("correction %+v", c)
	}
	// The same status again keeps the form open with a Dutch error.
	code, body := r.post(t, submit(t, "UANNA", v, "T3", form), nil)
	if code != http.StatusOK || !strings.Contains(body, `"response_action":"errors"`) || !strings.Contains(body, "De vraag heeft dat oordeel al.") {
		t.Errorf("same status again: %d %s", code, body)
	}
}

// TestDeliveredTwice: a second person's press on a closed follow-up
// changes nothing and says so.
func TestDeliveredTwice(t *testing.T) {
	r := newRig(t, 1)
	ts := r.w.lastTS()
	r.post(t, r.press(t, "UANNA", ts, 1, ActDelivered, "", "T1"), nil)
	n := len(r.events(t, 1))
	r.post(t, r.press(t, "UJOHN", ts, 1, ActWeek, "", "T2"), nil)
	if got := len(r.events(t, 1)); got != n {
		t.Errorf("history %d events, want %d", got, n)
	}
	if e := r.w.lastEphemeral(); e == nil || !strings.Contains(e.Get("text"), "Follow-up #1 is already closed (delivered)") {
		t.Errorf("told %v", e)
	}
}

// TestSnoozedTwice: putting off to the day it is already put off to
// writes no history.
func TestSnoozedTwice(t *testing.T) {
	r := newRig(t, 1)
	ts := r.w.lastTS()
	r.post(t, r.press(t, "UANNA", ts, 1, ActDate, "2023-03-01", "T1"), nil)
	n := len(r.events(t, 1))
	r.post(t, r.press(t, "UANNA", ts, 1, ActDate, "2023-03-01", "T2"), nil)
	if got := len(r.events(t, 1)); got != n {
		t.Errorf("history %d events, want %d", got, n)
	}
	if e := r.w.lastEphemeral(); e == nil || e.Get("text") != "Opvolging #1 is al uitgesteld tot 1 maart 2023. Er is niets veranderd." {
		t.Errorf("told %v", e)
	}
	r.post(t, r.press(t, "UANNA", ts, 1, ActDate, "2023-03-02", "T3"), nil)
	if f := r.followUp(t, 1); !f.SnoozedUntil.Equal(tracker.Day(2023, 3, 2)) || len(r.events(t, 1)) != n+1 {
		t.Errorf("another day: until %v, %d events", f.SnoozedUntil, len(r.events(t, 1)))
	}
}

// TestArrivalButtons: the message that a deferral's target arrived carries
// a labelled row of buttons per follow-up it changed, and a press there
// rewrites only that follow-up's row.
func TestArrivalButtons(t *testing.T) {
	r := newRig(t, 2)
	a := notify.Arrival{Target: tracker.Document{ID: 1, Title: "Verslag", Kind: tracker.KindMeeting, Date: tracker.Day(2023, 2, 13)},
		Changes: []notify.ArrivalChange{
			{FollowUp: tracker.FollowUp{ID: 1, QuestionNumber: 1, Document: "Vraag over kinderopvang"}, Label: "plaatsen",
				New: &tracker.Resolution{Verdict: tracker.Addressed}},
			{FollowUp: tracker.FollowUp{ID: 2, QuestionNumber: 2, Document: "Vraag over kinderopvang"}, Label: "cijfers",
				New: &tracker.Resolution{Verdict: tracker.Silent}},
		}}
	m, err := notify.RenderArrival(notify.Dutch, a)
	if err != nil {
		t.Fatal(err)
	}
	bot := NewBot("xoxb-test", testChannel, r.w.GetAPIURL(), nil)
	bot.Buttons = &r.app.Buttons
	if err := bot.Notify(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	ts := r.w.lastTS()
	raw, _ := json.Marshal(r.w.message(ts).Blocks)
	for _, w := range []string{`"#1, vraag 1"`, `"#2, vraag 2"`, `"pqtrack:fu:1"`, `"pqtrack:fu:2"`, `"delivered:2"`} {
		if !strings.Contains(string(raw), w) {
			t.Errorf("arrival message lacks %s: %s", w, raw)
		}
	}
	r.post(t, r.press(t, "UANNA", ts, 2, ActDelivered, "", "T-arrival"), nil)
	upd := r.w.lastUpdate()
	if !strings.Contains(upd, `"pqtrack:fu:1"`) || strings.Contains(upd, `"pqtrack:fu:2"`) ||
		!strings.Contains(upd, "Opvolging #2: geleverd, gemeld door Anna Peeters") {
		t.Errorf("rewritten arrival message:\n%s", upd)
	}
	if f := r.followUp(t, 1); f.State != tracker.Open {
		t.Errorf("follow-up 1 changed: %s", f.State)
	}
}

// TestWordsComplete: every text has its Dutch and its English version.
func TestWordsComplete(t *testing.T) {
	for key := range words[notify.Dutch] {
		if words[notify.English][key] == "" {
			t.Errorf("%s has no English text", key)
		}
	}
	for key := range words[notify.English] {
		if words[notify.Dutch][key] == "" {
			t.Errorf("%s has no Dutch text", key)
		}
	}
}

// TestParagraphsOf: long drafts are cut at line ends, else between runes,
// never inside one, and nothing is lost.
func TestParagraphsOf(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want []string
	}{
		{"kort", 10, []string{"kort"}},
		{"een\ntwee\ndrie", 8, []string{"een\ntwee", "drie"}},
		{"ëëëëë", 5, []string{"ëë", "ëë", "ë"}}, // two bytes a letter
	}
	for _, tt := range tests {
		got := paragraphsOf(tt.in, tt.n)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("paragraphsOf(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
