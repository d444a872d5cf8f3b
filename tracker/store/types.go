package store

import (
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// What Ingest did with a document.
const (
	Created   = "created"   // a new document
	Unchanged = "unchanged" // the same text was stored before: nothing written
	Replaced  = "replaced"  // a corrected version of a stored document
)

// IngestResult says what Ingest did.
type IngestResult struct {
	DocumentID int64
	Action     string // Created, Unchanged or Replaced
	Items      int    // items stored (or already stored)
	FollowUps  int    // follow-ups the document has in the store afterwards
	New        int    // follow-ups created by this ingest
}

// Arrival is a queued "target arrived" notice: follow-up FollowUpID now
// resolves to document TargetID.
type Arrival struct {
	FollowUpID int64
	TargetID   int64
	Label      string // what the question is about ("VMRI")
	Resolution *tracker.Resolution
}

// Stats is the overview the web dashboard opens with: what the stored
// answers deliver, per status and per minister, and where the follow-ups
// stand.
type Stats struct {
	Documents int                   // answer documents
	Items     []tracker.StatusCount // items of answer documents, in tracker.Statuses order
	Open      int                   // follow-ups open (not snoozed)
	Snoozed   int
	Done      int
	Overdue   int             // not done, effective due before today
	Ministers []MinisterStats // by name; the unnamed minister last
}

// MinisterStats is one minister's share of Stats.
type MinisterStats struct {
	Minister  string // empty when the documents do not name one
	Documents int
	Items     []tracker.StatusCount
	Open      int // follow-ups not done (open or snoozed)
	Overdue   int
}

// DocumentSummary is a stored document as listings show it: without its
// text and items, with how many items have each status.
type DocumentSummary struct {
	tracker.Document
	Ingested time.Time
	Items    []tracker.StatusCount
	Owed     int // items whose status leaves something owed
}

// Page is one page of follow-ups in the queue's order, with whether rows
// come before and after it.
type Page struct {
	FollowUps  []tracker.FollowUp
	Prev, Next bool
}

// Hit is one question or answer that matches a search.
type Hit struct {
	DocumentID     int64
	Document       string // title or file
	QuestionNumber int
	Field          string  // "question" or "answer"
	Snippet        string  // matched terms between SnippetStart and SnippetEnd
	Score          float64 // higher is better; comparable within one search only
}

// Markers around matched terms in Hit.Snippet, and the ellipsis where a
// snippet cuts the text.
const (
	SnippetStart = "["
	SnippetEnd   = "]"
	Ellipsis     = "…"
)

// MaxQuery is the longest query Search takes, in characters. Every word
// is a lookup in two indexes; a page of text as a query would cost
// seconds.
const MaxQuery = 200

// FiledFilter selects filed questions. The zero value selects all.
type FiledFilter struct {
	Parliament string // VP or TK; "" for both
	Unanswered bool   // only those without an answer yet
}

// LateResult says what a lateness sweep (Lateness.SweepLate) changed.
type LateResult struct {
	Documents int // question documents created
	Created   int // late-answer follow-ups created
	Redated   int // open ones whose deadline moved (a postponement notice came)
	Closed    int // closed as delivered because the answer came in
}

// Changed reports whether the sweep wrote anything.
func (r LateResult) Changed() bool {
	return r.Documents+r.Created+r.Redated+r.Closed > 0
}
