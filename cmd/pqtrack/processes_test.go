package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/slack-go/slack/slacktest"
)

// The tests here run pqtrack as separate OS processes: this test binary run
// again with childArgs set runs the command in it (TestPqtrackChild) and,
// with childDieAt set to "point:n", kills itself with SIGKILL the n-th time
// the pipeline passes crash point "point".
const (
	childArgs  = "PQTRACK_TEST_CHILD_ARGS"
	childDieAt = "PQTRACK_TEST_CHILD_DIE_AT"
)

func TestPqtrackChild(t *testing.T) {
	args := os.Getenv(childArgs)
	if args == "" {
		return // not a child
	}
	if at := os.Getenv(childDieAt); at != "" {
		point, n, _ := strings.Cut(at, ":")
		nth, _ := strconv.Atoi(n)
		passed := 0
		crashPoint = func(p string) {
			if p == point {
				if passed++; passed == nth {
					syscall.Kill(os.Getpid(), syscall.SIGKILL)
				}
			}
		}
	}
	var argv []string
	if err := json.Unmarshal([]byte(args), &argv); err != nil {
		panic(err)
	}
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(e, argv))
}

// child returns the command that runs pqtrack args in a new process with
// the variables vars.
func child(vars map[string]string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	js, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestPqtrackChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childArgs+"="+string(js))
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// slackServer is slack-go's test server as a bot sees it: chat.postMessage
// counts posts by the send-log key in their metadata, and
// conversations.history serves them back. onPost, when set, runs after a
// post is recorded and before it is answered.
type slackServer struct {
	*slacktest.Server
	mu     sync.Mutex
	keys   []string
	chans  []string // the channel of each post, beside keys
	onPost func(key string)
	refuse atomic.Bool // answer 502 and record nothing
}

func newSlackServer(t *testing.T) *slackServer {
	s := &slackServer{}
	history := func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		var msgs []map[string]any
		for i, k := range s.keys {
			msgs = append(msgs, map[string]any{"type": "message", "ts": fmt.Sprintf("%d.%06d", time.Now().Unix(), i),
				"metadata": map[string]any{"event_type": "pqtrack_message", "event_payload": map[string]any{"key": k}}})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "messages": msgs})
	}
	s.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", s.post)
		c.Handle("/conversations.history", history)
	})
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// post records a chat.postMessage and answers it.
func (s *slackServer) post(w http.ResponseWriter, r *http.Request) {
	if s.refuse.Load() {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	r.ParseForm()
	var md struct {
		EventPayload struct {
			Key string `json:"key"`
		} `json:"event_payload"`
	}
	json.Unmarshal([]byte(r.FormValue("metadata")), &md)
	s.mu.Lock()
	s.keys = append(s.keys, md.EventPayload.Key)
	s.chans = append(s.chans, r.FormValue("channel"))
	ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), len(s.keys))
	on := s.onPost
	s.mu.Unlock()
	if on != nil {
		on(md.EventPayload.Key)
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"ok":true,"channel":"C123","ts":%q}`, ts)
}

func (s *slackServer) setOnPost(fn func(string)) {
	s.mu.Lock()
	s.onPost = fn
	s.mu.Unlock()
}

// posts counts the posts per key whose key starts with prefix.
func (s *slackServer) posts(prefix string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for _, k := range s.keys {
		if strings.HasPrefix(k, prefix) {
			n[k]++
		}
	}
	return n
}

// postsIn counts the posts to channel by key, for keys starting with prefix.
func (s *slackServer) postsIn(channel, prefix string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for i, k := range s.keys {
		if s.chans[i] == channel && strings.HasPrefix(k, prefix) {
			n[k]++
		}
	}
	return n
}

func (s *slackServer) vars(db string) map[string]string {
	return map[string]string{"PQTRACK_DB": db, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_CHANNEL": "C123",
		"PQTRACK_SLACK_API_URL": s.GetAPIURL(), "PQTRACK_LANG": "", "PQTRACK_WEB_ADDR": "127.0.0.1:0"}
}

// promisesDB stores one answer with n promises, all due on 14 February
// 2023, and returns the database file.
func promisesDB(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pqtrack.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc := &tracker.Document{File: "a.txt", Kind: tracker.KindAnswer, Title: "Vraag over kinderopvang", Number: "nr. 342",
		Minister: "Crevits", Date: tracker.Day(2023, 1, 10), Text: "tekst"}
	for i := 1; i <= n; i++ {
		s := fmt.Sprintf("De cijfers over regio %d worden tegen 14 februari 2023 bezorgd.", i)
		doc.Items = append(doc.Items, tracker.Item{Number: i, Question: "Hoeveel plaatsen zijn er?", Answer: s, Status: tracker.Pending,
			Promises: []tracker.Promise{{Date: tracker.Day(2023, 2, 14), Precision: tracker.PrecisionDay, Evidence: tracker.Evidence{Text: s}}}})
	}
	if _, err := db.Ingest(context.Background(), doc, time.Date(2023, 1, 11, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestProcessesRemindOnce runs two `pqtrack remind` processes, then `serve`
// with two `remind` processes, at once on one database, against a Slack
// that answers after 0.1 s: every reminder is posted exactly once.
func TestProcessesRemindOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	const reminders = 9
	for _, withServe := range []bool{false, true} {
		name := "remind+remind"
		if withServe {
			name = "serve+remind+remind"
		}
		t.Run(name, func(t *testing.T) {
			db := promisesDB(t, reminders)
			srv := newSlackServer(t)
			srv.setOnPost(func(string) { time.Sleep(100 * time.Millisecond) })
			vars := srv.vars(db)
			var serve *exec.Cmd
			var serveOut *bytes.Buffer
			if withServe {
				// Not serve's first run (that one sends a summary, see
				// TestServeFirstRunSummary): reminders go out one by one.
				st, err := sqlite.Open(db)
				if err != nil {
					t.Fatal(err)
				}
				err = st.SetLastRun(context.Background(), "remind", time.Date(2023, 2, 13, 8, 0, 0, 0, time.UTC))
				st.Close()
				if err != nil {
					t.Fatal(err)
				}
				serve, serveOut = child(vars, "serve")
				if err := serve.Start(); err != nil {
					t.Fatal(err)
				}
			}
			var cmds []*exec.Cmd
			var outs []*bytes.Buffer
			for range 2 {
				c, out := child(vars, "remind", "--now", "2023-02-14")
				if err := c.Start(); err != nil {
					t.Fatal(err)
				}
				cmds, outs = append(cmds, c), append(outs, out)
			}
			for i, c := range cmds {
				if err := c.Wait(); err != nil {
					t.Errorf("remind %d: %v\n%s", i, err, outs[i])
				}
			}
			if withServe {
				// serve's start-up sweep may still be on its way; wait for
				// the reminders, then stop it as an operator would.
				deadline := time.Now().Add(20 * time.Second)
				for len(srv.posts("reminder:")) < reminders && time.Now().Before(deadline) {
					time.Sleep(50 * time.Millisecond)
				}
				time.Sleep(500 * time.Millisecond)
				serve.Process.Signal(syscall.SIGTERM)
				if err := serve.Wait(); err != nil {
					t.Errorf("serve: %v\n%s", err, serveOut)
				}
			}
			posts := srv.posts("reminder:")
			if len(posts) != reminders {
				t.Errorf("%d reminders posted, want %d: %v", len(posts), reminders, posts)
			}
			total := 0
			for k, n := range posts {
				total += n
				if n != 1 {
					t.Errorf("%s posted %d times", k, n)
				}
			}
			if withServe {
				if d := srv.posts("digest:"); len(d) != 1 {
					t.Errorf("digests posted: %v, want one", d)
				}
			}
			t.Logf("%s: %d reminders, %d posts", name, reminders, total)
			for _, out := range outs {
				t.Logf("remind: %s", lastLine(out.String()))
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
