package vlpar

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/source"
)

// service answers n search results (ids 1..n) on page 1, none after,
// and a detail for each id; answered ids have an answer step and a file.
func service(t *testing.T, n int, search string) (*Client, *[]string) {
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.RequestURI())
		if r.Header.Get("Accept") != "application/json" {
			t.Errorf("%s asked without Accept: application/json", r.URL)
		}
		switch {
		case strings.HasPrefix(r.URL.Path, "/api/search/query/"):
			if search != "" {
				fmt.Fprint(w, search)
				return
			}
			var rs []string
			if r.URL.Query().Get("page") == "1" {
				for i := 1; i <= n; i++ {
					rs = append(rs, fmt.Sprintf(`{"id": "x/%d/pfls", "metatags": {"metatag": [{"name": "soort", "value": "SCHV"},
						{"name": "publicatiedatum", "value": "2026-11-%02d"}]}}`, i, 1+i%28))
				}
			}
			fmt.Fprintf(w, `{"result": [%s]}`, strings.Join(rs, ","))
		case strings.HasPrefix(r.URL.Path, "/e/opendata/schv/"):
			id := strings.TrimPrefix(r.URL.Path, "/e/opendata/schv/")
			fmt.Fprintf(w, `{"id": %s, "nummer": "%s", "zittingsjaar": "2026-2027", "onderwerp": "Vraag %s",
				"vraagsteller": {"id": 7, "voornaam": "An", "naam": "Peeters"},
				"minister": [{"voornaam": "Bart", "naam": "Somers"}],
				"procedureverloop": [{"status": "Vraag ingediend", "datum": "2026-10-01T00:00:00"},
					{"status": "Antwoord ontvangen", "datum": "2026-10-29T00:00:00"}],
				"bestand-ordered": [{"URL": "https://docs.vlaamsparlement.be/%s.pdf", "omschrijving": "Vraag en antwoord"}]}`, id, id, id, id)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return New(srv.URL, source.NewClient(time.Second)), &asked
}

func TestQuestionsPaging(t *testing.T) {
	c, asked := service(t, PageSize, "")
	p, err := c.Questions(context.Background(), "2026-11-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Questions) != PageSize || p.Next != "2026-11-01/2" {
		t.Fatalf("%d questions, next %q; want a full page and page 2 next", len(p.Questions), p.Next)
	}
	if !strings.Contains((*asked)[0], "daterange:2026-11-01..") || !strings.Contains((*asked)[0], "page=1") {
		t.Errorf("asked %s", (*asked)[0])
	}
	q := p.Questions[0]
	if q.Ref != "1" || q.Number != "nr. 1 (2026-2027)" || q.Asker != "An Peeters" || q.AskerID != "7" || q.Minister != "Bart Somers" ||
		q.Filed.Format("2006-01-02") != "2026-10-01" || q.AnswerURL != "https://docs.vlaamsparlement.be/1.pdf" ||
		len(q.Answers) != 1 || q.Answers[0].Date.Format("2006-01-02") != "2026-10-29" {
		t.Errorf("question %+v", q)
	}
	p, err = c.Questions(context.Background(), p.Next)
	if err != nil || len(p.Questions) != 0 || p.Next != "" || p.Resume != "2026-11-01" {
		t.Errorf("page 2: %d questions, next %q, resume %q, %v; want an empty last page", len(p.Questions), p.Next, p.Resume, err)
	}
}

func TestQuestionsErrors(t *testing.T) {
	c, _ := service(t, 0, `{"error": "bad query"}`)
	if _, err := c.Questions(context.Background(), "2026-11-01"); !errors.Is(err, source.ErrMalformed) {
		t.Errorf("no result array: err = %v, want ErrMalformed", err)
	}
	for _, cursor := range []string{"", "gisteren", "2026-11-01/0", "2026-11-01/x"} {
		if _, err := c.Questions(context.Background(), cursor); err == nil || !strings.Contains(err.Error(), "cursor") {
			t.Errorf("cursor %q: err = %v", cursor, err)
		}
	}
}
