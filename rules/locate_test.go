package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A sentence that says where the information is kept points there; one
// that says what a place holds, gives a figure, names a source beside a
// claim or advises others to look somewhere replies.
func TestLocatesElsewhere(t *testing.T) {
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
		{"Welke overwegen worden in 2027 afgeschaft?",
			"De spoorbeheerder houdt op zijn website een overzicht bij van alle lopende afschaffingsdossiers, per gewest en per gemeente.",
			true, tracker.Deferred, tracker.TargetWebsite},
		{"Hoeveel klachten ontving de vervoermaatschappij in 2026 van reizigers met een beperking over de toegankelijkheid van de belbussen? Welk gevolg werd daaraan gegeven?",
			"Dezelfde vragen stelde een collega mij eerder dit najaar. In mijn antwoord van 30 september 2026 op haar schriftelijke vraag nr. 391 staan het aantal klachten per maand, uitgesplitst naar het soort beperking, en een overzicht van de aanpassingen die de vervoermaatschappij aan de voertuigen en aan de boekingsprocedure heeft doorgevoerd. Nieuwere cijfers heeft de vervoermaatschappij sindsdien niet opgemaakt.",
			true, tracker.Deferred, tracker.TargetAnswer},
		{"Wat kost de renovatie van het justitiepaleis?",
			"Die kosten staan in de inventaris van de investeringen van de Regie der Gebouwen.",
			true, tracker.Deferred, tracker.TargetDocument},
		// A time between "staat" and where.
		{"Wat zijn de conclusies van de studie naar zwerfafval?",
			"Het eindrapport, met de conclusies en de aanbevelingen, staat sinds 3 maart 2026 op de website van het agentschap.",
			true, tracker.Deferred, tracker.TargetWebsite},
		{"Welke scholen kregen een inspectiebezoek?",
			"Het lid kan de inspectieverslagen per school raadplegen op de website van de onderwijsinspectie.",
			true, tracker.Deferred, tracker.TargetWebsite},
		{"Welke gemeenten hebben geen bibliotheek meer?",
			"Welke gemeenten het zijn, kunt u nagaan in de Bibliotheekmonitor van de Koninklijke Bibliotheek.",
			true, tracker.Deferred, tracker.TargetDocument},
		{"Hoeveel klachten ontving de ombudsdienst?",
			"In 2024 ontving de ombudsdienst 1.245 klachten. Dat cijfer is opgenomen in haar jaarverslag.",
			true, tracker.Answered, ""},
		{"Wat staat er in het rapport over de wachttijden?",
			"In het rapport is opgenomen dat de wachttijden in alle regio's zijn gedaald.",
			false, tracker.Answered, ""},
		{"Hoeveel personeelsleden telt de dienst?",
			"De dienst telde op 1 januari 412 personeelsleden, zoals in het jaarverslag te lezen is.",
			false, tracker.Answered, ""},
		{"Welke maatregelen neemt de minister tegen intimidatie op fietsroutes?",
			"Die maatregelen staan opgesomd in hoofdstuk 5 van het actieplan, dat ik op 2 juli 2025 aan het Vlaams Parlement heb overgemaakt.",
			true, tracker.Deferred, tracker.TargetDocument},
		{"Wat waren de conclusies van de evaluatie van het decreet?",
			"De evaluatie van het decreet kwam uitgebreid aan bod in de commissie voor Wonen van 14 oktober 2025.",
			true, tracker.Deferred, tracker.TargetMeeting},
		{"Hoeveel klachten behandelde de ombudsdienst en waarover gingen ze?",
			"Het aantal klachten dat de ombudsdienst in 2024 behandelde en de onderwerpen waarover ze gingen, vindt het lid in het jaarverslag 2024 van de ombudsdienst.",
			true, tracker.Deferred, tracker.TargetDocument},
		{"Wat kostte het beheer van de stallingen in 2024?",
			"De kosten van het stallingsbeheer in 2024 staan in de jaarrekening 2024, programma 3 Bereikbaarheid (blz. 74).",
			true, tracker.Deferred, tracker.TargetDocument},
		{"Waar staat de nieuwe school?",
			"De nieuwe school staat in de Kerkstraat in Gent.",
			false, tracker.Answered, ""},
		{"Hoeveel uur was elke brug in 2025 buiten gebruik?",
			"De uren dat een brug door een storing buiten gebruik was, zijn per brug en per maand terug te vinden in het dashboard van De Vlaamse Waterweg.",
			true, tracker.Deferred, tracker.TargetDocument},
		{"Wat waren de conclusies van het rapport?",
			"Ik heb het rapport op 13 mei in de commissie besproken. Het verslag van die vergadering geeft mijn standpunt volledig weer.",
			true, tracker.Deferred, tracker.TargetMeeting},
		{"Wat stelt het rapport over de wachttijden?",
			"Het rapport geeft weer dat de wachttijden in alle regio's zijn gedaald.",
			false, tracker.Answered, ""},
		{"Hoe beoordeelt u het voorstel van de ombudsman?",
			"Het voorstel is uitgebreid besproken tijdens het commissiedebat Handhaving van 21 mei 2026.",
			true, tracker.Deferred, tracker.TargetMeeting},
		{"Heeft de regering het rapport al besproken?",
			"Ja. Het rapport werd op 3 maart in de ministerraad besproken.",
			false, tracker.Answered, ""},
		{"Hoe vinden eigenaren een erkend installateur?",
			"Eigenaren kunnen het register op de website van de stichting raadplegen om een erkend installateur te vinden.",
			false, tracker.Answered, ""},
	}
	for _, tt := range tests {
		it := judgedItem(t, tt.question, tt.answer, tracker.Day(2025, 3, 1))
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

// TestLocatesElsewhereAsBefore holds locatesElsewhere, which reads each
// word's locWord from its term cache entry, to the loop it replaced (kept
// below), with and without the entries, on the sentences of corpus read
// as a reply and as context.
func TestLocatesElsewhereAsBefore(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := corpus(t, set)
	texts = append(texts, "De cijfers zijn opgenomen in het jaarverslag.", "Het lid kan dit raadplegen op de website.",
		"U kunt het rapport nalezen.", "Dat is te vinden in de bijlage.", "Dat is te vinden in de bijlage?",
		"Zoals opgenomen in de brief.", "Om dit te vinden: zie www.vlaanderen.be.", "Er zijn 12 gevallen opgenomen in de monitor.")
	n, located := 0, 0
	for _, tx := range texts {
		sents := set.sentences(tx, tracker.Day(2025, 3, 1))
		for i := range sents {
			for _, role := range []tracker.Role{tracker.RoleReply, tracker.RoleContext} {
				for _, ents := range []bool{true, false} {
					var p [nRoles]float64
					p[slices.Index(tracker.Roles, tracker.RoleReferral)] = 0.25
					got, want := sents[i], sents[i]
					got.role, want.role = role, role
					if !ents {
						got.wordEnts = nil
					}
					locatesElsewhere(&got, &p)
					locatesElsewhereBefore(&want, &p)
					if got.role != want.role || got.conf != want.conf || got.located != want.located {
						t.Fatalf("%q as %s (entries %v): %s, want %s", got.text, role, ents, got.role, want.role)
					}
					n++
					if got.located {
						located++
					}
				}
			}
		}
	}
	if n < 10000 || located < 20 {
		t.Errorf("%d sentences, %d located", n, located)
	}
}

// locatesElsewhereBefore is locatesElsewhere before it read the entries
// (with the relative clause of the subject and "geeft ... weer" of
// session 16).
func locatesElsewhereBefore(st *sentence, p *[nRoles]float64) {
	if st.role != tracker.RoleReply && st.role != tracker.RoleContext || st.rule != "" && st.rule != KindContext ||
		hasKind(st, KindReply) || givesFigure(st) || strings.HasSuffix(strings.TrimSpace(st.text), "?") {
		return
	}
	place, locate, reads, member, purpose, that := false, false, false, false, false, false
	prev := ""
	for i, w := range st.words {
		v := st.fold[w.start:w.end]
		switch {
		case v == "zoals":
			return
		case v == "dat":
			that = that || i > 0 && !afterComma(st.fold, w.start) && !opensSubject(st, i)
			if that {
				member = false
			}
		case v == "om":
			purpose = true
		case locateWords[v]:
			locate = locate || i+1 == len(st.words) || st.fold[st.words[i+1].start:st.words[i+1].end] != "plaats"
		case readWords[v]:
			locate = locate || prev == "te" && !purpose
			reads = true
		case (v == "staat" || v == "staan") && i+1 < len(st.words):
			next := st.fold[st.words[i+1].start:st.words[i+1].end]
			locate = locate || next == "in" || next == "op"
		case v == "u" || v == "lid" || v == "vraagsteller":
			member = true
		case isPlace(v):
			place = true
		}
		prev = v
	}
	locate = locate || reads && member
	if place && !locate && givesBack(st) {
		locate, that = true, false
	}
	if that && !member {
		return
	}
	if !place && reWebsite.maybe(st.fold) && reWebsite.re.MatchString(st.fold) {
		place = true
	}
	if !place || !locate {
		return
	}
	r := slices.Index(tracker.Roles, tracker.RoleReferral)
	st.role, st.conf, st.located = tracker.RoleReferral, p[r], true
}
