package rules

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/pqtrack/pqtrack/tracker"
)

// Kind is what a rule's match signals about the sentence it is in.
type Kind string

const (
	// KindDeferral: the sentence points elsewhere instead of answering.
	KindDeferral Kind = "deferral"
	// KindReference: the sentence points elsewhere while it may still say
	// something itself ("Zoals aangegeven in het antwoord op vraag 2, ...").
	KindReference Kind = "reference"
	// KindPending: the information does not exist yet, comes later, or is
	// being examined.
	KindPending Kind = "pending"
	// KindDeclined: refuses, or cannot answer for a reason other than time.
	KindDeclined Kind = "declined"
	// KindUnknown: the information is not at hand ("is niet bekend"). The
	// answer is declined, unless it also says the information is being
	// gathered or will follow: then the gap is temporary, and pending.
	KindUnknown Kind = "unknown"
	// KindPromise: words that commit to deliver; with a future date in the
	// same sentence they make a Promise.
	KindPromise Kind = "promise"
	// KindFuture: future tense, expectation, intention or plan; with a date
	// named to the day, or with a KindDeliverable, it makes a Promise.
	KindFuture Kind = "future"
	// KindPast: past or perfect tense; its dates are history unless the
	// sentence also looks ahead.
	KindPast Kind = "past"
	// KindContext: words that make a date describe a situation ("loopt tot
	// eind 2023"), not promise anything.
	KindContext Kind = "context"
	// KindWithdrawn: words that say a promise will not be kept; no date in
	// their clause is promised.
	KindWithdrawn Kind = "withdrawn"
	// KindDeliverable: a thing that can be delivered, published, discussed
	// or decided ("het advies", "de beantwoording", "publicatie"); with a
	// word of KindFuture and a future date it makes a Promise.
	KindDeliverable Kind = "deliverable"
	// KindEffect: words that make the dates of their clause the moment
	// something takes effect or is reached ("treedt in werking", "met
	// ingang van", a target, a trend), not a delivery.
	KindEffect Kind = "effect"
	// KindReply: a direct reply ("Ja.", "Nee, ...").
	KindReply Kind = "reply"
)

var kinds = []Kind{KindDeferral, KindReference, KindPending, KindDeclined, KindUnknown, KindPromise, KindFuture, KindPast, KindContext, KindWithdrawn, KindReply, KindDeliverable, KindEffect}

// Rule is one signal: what to look for, and examples that prove it.
type Rule struct {
	ID          string   `yaml:"id"`
	Kind        Kind     `yaml:"kind"`
	Description string   `yaml:"description"`
	Phrases     []string `yaml:"phrases"`
	Patterns    []string `yaml:"patterns"` // Go regexps on folded text, for what phrases cannot say
	Examples    Examples `yaml:"examples"`

	ms []matcher
}

// Examples are sentences a rule must and must not match; a test checks them.
type Examples struct {
	Match   []string `yaml:"match"`
	NoMatch []string `yaml:"nomatch"`
}

// file is the shape of a rule file.
type file struct {
	// Replace drops the default rules instead of extending them.
	Replace bool `yaml:"replace"`
	// Disable lists ids of rules to switch off.
	Disable []string    `yaml:"disable"`
	Rules   []yaml.Node `yaml:"rules"`
}

// Set is a compiled rule set.
type Set struct {
	Rules []*Rule

	once sync.Once // builds scan from Rules on first use
	scan *scanner

	model *Model // reads sentence roles; nil: the embedded one
}

//go:embed default.yaml
var defaultFile []byte

// DefaultFile returns the embedded default rule file.
func DefaultFile() []byte { return bytes.Clone(defaultFile) }

// Default returns the embedded default rule set.
func Default() (*Set, error) {
	s, err := parseFile("default.yaml", defaultFile, nil)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Load returns the default rules changed by a user rule file: its rules are
// added (a rule with the id of a default rule replaces it), rules named in
// its "disable" list are dropped, and with "replace: true" the defaults are
// not used at all.
func Load(name string, data []byte) (*Set, error) {
	base, err := Default()
	if err != nil {
		return nil, err
	}
	return parseFile(name, data, base)
}

func parseFile(name string, data []byte, base *Set) (*Set, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("rules %s: %w: %v", name, tracker.ErrInvalid, err)
	}
	s := &Set{}
	if base != nil && !f.Replace {
		s.Rules = append(s.Rules, base.Rules...)
	}
	disabled := map[string]bool{}
	for _, id := range f.Disable {
		disabled[id] = true
	}
	seen := map[string]bool{}
	for i := range f.Rules {
		node := &f.Rules[i]
		r := new(Rule)
		if err := decodeStrict(node, r); err != nil {
			return nil, fmt.Errorf("rules %s: line %d: rule %s: %w: %v", name, node.Line, ruleName(node, i), tracker.ErrInvalid, err)
		}
		if err := r.compile(); err != nil {
			return nil, fmt.Errorf("rules %s: line %d: rule %s: %w: %v", name, node.Line, ruleName(node, i), tracker.ErrInvalid, err)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("rules %s: line %d: rule %q: %w: duplicate id", name, node.Line, r.ID, tracker.ErrInvalid)
		}
		seen[r.ID] = true
		replaced := false
		for j, old := range s.Rules {
			if old.ID == r.ID {
				s.Rules[j], replaced = r, true
			}
		}
		if !replaced {
			s.Rules = append(s.Rules, r)
		}
	}
	known := map[string]bool{}
	for _, r := range s.Rules {
		known[r.ID] = true
	}
	kept := s.Rules[:0:0]
	for _, r := range s.Rules {
		if !disabled[r.ID] {
			kept = append(kept, r)
		}
	}
	for id := range disabled {
		if !known[id] {
			return nil, fmt.Errorf("rules %s: disable: %w: no rule %q", name, tracker.ErrInvalid, id)
		}
	}
	s.Rules = kept
	return s, nil
}

// decodeStrict decodes a node refusing unknown keys; yaml.v3 checks keys
// only when decoding from a Decoder, so the node goes through one again.
func decodeStrict(n *yaml.Node, v any) error {
	b, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	err = dec.Decode(v)
	var te *yaml.TypeError
	if errors.As(err, &te) {
		// Report lines of the file, not of the re-encoded node.
		var msgs []string
		for _, m := range te.Errors {
			var line int
			var rest string
			if _, e := fmt.Sscanf(m, "line %d:", &line); e == nil {
				rest = m[strings.Index(m, ":")+1:]
				m = fmt.Sprintf("line %d:%s", line+n.Line-1, rest)
			}
			msgs = append(msgs, m)
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return err
}

// ruleName names a rule node in errors: its id when it has one.
func ruleName(n *yaml.Node, i int) string {
	for k := 0; k+1 < len(n.Content); k += 2 {
		if n.Content[k].Value == "id" {
			return fmt.Sprintf("%q", n.Content[k+1].Value)
		}
	}
	return fmt.Sprintf("#%d (no id)", i+1)
}

func (r *Rule) compile() error {
	if r.ID == "" {
		return fmt.Errorf("missing id")
	}
	ok := false
	for _, k := range kinds {
		ok = ok || r.Kind == k
	}
	if !ok {
		return fmt.Errorf("unknown kind %q", r.Kind)
	}
	if len(r.Phrases)+len(r.Patterns) == 0 {
		return fmt.Errorf("no phrases or patterns")
	}
	for _, p := range r.Phrases {
		m, err := compilePhrase(p)
		if err != nil {
			return err
		}
		r.ms = append(r.ms, m)
	}
	for _, p := range r.Patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return fmt.Errorf("pattern %q: %v", p, err)
		}
		if re.NumSubexp() == 0 {
			re = regexp.MustCompile(`(` + p + `)`)
		}
		first := firstLiterals(p)
		r.ms = append(r.ms, matcher{re: re, need: needed(p), prefix: prefixes(p), first: first, at: lazyTryAt(re.String(), first)})
	}
	return nil
}

// match returns the spans (in f.s) where the rule matches.
func (r *Rule) match(f folded) [][2]int {
	var out [][2]int
	var ws []word
	for i := range r.ms {
		mt := &r.ms[i]
		if mt.toks != nil {
			if ws == nil {
				ws = words(f.s, nil)
			}
			out = mt.find(f.s, ws, out)
			continue
		}
		out = mt.findRegexp(f.s, out)
	}
	return out
}

// findRegexp appends the spans of the regexp's first group in s.
func (m *matcher) findRegexp(s string, out [][2]int) [][2]int {
	if !m.possible(s) {
		return out
	}
	return m.runRegexp(s, out)
}

// tryAt is m's regexp tried anchored, or nil.
func (m *matcher) tryAt() *tryAt {
	if m.at == nil {
		return nil
	}
	return m.at()
}

// runRegexp is findRegexp once the text is known to hold what the regexp
// needs.
func (m *matcher) runRegexp(s string, out [][2]int) [][2]int {
	if at := m.tryAt(); at != nil {
		for from := 0; ; {
			g := at.submatchIndexFrom(s, from)
			if g == nil {
				return out
			}
			if g[2] >= 0 && g[3] > g[2] {
				out = append(out, [2]int{g[2], g[3]})
			}
			from = g[1]
		}
	}
	from := 0
	if m.first != nil {
		i, ok := window(s, m.first)
		if !ok {
			return out
		}
		from = i
	}
	for _, g := range m.re.FindAllStringSubmatchIndex(s[from:], -1) {
		if g[2] >= 0 && g[3] > g[2] {
			out = append(out, [2]int{g[2] + from, g[3] + from})
		}
	}
	return out
}

// Matches reports whether the rule matches somewhere in text.
func (r *Rule) Matches(text string) bool { return len(r.match(fold(text))) > 0 }
