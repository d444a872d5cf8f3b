package rules

import "testing"

// TestAskPrefixes holds askPrefixes to the keys features made before it:
// "qr:"+ask+"_"+rule and "qn:"+ask+"_"+class, for every kind of question
// and one that is none.
func TestAskPrefixes(t *testing.T) {
	for _, ask := range []string{askOpen, askCount, askWhen, askWhy, askYesNo, "other", ""} {
		qr, qn := askPrefixes(ask)
		if got, want := qr+"deferral", "qr:"+ask+"_"+"deferral"; got != want {
			t.Errorf("askPrefixes(%q): qr key %q, want %q", ask, got, want)
		}
		if got, want := qn+"denial", "qn:"+ask+"_"+"denial"; got != want {
			t.Errorf("askPrefixes(%q): qn key %q, want %q", ask, got, want)
		}
	}
}
