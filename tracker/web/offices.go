package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Offices is what the dashboard reads of the offices sharing a database
// (store.Full has it). With Config.Offices set, a user logs in per office
// (slug and secret) and sees and changes that office's follow-ups alone;
// the configured token or basic auth stands for the default office, as it
// did before there were offices.
type Offices interface {
	Offices(ctx context.Context) ([]tracker.Office, error)
	OfficeBySlug(ctx context.Context, slug string) (tracker.Office, error)
}

const (
	sessionCookie = "pqtrack_session"
	sessionMaxAge = 30 * 24 * time.Hour
)

var errLogin = &pageError{http.StatusUnauthorized, "login.failed", nil}

// session is the offices a browser logged in to and the active one.
type session struct {
	ids    []int64
	active int64
	issued time.Time
}

// officeCtx is the request's office: its stores and the offices the
// request may switch between.
type officeCtx struct {
	id        int64
	store     Store
	watchlist Watchlist
	choices   []tracker.Office // the offices of the session, for the switcher
	slug      string
}

type officeKey struct{}

// OfficeOf is the id of the office a request to the dashboard acts for,
// tracker.DefaultOffice when there are no offices.
func OfficeOf(ctx context.Context) int64 {
	if o, ok := ctx.Value(officeKey{}).(*officeCtx); ok {
		return o.id
	}
	return tracker.DefaultOffice
}

// storeOf is the store of the request's office.
func (s *Server) storeOf(ctx context.Context) Store {
	if o, ok := ctx.Value(officeKey{}).(*officeCtx); ok {
		return o.store
	}
	return s.cfg.Store
}

// watchlistOf is the watch list of the request's office.
func (s *Server) watchlistOf(ctx context.Context) Watchlist {
	if o, ok := ctx.Value(officeKey{}).(*officeCtx); ok && o.watchlist != nil {
		return o.watchlist
	}
	return s.cfg.Watchlist
}

func (s *Server) sign(v string) string {
	m := hmac.New(sha256.New, s.cfg.SessionKey)
	m.Write([]byte(v))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// writeSession sets the session cookie: signed, HttpOnly, SameSite=Lax (a
// link from elsewhere opens the dashboard logged in; the forms are
// guarded by their CSRF token).
func (s *Server) writeSession(w http.ResponseWriter, r *http.Request, ss session) {
	ids := make([]string, len(ss.ids))
	for i, id := range ss.ids {
		ids[i] = strconv.FormatInt(id, 10)
	}
	v := strings.Join(ids, "-") + "." + strconv.FormatInt(ss.active, 10) + "." + strconv.FormatInt(ss.issued.Unix(), 10)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: v + "." + s.sign(v), Path: "/",
		MaxAge: int(sessionMaxAge / time.Second), HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
}

// readSession reads a valid session cookie; a forged, stale or missing one
// is an empty session.
func (s *Server) readSession(r *http.Request) session {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return session{}
	}
	i := strings.LastIndexByte(c.Value, '.')
	if i < 0 || !hmac.Equal([]byte(c.Value[i+1:]), []byte(s.sign(c.Value[:i]))) {
		return session{}
	}
	parts := strings.Split(c.Value[:i], ".")
	if len(parts) != 3 {
		return session{}
	}
	var ss session
	for _, p := range strings.Split(parts[0], "-") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			ss.ids = append(ss.ids, id)
		}
	}
	ss.active, _ = strconv.ParseInt(parts[1], 10, 64)
	unix, _ := strconv.ParseInt(parts[2], 10, 64)
	ss.issued = time.Unix(unix, 0)
	if s.cfg.Now().Sub(ss.issued) > sessionMaxAge {
		return session{}
	}
	return ss
}

// legacyOK says whether r may act for the default office the way it did
// before offices: no credentials configured, or the configured ones.
func (s *Server) legacyOK(r *http.Request) bool {
	if !s.cfg.HasCredentials() {
		return true
	}
	eq := func(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
	if t := s.cfg.Token; t != "" {
		if scheme, v, found := strings.Cut(r.Header.Get("Authorization"), " "); found &&
			strings.EqualFold(scheme, "Bearer") && eq(strings.TrimSpace(v), t) {
			return true
		}
		if _, pw, has := r.BasicAuth(); has && eq(pw, t) {
			return true
		}
		if feed(r) && eq(r.URL.Query().Get("token"), t) {
			return true
		}
	}
	return s.user(r) != ""
}

// feed says whether r is for what programs fetch by URL alone.
func feed(r *http.Request) bool {
	return r.URL.Path == "/calendar.ics" || r.URL.Path == "/followups.csv"
}

// bearerOffice finds the office whose secret r carries as a bearer token
// (or, for the feeds, as ?token=): the API of that office alone.
func (s *Server) bearerOffice(r *http.Request) (tracker.Office, bool) {
	tok := ""
	if scheme, v, found := strings.Cut(r.Header.Get("Authorization"), " "); found && strings.EqualFold(scheme, "Bearer") {
		tok = strings.TrimSpace(v)
	} else if feed(r) {
		tok = r.URL.Query().Get("token")
	}
	if tok == "" {
		return tracker.Office{}, false
	}
	os, err := s.cfg.Offices.Offices(r.Context())
	if err != nil {
		return tracker.Office{}, false
	}
	for _, o := range os {
		if o.SecretMatches(tok) {
			return o, true
		}
	}
	return tracker.Office{}, false
}

// officeAuth replaces auth when there are offices: it decides which
// offices the request may act for and which one it does, and puts that
// office's stores in the request's context. Nobody gets past it without
// an office; the login page and static files need none.
func (s *Server) officeAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		if o, ok := s.bearerOffice(r); ok {
			oc := s.officeCtx(o.ID, []tracker.Office{o})
			next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, officeKey{}, oc)))
			return
		}
		ss := s.readSession(r)
		allowed := ss.ids
		if s.legacyOK(r) && !slices.Contains(allowed, tracker.DefaultOffice) {
			allowed = append([]int64{tracker.DefaultOffice}, allowed...)
		}
		if len(allowed) == 0 {
			if strings.HasPrefix(r.URL.Path, "/api/") || feed(r) || r.Method != http.MethodGet {
				w.Header().Set("WWW-Authenticate", `Bearer realm="pqtrack"`)
				s.fail(w, r, errLogin)
				return
			}
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		active := ss.active
		if !slices.Contains(allowed, active) {
			active = allowed[0]
		}
		all, err := s.cfg.Offices.Offices(ctx)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		var choices []tracker.Office
		for _, o := range all {
			if slices.Contains(allowed, o.ID) {
				choices = append(choices, o)
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, officeKey{}, s.officeCtx(active, choices))))
	})
}

func (s *Server) officeCtx(id int64, choices []tracker.Office) *officeCtx {
	st, wl := s.cfg.ForOffice(id)
	oc := &officeCtx{id: id, store: st, watchlist: wl, choices: choices}
	for _, o := range choices {
		if o.ID == id {
			oc.slug = o.Slug
		}
	}
	return oc
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", "", "login.title", map[string]any{"Slug": r.URL.Query().Get("office")})
}

// login adds the office whose slug and secret the form gives to the
// browser's session and makes it the active one. The default office
// logs in with the dashboard's token or password.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	slug := strings.TrimSpace(r.PostFormValue("office"))
	secret := r.PostFormValue("secret")
	o, err := s.cfg.Offices.OfficeBySlug(r.Context(), slug)
	ok := err == nil && o.SecretMatches(secret)
	if err == nil && o.ID == tracker.DefaultOffice && !ok && secret != "" {
		eq := func(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
		ok = s.cfg.Token != "" && eq(secret, s.cfg.Token) || s.cfg.Password != "" && eq(secret, s.cfg.Password)
	}
	if err != nil && !errors.Is(err, tracker.ErrNotFound) {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.render(w, r, http.StatusUnauthorized, "login", "", "login.title", map[string]any{"Slug": slug, "Failed": true})
		return
	}
	ss := s.readSession(r)
	if !slices.Contains(ss.ids, o.ID) {
		ss.ids = append(ss.ids, o.ID)
	}
	ss.active, ss.issued = o.ID, s.cfg.Now()
	s.writeSession(w, r, ss)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// switchOffice makes another office of the session the active one.
func (s *Server) switchOffice(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PostFormValue("office"), 10, 64)
	oc, _ := r.Context().Value(officeKey{}).(*officeCtx)
	if oc == nil || !slices.ContainsFunc(oc.choices, func(o tracker.Office) bool { return o.ID == id }) {
		s.fail(w, r, tracker.ErrNotFound)
		return
	}
	ss := s.readSession(r)
	if id == tracker.DefaultOffice && !slices.Contains(ss.ids, id) {
		ss.ids = append(ss.ids, id) // came in with the dashboard's credentials
	}
	ss.active = id
	if ss.issued.IsZero() {
		ss.issued = s.cfg.Now()
	}
	s.writeSession(w, r, ss)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// logout forgets the session's offices.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// newSessionKey is a random key for the session cookies of one server.
func newSessionKey() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}
