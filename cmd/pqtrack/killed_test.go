package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// The reports and the letter that the seed's deferrals and promises point
// at: ingested together they resolve five follow-ups and send two messages.
var arrivingFiles = []string{
	"../../tracker/resolve/testdata/commissie-2022-11-15.txt",
	"../../tracker/resolve/testdata/commissie-2023-02-14.txt",
	"../../tracker/resolve/testdata/kamerbrief-2024-11-11.txt",
}

// outcome is what a database holds after the reports came in: each
// follow-up's resolution verdict, and the work and notices left queued.
type outcome struct {
	verdicts     map[string]string
	work, queued int
}

func outcomeOf(t *testing.T, path string) outcome {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	o := outcome{verdicts: map[string]string{}}
	fs, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Resolution != nil {
			o.verdicts[fmt.Sprintf("%d %s", f.ID, f.Key)] = string(f.Resolution.Verdict)
		}
	}
	w, err := db.PendingWork(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o.work = int(w)
	as, err := db.PendingArrivals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o.queued = len(as)
	return o
}

var ingest = append([]string{"ingest", "--kind", "meeting", "--now", "2023-02-20"}, arrivingFiles...)

// seeded stores the seed in a new database (no messages) and returns the
// variables of a pqtrack process on it that posts to srv.
func seeded(t *testing.T, srv *slackServer) map[string]string {
	t.Helper()
	vars := srv.vars(filepath.Join(t.TempDir(), "pqtrack.db"))
	cmd, out := child(vars, "ingest", "--no-notify", "--now", "2023-01-11")
	if err := cmd.Run(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	return vars
}

// cleanRun ingests the reports after the seed, undisturbed: what every
// killed or overlapping run must end up with.
func cleanRun(t *testing.T) (outcome, map[string]int) {
	t.Helper()
	srv := newSlackServer(t)
	vars := seeded(t, srv)
	if cmd, out := child(vars, ingest...); cmd.Run() != nil {
		t.Fatalf("clean ingest failed:\n%s", out)
	}
	clean := outcomeOf(t, vars["PQTRACK_DB"])
	posts := srv.posts("arrival:")
	if len(posts) != 2 || len(clean.verdicts) != 5 || clean.work != 0 || clean.queued != 0 {
		t.Fatalf("clean run: posts %v, outcome %+v; want 2 messages and 5 resolutions", posts, clean)
	}
	return clean, posts
}

// TestConcurrentIngests stores the reports in two `pqtrack ingest`
// processes at once, one report against the other two: the database ends as
// after one clean ingest and each message is posted once.
func TestConcurrentIngests(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	clean, cleanPosts := cleanRun(t)
	for round := range 3 {
		srv := newSlackServer(t)
		srv.setOnPost(func(string) { time.Sleep(50 * time.Millisecond) })
		vars := seeded(t, srv)
		a, aOut := child(vars, append([]string{"ingest", "--kind", "meeting", "--now", "2023-02-20"}, arrivingFiles[0])...)
		b, bOut := child(vars, append([]string{"ingest", "--kind", "meeting", "--now", "2023-02-20"}, arrivingFiles[1:]...)...)
		a.Start()
		b.Start()
		if err := errors.Join(a.Wait(), b.Wait()); err != nil {
			t.Fatalf("round %d: %v\n%s\n%s", round, err, aOut, bOut)
		}
		got := outcomeOf(t, vars["PQTRACK_DB"])
		if !equalMaps(got.verdicts, clean.verdicts) || got.work != 0 || got.queued != 0 {
			t.Errorf("round %d: %+v\nclean run: %+v\n%s\n%s", round, got, clean, aOut, bOut)
		}
		posts := srv.posts("arrival:")
		total := 0
		for _, n := range posts {
			total += n
		}
		if len(posts) != len(cleanPosts) || total != len(cleanPosts) {
			t.Errorf("round %d: messages posted %v; want %d, each once", round, posts, len(cleanPosts))
		}
	}
}

// TestIngestKilledThenRerun kills `pqtrack ingest` of the reports with
// SIGKILL at several points, then runs the next command (ingest again,
// resolve --notify, remind) once: the database ends as after a clean
// ingest, with every follow-up resolved, and every arrival message posted
// exactly once.
func TestIngestKilledThenRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs and kills child processes")
	}
	clean, cleanPosts := cleanRun(t)

	cases := []struct {
		name   string
		dieAt  string // crash point, or "post": killed while Slack holds the first message
		rerun  []string
		killed int // arrival messages Slack holds from the killed run
	}{
		{"after the first document", "stored:1", ingest, 0},
		{"after the last document", "stored:3", ingest, 0},
		{"after the last document, resolve --notify next", "stored:3", []string{"resolve", "--notify", "--now", "2023-02-20"}, 0},
		{"after re-resolution", "resolved:1", []string{"resolve", "--notify", "--now", "2023-02-20"}, 0},
		{"after re-resolution, remind next", "resolved:1", []string{"remind", "--now", "2023-02-20"}, 0},
		{"while Slack holds the first message", "post", []string{"remind", "--now", "2023-02-20"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := newSlackServer(t)
			vars := seeded(t, srv)
			vars["PQTRACK_SEND_LEASE"] = "1s"
			cmd, out := child(vars, ingest...)
			if c.dieAt == "post" {
				posted := make(chan struct{}, 1)
				hold := make(chan struct{})
				defer close(hold)
				srv.setOnPost(func(string) { posted <- struct{}{}; <-hold })
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				select {
				case <-posted:
				case <-time.After(20 * time.Second):
					t.Fatalf("no post:\n%s", out)
				}
				cmd.Process.Signal(syscall.SIGKILL)
			} else {
				cmd.Env = append(cmd.Env, childDieAt+"="+c.dieAt)
				cmd.Start()
			}
			err := cmd.Wait()
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
				t.Fatalf("ingest was not killed: %v\n%s", err, out)
			}
			srv.setOnPost(nil)
			if n := len(srv.posts("arrival:")); n != c.killed {
				t.Fatalf("%d messages before the rerun, want %d", n, c.killed)
			}
			// A dry run in between sends, resolves and takes off nothing.
			before := outcomeOf(t, vars["PQTRACK_DB"])
			dry, dryOut := child(vars, "remind", "--dry-run", "--now", "2023-02-20")
			if err := dry.Run(); err != nil {
				t.Fatalf("dry run: %v\n%s", err, dryOut)
			}
			if after := outcomeOf(t, vars["PQTRACK_DB"]); after.work != before.work || after.queued != before.queued ||
				!equalMaps(after.verdicts, before.verdicts) || len(srv.posts("")) != c.killed {
				t.Fatalf("the dry run changed something: %+v, was %+v; %d posts", after, before, len(srv.posts("")))
			}
			time.Sleep(1100 * time.Millisecond) // the dead run's lease ends
			re, reOut := child(vars, c.rerun...)
			if err := re.Run(); err != nil {
				t.Fatalf("rerun %v: %v\n%s", c.rerun, err, reOut)
			}
			got := outcomeOf(t, vars["PQTRACK_DB"])
			if !equalMaps(got.verdicts, clean.verdicts) || got.work != 0 || got.queued != 0 {
				t.Errorf("after the rerun: %+v\nclean run:       %+v\nrerun said:\n%s", got, clean, reOut)
			}
			posts := srv.posts("arrival:")
			if !equalCounts(posts, cleanPosts) {
				t.Errorf("messages posted %v, want each of %v once\nrerun said:\n%s", posts, keys(cleanPosts), reOut)
			}
			// A run after that has nothing left to do.
			again, _ := child(vars, "resolve", "--notify", "--now", "2023-02-20")
			if err := again.Run(); err != nil {
				t.Fatal(err)
			}
			if posts := srv.posts("arrival:"); !equalCounts(posts, cleanPosts) {
				t.Errorf("another run posted again: %v", posts)
			}
		})
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func equalCounts(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k := range want {
		if got[k] != 1 {
			return false
		}
	}
	return true
}

func keys(m map[string]int) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}
