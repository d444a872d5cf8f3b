package tracker

import "time"

// Evidence ties a judgement to the text that caused it: the rule that fired
// and the exact span of answer text (byte offsets in Item.Answer).
type Evidence struct {
	Rule  string `json:"rule"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// FindingKind is what a rule match signals.
type FindingKind string

const (
	FindDeferral FindingKind = "deferral" // points elsewhere for the answer
	FindPending  FindingKind = "pending"  // not known yet, being examined, later
	FindDeclined FindingKind = "declined" // refuses or cannot answer
	FindPromise  FindingKind = "promise"  // commits to deliver by a date
	FindAnswer   FindingKind = "answer"   // a direct reply ("Ja.", "Nee, ...")
	FindContext  FindingKind = "context"  // words that describe, not reply
)

// Finding is one rule match in an answer.
type Finding struct {
	Kind        FindingKind
	Evidence    Evidence
	SubQuestion int // index into Item.SubQuestions it was judged to reply to; -1 if none
}

// TargetKind is what a deferral points at.
type TargetKind string

const (
	TargetMeeting  TargetKind = "meeting"
	TargetAnswer   TargetKind = "answer"
	TargetLetter   TargetKind = "letter"
	TargetDocument TargetKind = "document"
	TargetWebsite  TargetKind = "website"
)

// Deferral is where an answer points for what it does not say itself.
type Deferral struct {
	Kind     TargetKind
	Date     time.Time // zero if the reference names no date
	Ref      string    // short words naming the target
	Body     string    // "commissie ...", "plenaire vergadering"
	Numbers  []int     // question numbers, for references to other answers
	Number   string    // document number: "schriftelijke vraag nr. 123", "36600, nr. 13"
	URL      string
	Evidence Evidence

	Resolution *Resolution // set once pqtrack followed the reference
}

// Verdict says whether a deferral's target answers the question.
type Verdict string

const (
	Addressed     Verdict = "addressed"
	Silent        Verdict = "silent"
	TargetMissing Verdict = "target-missing"
	Loop          Verdict = "loop"
)

// Resolution is what pqtrack found when it followed a deferral.
type Resolution struct {
	Verdict  Verdict
	Target   string    // what the target is, or what to fetch when missing
	TargetID int64     // stored document, when found
	Items    []int     // target items in the same document
	Status   Status    // effective status from the target, if known
	Passages []Passage // best passages, for addressed
}

// Passage is a piece of a target document that may answer a question.
type Passage struct {
	DocumentID int64
	Index      int // paragraph or speaker turn number
	Snippet    string
	Score      float64
	Terms      []string // terms shared with the question
}

// Promise is a commitment to deliver, discuss or decide something by a date.
type Promise struct {
	Date      time.Time
	Precision Precision
	What      string
	Evidence  Evidence
}
