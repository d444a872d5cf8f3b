package rules

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// corpus returns sentences of the sample documents, the evaluation records
// and the rule examples, and variants of them with punctuation, spacing and
// words changed, to compare the word matcher with the phrase regexps.
func corpus(t *testing.T, set *Set) []string {
	var texts []string
	files, _ := filepath.Glob("testdata/eval/*/docs/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, string(seeds.Default))
	for _, f := range []string{"testdata/eval/tune/records.jsonl", "testdata/eval/promise-sentences.jsonl"} {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r struct{ Answer, Question, Sentence string }
			if json.Unmarshal(sc.Bytes(), &r) == nil {
				texts = append(texts, r.Answer, r.Question, r.Sentence)
			}
		}
		fh.Close()
	}
	var out []string
	for _, tx := range texts {
		for _, sp := range text.Sentences(tx) {
			out = append(out, tx[sp[0]:sp[1]])
		}
	}
	for _, r := range set.Rules {
		out = append(out, r.Examples.Match...)
		out = append(out, r.Examples.NoMatch...)
	}
	rnd := rand.New(rand.NewSource(1))
	marks := []string{".", "?", "!", ",", " ", "  ", "-", "…", "(", ")", " . ", "1", "é", ", ", " en ", "'"}
	n := len(out)
	for i := 0; i < n; i++ {
		for k := 0; k < 2; k++ {
			s := out[i]
			if s == "" {
				continue
			}
			b := []byte(s)
			for e := 0; e < 1+rnd.Intn(3); e++ {
				p := rnd.Intn(len(b) + 1)
				switch rnd.Intn(3) {
				case 0: // insert a mark
					b = slices.Insert(b, p, []byte(marks[rnd.Intn(len(marks))])...)
				case 1: // delete a few bytes
					q := min(len(b), p+1+rnd.Intn(4))
					b = slices.Delete(b, p, q)
				case 2: // drop a word
					ws := strings.Fields(string(b))
					if len(ws) > 1 {
						j := rnd.Intn(len(ws))
						b = []byte(strings.Join(slices.Delete(ws, j, j+1), " "))
					}
				}
			}
			out = append(out, string(b))
		}
	}
	return out
}

// The word matcher must find exactly the spans the phrase regexps find
// with FindAll, for every phrase of the default rules and a few more.
func TestWordMatcherAgreesWithRegexp(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	phrases := []string{
		"a|b? c", "zie ook? antwoord*", "nog? niet ... bekend?", "# en #", "*onderzoek*",
		"de|het ... *ing|*ingen? #?", "over|van? de ... #", "verwij* ... naar ... de", "is", "ik|wij? zal|zullen ... #",
		"niet ... niet ... niet",
	}
	for _, r := range set.Rules {
		phrases = append(phrases, r.Phrases...)
	}
	texts := corpus(t, set)
	if len(texts) < 3000 {
		t.Fatalf("only %d texts", len(texts))
	}
	checked := 0
	for _, p := range phrases {
		m, err := compilePhrase(p)
		if err != nil {
			t.Fatal(err)
		}
		if m.toks == nil {
			continue // runs as its regexp anyway
		}
		re, err := phraseRegexp(p)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		var ws []word
		bad := 0
		for _, tx := range texts {
			s := foldString(tx)
			ws = words(s, ws)
			got := m.find(s, ws, nil)
			var want [][2]int
			for _, g := range re.FindAllStringSubmatchIndex(s, -1) {
				if g[2] >= 0 && g[3] > g[2] {
					want = append(want, [2]int{g[2], g[3]})
				}
			}
			if !slices.Equal(got, want) {
				if bad++; bad <= 3 {
					t.Errorf("phrase %q on %q: words %v, regexp %v", p, s, got, want)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d phrases on the word matcher", checked)
	}
	t.Logf("%d phrases on %d texts", checked, len(texts))
}

func TestLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    [][]string
	}{
		{`(?:^|[^\pL])(vond|vonden|liep|kwam)(?:[^\pL]|$)`, [][]string{{"vond", "vonden", "liep", "kwam"}}},
		{`(?i)informeren`, nil},
		{`ab?`, nil},
		{`(?:^|x)(?:ga|gaat) [^.]{0,6}(sturen|melden)`, [][]string{{"sturen", "melden"}, {"ga ", "gaat ", "xga ", "xgaat "}}},
		// Neighbouring exact parts join: a dot alone says nothing.
		{`[a-z]+\.(?:nl|be)\b`, [][]string{{".nl", ".be"}}},
	}
	for _, tt := range tests {
		got := literals(tt.pattern)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %q, want %q", tt.pattern, got, tt.want)
			continue
		}
		for i := range got {
			a, b := slices.Clone(got[i]), slices.Clone(tt.want[i])
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s: %q, want %q", tt.pattern, got, tt.want)
			}
		}
	}
	// A pattern never misses a text because of its literals.
	set, _ := Default()
	for _, r := range set.Rules {
		for _, p := range r.Patterns {
			re := regexpMust(p)
			m := matcher{need: needed(p)}
			for _, ex := range r.Examples.Match {
				s := foldString(ex)
				if re.MatchString(s) && !m.possible(s) {
					t.Errorf("pattern %s: literals %q reject %q", p, m.need, s)
				}
			}
		}
	}
}

func TestPrefixes(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`^(ja|nee)(?:[.,]| dat)`, []string{"ja.", "ja,", "ja dat", "nee.", "nee,", "nee dat"}},
		// "nee" covers "neen"; with $ the bare words cover the rest.
		{`^(ja|nee|neen)(?:[.,]| dat|$)`, []string{"ja", "nee"}},
		{`^(dat klopt|klopt)(?:[.!]|$)`, []string{"dat klopt", "klopt"}},
		{`^\s*(ja|nee)`, nil},
		{`(ja|nee)`, nil},
		{`^(?:ja)?\d`, nil},
	}
	for _, tt := range tests {
		got := prefixes(tt.pattern)
		a, b := slices.Clone(got), slices.Clone(tt.want)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: %q, want %q", tt.pattern, got, tt.want)
		}
	}
	// A pattern never misses a text because of its prefixes.
	set, _ := Default()
	for _, r := range set.Rules {
		for _, p := range r.Patterns {
			re := regexpMust(p)
			m := matcher{prefix: prefixes(p)}
			for _, ex := range append(r.Examples.Match, r.Examples.NoMatch...) {
				s := foldString(ex)
				if re.MatchString(s) && !m.possible(s) {
					t.Errorf("pattern %s: prefixes %q reject %q", p, m.prefix, s)
				}
			}
		}
	}
}

func regexpMust(p string) *regexp.Regexp { return regexp.MustCompile(p) }

func TestFirstLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`(?:^|[^\pL])(vond|liep)(?:[^\pL]|$)`, []string{"vond", "liep"}},
		{`(?:^|[^\pL\pN])(?:nota|rapport\pL*) (\d+)`, []string{"nota", "rapport"}},
		{`(?:^|[^\pL])(\pL*brief|brieven)`, nil}, // may begin with any letter
		{`(?:^|[^a-z])(nota)`, []string{"nota"}},
		{`(?:^|x)(nota)`, []string{"nota"}},
		{`(?:^|xy)(nota)`, nil}, // two runes before
		{`(vond|liep)`, nil},    // no boundary
		{`(?:^|[^\pL])(?:zo (?:ja|nee)?)`, []string{"zo "}},
	}
	for _, tt := range tests {
		got := firstLiterals(tt.pattern)
		a, b := slices.Clone(got), slices.Clone(tt.want)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// TestWindowAgrees runs every regexp that has first literals, on the texts
// of the tests, from its window and on the whole text.
func TestWindowAgrees(t *testing.T) {
	var res []*regexp.Regexp
	var firsts [][]string
	for _, f := range []filtered{reQuestionRef, reOtherAnswers, reAnswerNum, reMeeting, reLetter, reWritten, reDocument, reWebsite, reDocNumber, reBody} {
		if f.first != nil {
			res, firsts = append(res, f.re), append(firsts, f.first)
		}
	}
	set, _ := Default()
	for _, r := range set.Rules {
		for _, m := range r.ms {
			if m.first != nil {
				res, firsts = append(res, m.re), append(firsts, m.first)
			}
		}
	}
	if len(res) < 5 {
		t.Fatalf("only %d regexps with first literals", len(res))
	}
	texts := append(foldTexts(t), corpus(t, set)...)
	for _, s := range slices.Clone(texts) {
		texts = append(texts, foldString(s))
	}
	texts = append(texts, "zie antwoord 3", "antwoord 3", "xantwoord 3 en antwoord 4", "é\xffantwoord 5", "\xe2antwoord 5")
	hits := 0
	for i, re := range res {
		for _, s := range texts {
			want := re.FindAllStringSubmatchIndex(s, -1)
			from, ok := window(s, firsts[i])
			var got [][]int
			if ok {
				got = re.FindAllStringSubmatchIndex(s[from:], -1)
				for _, g := range got {
					for k := range g {
						if g[k] >= 0 {
							g[k] += from
						}
					}
				}
			}
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Fatalf("%s on %q: from %d %v: %v, want %v", re, s, from, ok, got, want)
			}
			hits += len(want)
		}
	}
	if hits < 50 {
		t.Errorf("only %d matches", hits)
	}
}

// TestMinimal holds minimal to its promise: a text holds a member of the
// set exactly when it holds one of what minimal keeps.
func TestMinimal(t *testing.T) {
	tests := []struct{ set, want []string }{
		{[]string{"antwoorden op", "antwoorden", "antwoord op", "antwoord", "beantwoording", "vraag"}, []string{"antwoord", "vraag"}},
		{[]string{"debat", "plenaire vergadering", "debat", "plenaire"}, []string{"debat", "plenaire"}},
		{[]string{"ja!", "ja,", "ja", "nee", "neen"}, []string{"ja", "nee"}},
		{[]string{"brief", "brieven"}, []string{"brief", "brieven"}},
	}
	texts := []string{"", "de antwoorden op", "een beantwoording", "het debat", "plenaire", "ja, zeker", "neen", "brieven", "de brief", "vraag 3"}
	for _, tt := range tests {
		got := minimal(tt.set)
		if !slices.Equal(got, tt.want) {
			t.Errorf("minimal(%q) = %q, want %q", tt.set, got, tt.want)
		}
		for _, s := range texts {
			if holds(s, [][]string{tt.set}) != holds(s, [][]string{got}) {
				t.Errorf("minimal(%q): %q held otherwise", tt.set, s)
			}
		}
	}
}
