package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

func TestTopicFronted(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Ten aanzien van het behoud van de vrijwillige brandweer wordt er momenteel onderzoek uitgevoerd.", true},
		{"Wat betreft de opsplitsing per provincie: die gegevens zijn niet beschikbaar.", true},
		{"Met betrekking tot de tweede vraag: de tuchtdossiers zijn vertrouwelijk.", true},
		{"Over het nieuwe beleid heb ik u geïnformeerd in de Kamerbrief van 3 juni.", true},
		{"Over het algemeen worden die gegevens niet bijgehouden.", false},
		{"Die gegevens zijn wat betreft de provincies niet beschikbaar.", false},
		{"Voor de beantwoording verwijs ik naar mijn brief van 4 november.", false},
	}
	for _, tt := range tests {
		st := sentence{text: tt.text, fold: fold(tt.text).s}
		if got := topicFronted(&st); got != tt.want {
			t.Errorf("topicFronted(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestEvadesNamedPart(t *testing.T) {
	reply := sentence{text: "In 2023 sloten 312 locaties.", role: tracker.RoleReply}
	named := sentence{text: "Wat betreft de redenen: die worden niet geregistreerd.", role: tracker.RoleUnknown}
	plain := sentence{text: "De redenen worden niet geregistreerd.", role: tracker.RoleUnknown}
	for _, s := range []*sentence{&reply, &named, &plain} {
		s.fold = fold(s.text).s
	}
	tests := []struct {
		name  string
		sents []sentence
		want  bool
	}{
		{"a reply and a named part evaded", []sentence{reply, named}, true},
		{"a reply and an evasion that names nothing", []sentence{reply, plain}, false},
		{"a named part evaded and no reply", []sentence{named}, false},
	}
	for _, tt := range tests {
		if got := evadesNamedPart(tt.sents); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A sub-question whose only sentences refuse or do not know is open,
// however much the reply to the other part says.
func TestEvadesOwnPart(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question, answer string
		status           tracker.Status
	}{
		{"Hoeveel vergunningen werden in 2024 geweigerd? Kunt u per provincie aangeven om hoeveel vergunningen het gaat?",
			"In 2024 werden in totaal 412 vergunningen geweigerd, omdat de aanvragen op dat moment niet binnen de beschikbare capaciteit konden worden ingepast; het gaat vrijwel uitsluitend om aanvragen van bedrijven met een verwachte afname van meer dan 10.000 m3 per jaar. Geen enkele aanvraag is definitief afgewezen. Een verdeling van deze vergunningen over de provincies kan ik u niet geven, omdat de diensten ze per werkgebied registreren en die gebieden de provinciegrenzen niet volgen.",
			tracker.Partial},
		{"Hoeveel vergunningen werden in 2024 geweigerd? Kunt u per provincie aangeven om hoeveel vergunningen het gaat?",
			"In 2024 werden in totaal 412 vergunningen geweigerd. Per provincie ging het om 61 in Antwerpen, 92 in Limburg en 259 in de andere provincies.",
			tracker.Answered},
	}
	for _, tt := range tests {
		it := tracker.Item{Number: 1, Question: tt.question, Answer: tt.answer, SubQuestions: parse.SubQuestions(tt.question)}
		set.AnalyzeItem(&it, tracker.Day(2025, 3, 1))
		if it.Status != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, it.Status, tt.status)
		}
	}
}
