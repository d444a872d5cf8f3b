package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
	"github.com/pqtrack/pqtrack/tracker/web"
)

func init() {
	register("web", "serve the dashboard (without the scheduler; serve runs both)", runWeb)
}

// defaultWebAddr is where the dashboard listens without --addr and
// $PQTRACK_WEB_ADDR; the package's tests set it to a free port.
var defaultWebAddr = web.DefaultAddr

// webOptions are the dashboard's flags, shared by web and serve.
type webOptions struct {
	addr   *string
	rules  *string
	hosts  *string
	reader func() (*reader, error)
}

func webFlags(e *env, fs *flag.FlagSet) webOptions {
	return webOptions{
		addr: fs.String("addr", envOr(e, "PQTRACK_WEB_ADDR", defaultWebAddr),
			"`ADDRESS` of the dashboard; other than loopback it needs PQTRACK_WEB_TOKEN or PQTRACK_WEB_USER and PQTRACK_WEB_PASSWORD"),
		rules: fs.String("rules", "", "rule `file` for uploaded documents, extending or replacing the default rules"),
		hosts: fs.String("host", e.getenv("PQTRACK_WEB_HOSTS"),
			"host `NAMES` (comma-separated) the dashboard answers to besides localhost, 127.0.0.1 and [::1] (default $PQTRACK_WEB_HOSTS)"),
		reader: readerFlags(e, fs),
	}
}

// startWeb checks the dashboard's configuration and binds its address, so
// that a bad address or missing credentials stop the command at start-up.
// The returned function serves until ctx ends, then shuts down.
func startWeb(e *env, o webOptions, db store.Full, log *slog.Logger) (addr string, serve func(ctx context.Context) error, err error) {
	token, err := secret(e, "PQTRACK_WEB_TOKEN")
	if err != nil {
		return "", nil, err
	}
	password, err := secret(e, "PQTRACK_WEB_PASSWORD")
	if err != nil {
		return "", nil, err
	}
	// Several serve processes behind one address share a session key, so
	// that a login holds whichever of them answers.
	sessionKey, err := secret(e, "PQTRACK_SESSION_KEY")
	if err != nil {
		return "", nil, err
	}
	if sessionKey != "" && len(sessionKey) < minSessionKey {
		return "", nil, usageError(fmt.Errorf("PQTRACK_SESSION_KEY has %d characters, want at least %d (for example: openssl rand -hex 32)", len(sessionKey), minSessionKey))
	}
	rd, err := o.reader()
	if err != nil {
		return "", nil, err
	}
	cfg := web.Config{
		Store: db, Watchlist: db, Token: token, User: e.getenv("PQTRACK_WEB_USER"), Password: password,
		Hosts: webHosts(*o.hosts, *o.addr), Loc: brussels(), Log: log, MaxUpload: rd.maxSize,
	}
	if sessionKey != "" {
		cfg.SessionKey = []byte(sessionKey)
	}
	if err := web.CheckAddr(*o.addr, cfg.HasCredentials()); err != nil {
		return "", nil, usageError(err)
	}
	set, err := loadRulesFor(*o.rules, dbFile(db))
	if err != nil {
		return "", nil, err
	}
	lang, err := notify.ParseLang(langDefault(e))
	if err != nil {
		return "", nil, usageError(err)
	}
	// Uploads go through the pipeline of pqtrack ingest, messages included.
	pl := &pipeline{db: db, set: set, lang: lang,
		notifier: func() (notify.Notifier, error) { n, _, err := newNotifier(e); return n, err }}
	// With several offices, each logs in to its own dashboard; an upload
	// makes follow-ups for the office that sent it, with messages to its
	// channel. Offices added later are served after a restart.
	offices, err := db.Offices(context.Background())
	if err != nil {
		return "", nil, err
	}
	pls := map[int64]*pipeline{tracker.DefaultOffice: pl}
	if len(offices) > 1 {
		cfg.Offices = db
		cfg.ForOffice = func(id int64) (web.Store, web.Watchlist) {
			o := db.ForOffice(id)
			return o, o
		}
		for _, o := range offices {
			if o.ID == tracker.DefaultOffice {
				continue
			}
			ch := o.Channel
			pls[o.ID] = &pipeline{db: db.ForOffice(o.ID), set: set, lang: lang,
				notifier: func() (notify.Notifier, error) { n, _, err := newNotifierFor(e, ch); return n, err }}
		}
	}
	cfg.Ingest = func(ctx context.Context, u web.Upload) (store.IngestResult, error) {
		// A PDF is converted here, within the limits and the request's life.
		data, err := rd.text(ctx, u.Name, u.Data)
		if err != nil {
			log.Warn("web: upload refused", "file", u.Name, "err", err)
			return store.IngestResult{}, err
		}
		u.Data = data
		p := pls[web.OfficeOf(ctx)]
		if p == nil {
			return store.IngestResult{}, fmt.Errorf("office %d: %w", web.OfficeOf(ctx), tracker.ErrNotFound)
		}
		return webIngest(ctx, p, u, time.Now(), log)
	}
	srv, err := web.New(cfg)
	if err != nil {
		return "", nil, usageError(err)
	}
	ln, err := net.Listen("tcp", *o.addr)
	if err != nil {
		return "", nil, fmt.Errorf("dashboard: %w", err)
	}
	return ln.Addr().String(), func(ctx context.Context) error {
		return web.Serve(ctx, ln, srv, 10*time.Second)
	}, nil
}

// webHosts is the host names of --host, and the host of addr when it is
// a name or address of its own (not a wildcard such as 0.0.0.0).
func webHosts(flag, addr string) []string {
	var hosts []string
	for _, h := range strings.Split(flag, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hosts = append(hosts, h)
		}
	}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" {
		if ip := net.ParseIP(h); ip == nil || !ip.IsUnspecified() {
			hosts = append(hosts, h)
		}
	}
	return hosts
}

func runWeb(e *env, args []string) error {
	fs := flag.NewFlagSet("web", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	o := webFlags(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack web [--addr ADDRESS] [--host NAMES] [--db FILE] [--rules FILE] [--max-size SIZE] [--pdf-timeout TIME]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return &exitError{code: 2}
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	addr, serve, err := startWeb(e, o, db, log)
	if err != nil {
		return err
	}
	ctx, stop := serveSignals()
	defer stop()
	log.Info("dashboard", "url", "http://"+addr+"/", "db", db.Name())
	if err := serve(ctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// webIngest stores an upload through pl. What re-resolution or sending
// could not do is logged, not shown: the document is stored, and a failed
// message stays queued for the next run.
func webIngest(ctx context.Context, pl *pipeline, u web.Upload, now time.Time, log *slog.Logger) (store.IngestResult, error) {
	o := loadOptions{Kind: u.Kind, Date: u.Date, Body: u.Body}
	res, err := pl.run(ctx, []source{{u.Name, func() ([]byte, error) { return u.Data, nil }}}, o, now)
	if err != nil {
		log.Error("web: upload: after storing", "file", u.Name, "err", err)
	}
	if len(res) == 0 {
		return store.IngestResult{}, fmt.Errorf("upload %s: nothing read", u.Name)
	}
	if r := res[0]; r.doc != nil && r.err != nil {
		// Stored as far as it could be read; the page shows what was paired.
		log.Warn("web: upload read in part", "file", u.Name, "err", r.err)
		return r.res, nil
	}
	return res[0].res, res[0].err
}

// minSessionKey is the shortest PQTRACK_SESSION_KEY taken: it signs every
// office's sessions.
const minSessionKey = 32
