package rules

import (
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// TestYesNoVerbAsToLower: yesNoVerb, which lowers the word on the stack,
// equals the function as it was with strings.ToLower, on every sentence
// of the guard documents' questions and answers and on each verb in every
// case, after white space and "en", glued to more letters and alone.
func TestYesNoVerbAsToLower(t *testing.T) {
	was := func(q string) string {
		i := 0
		for i < len(q) && isReSpace(q[i]) {
			i++
		}
		w := reWordAt(q, i)
		if strings.EqualFold(w, "en") && i+2 < len(q) && isReSpace(q[i+2]) {
			i += 2
			for i < len(q) && isReSpace(q[i]) {
				i++
			}
			w = reWordAt(q, i)
		}
		if w = strings.ToLower(w); yesNoVerbs[w] {
			return w
		}
		return ""
	}
	in := []string{"", " ", "en", "En ", "en\tBent u", "Onderschrijftonderschrijft u", "İs het", "Is_het"}
	for v := range yesNoVerbs {
		for _, c := range []string{v, strings.ToUpper(v), strings.Title(v), v + "x", v + "_", v + "1"} {
			in = append(in, c, c+" u", "  "+c+"?", "En "+c+" u", "en  "+c, "\n"+c)
		}
	}
	for name, b := range guardDocs() {
		doc, _ := parse.Read(name, b)
		if doc == nil {
			continue
		}
		for _, it := range doc.Items {
			for _, s := range []string{it.Question, it.Answer} {
				for _, sp := range text.Sentences(s) {
					in = append(in, s[sp[0]:sp[1]])
				}
			}
		}
	}
	verbs := 0
	for _, s := range in {
		got, want := yesNoVerb(s), was(s)
		if got != want {
			t.Errorf("yesNoVerb(%q) = %q, with ToLower %q", s, got, want)
		}
		if want != "" {
			verbs++
		}
	}
	if verbs < 300 {
		t.Errorf("only %d sentences open with a verb", verbs)
	}
}
