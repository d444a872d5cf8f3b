// Package web serves pqtrack's dashboard: server-rendered pages (Dutch by
// default, English on request) for the follow-up work, a JSON API beside
// them, an iCalendar feed of promised dates and a CSV export.
//
// Every text from a document is untrusted and goes through html/template.
// Forms carry a CSRF token; the usual security headers are set on every
// response. Binding to anything but a loopback address needs credentials
// (CheckAddr), which the server then asks for.
package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is what the dashboard needs of the database; store.Full has it.
type Store interface {
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	Documents(ctx context.Context) ([]tracker.Document, error)
	RecentDocuments(ctx context.Context, flagged bool, limit int) ([]store.DocumentSummary, error)
	Search(ctx context.Context, query string, limit int) ([]store.Hit, error)
	Stats(ctx context.Context, today time.Time) (store.Stats, error)
	FilterValues(ctx context.Context) (ministers, askers []string, err error)

	DocumentPage(ctx context.Context, after, before int64, limit int) (docs []store.DocumentSummary, prev, next bool, err error)

	FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error)
	QueuePage(ctx context.Context, f tracker.FollowUpFilter, after, before int64, limit int) (store.Page, error)
	QueueCount(ctx context.Context, f tracker.FollowUpFilter, max int) (int, error)
	DueBetween(ctx context.Context, from, to time.Time, kind tracker.FollowUpKind, limit int) ([]tracker.FollowUp, error)
	FollowUp(ctx context.Context, id int64) (*tracker.FollowUp, error)
	History(ctx context.Context, id int64) ([]tracker.FollowUpEvent, error)

	Check(ctx context.Context, id int64, outcome tracker.Outcome, reaskedAs, note, by string, at time.Time) error
	Snooze(ctx context.Context, id int64, until time.Time, note, by string, at time.Time) error
	Redate(ctx context.Context, id int64, to time.Time, note, by string, at time.Time) error
	Reopen(ctx context.Context, id int64, note, by string, at time.Time) error

	Correct(ctx context.Context, c tracker.Correction) (tracker.CorrectionResult, error)
	Corrections(ctx context.Context, f tracker.CorrectionFilter) ([]tracker.Correction, error)
}

// Upload is a document sent through the upload form.
type Upload struct {
	Name string // the file's base name
	Data []byte
	Kind tracker.Kind // tracker.KindAnswer, KindMeeting or KindLetter
	Date time.Time    // for a meeting or letter: its date, when the header does not say it
	Body string       // for a meeting: the committee or plenary, when the header does not say it
}

// DefaultAddr is where the dashboard listens unless told otherwise.
const DefaultAddr = "127.0.0.1:8080"

// DefaultMaxUpload is the largest document an upload may be.
const DefaultMaxUpload = 10 << 20

// MinTokenLength is the shortest token New accepts: a short one can be
// guessed.
const MinTokenLength = 16

// Config is what a Server is built from. cmd/pqtrack fills it from flags
// and the environment.
type Config struct {
	Store Store
	// Ingest reads, analyses and stores an uploaded document the way
	// `pqtrack ingest` does (cmd/pqtrack's pipeline: analysis, references
	// within the document, passages, re-resolution of open deferrals and
	// the arrival message). It reports what it stored; an error means
	// nothing was. Nil disables uploads.
	Ingest func(ctx context.Context, u Upload) (store.IngestResult, error)
	// Watchlist is the watch list page's store; nil switches the page off.
	Watchlist Watchlist

	// Offices, when set, serves each office its own follow-ups: Store and
	// Watchlist are then the default office's, and ForOffice gives any
	// office's. Users log in per office (see Offices); SessionKey signs
	// their session cookies (nil: a random key per server, so sessions end
	// when it restarts).
	Offices    Offices
	ForOffice  func(id int64) (Store, Watchlist)
	SessionKey []byte

	// Credentials. With none set the server asks for none, which CheckAddr
	// allows on loopback addresses only. Token is accepted as a bearer
	// token, as the password of basic auth (any user name) and, for the
	// calendar feed and CSV export that calendar programs fetch, as
	// ?token=.
	Token          string
	User, Password string

	// Hosts are the host names (without port) the server answers to
	// besides the loopback ones (localhost, 127.0.0.1, [::1]). A request
	// for any other host is refused: a page of another site whose name
	// resolves to this machine (DNS rebinding) gets nothing.
	Hosts []string

	Loc       *time.Location   // where days begin; default Europe/Brussels, else UTC
	Now       func() time.Time // default time.Now
	MaxUpload int64            // bytes; default DefaultMaxUpload
	PageSize  int              // rows of the queue; default 50
	// Busy is how many requests are worked on at once; the others wait
	// their turn in order. Default: the number of CPUs.
	Busy int
	Log  *slog.Logger // default slog.Default()
}

// Server is the dashboard's http.Handler.
type Server struct {
	cfg   Config
	pages map[string]*template.Template
	mux   *http.ServeMux
	h     http.Handler
}

// New builds a server from cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("web: %w: no store", tracker.ErrInvalid)
	}
	if cfg.Token != "" && len(cfg.Token) < MinTokenLength {
		return nil, fmt.Errorf("web: %w: the token is %d characters; it needs at least %d", tracker.ErrInvalid, len(cfg.Token), MinTokenLength)
	}
	if (cfg.User == "") != (cfg.Password == "") {
		return nil, fmt.Errorf("web: %w: basic auth needs both a user and a password", tracker.ErrInvalid)
	}
	if cfg.Loc == nil {
		cfg.Loc = time.UTC
		if loc, err := time.LoadLocation("Europe/Brussels"); err == nil {
			cfg.Loc = loc
		}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 50
	}
	if cfg.Busy <= 0 {
		cfg.Busy = runtime.GOMAXPROCS(0)
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Offices != nil && cfg.ForOffice == nil {
		return nil, fmt.Errorf("web: %w: offices without ForOffice", tracker.ErrInvalid)
	}
	if len(cfg.SessionKey) == 0 {
		cfg.SessionKey = newSessionKey()
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.routes()
	// Outermost first: headers on every answer, then for which host name,
	// then who may ask, then cross-site form posts refused.
	auth := s.auth
	if cfg.Offices != nil {
		auth = s.officeAuth
	}
	s.h = securityHeaders(s.hostCheck(auth(s.csrf(s.turns(s.mux)))))
	return s, nil
}

// HasCredentials reports whether the configuration asks for credentials.
func (c *Config) HasCredentials() bool { return c.Token != "" || c.User != "" }

func (s *Server) routes() {
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", noListing(http.FileServerFS(static))))

	s.mux.HandleFunc("GET /{$}", s.overview)
	s.mux.HandleFunc("GET /followups", s.queue)
	s.mux.HandleFunc("GET /followups.csv", s.exportCSV)
	s.mux.HandleFunc("GET /followups/{id}", s.followUp)
	s.mux.HandleFunc("POST /followups/{id}/check", s.check)
	s.mux.HandleFunc("POST /followups/{id}/snooze", s.snooze)
	s.mux.HandleFunc("POST /followups/{id}/redate", s.redate)
	s.mux.HandleFunc("POST /followups/{id}/reopen", s.reopen)
	s.mux.HandleFunc("GET /documents", s.documents)
	s.mux.HandleFunc("GET /documents/{id}", s.document)
	s.mux.HandleFunc("POST /documents/{id}/questions/{n}/correct", s.correct)
	s.mux.HandleFunc("GET /upload", s.uploadForm)
	s.mux.HandleFunc("POST /upload", s.upload)
	s.mux.HandleFunc("GET /watches", s.watches)
	s.mux.HandleFunc("POST /watches", s.addWatch)
	s.mux.HandleFunc("POST /watches/{id}/remove", s.removeWatch)
	s.mux.HandleFunc("GET /search", s.search)
	s.mux.HandleFunc("GET /calendar", s.calendar)
	s.mux.HandleFunc("GET /calendar.ics", s.ics)
	if s.cfg.Offices != nil {
		s.mux.HandleFunc("GET /login", s.loginForm)
		s.mux.HandleFunc("POST /login", s.login)
		s.mux.HandleFunc("POST /office", s.switchOffice)
		s.mux.HandleFunc("POST /logout", s.logout)
	}

	s.mux.HandleFunc("GET /api/stats", s.apiStats)
	s.mux.HandleFunc("GET /api/followups", s.apiFollowUps)
	s.mux.HandleFunc("GET /api/followups/{id}", s.apiFollowUp)
	s.mux.HandleFunc("GET /api/documents", s.apiDocuments)
	s.mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	s.mux.HandleFunc("GET /api/search", s.apiSearch)
	s.mux.HandleFunc("GET /api/calendar", s.apiCalendar)
}

// ServeHTTP serves the dashboard.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }

// CheckAddr refuses to serve on an address other than a loopback one
// without credentials: the dashboard shows and changes what staff owe.
func CheckAddr(addr string, hasCredentials bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if hasCredentials || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("address %q is not a loopback address: set PQTRACK_WEB_TOKEN or PQTRACK_WEB_USER and PQTRACK_WEB_PASSWORD: %w", addr, tracker.ErrInvalid)
}

// Serve serves h on ln until ctx ends, then shuts down, letting requests in
// flight finish for up to grace.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("web: shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: %w", err)
	}
	return nil
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Pages show what staff owe and carry CSRF tokens: no cache keeps
		// them, redirects, errors and exports included. Only the static
		// files may be kept.
		if strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "private, max-age=3600")
		} else {
			h.Set("Cache-Control", "no-store")
		}
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// auth asks for the configured credentials, when there are any.
func (s *Server) auth(next http.Handler) http.Handler {
	if !s.cfg.HasCredentials() {
		return next
	}
	eq := func(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok := false
		if t := s.cfg.Token; t != "" {
			// The scheme is case-insensitive (RFC 9110, 11.1).
			if scheme, v, found := strings.Cut(r.Header.Get("Authorization"), " "); found &&
				strings.EqualFold(scheme, "Bearer") && eq(strings.TrimSpace(v), t) {
				ok = true
			}
			if _, pw, has := r.BasicAuth(); has && eq(pw, t) {
				ok = true
			}
			// Calendar programs subscribe to a URL and send no header.
			if (r.URL.Path == "/calendar.ics" || r.URL.Path == "/followups.csv") && eq(r.URL.Query().Get("token"), t) {
				ok = true
			}
		}
		if s.cfg.User != "" {
			if u, pw, has := r.BasicAuth(); has && eq(u, s.cfg.User) && eq(pw, s.cfg.Password) {
				ok = true
			}
		}
		if !ok {
			w.Header().Set("WWW-Authenticate", `Basic realm="pqtrack", charset="UTF-8"`)
			http.Error(w, "401 unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// turns lets cfg.Busy requests work at once and queues the others. Twenty
// requests sharing two cores all at once each take twenty times as long,
// and some much longer (SQLite's connections and the Go scheduler take
// turns unevenly); queued, each waits its turn and then runs at full
// speed, which keeps the slowest answers close to the typical ones.
func (s *Server) turns(next http.Handler) http.Handler {
	sem := make(chan struct{}, s.cfg.Busy)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/upload" {
			next.ServeHTTP(w, r) // waits on pdftotext, not on the CPU
			return
		}
		select {
		case sem <- struct{}{}:
		case <-r.Context().Done():
			return // the client went away while waiting
		}
		defer func() { <-sem }()
		next.ServeHTTP(w, r)
	})
}

// noListing answers 404 for a directory, so /static/ lists no files.
func noListing(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostCheck refuses a request for a host name the server does not answer
// to, with 421 Misdirected Request.
func (s *Server) hostCheck(next http.Handler) http.Handler {
	allowed := map[string]bool{"localhost": true}
	for _, h := range s.cfg.Hosts {
		allowed[normalHost(h)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := normalHost(r.Host)
		if ip := net.ParseIP(h); allowed[h] || ip != nil && ip.IsLoopback() {
			next.ServeHTTP(w, r)
			return
		}
		s.cfg.Log.Warn("web: refused host", "host", r.Host, "path", r.URL.Path)
		s.fail(w, r, errHost)
	})
}

// normalHost is a Host header or name without port and brackets, in lower
// case, without a final dot.
func normalHost(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// httpStatus maps an error to the status code it answers with.
func httpStatus(err error) int {
	switch {
	case errors.Is(err, tracker.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, tracker.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled):
		return 499 // the client went away; nginx's code
	}
	return http.StatusInternalServerError
}

// pathID reads the {id} of a route.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("id %q: %w", r.PathValue("id"), tracker.ErrNotFound)
	}
	return id, nil
}

// today is the current day where the server runs its weeks.
func (s *Server) today() time.Time { return tracker.DayOf(s.cfg.Now().In(s.cfg.Loc)) }
