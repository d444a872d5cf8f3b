package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestChamberBulletin reads the Belgian Chamber's form: the answer's date
// from the line that heads the answers (relative promises need it), the
// question's number, asker and date from its heading, the subject line as
// title; and leaves the Flemish form as it was.
func TestChamberBulletin(t *testing.T) {
	// The bulletin writes the dates "van 12 januari 2023" or "d.d. 12
	// januari 2023".
	for _, name := range []string{"chamber-bulletin.txt", "chamber-bulletin-dd.txt"} {
		doc, err := ReadFile(filepath.Join("testdata", "layout", name))
		if err != nil {
			t.Fatal(err)
		}
		checks := []struct{ what, got, want string }{
			{"date", doc.Date.Format("2006-01-02"), "2023-02-15"},
			{"asked", doc.Asked.Format("2006-01-02"), "2023-01-12"},
			{"asker", doc.Asker, "An Peeters"},
			{"number", doc.Number, "nr. 55-1234"},
			{"parliament", doc.Parliament, "Kamer van volksvertegenwoordigers"},
			{"title", doc.Title, "Wachttijden in de geestelijke gezondheidszorg"},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: %s = %q, want %q", name, c.what, c.got, c.want)
			}
		}
		if len(doc.Items) != 3 || doc.Items[2].Answer != "De evaluatie wordt tegen het einde van het jaar afgerond." {
			t.Errorf("%s: items: %+v", name, doc.Items)
		}
	}

	// The Flemish form: its answer heading names the question's date, which
	// is no answer date.
	data, err := os.ReadFile(filepath.Join("testdata", "vp-schriftelijke-vraag.txt"))
	if err != nil {
		t.Fatal(err)
	}
	vp, err := Read("vp", data)
	if err != nil {
		t.Fatal(err)
	}
	if vp.Parliament != "Vlaams Parlement" || tracker.Dated(vp.Date) {
		t.Errorf("the Flemish form reads as %q, dated %v", vp.Parliament, vp.Date)
	}
}
