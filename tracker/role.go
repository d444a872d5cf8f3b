package tracker

// Role is what one sentence of an answer does for the question it stands
// under. The roles are defined with examples in rules/testdata/roles/README.md;
// an answer's status follows from the roles of its sentences and from which
// sub-questions get a reply.
type Role string

const (
	// RoleReply gives substance that answers (part of) what was asked, now.
	RoleReply Role = "reply"
	// RoleContext frames or restates without replying.
	RoleContext Role = "context"
	// RoleReferral points elsewhere for the answer.
	RoleReferral Role = "referral"
	// RoleNotYet says the information does not exist yet or is not decided.
	RoleNotYet Role = "not-yet"
	// RoleCommitment promises to deliver, send, publish or discuss later.
	RoleCommitment Role = "commitment"
	// RoleRefusal will not or cannot answer for another reason than time.
	RoleRefusal Role = "refusal"
	// RoleUnknown says the information is not known or not kept.
	RoleUnknown Role = "unknown"
)

// Roles lists every role in a fixed order (the order of weight files).
var Roles = []Role{RoleReply, RoleContext, RoleReferral, RoleNotYet, RoleCommitment, RoleRefusal, RoleUnknown}

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// Evasive reports whether a sentence of this role holds back the answer.
func (r Role) Evasive() bool {
	return r != RoleReply && r != RoleContext
}

// Reading is one answer sentence with the role pqtrack read in it. Start and
// End are byte offsets in Item.Answer.
type Reading struct {
	Start, End  int
	Role        Role
	Confidence  float64 // the model's probability of Role, 0 to 1
	SubQuestion int     // index into Item.SubQuestions it replies to
	Decisive    bool    // one of the sentences the status rests on
}
