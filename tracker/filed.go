package tracker

import (
	"fmt"
	"strings"
	"time"
)

// Parliament codes, as staff type them (--parliament vp|tk).
const (
	VP = "vp" // Vlaams Parlement
	TK = "tk" // Tweede Kamer
)

// FiledQuestion is a written question as a parliament's open data lists it,
// before or after its answer: who asked whom, when, and where the procedure
// stands. Lateness is counted from it; the answer itself, once fetched or
// dropped in the inbox, is an ingested Document (AnswerDocumentID).
type FiledQuestion struct {
	ID         int64  // assigned by the store
	Parliament string // VP or TK
	// Ref is the parliament's own id of the question, unique within
	// Parliament: the Flemish Parliament's document id, the Tweede Kamer's
	// Zaak id (a GUID). Fetching the same question again updates it.
	Ref       string
	Number    string // the number staff see: "nr. 342", "2024Z14419"
	Title     string
	Asker     string // member(s) who asked, as the source names them
	AskerID   string // the parliament's person id of the first asker, if known
	Minister  string // to whom it was put
	Committee string // committee or policy area, if the source gives one

	Filed time.Time // sent in by the member ("ingediend", Zaak.GestartOp)
	// Sent is when the question reached the minister (Flemish Parliament:
	// the deadline of 20 working days runs from it). Zero when unknown:
	// Filed counts instead.
	Sent time.Time
	// Postponed is the date of the last postponement notice (Tweede Kamer
	// "Mededeling"): the deadline moves by the postponement period from it.
	Postponed time.Time
	// Answered is when the answer was received: published, fetched, or
	// dropped in the inbox. Zero while unanswered.
	Answered time.Time

	AnswerURL        string // where the answer document can be downloaded
	AnswerDocumentID int64  // the ingested answer, 0 until it is stored
	Updated          time.Time
}

// WatchKind is what a watch matches on.
type WatchKind string

const (
	WatchMember    WatchKind = "member"    // the asker, by name or person id
	WatchMinister  WatchKind = "minister"  // to whom questions are put
	WatchCommittee WatchKind = "committee" // committee or policy area
	WatchKeyword   WatchKind = "keyword"   // a word in the title
)

// Watch is one entry of an office's watch list: the questions fetching
// keeps and lateness counts for.
type Watch struct {
	ID         int64
	Parliament string // VP or TK
	Kind       WatchKind
	Value      string // a name, a person id, or a keyword
	Created    time.Time
	By         string
}

// Validate reports what makes q unfit to store: an unknown parliament or
// no ref. Its errors wrap ErrInvalid.
func (q *FiledQuestion) Validate() error {
	if q.Parliament != VP && q.Parliament != TK {
		return fmt.Errorf("filed question %q: %w: parliament %q", q.Ref, ErrInvalid, q.Parliament)
	}
	if strings.TrimSpace(q.Ref) == "" {
		return fmt.Errorf("filed question: %w: no ref", ErrInvalid)
	}
	return nil
}

// Validate reports what makes w unfit to store: an unknown parliament or
// kind, or no value. Its errors wrap ErrInvalid.
func (w *Watch) Validate() error {
	switch {
	case w.Parliament != VP && w.Parliament != TK:
		return fmt.Errorf("watch: %w: parliament %q", ErrInvalid, w.Parliament)
	case w.Kind != WatchMember && w.Kind != WatchMinister && w.Kind != WatchCommittee && w.Kind != WatchKeyword:
		return fmt.Errorf("watch: %w: kind %q", ErrInvalid, w.Kind)
	case strings.TrimSpace(w.Value) == "":
		return fmt.Errorf("watch: %w: empty value", ErrInvalid)
	}
	return nil
}
