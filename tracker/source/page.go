package source

import (
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Page is one page of what changed at a source.
type Page struct {
	Questions   []Question
	Commitments []Commitment
	// Resume is the cursor to store once everything on the page is
	// stored: a run that stops later starts again from it. Reading from
	// Resume again may return items of this page once more; storing them
	// again changes nothing.
	Resume string
	// Next is the cursor of the next page in this run; "" on the last.
	Next string
}

// Question is a written question with the documents that answer it.
type Question struct {
	tracker.FiledQuestion // Answered is left zero: it is set once the answer is stored
	// Answers are the answer documents, first answer first (Tweede Kamer:
	// "Antwoord schriftelijke vragen", then any "(nader)"). The first one's
	// URL is also in AnswerURL.
	Answers []Doc
}

// Doc is a document a source links to.
type Doc struct {
	URL  string
	Date time.Time
	Kind string // the source's own name of its kind
}

// Commitment is a promise made to parliament outside a written answer (a
// Tweede Kamer "toezegging").
type Commitment struct {
	Ref      string // the source's id
	Number   string // "TZ202603-130"
	Text     string
	Minister string // the name of whoever made it ("Herbert, H.G.")
	Function string // "Minister van Economische Zaken en Klimaat"
	Ministry string
	Status   string    // "Openstaand", "Voldaan", ...
	Made     time.Time // Aanmaakdatum
	Due      time.Time // DatumNakoming; zero when none was set
}

// Open reports whether the commitment is still owed: not fulfilled,
// closed or withdrawn.
func (c Commitment) Open() bool {
	switch c.Status {
	case "Voldaan", "Afgedaan", "Ingetrokken", "Vervallen":
		return false
	}
	return true
}
