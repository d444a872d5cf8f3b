package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Every rule proves itself on its own examples.
func TestRuleExamples(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) < 10 {
		t.Fatalf("default set has %d rules", len(set.Rules))
	}
	for _, r := range set.Rules {
		if len(r.Examples.Match) == 0 {
			t.Errorf("rule %s: no examples that must match", r.ID)
		}
		for _, ex := range r.Examples.Match {
			if !r.Matches(ex) {
				t.Errorf("rule %s: does not match %q", r.ID, ex)
			}
		}
		for _, ex := range r.Examples.NoMatch {
			if r.Matches(ex) {
				t.Errorf("rule %s: matches %q", r.ID, ex)
			}
		}
	}
}

func TestPhrase(t *testing.T) {
	tests := []struct {
		phrase, text string
		want         string // matched original text, "" for no match
	}{
		{"verwij* ... naar", "Hiervoor verwijs ik naar de bespreking", "verwijs ik naar"},
		{"verwij* ... naar", "Ik verwijs", ""},
		{"mei", "Meindert kwam", ""},
		{"mei", "eind mei komt het", "mei"},
		{"geevalueerd", "werden die nog niet geëvalueerd.", "geëvalueerd"},
		{"nog niet geëvalueerd", "nog niet\ngeëvalueerd", "nog niet\ngeëvalueerd"},
		{"zie ook? antwoord", "Zie ook antwoord 3", "Zie ook antwoord"},
		{"zie ook? antwoord", "Zie antwoord 3", "Zie antwoord"},
		{"vraag #", "antwoord op vraag 12.", "vraag 12"},
		{"*onderzoek", "het vooronderzoek loopt", "vooronderzoek"},
		{"te vroeg", "Het is te vroeg.", "te vroeg"},
		{"te vroeg", "Het is niet te vroegtijdig.", ""},
		{"finan*", "de ﬁnanciële gevolgen", "ﬁnanciële"},
		{"a|b? c", "x c y", "c"},
	}
	for _, tt := range tests {
		m, err := compilePhrase(tt.phrase)
		if err != nil {
			t.Fatalf("%q: %v", tt.phrase, err)
		}
		r := &Rule{ID: "t", ms: []matcher{m}}
		f := fold(tt.text)
		ms := r.match(f)
		got := ""
		if len(ms) > 0 {
			a, b := f.span(ms[0][0], ms[0][1])
			got = tt.text[a:b]
		}
		if got != tt.want {
			t.Errorf("phrase %q on %q: got %q, want %q", tt.phrase, tt.text, got, tt.want)
		}
	}
}

func TestPhraseErrors(t *testing.T) {
	for _, p := range []string{"", "... naar", "verwijs ...", "a||b", "**"} {
		if _, err := compilePhrase(p); err == nil {
			t.Errorf("phrase %q: no error", p)
		}
	}
}

func TestLoad(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		file    string
		wantErr string // substring; "" for success
		check   func(*testing.T, *Set)
	}{
		{
			name: "extend",
			file: "rules:\n  - id: my-rule\n    kind: pending\n    phrases: [\"nog in beraad\"]\n    examples:\n      match: [\"Het kabinet is nog in beraad.\"]\n",
			check: func(t *testing.T, s *Set) {
				if len(s.Rules) != len(def.Rules)+1 {
					t.Errorf("got %d rules, want %d", len(s.Rules), len(def.Rules)+1)
				}
			},
		},
		{
			name: "disable",
			file: "disable: [pending-too-early]\n",
			check: func(t *testing.T, s *Set) {
				for _, r := range s.Rules {
					if r.ID == "pending-too-early" {
						t.Error("disabled rule still there")
					}
				}
			},
		},
		{
			name: "replace",
			file: "replace: true\nrules:\n  - id: only\n    kind: declined\n    phrases: [\"nee\"]\n",
			check: func(t *testing.T, s *Set) {
				if len(s.Rules) != 1 || s.Rules[0].ID != "only" {
					t.Errorf("got %d rules", len(s.Rules))
				}
			},
		},
		{
			name: "override by id",
			file: "rules:\n  - id: pending-too-early\n    kind: pending\n    phrases: [\"veel te vroeg\"]\n",
			check: func(t *testing.T, s *Set) {
				if len(s.Rules) != len(def.Rules) {
					t.Errorf("got %d rules, want %d", len(s.Rules), len(def.Rules))
				}
			},
		},
		{name: "typo in key names the rule", file: "rules:\n  - id: my-rule\n    kind: pending\n    phrasez: [\"x\"]\n", wantErr: `rule "my-rule"`},
		{name: "typo at top", file: "rule:\n  - id: x\n", wantErr: "field rule not found"},
		{name: "unknown kind", file: "rules:\n  - id: k\n    kind: maybe\n    phrases: [x]\n", wantErr: `rule "k"`},
		{name: "bad pattern", file: "rules:\n  - id: p\n    kind: pending\n    patterns: [\"(\"]\n", wantErr: `rule "p"`},
		{name: "no id", file: "rules:\n  - kind: pending\n    phrases: [x]\n", wantErr: "no id"},
		{name: "disable unknown", file: "disable: [nope]\n", wantErr: `no rule "nope"`},
		{name: "duplicate", file: "rules:\n  - {id: d, kind: pending, phrases: [x]}\n  - {id: d, kind: pending, phrases: [y]}\n", wantErr: "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load("my.yaml", []byte(tt.file))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one with %q", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), "my.yaml") || !errors.Is(err, tracker.ErrInvalid) {
					t.Errorf("error %q does not name the file or is not ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, s)
		})
	}
}

func TestFoldSpan(t *testing.T) {
	text := "Geëvalueerd  ﬁnanciële\u00adcijfers"
	f := fold(text)
	if f.s != "geevalueerd financielecijfers" {
		t.Fatalf("fold = %q", f.s)
	}
	i := strings.Index(f.s, "financiele")
	a, b := f.span(i, i+len("financiele"))
	if got := text[a:b]; got != "ﬁnanciële" {
		t.Errorf("span maps back to %q", got)
	}
}

func TestTerms(t *testing.T) {
	got := Terms("Hoe functioneert de expertendatabank en hoe wordt die gepromoot? VMRI 2023")
	want := map[string]bool{"expertendatabank": true, "vmri": true, "2023": true}
	for w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("Terms lacks %q: %v", w, got)
		}
	}
	for _, g := range got {
		if g == "hoe" || g == "de" || g == "wordt" {
			t.Errorf("Terms keeps function word %q", g)
		}
	}
}
