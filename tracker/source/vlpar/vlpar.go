// Package vlpar reads the Flemish Parliament's open-data web service
// (ws.vlpar.be): written questions ("Schriftelijke vraag") found through
// the document search endpoint by publication date, oldest first, their
// details from the open-data endpoint (title, asker, minister, procedure
// steps with dates, files), and the published PDF, which holds the
// question with its answer.
//
// The URL shapes are those projects that use the service call: the
// search at /api/search/query/{query}?collection=vp_collection with
// results carrying metatags (soort SCHV, opendata, publicatiedatum), and
// the detail at /e/opendata/schv/{id} asked for as JSON.
package vlpar

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/source"
)

// DefaultURL is the service's base URL.
const DefaultURL = "https://ws.vlpar.be"

// PageSize is how many search results a page asks for.
const PageSize = 50

// Client reads the service at Base.
type Client struct {
	Base string // without a trailing slash
	HTTP *source.Client
}

// New returns a client of the service at base ("" for DefaultURL).
func New(base string, c *source.Client) *Client {
	if base == "" {
		base = DefaultURL
	}
	return &Client{Base: strings.TrimRight(base, "/"), HTTP: c}
}

type searchAnswer struct {
	Result *[]struct {
		ID       string `json:"id"`
		URL      string `json:"url"`
		Metatags struct {
			Metatag []struct {
				Name  string `json:"name"`
				Value string `json:"value"`
			} `json:"metatag"`
		} `json:"metatags"`
	} `json:"result"`
}

// detail is the open-data record of a written question.
type detail struct {
	ID               json.Number `json:"id"`
	Nummer           string      `json:"nummer"`
	Titel            string      `json:"titel"`
	Onderwerp        string      `json:"onderwerp"`
	Zittingsjaar     string      `json:"zittingsjaar"`
	Vraagsteller     persons     `json:"vraagsteller"`
	Minister         persons     `json:"minister"`
	Beleidsveld      string      `json:"beleidsveld"`
	Procedureverloop []struct {
		Status string `json:"status"`
		Datum  string `json:"datum"`
	} `json:"procedureverloop"`
	Bestanden []struct {
		URL          string `json:"URL"`
		Omschrijving string `json:"omschrijving"`
		Naam         string `json:"naam"`
	} `json:"bestand-ordered"`
}

type person struct {
	ID       json.Number `json:"id"`
	Voornaam string      `json:"voornaam"`
	Naam     string      `json:"naam"`
}

// persons reads one person or a list of them.
type persons []person

func (p *persons) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, (*[]person)(p))
	}
	if string(b) == "null" {
		return nil
	}
	var one person
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*p = persons{one}
	return nil
}

func (p person) name() string { return strings.TrimSpace(p.Voornaam + " " + p.Naam) }

// A result names its question in the opendata metatag (.../schv/ID) or in
// its id (.../ID/pfls).
var (
	schvID   = regexp.MustCompile(`/schv/(\d+)`)
	resultID = regexp.MustCompile(`/(\d+)/pfls`)
)

// Questions returns one page of written questions published on or after
// the cursor's date. cursor is a date (YYYY-MM-DD) or a Page's Next
// (YYYY-MM-DD/N: page N of the search from that date). A page's Resume
// is the publication date of its last question.
func (c *Client) Questions(ctx context.Context, cursor string) (source.Page, error) {
	from, page, err := parseCursor(cursor)
	if err != nil {
		return source.Page{}, err
	}
	query := "+inmeta:publicatiedatum:daterange:" + from.Format(tracker.DateLayout) + "..&requiredfields=" +
		"paginatype:Parlementair document.aggregaat:Vraag of interpellatie.aggregaattype:Schriftelijke vraag"
	u := c.Base + "/api/search/query/" + url.PathEscape(query) + "?" + url.Values{
		"collection": {"vp_collection"}, "sort": {"date"}, "order": {"asc"},
		"max": {strconv.Itoa(PageSize)}, "page": {strconv.Itoa(page)},
	}.Encode()
	var ans searchAnswer
	if err := c.HTTP.JSON(ctx, u, &ans); err != nil {
		return source.Page{}, err
	}
	if ans.Result == nil {
		return source.Page{}, &source.Error{URL: u, Err: fmt.Errorf("%w: no \"result\" array", source.ErrMalformed)}
	}
	p := source.Page{Resume: from.Format(tracker.DateLayout)}
	for _, r := range *ans.Result {
		tags := map[string]string{}
		for _, m := range r.Metatags.Metatag {
			tags[m.Name] = m.Value
		}
		if s, ok := tags["soort"]; ok && s != "SCHV" {
			continue
		}
		m := schvID.FindStringSubmatch(tags["opendata"])
		if m == nil {
			m = resultID.FindStringSubmatch(r.ID)
		}
		if m == nil {
			continue // not a written question's document
		}
		q, err := c.question(ctx, m[1])
		if err != nil {
			return source.Page{}, err
		}
		if d := source.Day(tags["publicatiedatum"]); !d.IsZero() && d.After(from) {
			p.Resume = d.Format(tracker.DateLayout)
		}
		p.Questions = append(p.Questions, q)
	}
	if len(*ans.Result) >= PageSize {
		p.Next = fmt.Sprintf("%s/%d", from.Format(tracker.DateLayout), page+1)
	}
	return p, nil
}

// question reads the open-data record id.
func (c *Client) question(ctx context.Context, id string) (source.Question, error) {
	u := c.Base + "/e/opendata/schv/" + id
	var d detail
	if err := c.HTTP.JSON(ctx, u, &d); err != nil {
		return source.Question{}, err
	}
	q := source.Question{FiledQuestion: tracker.FiledQuestion{
		Parliament: tracker.VP, Ref: id, Number: d.Nummer, Title: firstOf(d.Titel, d.Onderwerp),
		Committee: d.Beleidsveld,
	}}
	if q.Number != "" && d.Zittingsjaar != "" {
		q.Number = "nr. " + q.Number + " (" + d.Zittingsjaar + ")"
	}
	var askers []string
	for _, p := range d.Vraagsteller {
		askers = append(askers, p.name())
	}
	q.Asker = strings.Join(askers, ", ")
	if len(d.Vraagsteller) > 0 {
		q.AskerID = d.Vraagsteller[0].ID.String()
	}
	if len(d.Minister) > 0 {
		q.Minister = d.Minister[0].name()
	}
	var answered time.Time
	for _, s := range d.Procedureverloop {
		st, day := strings.ToLower(s.Status), source.Day(s.Datum)
		switch {
		case strings.Contains(st, "antwoord"):
			answered = day
		case strings.Contains(st, "ingediend"):
			q.Filed = day
		case strings.Contains(st, "verstuurd"), strings.Contains(st, "overgezonden"), strings.Contains(st, "gesteld"):
			q.Sent = day
		case strings.Contains(st, "uitstel"):
			q.Postponed = day
		}
	}
	if answeredStep(d) {
		// The published file holds the question and its answer; a file
		// named for the answer is preferred when there are several.
		best := ""
		for _, b := range d.Bestanden {
			if best == "" || strings.Contains(strings.ToLower(b.Omschrijving+" "+b.Naam), "antwoord") {
				best = b.URL
			}
		}
		if best != "" {
			q.AnswerURL = best
			q.Answers = []source.Doc{{URL: best, Date: answered, Kind: "antwoord"}}
		}
	}
	return q, nil
}

func answeredStep(d detail) bool {
	for _, s := range d.Procedureverloop {
		if strings.Contains(strings.ToLower(s.Status), "antwoord") {
			return true
		}
	}
	return false
}

// Download returns the file at url.
func (c *Client) Download(ctx context.Context, url string) ([]byte, error) {
	return c.HTTP.Bytes(ctx, url)
}

func parseCursor(cursor string) (time.Time, int, error) {
	date, page, found := strings.Cut(cursor, "/")
	t, err := time.Parse(tracker.DateLayout, date)
	n := 1
	if err == nil && found {
		n, err = strconv.Atoi(page)
	}
	if err != nil || n < 1 {
		return t, 0, fmt.Errorf("vlaams parlement: cursor %q: want YYYY-MM-DD or YYYY-MM-DD/PAGE", cursor)
	}
	return t, n, nil
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
