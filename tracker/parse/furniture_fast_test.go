package parse

import "testing"

// TestIsFurnitureAsRegexp holds isFurniture to tkFurnitureRE on the lines
// of the fixtures and documents and on each kind of furniture, whole and
// cut short.
func TestIsFurnitureAsRegexp(t *testing.T) {
	in := fastInputs(t)
	for _, s := range []string{"Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 3", "Aanhangsel Handelingen II 2024/25, nr. 594 x",
		"ah-tk-20242025-594", "ISSN 0921 - 7398’s-Gravenhage", "h tk 20232024 387", "---", "-----", "***", "___", "--", "**", "__",
		"- item", "-- x", "---x", "*-*", "-*-", "_ _ _", "* * *", "----- ", "-", "*", "_"} {
		for k := 0; k <= len(s); k++ {
			in = append(in, s[:k])
		}
	}
	for _, s := range in {
		if got, want := isFurniture(s), tkFurnitureRE.MatchString(s); got != want {
			t.Errorf("isFurniture(%q) = %v, tkFurnitureRE %v", s, got, want)
		}
	}
}
