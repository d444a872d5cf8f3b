package rules

import "testing"

// TestHandMatchersAsRegexps holds the hand-written readers of judge.go and
// reply.go to the regexps they replace (whenRE, subLabelRE, leadReplyRE),
// on every sentence of the development texts and their variants, and on
// cases at the edges.
func TestHandMatchersAsRegexps(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(corpus(t, set),
		"", " ", "a", "a)", "a) ", "a)x", "(a) Ja", "((a) x", "(1. x", "12) x", "123) x", "1.\tx", "1.\nx", "1.\rx",
		"Ad c) x", "ad 3. x", "Ad  (b) x", "Ad\tb) x", "Adc) x", "ad) x", "Ad x", "Ad", "Ad ", " \t a) x", "\va) x",
		"A) x", "1)x", "9.", "99. ", "b.\fx", "z) x", "é) x",
		"Ja", "ja.", "JA,", "Nee", "neen", "Neen!", "nee_", "ja1", "jaa", "NEEN ", " \n ja", "\vja", "Jammer", "nee-", "néé",
		"janee", "ja é", "Neenee",
		"welke datum", "welKe datum", "wel\u212ae datum", "Welke \u212aey", "welke  datum", "welke\tdatum", "WELKE DATUM?",
		"hoe lang nog", "hoe lang nogal", "hoe lang noG", "xwanneer", "wanneer_", "_wanneer", "wanneer2", "éwanneer", "wanneeré",
		"Op welke termijn", "termijnen", "planning.", "TIMING", "tijdpad?", "tegen wanneer", "vanaf  wanneer", "\x00welke datum",
		"welke\x00datum", "hoe\x00lang nog",
		"welke datum", "Welke Datum", "welke\tdatum", "welke  datum", "welke_datum", "welke datums", "welke-datum", "hoe lang nog", "hoe lang  nog",
		"hoe\nlang nog", "Hoe Lang Nog?", "hoe lang", "lang nog", "welke", "datum", "xhoe lang nog", "hoe lang noga", "wanneerx", "(wanneer)",
		"Planning_", "termijn2", "het tijdpad.", "welk\u212ae datum", "w\u212a wanneer")
	for _, s := range texts {
		if got, want := asksAboutTime(s), whenRE.MatchString(s); got != want {
			t.Errorf("asksAboutTime(%q) = %v, whenRE %v", s, got, want)
		}
		if got, want := asksAboutTimeIn(s, reWords(s)), whenRE.MatchString(s); got != want {
			t.Errorf("asksAboutTimeIn(%q) = %v, whenRE %v", s, got, want)
		}
		want := ""
		if m := subLabelRE.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := subLabel(s); got != want {
			t.Errorf("subLabel(%q) = %q, subLabelRE %q", s, got, want)
		}
		want = ""
		if m := leadReplyRE.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := leadYesNo(s); got != want {
			t.Errorf("leadYesNo(%q) = %q, leadReplyRE %q", s, got, want)
		}
	}
}
