package slack

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestCommand asks /pqtrack each question through a signed HTTP round
// trip and reads the ephemeral answer: Dutch, English for a user whose
// Slack is English.
func TestCommand(t *testing.T) {
	r := newRig(t, 1)
	// Anna puts nothing off; follow-up 1 (promised for 14 February) is due
	// today and this week.
	tests := []struct {
		user, text string
		want       []string
		not        []string
	}{
		{"UANNA", "vandaag", []string{"*Te doen vandaag* (14 februari 2023)",
			"<" + testDash + "/followups/1|#1> 14 februari 2023 · belofte · Vraag over kinderopvang, vraag 1"}, []string{"achterstallig"}},
		{"UANNA", "week", []string{"*Te doen deze week* (13 februari 2023 tot en met 19 februari 2023)", "|#1> 14 februari 2023 · belofte"}, nil},
		{"UJOHN", "today", []string{"*To do today* (14 February 2023)", "|#1> 14 February 2023 · promise · Vraag over kinderopvang, question 1"}, []string{"belofte"}},
		{"UANNA", "zoek plaatsen", []string{"*Gevonden voor* “plaatsen”", "<" + testDash + "/documents/1|Vraag over kinderopvang, vraag 1>", "plaatsen"}, nil},
		{"UANNA", "zoek olifanten", []string{"Niets gevonden voor “olifanten”."}, nil},
		{"UANNA", "zoek", []string{"Waarnaar zoeken?"}, nil},
		{"UANNA", "opvolging 1", []string{"*Opvolging #1*: belofte", "Vraag over kinderopvang, vraag 1",
			"> De cijfers worden tegen 14 februari 2023 bezorgd.", "Vervaldag: 14 februari 2023", "Staat: open",
			"Geschiedenis:", ": aangemaakt", "|In het dashboard>"}, []string{"created", "promise"}},
		{"UJOHN", "followup 1", []string{"*Follow-up #1*: promise", "Due: 14 February 2023", "State: open", "History:", ": created"}, nil},
		{"UANNA", "opvolging 99", []string{"Opvolging #99 bestaat niet."}, nil},
		{"UANNA", "opvolging zes", []string{"Geef het nummer van een opvolging"}, nil},
		{"UANNA", "", []string{"Gebruik: `/pqtrack vandaag`"}, nil},
		{"UJOHN", "help", []string{"Usage: `/pqtrack today`"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.user+" "+tt.text, func(t *testing.T) {
			code, body := r.post(t, command(tt.user, tt.text), nil)
			if code != http.StatusOK {
				t.Fatalf("HTTP %d", code)
			}
			var msg struct {
				ResponseType string `json:"response_type"`
				Text         string `json:"text"`
			}
			if err := json.Unmarshal([]byte(body), &msg); err != nil {
				t.Fatalf("answer %q: %v", body, err)
			}
			if msg.ResponseType != "ephemeral" {
				t.Errorf("response_type %q, want ephemeral", msg.ResponseType)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg.Text, w) {
					t.Errorf("answer lacks %q:\n%s", w, msg.Text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(msg.Text, w) {
					t.Errorf("answer has %q:\n%s", w, msg.Text)
				}
			}
		})
	}
	// Asking changes nothing.
	if upd, eph, views := r.w.counts(); upd+eph+views != 0 {
		t.Errorf("the command changed messages (%d), told (%d) or opened forms (%d)", upd, eph, views)
	}
}
