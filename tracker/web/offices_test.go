package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/postgres"
	"github.com/pqtrack/pqtrack/tracker/store"
	"github.com/pqtrack/pqtrack/tracker/storetest"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

const (
	webToken    = "token-of-the-default-office"
	groenSecret = "secret-of-groen"
	roodSecret  = "secret-of-rood"
)

// officesFixture is a dashboard over db with the default office and the
// offices groen and rood, the default and groen following the same
// document with follow-ups of their own.
type officesFixture struct {
	db     store.Full
	groen  store.Full
	ts     *httptest.Server
	a, b   []tracker.FollowUp // the default office's, groen's
	roodID int64
}

func newOfficesFixture(t *testing.T, db store.Full) *officesFixture {
	t.Helper()
	ctx := context.Background()
	add := func(slug, secret string) int64 {
		id, err := db.AddOffice(ctx, tracker.Office{Slug: slug, Name: "Kantoor " + slug, SecretHash: tracker.HashSecret(secret)}, now)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f := &officesFixture{db: db}
	f.groen = db.ForOffice(add("groen", groenSecret))
	f.roodID = add("rood", roodSecret)
	if _, err := db.Ingest(ctx, storetest.SampleDoc(), now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.groen.Ingest(ctx, storetest.SampleDoc(), now); err != nil {
		t.Fatal(err)
	}
	f.a, _ = db.FollowUps(ctx, tracker.FollowUpFilter{})
	f.b, _ = f.groen.FollowUps(ctx, tracker.FollowUpFilter{})
	if len(f.a) == 0 || len(f.a) != len(f.b) {
		t.Fatalf("follow-ups: %d and %d", len(f.a), len(f.b))
	}
	f.ts = f.server(t, nil)
	return f
}

// server serves the fixture's database as one more `serve` process would,
// signing sessions with key (nil: a random key of its own).
func (f *officesFixture) server(t *testing.T, key []byte) *httptest.Server {
	db := f.db
	srv, err := New(Config{Store: db, Watchlist: db, Offices: db, Token: webToken, SessionKey: key,
		ForOffice: func(id int64) (Store, Watchlist) { o := db.ForOffice(id); return o, o },
		Now:       func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// TestSessionAcrossProcesses: with one session key (PQTRACK_SESSION_KEY),
// a login made on one `serve` process holds on another behind the same
// address; with keys of their own it does not.
func TestSessionAcrossProcesses(t *testing.T) {
	f := newOfficesFixture(t, mustOpenDB(t))
	key := []byte("a key shared by the group's serve processes")
	first, second, other := f.server(t, key), f.server(t, key), f.server(t, nil)
	u := f.user(t)
	u.f = &officesFixture{db: f.db, ts: first}
	if code := u.login("groen", groenSecret); code != http.StatusSeeOther {
		t.Fatalf("login on the first process: %d", code)
	}
	// The cookie jar sends 127.0.0.1's cookies to every port.
	u.f = &officesFixture{db: f.db, ts: second}
	code, body := u.do("GET", "/followups", nil)
	if got := listed(body); code != http.StatusOK || len(got) == 0 || !isSubset(got, idsOf(f.b)) {
		t.Errorf("second process, same key: /followups (%d) links to %v, want groen's %v", code, got, idsOf(f.b))
	}
	u.f = &officesFixture{db: f.db, ts: other}
	if code, _ := u.do("GET", "/followups", nil); code != http.StatusSeeOther {
		t.Errorf("a process with a key of its own answers %d, want a redirect to the login page", code)
	}
}

// user is a browser: its own cookies, redirects not followed.
type user struct {
	t  *testing.T
	f  *officesFixture
	c  *http.Client
	hd []string // headers sent with every request
}

func (f *officesFixture) user(t *testing.T, hd ...string) *user {
	jar, _ := cookiejar.New(nil)
	return &user{t: t, f: f, hd: hd, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (u *user) do(method, path string, form url.Values) (int, string) {
	u.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u.f.ts.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(u.hd); i += 2 {
		req.Header.Set(u.hd[i], u.hd[i+1])
	}
	resp, err := u.c.Do(req)
	if err != nil {
		u.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// post sends form with the CSRF token of page from.
func (u *user) post(from, path string, form url.Values) (int, string) {
	u.t.Helper()
	_, page := u.do("GET", from, nil)
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		u.t.Fatalf("%s has no CSRF field:\n%s", from, page)
	}
	form.Set("csrf", m[1])
	return u.do("POST", path, form)
}

func (u *user) login(slug, secret string) int {
	u.t.Helper()
	code, _ := u.post("/login", "/login", url.Values{"office": {slug}, "secret": {secret}})
	return code
}

var followUpLink = regexp.MustCompile(`href="/followups/(\d+)"`)

// listed are the follow-ups a page links to.
func listed(body string) []int64 {
	var out []int64
	for _, m := range followUpLink.FindAllStringSubmatch(body, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func apiIDs(t *testing.T, body string) []int64 {
	t.Helper()
	var v struct {
		FollowUps []struct {
			ID int64 `json:"id"`
		} `json:"followups"`
	}
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v:\n%s", err, body)
	}
	var out []int64
	for _, f := range v.FollowUps {
		out = append(out, f.ID)
	}
	slices.Sort(out)
	return out
}

func idsOf(fs []tracker.FollowUp) []int64 {
	var out []int64
	for _, f := range fs {
		out = append(out, f.ID)
	}
	slices.Sort(out)
	return out
}

// testOfficeIsolation: a user of groen reads and changes groen's
// follow-ups alone, through the pages, the forms, the calendar feed and
// the API; another office's follow-up is not found (404, not 403).
func testOfficeIsolation(t *testing.T, db store.Full) {
	f := newOfficesFixture(t, db)
	ctx := context.Background()
	theirs := f.a[0].ID

	anon := f.user(t)
	if code, _ := anon.do("GET", "/followups", nil); code != http.StatusSeeOther {
		t.Errorf("no login: /followups answers %d, want a redirect to the login page", code)
	}
	if code, _ := anon.do("GET", "/api/followups", nil); code != http.StatusUnauthorized {
		t.Errorf("no login: the API answers %d, want 401", code)
	}
	if code := anon.login("groen", "wrong-secret"); code != http.StatusUnauthorized {
		t.Errorf("a wrong secret logs in: %d", code)
	}
	if code := anon.login("groen", roodSecret); code != http.StatusUnauthorized {
		t.Errorf("another office's secret logs in: %d", code)
	}

	b := f.user(t)
	if code := b.login("groen", groenSecret); code != http.StatusSeeOther {
		t.Fatalf("login: %d", code)
	}
	for _, path := range []string{"/followups", "/followups?tab=all", "/", "/documents/" + strconv.FormatInt(f.a[0].DocumentID, 10)} {
		code, body := b.do("GET", path, nil)
		if got := listed(body); code != http.StatusOK || len(got) == 0 || !isSubset(got, idsOf(f.b)) {
			t.Errorf("groen's %s (%d) links to %v, want groen's %v alone", path, code, got, idsOf(f.b))
		}
	}
	if code, _ := b.do("GET", "/followups/"+strconv.FormatInt(theirs, 10), nil); code != http.StatusNotFound {
		t.Errorf("groen reads the default office's follow-up: %d, want 404", code)
	}
	if code, _ := b.do("GET", "/followups/"+strconv.FormatInt(f.b[0].ID, 10), nil); code != http.StatusOK {
		t.Errorf("groen reads its own follow-up: %d", code)
	}
	mine := "/followups/" + strconv.FormatInt(f.b[0].ID, 10)
	for _, a := range []struct {
		action string
		form   url.Values
	}{
		{"check", url.Values{"outcome": {"dropped"}}},
		{"snooze", url.Values{"until": {"2030-01-01"}}},
		{"redate", url.Values{"due": {"2030-01-01"}, "note": {"later"}}},
		{"reopen", url.Values{}},
	} {
		if code, _ := b.post(mine, "/followups/"+strconv.FormatInt(theirs, 10)+"/"+a.action, a.form); code != http.StatusNotFound {
			t.Errorf("groen's %s of the default office's follow-up: %d, want 404", a.action, code)
		}
	}
	if fa, _ := db.FollowUp(ctx, theirs); fa.State != tracker.Open || !fa.Updated.Equal(f.a[0].Updated) {
		t.Errorf("the default office's follow-up changed: %+v", fa)
	}
	if code, _ := b.post(mine, mine+"/check", url.Values{"outcome": {"delivered"}}); code != http.StatusSeeOther {
		t.Errorf("groen checks its own follow-up: %d", code)
	}
	if fb, _ := f.groen.FollowUp(ctx, f.b[0].ID); fb.State != tracker.Done || fb.By != "groen" {
		t.Errorf("groen's own follow-up after its check: %+v", fb)
	}
	_, body := b.do("GET", "/api/followups?tab=all&limit=1000", nil)
	if got := apiIDs(t, body); !slices.Equal(got, idsOf(f.b)) {
		t.Errorf("groen's API lists %v, want %v", got, idsOf(f.b))
	}
	if code, _ := b.do("GET", "/api/followups/"+strconv.FormatInt(theirs, 10), nil); code != http.StatusNotFound {
		t.Errorf("groen's API reads the default office's follow-up: %d, want 404", code)
	}
	_, ics := b.do("GET", "/calendar.ics", nil)
	for _, fa := range f.a {
		if strings.Contains(ics, "followup-"+strconv.FormatInt(fa.ID, 10)+"@") {
			t.Errorf("groen's calendar holds the default office's follow-up %d", fa.ID)
		}
	}
	if code, _ := b.do("GET", "/followups.csv", nil); code != http.StatusOK {
		t.Errorf("groen's export: %d", code)
	} else if _, csv := b.do("GET", "/followups.csv", nil); strings.Contains(csv, "\n"+strconv.FormatInt(theirs, 10)+",") {
		t.Error("groen's export holds the default office's follow-up")
	}
	// Switching to an office the session did not log in to is refused.
	if code, _ := b.post("/", "/office", url.Values{"office": {strconv.FormatInt(f.roodID, 10)}}); code != http.StatusNotFound {
		t.Errorf("groen switches to rood without logging in: %d, want 404", code)
	}

	// The API with an office's secret as bearer token is that office's.
	api := f.user(t, "Authorization", "Bearer "+groenSecret)
	_, body = api.do("GET", "/api/followups?tab=all&limit=1000", nil)
	if got := apiIDs(t, body); !slices.Equal(got, idsOf(f.b)) {
		t.Errorf("groen's bearer token lists %v, want %v", got, idsOf(f.b))
	}
	if code, _ := api.do("GET", "/api/followups/"+strconv.FormatInt(theirs, 10), nil); code != http.StatusNotFound {
		t.Errorf("groen's bearer token reads the default office's follow-up: %d", code)
	}
	rood := f.user(t, "Authorization", "Bearer "+roodSecret)
	_, body = rood.do("GET", "/api/followups?tab=all&limit=1000", nil)
	if got := apiIDs(t, body); len(got) != 0 {
		t.Errorf("rood's bearer token lists %v, want nothing", got)
	}
	// The dashboard's own token is the default office, as before.
	old := f.user(t, "Authorization", "Bearer "+webToken)
	_, body = old.do("GET", "/api/followups?tab=all&limit=1000", nil)
	if got := apiIDs(t, body); !slices.Equal(got, idsOf(f.a)) {
		t.Errorf("the dashboard's token lists %v, want the default office's %v", got, idsOf(f.a))
	}

	// One browser in two offices: the switcher lists both and changes the
	// active one; each page shows the active office's alone.
	both := f.user(t)
	both.login("kantoor", webToken)
	both.login("groen", groenSecret)
	_, body = both.do("GET", "/followups", nil)
	if got := listed(body); !isSubset(got, idsOf(f.b)) || !strings.Contains(body, `name="office"`) || strings.Contains(body, "Kantoor rood") {
		t.Errorf("after logging in to groen last: %v, want groen's; the switcher lists the two offices alone", got)
	}
	if code, _ := both.post("/", "/office", url.Values{"office": {"1"}}); code != http.StatusSeeOther {
		t.Fatalf("switch: %d", code)
	}
	_, body = both.do("GET", "/followups", nil)
	if got := listed(body); len(got) == 0 || !isSubset(got, idsOf(f.a)) {
		t.Errorf("after switching to the default office: %v, want its %v", got, idsOf(f.a))
	}
	// A forged session cookie counts for nothing.
	forged := f.user(t)
	u, _ := url.Parse(f.ts.URL)
	forged.c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: "1-2-3.2.9999999999.AAAA"}})
	if code, _ := forged.do("GET", "/followups", nil); code != http.StatusSeeOther {
		t.Errorf("a forged session: %d, want the login page", code)
	}
}

func isSubset(a, b []int64) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func TestOfficeIsolationSQLite(t *testing.T) { testOfficeIsolation(t, mustOpenDB(t)) }

func TestOfficeIsolationPostgres(t *testing.T) {
	db, err := postgres.Open(context.Background(), pgtest.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	testOfficeIsolation(t, db)
}
