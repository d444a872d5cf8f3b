package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestSupported: partial needs a reply beside an evasion, or a part the
// coverage left open; a question of several parts, each replied to, is not
// partial whatever the table leans to.
func TestSupported(t *testing.T) {
	sub := func(st tracker.Status) tracker.SubQuestion { return tracker.SubQuestion{Status: st} }
	reply := sentence{role: tracker.RoleReply}
	notYet := sentence{role: tracker.RoleNotYet}
	tests := []struct {
		name    string
		a       answerFacts
		partial bool
	}{
		{"every part replied to", answerFacts{sents: []sentence{reply, reply}, subs: []tracker.SubQuestion{sub(tracker.Answered), sub(tracker.Answered), sub(tracker.Answered)}}, false},
		{"one part open", answerFacts{sents: []sentence{reply}, subs: []tracker.SubQuestion{sub(tracker.Answered), sub(tracker.Unanswered)}}, true},
		{"the open part is moot", answerFacts{sents: []sentence{reply}, subs: []tracker.SubQuestion{sub(tracker.Answered), sub(tracker.Unanswered)}, moot: []bool{false, true}}, false},
		{"a reply and a not-yet", answerFacts{sents: []sentence{reply, notYet}}, true},
		{"a not-yet alone", answerFacts{sents: []sentence{notYet}}, false},
	}
	for _, tt := range tests {
		has := supported(&tt.a)
		if has[1] != tt.partial {
			t.Errorf("%s: partial supported %v, want %v", tt.name, has[1], tt.partial)
		}
		if !has[0] {
			t.Errorf("%s: answered not supported", tt.name)
		}
	}
}
