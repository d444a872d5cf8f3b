package eval

import (
	"fmt"

	"github.com/pqtrack/pqtrack/tracker"
)

// RoleLabel is one answer sentence with the role a person gave it
// (rules/testdata/roles/README.md says what each role means).
type RoleLabel struct {
	ID       string       `json:"id"` // the record the answer belongs to
	I        int          `json:"i"`  // the sentence's place in the answer, from 0
	Role     tracker.Role `json:"role"`
	Sentence string       `json:"sentence"`
	Note     string       `json:"note,omitempty"`
	// Question is given for a sentence written for training, which has
	// no record: the question it stands under.
	Question string `json:"question,omitempty"`
}

// ReadRoleLabels reads a JSONL file of sentence role labels.
func ReadRoleLabels(path string) ([]RoleLabel, error) {
	return readJSONL(path, true, func(l *RoleLabel) error {
		if !l.Role.Valid() {
			return fmt.Errorf("%s: unknown role %q", l.ID, l.Role)
		}
		if l.ID == "" || l.Sentence == "" {
			return fmt.Errorf("a label needs an id and a sentence")
		}
		return nil
	})
}
