package tkodata

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/source"
)

func serve(t *testing.T, body string) (*Client, *[]string) {
	var asked []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.Path+"?"+r.URL.RawQuery)
		w.Write([]byte(strings.ReplaceAll(body, "{{BASE}}", srv.URL)))
	}))
	t.Cleanup(srv.Close)
	return New(srv.URL+"/OData/v4/2.0/", source.NewClient(time.Second)), &asked
}

func TestQuestion(t *testing.T) {
	c, asked := serve(t, `{"value": [{"Id": "z1", "Nummer": "2026Z1", "Soort": "Schriftelijke vragen", "Onderwerp": "Over bruggen",
		"GestartOp": "2026-11-02T00:00:00+01:00", "GewijzigdOp": "2026-12-01T10:00:00+01:00",
		"Document": [
			{"Id": "n", "Soort": "Antwoord schriftelijke vragen (nader)", "Datum": "2026-12-01T00:00:00+01:00"},
			{"Id": "a", "Soort": "Antwoord schriftelijke vragen", "Datum": "2026-11-30T00:00:00+01:00"},
			{"Id": "m1", "Soort": "Mededeling", "Datum": "2026-11-20T00:00:00+01:00"},
			{"Id": "m0", "Soort": "Mededeling", "Datum": "2026-11-19T00:00:00+01:00"},
			{"Id": "x", "Soort": "Antwoord schriftelijke vragen", "Datum": "2026-11-10T00:00:00+01:00", "Verwijderd": true}],
		"ZaakActor": [
			{"ActorNaam": "P. de Vries", "Relatie": "Medeindiener"},
			{"ActorNaam": "J. Jansen", "Relatie": "Indiener", "Persoon_Id": "p1"},
			{"ActorNaam": "Heinen, E.", "Functie": "minister van Financiën", "Relatie": "Gericht aan"},
			{"ActorNaam": "vaste commissie voor Financiën", "Relatie": "Voortouwcommissie"}]},
		{"Id": "o1", "Soort": "Mondelinge vragen", "GewijzigdOp": "2026-12-02T10:00:00+01:00"}]}`)
	p, err := c.Questions(context.Background(), "2026-11-01")
	if err != nil {
		t.Fatal(err)
	}
	_, raw, _ := strings.Cut((*asked)[0], "?")
	v, _ := url.ParseQuery(raw)
	if v.Get("$filter") != "Soort eq 'Schriftelijke vragen' and GewijzigdOp ge 2026-11-01T00:00:00Z" ||
		v.Get("$orderby") != "GewijzigdOp" || v.Get("$expand") != "Document,ZaakActor" {
		t.Errorf("asked %s", (*asked)[0])
	}
	if len(p.Questions) != 1 {
		t.Fatalf("%d questions, want 1 (another Soort is left out)", len(p.Questions))
	}
	q := p.Questions[0]
	if q.Asker != "J. Jansen, P. de Vries" || q.AskerID != "p1" || q.Minister != "Heinen, E. (minister van Financiën)" || q.Committee != "vaste commissie voor Financiën" ||
		q.Postponed.Format("2006-01-02") != "2026-11-20" || q.Filed.Format("2006-01-02") != "2026-11-02" {
		t.Errorf("question %+v", q.FiledQuestion)
	}
	if len(q.Answers) != 2 || !strings.HasSuffix(q.Answers[0].URL, "/OData/v4/2.0/Document(a)/resource") ||
		q.AnswerURL != q.Answers[0].URL || !strings.HasSuffix(q.Answers[1].URL, "Document(n)/resource") {
		t.Errorf("answers %+v (answer URL %s): want the regular answer first, the deleted one left out", q.Answers, q.AnswerURL)
	}
	// The cursor is the latest change stamp on the page, of any Zaak.
	if p.Resume != "2026-12-02T10:00:00+01:00" || p.Next != "" {
		t.Errorf("resume %q next %q", p.Resume, p.Next)
	}
}

func TestPaging(t *testing.T) {
	tests := []struct {
		name, body, next string
		malformed        bool
	}{
		{"next link followed", `{"value": [], "@odata.nextLink": "{{BASE}}/OData/v4/2.0/Zaak?$skip=250"}`, "/OData/v4/2.0/Zaak?$skip=250", false},
		{"next link elsewhere refused", `{"value": [], "@odata.nextLink": "https://elders.example/Zaak?$skip=250"}`, "", true},
		{"no value array", `{"error": {"message": "not found"}}`, "", true},
		{"empty page", `{"value": []}`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := serve(t, tt.body)
			p, err := c.Questions(context.Background(), "2026-11-01")
			if got := errors.Is(err, source.ErrMalformed); got != tt.malformed {
				t.Fatalf("err = %v, want malformed: %v", err, tt.malformed)
			}
			if !strings.HasSuffix(p.Next, tt.next) || (tt.next == "") != (p.Next == "") {
				t.Errorf("next %q, want …%q", p.Next, tt.next)
			}
			if err == nil && p.Resume != "2026-11-01" {
				t.Errorf("resume %q on a page without items, want the cursor kept", p.Resume)
			}
		})
	}
}

func TestCommitments(t *testing.T) {
	c, _ := serve(t, `{"value": [{"Id": "t1", "Nummer": "TZ1", "Tekst": " De minister zegt toe. ", "Naam": "Herbert, H.G.",
		"Status": "Openstaand", "Aanmaakdatum": "2026-03-19T17:42:13.69+01:00", "DatumNakoming": "0001-01-01T00:00:00Z",
		"GewijzigdOp": "2026-03-19T18:00:00+01:00"},
		{"Id": "t2", "Status": "Voldaan", "GewijzigdOp": "2026-03-20T18:00:00+01:00", "Verwijderd": true}]}`)
	p, err := c.Commitments(context.Background(), "2026-03-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Commitments) != 1 {
		t.Fatalf("%d commitments, want 1 (the deleted one left out)", len(p.Commitments))
	}
	k := p.Commitments[0]
	if k.Text != "De minister zegt toe." || !k.Due.IsZero() || k.Made.Format("2006-01-02") != "2026-03-19" || !k.Open() {
		t.Errorf("commitment %+v", k)
	}
	if p.Resume != "2026-03-20T18:00:00+01:00" {
		t.Errorf("resume %q", p.Resume)
	}
}

// A page read from a next link that holds nothing leaves no cursor: the
// link is only good within its run.
func TestResumeFromLink(t *testing.T) {
	c, _ := serve(t, `{"value": []}`)
	p, err := c.Questions(context.Background(), c.Base+"/Zaak?$skiptoken=2")
	if err != nil || p.Resume != "" {
		t.Errorf("resume %q, %v; want none", p.Resume, err)
	}
}

// Answers reads the questions from their changed documents: each Zaak
// once, however many of its documents changed.
func TestAnswers(t *testing.T) {
	zaak := `{"Id": "z1", "Nummer": "2026Z1", "Soort": "Schriftelijke vragen", "GewijzigdOp": "2026-11-01T10:00:00+01:00",
		"Document": [{"Id": "a", "Soort": "Antwoord schriftelijke vragen", "Datum": "2026-12-01T00:00:00+01:00"}],
		"ZaakActor": [{"ActorNaam": "J. Jansen", "Relatie": "Indiener"}]}`
	c, asked := serve(t, `{"value": [
		{"Id": "a", "Soort": "Antwoord schriftelijke vragen", "GewijzigdOp": "2026-12-01T09:00:00+01:00", "Zaak": [`+zaak+`]},
		{"Id": "m", "Soort": "Mededeling", "GewijzigdOp": "2026-12-01T11:00:00+01:00", "Zaak": [`+zaak+`,
			{"Id": "z2", "Soort": "Commissiedebat", "GewijzigdOp": "2026-11-01T10:00:00+01:00"}]}]}`)
	p, err := c.Answers(context.Background(), "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	_, raw, _ := strings.Cut((*asked)[0], "?")
	v, _ := url.ParseQuery(raw)
	if !strings.HasPrefix((*asked)[0], "/OData/v4/2.0/Document?") || v.Get("$expand") != "Zaak($expand=Document,ZaakActor)" ||
		v.Get("$filter") != "(Soort eq 'Antwoord schriftelijke vragen' or Soort eq 'Antwoord schriftelijke vragen (nader)' or Soort eq 'Mededeling') and GewijzigdOp ge 2026-12-01T00:00:00Z" {
		t.Errorf("asked %s", (*asked)[0])
	}
	if len(p.Questions) != 1 || p.Questions[0].Ref != "z1" || !strings.HasSuffix(p.Questions[0].AnswerURL, "Document(a)/resource") {
		t.Errorf("questions %+v, want z1 once with its answer", p.Questions)
	}
	// The cursor follows the documents' change stamps, not the Zaak's.
	if p.Resume != "2026-12-01T11:00:00+01:00" {
		t.Errorf("resume %q", p.Resume)
	}
}
