package tracker

import (
	"strings"
	"time"
)

// Layout is how a document arranges its questions and answers.
type Layout string

const (
	// Grouped: all questions numbered 1..n, then all answers numbered again
	// (Flemish Parliament).
	Grouped Layout = "grouped"
	// Interleaved: "Vraag 1" / "Antwoord 1" pairs (Tweede Kamer).
	Interleaved Layout = "interleaved"
	// Single: one unnumbered question with its answer.
	Single Layout = "single"
)

// Kind says what sort of document it is. Written questions are analysed
// item by item; meeting reports and letters are targets of deferrals.
type Kind string

const (
	KindAnswer  Kind = "answer"  // written questions with the minister's answers
	KindMeeting Kind = "meeting" // committee report, Handelingen, transcript
	KindLetter  Kind = "letter"  // Kamerbrief or other letter to parliament
	// KindQuestion: a filed question not yet answered (from open data);
	// its late-answer follow-up hangs on it.
	KindQuestion Kind = "question"
	// KindCommitment: a commitment from a parliament's register of them;
	// its commitment follow-up hangs on it.
	KindCommitment Kind = "commitment"
)

// Document is one written-question document as read and analysed.
type Document struct {
	ID         int64  // assigned by the store; 0 until stored
	File       string // where it was read from ("-" for standard input)
	Hash       string // hex SHA-256 of Text; the store sets it on ingest when empty, as parse leaves it
	Kind       Kind
	Title      string
	Parliament string // "Vlaams Parlement", "Tweede Kamer", ...
	Number     string // the parliament's number, e.g. "2024Z14419" or "nr. 342"
	Body       string // for meetings: the committee or plenary
	Asker      string
	Minister   string
	Asked      time.Time // question date ("ingezonden"); zero if unknown
	Date       time.Time // answer or meeting date ("ontvangen"); zero if unknown
	Layout     Layout
	Text       string // the whole text after repair of extraction faults
	Items      []Item
	Warnings   []string // things repaired or guessed while reading
}

// Item is one numbered question with its answer. Combined answers
// ("Antwoord 2 en 3") give one Item per question, sharing the answer text.
type Item struct {
	Number       int
	Question     string
	Answer       string // empty when the document has no answer for it
	AnsweredWith []int  // other question numbers the same answer text covers
	SubQuestions []SubQuestion

	// Filled by the analysis.
	Status   Status
	Findings []Finding
	Deferral *Deferral
	Promises []Promise
	Readings []Reading // the answer's sentences with their roles
}

// SubQuestion is one '?' sentence of a question with the context sentences
// leading up to it. Start and End are byte offsets in Item.Question.
type SubQuestion struct {
	Text       string
	Start, End int
	Status     Status // coverage of this sub-question by the answer
}

// Dated reports whether t is a known date.
func Dated(t time.Time) bool { return !t.IsZero() }

// PostponementNotice starts the warning a reader adds when the document
// says the answers will come later ("Mededeling": the questions cannot be
// answered within the usual time). The rest of the warning quotes it.
const PostponementNotice = "postponement notice: "

// Postponed reports whether the document announces that its answers come
// later, and quotes the announcement.
func (d *Document) Postponed() (string, bool) {
	for _, w := range d.Warnings {
		if strings.HasPrefix(w, PostponementNotice) {
			return strings.TrimPrefix(w, PostponementNotice), true
		}
	}
	return "", false
}
