package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/notify/slack"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// The Slack app answers the buttons under pqtrack's messages and the
// /pqtrack command. serve runs it when the environment configures it:
//
//	PQTRACK_SLACK_APP_TOKEN (or _FILE)  an app-level token (xapp-...): Socket Mode, no public URL
//	SLACK_SIGNING_SECRET (or _FILE)     with --slack-http ADDR: Slack's requests over HTTP, signed
//	PQTRACK_SLACK_USERS                 Slack user ids (U0123,U0456) that may act; default: the channel's members
//	PQTRACK_DASHBOARD_URL               the dashboard's address for staff: the link button and links in answers
//
// Both need the bot (SLACK_BOT_TOKEN, SLACK_CHANNEL): it rewrites the
// messages and reads who is in the channel.

// slackHTTPPath is where --slack-http serves Slack's requests: the Request
// URL of both interactivity and the slash command.
const slackHTTPPath = "/slack"

// slackAppFlags adds serve's --slack-http.
func slackAppFlags(e *env, fs *flag.FlagSet) *string {
	return fs.String("slack-http", e.getenv("PQTRACK_SLACK_HTTP"),
		"`ADDR` to serve Slack's button and /pqtrack requests on, at "+slackHTTPPath+" (needs SLACK_SIGNING_SECRET; default $PQTRACK_SLACK_HTTP; without it, Socket Mode with PQTRACK_SLACK_APP_TOKEN)")
}

// slackButtons returns the buttons the bot puts under its messages, or nil
// when no Slack app is configured to answer them.
func slackButtons(e *env) *slack.Buttons {
	if e.getenv("PQTRACK_SLACK_APP_TOKEN") == "" && e.getenv("PQTRACK_SLACK_APP_TOKEN_FILE") == "" &&
		e.getenv("SLACK_SIGNING_SECRET") == "" && e.getenv("SLACK_SIGNING_SECRET_FILE") == "" {
		return nil
	}
	return &slack.Buttons{Lang: notify.Lang(langDefault(e)), Dashboard: strings.TrimRight(strings.TrimSpace(e.getenv("PQTRACK_DASHBOARD_URL")), "/")}
}

// Either store does for the Slack app's buttons and, through slackStore,
// its slash command.
var (
	_ slack.Store   = store.Full(nil)
	_ slack.Queries = slackStore{}
)

// slackStore gives the Slack app the store, search in the app's terms.
type slackStore struct{ store.Full }

func (s slackStore) Search(ctx context.Context, q string, limit int) ([]slack.Hit, error) {
	hits, err := s.Full.Search(ctx, q, limit)
	out := make([]slack.Hit, 0, len(hits))
	for _, h := range hits {
		out = append(out, slack.Hit{DocumentID: h.DocumentID, Document: h.Document, QuestionNumber: h.QuestionNumber, Snippet: h.Snippet})
	}
	return out, err
}

// startSlackApp starts the Slack app serve's environment configures, if
// any: Socket Mode with an app token, HTTP on httpAddr with the signing
// secret. Configuration errors return before anything runs. The function
// it returns stops the app and waits for it.
func startSlackApp(e *env, httpAddr string, db store.Full, n notify.Notifier, lang notify.Lang, log *slog.Logger) (stop func(), err error) {
	appToken, err := secret(e, "PQTRACK_SLACK_APP_TOKEN")
	if err != nil {
		return nil, err
	}
	signing, err := secret(e, "SLACK_SIGNING_SECRET")
	if err != nil {
		return nil, err
	}
	if appToken == "" && httpAddr == "" {
		return func() {}, nil
	}
	if httpAddr != "" && signing == "" {
		return nil, usageError(errors.New("--slack-http needs SLACK_SIGNING_SECRET"))
	}
	if appToken != "" && !strings.HasPrefix(appToken, "xapp-") {
		return nil, usageError(errors.New("PQTRACK_SLACK_APP_TOKEN is not an app-level token (xapp-...)"))
	}
	bot, ok := n.(*slack.Bot)
	botToken, _ := secret(e, "SLACK_BOT_TOKEN")
	if !ok || botToken == "" {
		return nil, usageError(errors.New("the Slack app (PQTRACK_SLACK_APP_TOKEN or --slack-http) needs SLACK_BOT_TOKEN and SLACK_CHANNEL"))
	}
	if bot.Buttons != nil {
		bot.Buttons.Lang = lang // serve's --lang, before any message is sent
	}
	opts := []slackapi.Option{slackapi.OptionHTTPClient(&http.Client{Timeout: notify.DefaultSendTimeout})}
	if api := strings.TrimSpace(e.getenv("PQTRACK_SLACK_API_URL")); api != "" {
		if !strings.HasSuffix(api, "/") {
			api += "/"
		}
		opts = append(opts, slackapi.OptionAPIURL(api))
	}
	if appToken != "" {
		opts = append(opts, slackapi.OptionAppLevelToken(appToken))
	}
	app := &slack.App{
		Client:  slackapi.New(botToken, opts...),
		Store:   db,
		Queries: slackStore{db},
		Buttons: slack.Buttons{Lang: lang, Dashboard: strings.TrimRight(strings.TrimSpace(e.getenv("PQTRACK_DASHBOARD_URL")), "/")},
		Channel: bot.ChannelID,
		Users:   slackUsers(e.getenv("PQTRACK_SLACK_USERS")),
		Loc:     brussels(),
		Log:     log,
	}
	if app.Office, err = officeApps(app, db, lang); err != nil {
		return nil, err
	}

	var ln net.Listener
	if httpAddr != "" {
		if ln, err = net.Listen("tcp", httpAddr); err != nil {
			return nil, fmt.Errorf("--slack-http %s: %w", httpAddr, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	if appToken != "" {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("slack: socket mode")
			if err := app.RunSocket(ctx, socketmode.New(app.Client)); err != nil && ctx.Err() == nil {
				log.Error("slack: socket mode stopped", "err", err)
			}
		}()
	}
	var srv *http.Server
	if ln != nil {
		mux := http.NewServeMux()
		mux.Handle(slackHTTPPath, app.Handler(signing))
		srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second}
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.Info("slack: serving requests", "url", "http://"+ln.Addr().String()+slackHTTPPath)
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("slack: http stopped", "err", err)
			}
		}()
	}
	return func() {
		cancel()
		if srv != nil {
			sctx, done := context.WithTimeout(context.Background(), 10*time.Second)
			defer done()
			_ = srv.Shutdown(sctx)
		}
		wg.Wait()
	}, nil
}

// officeApps returns, when the database holds offices with channels of
// their own, the Slack app of each office by its channel id: a button
// pressed or /pqtrack typed in an office's channel acts on that office's
// follow-ups, for the members of that channel, in that office's language.
// Offices added later are answered after a restart, as serve's jobs are.
func officeApps(app *slack.App, db store.Full, lang notify.Lang) (func(channel string) *slack.App, error) {
	offices, err := db.Offices(context.Background())
	if err != nil || len(offices) < 2 {
		return nil, err
	}
	apps := map[string]*slack.App{}
	for _, o := range offices {
		if o.ID == tracker.DefaultOffice || o.Channel == "" {
			continue
		}
		l := lang
		if o.Lang != "" {
			if l, err = notify.ParseLang(o.Lang); err != nil {
				return nil, fmt.Errorf("office %s: %w", o.Slug, err)
			}
		}
		od, ch := db.ForOffice(o.ID), o.Channel
		apps[ch] = &slack.App{
			Client: app.Client, Store: od, Queries: slackStore{od},
			Buttons: slack.Buttons{Lang: l, Dashboard: app.Buttons.Dashboard},
			Channel: func(context.Context) (string, error) { return ch, nil },
			Users:   app.Users, Loc: app.Loc, Log: app.Log,
		}
	}
	return func(channel string) *slack.App { return apps[channel] }, nil
}

// slackUsers reads PQTRACK_SLACK_USERS: ids separated by commas or spaces.
func slackUsers(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}
