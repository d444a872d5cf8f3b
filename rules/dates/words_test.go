package dates

import "testing"

func TestIsMonth(t *testing.T) {
	for w, want := range map[string]bool{"maart": true, "december": true, "mrt": false, "maand": false, "": false} {
		if got := IsMonth(w); got != want {
			t.Errorf("IsMonth(%q) = %v, want %v", w, got, want)
		}
	}
}
