package rules

import (
	"fmt"
	"os"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// go test ./rules -run TestZZDebug -v with ZZQ and ZZA set.
func TestZZDebug(t *testing.T) {
	q, ans := os.Getenv("ZZQ"), os.Getenv("ZZA")
	if q == "" {
		t.Skip()
	}
	set, _ := Default()
	ref := tracker.Day(2026, 10, 1)
	it := tracker.Item{Number: 1, Question: q, Answer: ans, SubQuestions: splitQuestion(q)}
	sents := set.sentences(ans, ref)
	m := set.roleModel()
	a := read(m, &it, sents, ref, new(itemScratch))
	for i := range sents {
		st := &sents[i]
		fmt.Printf("sub%d rule=%q class=%q role=%s conf=%.2f ptr=%v probs=%.2f\n   %s\n", st.sub, st.rule, st.class, st.role, st.conf, st.pointer, st.probs, st.text)
	}
	fmt.Println("rules:", a.rules, "roles:", a.roles, "asks:", a.asks)
	it2 := tracker.Item{Number: 1, Question: q, Answer: ans}
	set.AnalyzeItem(&it2, ref)
	fmt.Println("final:", it2.Status)
	for _, s := range it2.SubQuestions {
		fmt.Println("  ", s.Status, s.Text)
	}
}
