// Package tkodata reads the Tweede Kamer's Gegevensmagazijn, its OData v4
// service: written questions (Zaak of Soort "Schriftelijke vragen") with
// their documents and actors, and the register of commitments
// (Toezegging). All are read by change stamp (GewijzigdOp), oldest first,
// following the service's @odata.nextLink paging.
//
// The shapes follow the service's $metadata as projects that use it read
// it (tkconv, openkamer, the tkapi Python package): entity sets Zaak,
// Document, ZaakActor and Toezegging; a document's file at
// Document(id)/resource.
package tkodata

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/source"
)

// DefaultURL is the service's base URL.
const DefaultURL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"

// Document kinds (Document.Soort) that matter to a written question.
const (
	SoortQuestion     = "Schriftelijke vragen"
	SoortAnswer       = "Antwoord schriftelijke vragen"
	SoortAnswerLater  = "Antwoord schriftelijke vragen (nader)"
	SoortPostponement = "Mededeling" // the answer will take longer than three weeks
)

// ZaakActor relations (ZaakActor.Relatie) read.
const (
	RelatieAsker     = "Indiener"
	RelatieCoAsker   = "Medeindiener"
	RelatieAddresse  = "Gericht aan"
	RelatieCommittee = "Voortouwcommissie"
)

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

// zaak is an entity of the set Zaak, with its expanded documents and actors.
type zaak struct {
	ID          string     `json:"Id"`
	Nummer      string     `json:"Nummer"`
	Soort       string     `json:"Soort"`
	Titel       string     `json:"Titel"`
	Onderwerp   string     `json:"Onderwerp"`
	GestartOp   string     `json:"GestartOp"`
	GewijzigdOp string     `json:"GewijzigdOp"`
	Verwijderd  bool       `json:"Verwijderd"`
	Document    []document `json:"Document"`
	ZaakActor   []actor    `json:"ZaakActor"`
}

type document struct {
	ID             string `json:"Id"`
	Soort          string `json:"Soort"`
	DocumentNummer string `json:"DocumentNummer"`
	Datum          string `json:"Datum"`
	Verwijderd     bool   `json:"Verwijderd"`
}

// documentWithZaak is an entity of the set Document with the Zaken it
// belongs to expanded.
type documentWithZaak struct {
	GewijzigdOp string `json:"GewijzigdOp"`
	Zaak        []zaak `json:"Zaak"`
}

type actor struct {
	ActorNaam    string `json:"ActorNaam"`
	ActorFractie string `json:"ActorFractie"`
	Functie      string `json:"Functie"`
	Relatie      string `json:"Relatie"`
	PersoonID    string `json:"Persoon_Id"`
	CommissieID  string `json:"Commissie_Id"`
	Verwijderd   bool   `json:"Verwijderd"`
}

type toezegging struct {
	ID            string `json:"Id"`
	Nummer        string `json:"Nummer"`
	Tekst         string `json:"Tekst"`
	Naam          string `json:"Naam"`
	Functie       string `json:"Functie"`
	Ministerie    string `json:"Ministerie"`
	Status        string `json:"Status"`
	Aanmaakdatum  string `json:"Aanmaakdatum"`
	DatumNakoming string `json:"DatumNakoming"`
	GewijzigdOp   string `json:"GewijzigdOp"`
	Verwijderd    bool   `json:"Verwijderd"`
}

// collection is an OData collection answer.
type collection[T any] struct {
	Value    *[]T   `json:"value"`
	NextLink string `json:"@odata.nextLink"`
}

// Questions returns one page of written questions changed at or after
// cursor. cursor is a date (YYYY-MM-DD, from the start of that day in
// UTC), a change stamp a Page returned as Resume, or a Page's Next.
func (c *Client) Questions(ctx context.Context, cursor string) (source.Page, error) {
	u, err := c.pageURL("Zaak", cursor, "Soort eq '"+SoortQuestion+"'", "Document,ZaakActor")
	if err != nil {
		return source.Page{}, err
	}
	col, err := fetchPage[zaak](ctx, c, u)
	if err != nil {
		return source.Page{}, err
	}
	p := source.Page{Resume: resumeOf(cursor)}
	for _, z := range *col.Value {
		p.Resume = later(p.Resume, z.GewijzigdOp)
		if z.Verwijderd || z.Soort != SoortQuestion {
			continue
		}
		p.Questions = append(p.Questions, c.question(z))
	}
	next, err := c.next(u, col.NextLink)
	p.Next = next
	return p, err
}

// Answers returns one page of written questions whose answers or
// postponement notices changed at or after cursor (as for Questions),
// read from the documents' side: a document linked to a Zaak need not
// change the Zaak's own change stamp, so Questions alone could miss an
// answer.
func (c *Client) Answers(ctx context.Context, cursor string) (source.Page, error) {
	filter := "(Soort eq '" + SoortAnswer + "' or Soort eq '" + SoortAnswerLater + "' or Soort eq '" + SoortPostponement + "')"
	u, err := c.pageURL("Document", cursor, filter, "Zaak($expand=Document,ZaakActor)")
	if err != nil {
		return source.Page{}, err
	}
	col, err := fetchPage[documentWithZaak](ctx, c, u)
	if err != nil {
		return source.Page{}, err
	}
	p := source.Page{Resume: resumeOf(cursor)}
	seen := map[string]bool{}
	for _, d := range *col.Value {
		p.Resume = later(p.Resume, d.GewijzigdOp)
		for _, z := range d.Zaak {
			if z.Verwijderd || z.Soort != SoortQuestion || seen[z.ID] {
				continue
			}
			seen[z.ID] = true
			p.Questions = append(p.Questions, c.question(z))
		}
	}
	next, err := c.next(u, col.NextLink)
	p.Next = next
	return p, err
}

// Commitments returns one page of commitments changed at or after cursor
// (as for Questions).
func (c *Client) Commitments(ctx context.Context, cursor string) (source.Page, error) {
	u, err := c.pageURL("Toezegging", cursor, "", "")
	if err != nil {
		return source.Page{}, err
	}
	col, err := fetchPage[toezegging](ctx, c, u)
	if err != nil {
		return source.Page{}, err
	}
	p := source.Page{Resume: resumeOf(cursor)}
	for _, t := range *col.Value {
		p.Resume = later(p.Resume, t.GewijzigdOp)
		if t.Verwijderd {
			continue
		}
		p.Commitments = append(p.Commitments, source.Commitment{
			Ref: t.ID, Number: t.Nummer, Text: strings.TrimSpace(t.Tekst), Minister: t.Naam,
			Function: t.Functie, Ministry: t.Ministerie, Status: t.Status,
			Made: source.Day(t.Aanmaakdatum), Due: source.Day(t.DatumNakoming),
		})
	}
	next, err := c.next(u, col.NextLink)
	p.Next = next
	return p, err
}

// Download returns the document at url (a Document(id)/resource).
func (c *Client) Download(ctx context.Context, url string) ([]byte, error) {
	return c.HTTP.Bytes(ctx, url)
}

// fetchPage gets one page of a collection at u.
func fetchPage[T any](ctx context.Context, c *Client, u string) (collection[T], error) {
	var col collection[T]
	if err := c.HTTP.JSON(ctx, u, &col); err != nil {
		return col, err
	}
	// An answer without "value" is not a collection: a wrong base URL,
	// or an error page that happens to be JSON.
	if col.Value == nil {
		return col, &source.Error{URL: u, Err: fmt.Errorf("%w: no \"value\" array", source.ErrMalformed)}
	}
	return col, nil
}

// pageURL is the URL of the first page from cursor, or cursor itself when
// it is a next link of this service.
func (c *Client) pageURL(set, cursor, filter, expand string) (string, error) {
	if strings.HasPrefix(cursor, "http://") || strings.HasPrefix(cursor, "https://") {
		return cursor, nil
	}
	stamp, err := stampOf(cursor)
	if err != nil {
		return "", err
	}
	f := "GewijzigdOp ge " + stamp
	if filter != "" {
		f = filter + " and " + f
	}
	q := url.Values{"$filter": {f}, "$orderby": {"GewijzigdOp"}}
	if expand != "" {
		q.Set("$expand", expand)
	}
	// OData wants %20, not +, between words.
	return c.Base + "/" + set + "?" + strings.ReplaceAll(q.Encode(), "+", "%20"), nil
}

// next checks that the service's next link stays on the service: a run
// follows no link elsewhere.
func (c *Client) next(from, link string) (string, error) {
	if link == "" {
		return "", nil
	}
	b, err1 := url.Parse(c.Base)
	n, err2 := url.Parse(link)
	if err1 != nil || err2 != nil || !n.IsAbs() || n.Host != b.Host {
		return "", &source.Error{URL: from, Err: fmt.Errorf("%w: @odata.nextLink %q leaves %s", source.ErrMalformed, link, c.Base)}
	}
	return link, nil
}

// resumeOf is where a page read from cursor resumes when it holds no
// change stamp of its own: the cursor, unless it is a next link (a link
// is only good within the run that got it).
func resumeOf(cursor string) string {
	if strings.HasPrefix(cursor, "http://") || strings.HasPrefix(cursor, "https://") {
		return ""
	}
	return cursor
}

// stampOf turns a cursor into an OData DateTimeOffset literal.
func stampOf(cursor string) (string, error) {
	if t, err := time.Parse(tracker.DateLayout, cursor); err == nil {
		return t.UTC().Format(time.RFC3339), nil
	}
	if t, err := time.Parse(time.RFC3339Nano, cursor); err == nil {
		return t.Format(time.RFC3339Nano), nil
	}
	return "", fmt.Errorf("tweede kamer: cursor %q: want a date (YYYY-MM-DD) or a change stamp", cursor)
}

// later returns the later of two change stamps; an unreadable b is ignored.
func later(a, b string) string {
	tb, err := time.Parse(time.RFC3339Nano, b)
	if err != nil {
		return a
	}
	if ta, err := time.Parse(time.RFC3339Nano, a); err == nil && !tb.After(ta) {
		return a
	}
	if ta, err := time.Parse(tracker.DateLayout, a); err == nil && tb.Before(ta) {
		return a
	}
	return b
}

// question maps a Zaak to a filed question with its answer documents.
func (c *Client) question(z zaak) source.Question {
	q := source.Question{FiledQuestion: tracker.FiledQuestion{
		Parliament: tracker.TK, Ref: z.ID, Number: z.Nummer, Title: firstOf(z.Onderwerp, z.Titel),
		Filed: source.Day(z.GestartOp),
	}}
	var askers []string
	for _, a := range z.ZaakActor {
		if a.Verwijderd {
			continue
		}
		name := firstOf(a.ActorNaam, a.Functie)
		switch a.Relatie {
		case RelatieAsker:
			askers = append([]string{name}, askers...)
			q.AskerID = a.PersoonID
		case RelatieCoAsker:
			askers = append(askers, name)
		case RelatieAddresse:
			// A person's name with the office, so that a watch on either matches.
			if f := strings.TrimSpace(a.Functie); f != "" && !strings.Contains(strings.ToLower(name), strings.ToLower(f)) {
				name += " (" + f + ")"
			}
			if q.Minister == "" {
				q.Minister = name
			}
		case RelatieCommittee:
			if q.Committee == "" {
				q.Committee = name
			}
		}
	}
	q.Asker = strings.Join(askers, ", ")
	docs := append([]document(nil), z.Document...)
	sort.SliceStable(docs, func(i, j int) bool { return source.Day(docs[i].Datum).Before(source.Day(docs[j].Datum)) })
	for _, d := range docs {
		if d.Verwijderd {
			continue
		}
		day := source.Day(d.Datum)
		switch d.Soort {
		case SoortQuestion:
			if q.Filed.IsZero() {
				q.Filed = day
			}
		case SoortPostponement:
			if day.After(q.Postponed) {
				q.Postponed = day
			}
		case SoortAnswer, SoortAnswerLater:
			q.Answers = append(q.Answers, source.Doc{URL: c.Base + "/Document(" + d.ID + ")/resource", Date: day, Kind: d.Soort})
		}
	}
	// The first regular answer answers the question; a later one adds to it.
	sort.SliceStable(q.Answers, func(i, j int) bool {
		return q.Answers[i].Kind == SoortAnswer && q.Answers[j].Kind != SoortAnswer
	})
	if len(q.Answers) > 0 {
		q.AnswerURL = q.Answers[0].URL
	}
	return q
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
