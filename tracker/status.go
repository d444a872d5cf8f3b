package tracker

// Status says what an answer, or one sub-question's share of it, delivers.
// The meanings are those of the labelling rubric (docs/label-rubric.md).
type Status string

const (
	// Answered: every sub-question gets a substantive reply now.
	Answered Status = "answered"
	// Partial: some sub-questions are answered, at least one is not.
	Partial Status = "partial"
	// Deferred: the answer gives (almost) nothing and points elsewhere.
	Deferred Status = "deferred"
	// Pending: the information does not exist yet or comes later.
	Pending Status = "pending"
	// Declined: refused or impossible for a reason other than time.
	Declined Status = "declined"
	// Unanswered: the document holds no answer text for the question, or
	// (for a sub-question) the answer does not touch it.
	Unanswered Status = "unanswered"
)

// Statuses lists every status in the order reports show them.
var Statuses = []Status{Answered, Partial, Deferred, Pending, Declined, Unanswered}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Owed reports whether an answer with this status leaves something owed to
// the member, so that it needs a follow-up.
func (s Status) Owed() bool { return s != Answered }
