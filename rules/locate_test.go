package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A sentence that says where the information is kept points there; one
// that says what a place holds, gives a figure, names a source beside a
// claim or advises others to look somewhere replies.
func TestLocatesElsewhere(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question, answer string
		referral         bool // the last sentence is read as a referral
		status           tracker.Status
		deferral         tracker.TargetKind // "" for none
	}{
		{"Hoeveel bezoekers telden de provinciale domeinen in 2024, per domein?",
			"De bezoekersaantallen per domein zijn opgenomen in het jaarverslag 2024 van de provincie.",
			true, tracker.Deferred, tracker.TargetDocument},
		{"Hoeveel verkeersongevallen waren er per gemeente?",
			"De ongevallencijfers per gemeente zijn te raadplegen op www.statbel.be.",
			true, tracker.Deferred, tracker.TargetWebsite},
		{"Welke scholen kregen een inspectiebezoek?",
			"Het lid kan de inspectieverslagen per school raadplegen op de website van de onderwijsinspectie.",
			true, tracker.Deferred, tracker.TargetWebsite},
		{"Hoeveel klachten ontving de ombudsdienst?",
			"In 2024 ontving de ombudsdienst 1.245 klachten. Dat cijfer is opgenomen in haar jaarverslag.",
			true, tracker.Answered, ""},
		{"Wat staat er in het rapport over de wachttijden?",
			"In het rapport is opgenomen dat de wachttijden in alle regio's zijn gedaald.",
			false, tracker.Answered, ""},
		{"Hoeveel personeelsleden telt de dienst?",
			"De dienst telde op 1 januari 412 personeelsleden, zoals in het jaarverslag te lezen is.",
			false, tracker.Answered, ""},
		{"Hoe vinden eigenaren een erkend installateur?",
			"Eigenaren kunnen het register op de website van de stichting raadplegen om een erkend installateur te vinden.",
			false, tracker.Answered, ""},
	}
	for _, tt := range tests {
		it := tracker.Item{Number: 1, Question: tt.question, Answer: tt.answer}
		set.AnalyzeItem(&it, tracker.Day(2025, 3, 1))
		last := it.Readings[len(it.Readings)-1]
		if got := last.Role == tracker.RoleReferral; got != tt.referral {
			t.Errorf("%q read as %s", it.Answer[last.Start:last.End], last.Role)
		}
		if it.Status != tt.status {
			t.Errorf("%q: status %s, want %s", tt.answer, it.Status, tt.status)
		}
		var kind tracker.TargetKind
		if it.Deferral != nil {
			kind = it.Deferral.Kind
		}
		if tt.status == tracker.Deferred && kind != tt.deferral {
			t.Errorf("%q: deferral %q, want %q", tt.answer, kind, tt.deferral)
		}
	}
}
