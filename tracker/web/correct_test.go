package web

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// basic is the credentials of basic auth, as the header carries them.
func basic(user, password string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
}

// corrections returns the stored corrections of document doc.
func (f *fixture) corrections(t *testing.T, doc int64) []tracker.Correction {
	t.Helper()
	cs, err := f.db.Corrections(context.Background(), tracker.CorrectionFilter{Document: doc})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// article returns the <article> of question n on a document page.
func article(t *testing.T, body string, n int) string {
	t.Helper()
	m := regexp.MustCompile(fmt.Sprintf(`(?s)<article class="qa" id="q%d".*?</article>`, n)).FindString(body)
	if m == "" {
		t.Fatalf("no question %d on the page", n)
	}
	return m
}

// TestCorrectForm corrects question 7 of the seed (answered) to partial
// through the "klopt niet" form: the correction is stored with the
// dashboard as its source, the question's badge shows the new status with
// when and what pqtrack said, and the partial follow-up exists at once.
func TestCorrectForm(t *testing.T) {
	f := newFixture(t, nil)
	page := fmt.Sprintf("/documents/%d", f.seed)
	_, body := f.get(t, page)
	q7 := article(t, body, 7)
	action := fmt.Sprintf(`action="/documents/%d/questions/7/correct"`, f.seed)
	if !strings.Contains(q7, "Klopt niet") || !strings.Contains(q7, action) || !strings.Contains(q7, `name="csrf"`) {
		t.Fatalf("question 7 has no klopt-niet form:\n%s", q7)
	}
	if strings.Contains(q7, `<option value="answered">`) || !strings.Contains(q7, `<option value="partial">gedeeltelijk</option>`) {
		t.Errorf("the form offers the status the question has, or not the others in Dutch:\n%s", q7)
	}

	tok := f.token(t, page)
	resp, _ := f.post(t, page+"/questions/7/correct", url.Values{"csrf": {tok}, "status": {"partial"},
		"note": {"het tweede deel <b>ontbreekt</b>"}, "by": {"mallory"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != page+"#q7" {
		t.Fatalf("post: %d to %q, want 303 to %s#q7", resp.StatusCode, resp.Header.Get("Location"), page)
	}
	cs := f.corrections(t, f.seed)
	if len(cs) != 1 {
		t.Fatalf("%d corrections stored, want 1", len(cs))
	}
	c := cs[0]
	// No credentials asked: nobody is known, whatever the form claims.
	if c.Source != tracker.FromDashboard || c.By != "" || c.Was != tracker.Answered || c.Status != tracker.Partial ||
		!c.At.Equal(now) || c.Note != "het tweede deel <b>ontbreekt</b>" {
		t.Errorf("stored %+v", c)
	}
	fus, err := f.db.FollowUps(context.Background(), tracker.FollowUpFilter{Document: f.seed, Kind: tracker.FollowPartial})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, fu := range fus {
		found = found || fu.QuestionNumber == 7 && fu.State == tracker.Open
	}
	if !found {
		t.Errorf("no open partial follow-up for question 7 after the correction: %+v", fus)
	}

	_, body = f.get(t, page)
	q7 = article(t, body, 7)
	for _, want := range []string{
		`data-badge="partial">gedeeltelijk</span>`,
		`data-corrected="partial">Gecorrigeerd op 13 februari 2023 · pqtrack zei: beantwoord · “het tweede deel &lt;b&gt;ontbreekt&lt;/b&gt;”`,
		`data-kind="partial"`,
		`<option value="answered">beantwoord</option>`,
	} {
		if !strings.Contains(q7, want) {
			t.Errorf("question 7 after the correction lacks %s:\n%s", want, q7)
		}
	}
	_, body = f.get(t, page+"?lang=en")
	if q7 = article(t, body, 7); !strings.Contains(q7, "Corrected on 13 February 2023 · pqtrack said: answered") {
		t.Errorf("English page:\n%s", q7)
	}
	if !strings.Contains(q7, "Not right") {
		t.Errorf("English page has no Not right control:\n%s", q7)
	}

	// Back to answered: the follow-up closes as corrected; history kept.
	resp, _ = f.post(t, page+"/questions/7/correct", url.Values{"csrf": {tok}, "status": {"answered"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("second post: %d", resp.StatusCode)
	}
	_, body = f.get(t, page+"?lang=nl")
	if q7 = article(t, body, 7); !strings.Contains(q7, "afgehandeld (gecorrigeerd)") || !strings.Contains(q7, `data-badge="answered"`) {
		t.Errorf("question 7 after the correction back:\n%s", q7)
	}
	if n := len(f.corrections(t, f.seed)); n != 2 {
		t.Errorf("%d corrections, want 2 (history kept)", n)
	}
}

// TestCorrectFormUser: with credentials, the correction carries the
// authenticated user, never the name a form field gives.
func TestCorrectFormUser(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.User, c.Password = "staff", "pa55word" })
	page := fmt.Sprintf("/documents/%d", f.seed)
	auth := "Basic " + basic("staff", "pa55word")
	_, body := f.get(t, page, "Authorization", auth)
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSRF field")
	}
	resp, _ := f.post(t, page+"/questions/3/correct", url.Values{"csrf": {m[1]}, "status": {"declined"}, "sub": {"1"},
		"by": {"mallory"}}, "Authorization", auth)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("post: %d", resp.StatusCode)
	}
	cs := f.corrections(t, f.seed)
	if len(cs) != 1 || cs[0].By != "staff" || cs[0].SubQuestion != 1 || cs[0].SubQuestionText == "" {
		t.Fatalf("stored %+v, want by staff about sub-question 1", cs)
	}
	_, body = f.get(t, page, "Authorization", auth)
	if q3 := article(t, body, 3); !strings.Contains(q3, "Gecorrigeerd door staff op 13 februari 2023 · pqtrack zei: gedeeltelijk") {
		t.Errorf("question 3 does not say who corrected it:\n%s", q3)
	}
}

func TestCorrectFormErrors(t *testing.T) {
	f := newFixture(t, nil)
	page := fmt.Sprintf("/documents/%d", f.seed)
	tok := f.token(t, page)
	tests := []struct {
		name string
		path string
		form url.Values
		code int
	}{
		{"no CSRF token", page + "/questions/7/correct", url.Values{"status": {"partial"}}, http.StatusForbidden},
		{"wrong CSRF token", page + "/questions/7/correct", url.Values{"csrf": {tok + "x"}, "status": {"partial"}}, http.StatusForbidden},
		{"unknown status", page + "/questions/7/correct", url.Values{"csrf": {tok}, "status": {"vaag"}}, http.StatusBadRequest},
		{"no status", page + "/questions/7/correct", url.Values{"csrf": {tok}}, http.StatusBadRequest},
		{"the status it has", page + "/questions/7/correct", url.Values{"csrf": {tok}, "status": {"answered"}}, http.StatusBadRequest},
		{"no such sub-question", page + "/questions/7/correct", url.Values{"csrf": {tok}, "status": {"partial"}, "sub": {"9"}}, http.StatusBadRequest},
		{"bad sub-question", page + "/questions/7/correct", url.Values{"csrf": {tok}, "status": {"partial"}, "sub": {"een"}}, http.StatusBadRequest},
		{"no such question", page + "/questions/70/correct", url.Values{"csrf": {tok}, "status": {"partial"}}, http.StatusNotFound},
		{"bad question", page + "/questions/x/correct", url.Values{"csrf": {tok}, "status": {"partial"}}, http.StatusNotFound},
		{"no such document", "/documents/999/questions/1/correct", url.Values{"csrf": {tok}, "status": {"partial"}}, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := f.post(t, tt.path, tt.form)
			if resp.StatusCode != tt.code {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.code)
			}
		})
	}
	if cs := f.corrections(t, f.seed); len(cs) != 0 {
		t.Errorf("refused posts stored %+v", cs)
	}
}
