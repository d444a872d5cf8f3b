package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestRenderBecameLate(t *testing.T) {
	fs := []tracker.FollowUp{
		{ID: 7, Document: "Stikstof", Minister: "minister van LNV", Due: tracker.Day(2026, 12, 2)},
		{ID: 3, Document: "Wachttijden jeugdzorg", Minister: "staatssecretaris van VWS", Due: tracker.Day(2026, 12, 2)},
		{ID: 5, Document: "Mestbeleid", Minister: "minister van LNV", Due: tracker.Day(2026, 12, 1)},
		{ID: 9, Document: "Zonder minister", Due: tracker.Day(2026, 12, 2)},
	}
	day := tracker.Day(2026, 12, 3)
	nl := RenderBecameLate(Dutch, day, fs)
	for _, w := range []string{"4 antwoord(en) vandaag te laat.", "minister van LNV: 2\n- Mestbeleid, termijn 1 december 2026 (#5)\n- Stikstof, termijn 2 december 2026 (#7)",
		"staatssecretaris van VWS: 1", "Minister onbekend: 1", "Alle late antwoorden: pqtrack late"} {
		if !strings.Contains(nl.Text, w) {
			t.Errorf("Dutch message lacks %q:\n%s", w, nl.Text)
		}
	}
	if strings.Index(nl.Text, "Minister onbekend") < strings.Index(nl.Text, "staatssecretaris") {
		t.Errorf("the unknown minister is not last:\n%s", nl.Text)
	}
	for _, en := range []string{"late today", "deadline", "unknown"} {
		if strings.Contains(nl.Text, en) {
			t.Errorf("English %q in the Dutch message:\n%s", en, nl.Text)
		}
	}
	en := RenderBecameLate(English, day, fs)
	if !strings.Contains(en.Text, "4 answer(s) late today") || !strings.Contains(en.Text, "deadline 1 December 2026") || !strings.Contains(en.Text, "Minister unknown: 1") {
		t.Errorf("English message:\n%s", en.Text)
	}
	// The key names the day and the answers, in any order.
	rev := []tracker.FollowUp{fs[3], fs[2], fs[1], fs[0]}
	if k := RenderBecameLate(Dutch, day, rev).Key; k != nl.Key || k != "late-day:2026-12-03:3,5,7,9" {
		t.Errorf("keys %q and %q", nl.Key, k)
	}
	if k := RenderBecameLate(Dutch, day.AddDate(0, 0, 1), fs).Key; k == nl.Key {
		t.Error("the same key on another day")
	}
}

func TestRenderAnswer(t *testing.T) {
	a := AnswerArrival{
		Question: tracker.FiledQuestion{Parliament: tracker.TK, Ref: "z1", Number: "2026Z20001", Title: "Wachttijden jeugdzorg",
			Asker: "Eva de Vries", Minister: "staatssecretaris van VWS", Answered: tracker.Day(2026, 12, 3)},
		Answer: tracker.Document{Minister: "Staatssecretaris Karremans", Items: []tracker.Item{
			{Status: tracker.Answered}, {Status: tracker.Answered}, {Status: tracker.Pending,
				Promises: []tracker.Promise{{Date: tracker.Day(2027, 6, 30), Precision: tracker.PrecisionMonth}}}}},
		URL: "https://pqtrack.example/documents/4",
		FollowUps: []tracker.FollowUp{{ID: 31, QuestionNumber: 3, State: tracker.Open},
			{ID: 32, QuestionNumber: 3, State: tracker.Done}},
	}
	nl := RenderAnswer(Dutch, a)
	// Buttons go under the live follow-ups only.
	if len(nl.FollowUps) != 1 || nl.FollowUps[0] != (FollowUpRef{ID: 31, Question: 3}) {
		t.Errorf("follow-ups of the alert: %+v", nl.FollowUps)
	}
	for _, w := range []string{"Antwoord binnen: Wachttijden jeugdzorg (2026Z20001)", "Geantwoord door: Staatssecretaris Karremans",
		"Oordeel: 2 beantwoord, 0 gedeeltelijk, 0 doorverwezen, 1 in afwachting, 0 geweigerd",
		"Beloofde datums: 30 juni 2027 (ergens in de maand)", "Bekijk het antwoord: https://pqtrack.example/documents/4"} {
		if !strings.Contains(nl.Text, w) {
			t.Errorf("Dutch alert lacks %q:\n%s", w, nl.Text)
		}
	}
	if nl.Key != "answer:tk:z1" {
		t.Errorf("key %q", nl.Key)
	}
	en := RenderAnswer(English, a)
	for _, w := range []string{"Answer in: Wachttijden jeugdzorg", "Answered by: Staatssecretaris Karremans",
		"2 answered, 0 partial, 0 deferred, 1 pending, 0 declined", "Promised dates: 30 June 2027", "See the answer:"} {
		if !strings.Contains(en.Text, w) {
			t.Errorf("English alert lacks %q:\n%s", w, en.Text)
		}
	}
}

// The weekly digest counts each minister's late answers, in every format
// and both languages; a minister without late answers gets no section.
func TestDigestLateSection(t *testing.T) {
	now := tracker.Day(2026, 12, 7).Add(8 * time.Hour) // Monday of 2026-W50
	fs := []tracker.FollowUp{
		{ID: 1, Kind: tracker.FollowLate, State: tracker.Open, Minister: "minister van LNV", Due: tracker.Day(2026, 12, 2), Document: "Stikstof"},
		{ID: 2, Kind: tracker.FollowLate, State: tracker.Snoozed, SnoozedUntil: tracker.Day(2026, 12, 20), Minister: "minister van LNV",
			Due: tracker.Day(2026, 11, 20), Document: "Mest"},
		{ID: 3, Kind: tracker.FollowLate, State: tracker.Done, Outcome: tracker.Delivered, Minister: "minister van LNV",
			Due: tracker.Day(2026, 11, 10), Document: "Water"},
		{ID: 4, Kind: tracker.FollowPromise, State: tracker.Open, Minister: "Ben Weyts", Due: tracker.Day(2026, 12, 8), Document: "Scholen"},
	}
	d := tracker.BuildDigest(2026, 50, time.UTC, fs, nil, nil, now)
	if d.Total.Late != 2 {
		t.Errorf("total late %d, want 2", d.Total.Late)
	}
	for _, tt := range []struct {
		format string
		lang   Lang
		want   string
	}{
		{FormatText, Dutch, "== minister van LNV ==\n\nLate antwoorden: 2\n"},
		{FormatText, English, "== minister van LNV ==\n\nLate answers: 2\n"},
		{FormatMD, Dutch, "## minister van LNV\n\n### Late antwoorden\n\n2\n"},
		{FormatSlack, Dutch, "*minister van LNV*\n\n_Late antwoorden_: 2\n"},
		{FormatHTML, Dutch, "<h2>minister van LNV</h2>\n<h3>Late antwoorden</h3>\n<p class=\"late\">2</p>"},
		{FormatHTML, English, "<h3>Late answers</h3>"},
	} {
		out, err := RenderDigest(d, tt.format, tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s %s lacks %q:\n%s", tt.format, tt.lang, tt.want, out)
		}
		if strings.Count(out, tt.lang.T("digest.late")) != 1 {
			t.Errorf("%s %s: the late section is not there once (Ben Weyts has none):\n%s", tt.format, tt.lang, out)
		}
	}
}
