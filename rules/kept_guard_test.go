package rules

import (
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestKeptOnlineOnlyWithKeepWord holds locatesElsewhere's test before
// keptOnline: keptOnline equals the function as it was, which searched the
// folded sentence for "houd" and "hield" first, and is never true for a
// sentence none of whose words' entries is locKeeps, on every sentence of
// the guard documents' questions and answers and sentences made to pass.
func TestKeptOnlineOnlyWithKeepWord(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := tracker.Day(2024, 11, 20)
	texts := []string{
		"Infrabel houdt op zijn website een overzicht bij van alle lopende dossiers.",
		"De VRT hield op haar webpagina de cijfers bij.",
		"Wij houden de databank bij en hielden het dashboard bij.",
		"Ik houd op het portaal een lijst bij.",
		"Het agentschap behoudt op zijn website het overzicht bij.",
		"Zij HOUDEN het DASHBOARD bij.",
	}
	texts = append(texts, guardTexts()...)
	n, kept := 0, 0
	for _, text := range texts {
		for _, st := range set.sentences(text, ref) {
			// What locatesElsewhere reads: the entries' loc.
			has := false
			for i, w := range st.words {
				v := st.fold[w.start:w.end]
				k := locWordOf(v)
				if e := st.wordEnts[i]; e != nil {
					k = e.loc
				}
				has = has || k == locKeeps
			}
			old := keptOnlineBefore(&st)
			if old != keptOnline(&st) {
				t.Errorf("%q: keptOnline %v, before %v", st.text, keptOnline(&st), old)
			}
			if old {
				kept++
				if !has {
					t.Errorf("%q: kept online, but no word is locKeeps", st.text)
				}
			}
			n++
		}
	}
	if n < 1000 || kept < 4 {
		t.Errorf("%d sentences, %d kept online", n, kept)
	}
}

// keptOnlineBefore is keptOnline as it was, with its search first.
func keptOnlineBefore(st *sentence) bool {
	if !strings.Contains(st.fold, "houd") && !strings.Contains(st.fold, "hield") {
		return false
	}
	keeps, bij, online := false, false, false
	for _, w := range st.words {
		switch v := st.fold[w.start:w.end]; {
		case v == "houdt" || v == "houden" || v == "hield" || v == "hielden":
			keeps = true
		case v == "bij":
			bij = bij || keeps
		case strings.HasSuffix(v, "website") || strings.HasSuffix(v, "webpagina") || strings.HasSuffix(v, "dashboard") ||
			strings.HasSuffix(v, "portaal") || strings.HasSuffix(v, "databank"):
			online = true
		}
	}
	return keeps && bij && online
}
