package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestRenderReminder(t *testing.T) {
	f := promise(42, tracker.Day(2023, 2, 14))
	f.Document = "Vraag <script> & co"
	tests := []struct {
		lang Lang
		want []string
	}{
		{Dutch, []string{"Opvolging #42 is aan de beurt: belofte", "> De cijfers worden tegen 14 februari 2023 bezorgd.",
			"Vraag 2: Hoeveel?", "Beloofd: 14 februari 2023", "Vervaldag: 14 februari 2023",
			"Document: Vraag <script> & co", "Minister: Crevits", "Kijk na of de beloofde informatie er is", "pqtrack check 42"}},
		{English, []string{"Follow-up #42 is due: promise", "Question 2: Hoeveel?", "Promised: 14 February 2023",
			"Check whether the promised information", "Close or snooze: pqtrack check 42"}},
	}
	for _, tt := range tests {
		m, err := RenderReminder(tt.lang, Reminder{FollowUp: f, Question: "Hoeveel?"})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(m.Text, w) {
				t.Errorf("%s: text lacks %q:\n%s", tt.lang, w, m.Text)
			}
		}
		if m.Key != "reminder:42:2023-02-14" {
			t.Errorf("key = %q", m.Key)
		}
	}
	// A snoozed follow-up says until when, and is keyed by the snooze end.
	f.State, f.SnoozedUntil = tracker.Snoozed, tracker.Day(2023, 3, 1)
	m, _ := RenderReminder(Dutch, Reminder{FollowUp: f})
	if !strings.Contains(m.Text, "uitgesteld tot 1 maart 2023") || m.Key != "reminder:42:2023-03-01" {
		t.Errorf("snoozed: key %q, text:\n%s", m.Key, m.Text)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"": Dutch, "nl": Dutch, "EN": English, "en-GB": English} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("ParseLang(fr) = nil error")
	}
}

func sampleDigest(t *testing.T) tracker.Digest {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Skip(err)
	}
	done := promise(3, tracker.Day(2023, 2, 1))
	done.State, done.Outcome, done.Document = tracker.Done, tracker.Reasked, "Vraag over wegen"
	done.ReaskedAs = "nr. 77"
	over := promise(2, tracker.Day(2023, 2, 6))
	over.Minister = "Somers"
	over.Document = "Vraag <b>vet</b> & *ster*"
	fs := []tracker.FollowUp{promise(1, tracker.Day(2023, 2, 14)), over, done}
	docs := []tracker.Document{{ID: 9, Kind: tracker.KindAnswer, Title: "Vraag over scholen", Number: "nr. 342", Minister: "Crevits",
		Items: []tracker.Item{{Status: tracker.Answered}, {Status: tracker.Deferred}}}}
	events := []tracker.FollowUpEvent{{FollowUpID: 3, At: time.Date(2023, 2, 8, 15, 0, 0, 0, loc), Action: "done", Note: "nieuwe vraag"}}
	return tracker.BuildDigest(2023, 7, loc, fs, docs, events, time.Date(2023, 2, 13, 8, 0, 0, 0, loc))
}

func TestRenderDigest(t *testing.T) {
	d := sampleDigest(t)
	tests := []struct {
		format string
		lang   Lang
		want   []string
	}{
		{FormatText, Dutch, []string{"Weekoverzicht 2023-W07 (13 februari 2023 tot en met 19 februari 2023)",
			"== Crevits ==", "Te doen deze week:", "- 14 februari 2023  #1 Vraag over kinderopvang, vraag 2 (belofte)",
			"Nieuwe antwoorden met iets openstaand:", "- Vraag over scholen (nr. 342): beantwoord 1, doorverwezen 1",
			"Afgesloten vorige week:", "#3 Vraag over wegen, vraag 2: opnieuw gevraagd (nr. 77) — nieuwe vraag",
			"== Somers ==", "Achterstallig:"}},
		{FormatText, English, []string{"Weekly digest 2023-W07 (13 February 2023 to 19 February 2023)", "Due this week:",
			"asked again", "Overdue:", "answered 1, deferred 1"}},
		{FormatMD, Dutch, []string{"# Weekoverzicht 2023-W07", "## Crevits", "### Te doen deze week",
			`Vraag \<b\>vet\</b\> & \*ster\*`}},
		{FormatSlack, Dutch, []string{"*Weekoverzicht 2023-W07*", "*Crevits*", "_Te doen deze week_",
			"Vraag &lt;b&gt;vet&lt;/b&gt; &amp; *ster*", "> De cijfers"}},
		{FormatHTML, Dutch, []string{`<html lang="nl">`, "<style>", "<h2>Crevits</h2>",
			"Vraag &lt;b&gt;vet&lt;/b&gt; &amp; *ster*", "<h3>Achterstallig</h3>"}},
	}
	for _, tt := range tests {
		out, err := RenderDigest(d, tt.format, tt.lang)
		if err != nil {
			t.Fatalf("%s %s: %v", tt.format, tt.lang, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %s lacks %q:\n%s", tt.format, tt.lang, w, out)
			}
		}
	}
	html, _ := RenderDigest(d, FormatHTML, Dutch)
	for _, bad := range []string{"<b>vet", "http://", "https://", "<script", "<link", "src="} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML digest holds %q: not self-contained or not escaped", bad)
		}
	}
	if _, err := RenderDigest(d, "pdf", Dutch); err == nil {
		t.Error("format pdf: no error")
	}
	empty, _ := RenderDigest(tracker.BuildDigest(2023, 7, time.UTC, nil, nil, nil, time.Time{}), FormatText, Dutch)
	if !strings.Contains(empty, "Niets te melden") {
		t.Errorf("empty digest:\n%s", empty)
	}
}

func TestDigestMessage(t *testing.T) {
	m, err := DigestMessage(sampleDigest(t), English)
	if err != nil {
		t.Fatal(err)
	}
	if m.Key != "digest:2023-W07" || m.Title != "Weekly digest 2023-W07" || len(m.Markdown) == 0 {
		t.Errorf("message = %+v", m)
	}
	for _, p := range m.Markdown {
		if len(p) > 2900 {
			t.Errorf("paragraph of %d bytes", len(p))
		}
	}
}

func TestParagraphs(t *testing.T) {
	long := strings.Repeat("regel\n", 100) // 600 bytes
	got := paragraphs("a\n\nb\n\n"+long, 250)
	if got[0] != "a\n\nb" {
		t.Errorf("first = %q, want short paragraphs joined", got[0])
	}
	total := 0
	for _, p := range got {
		if len(p) > 250 {
			t.Errorf("piece of %d bytes", len(p))
		}
		total += strings.Count(p, "regel")
	}
	if total != 100 {
		t.Errorf("%d lines kept of 100", total)
	}
}
