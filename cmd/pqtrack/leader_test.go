package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/postgres"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

// lockedBuffer is a child's output, read while the child writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// pgPromisesDB stores one answer with n promises, all due on 14 February
// 2023, in a new PostgreSQL database, and returns its URL.
func pgPromisesDB(t *testing.T, n int) string {
	t.Helper()
	url := pgtest.New(t)
	ctx := context.Background()
	db, err := postgres.Open(ctx, url)
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
	if _, err := db.Ingest(ctx, doc, time.Date(2023, 1, 11, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	// Not serve's first run (that one sends a summary): reminders go out
	// one by one.
	if err := db.SetLastRun(ctx, "remind", time.Date(2023, 2, 13, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return url
}

// leaderPID is the process that holds the leader lock, from the name of
// its connection; 0 when none does. It runs in the fake Slack's handler:
// errors are reported with t.Error, not t.Fatal.
func leaderPID(t *testing.T, url string) int {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Error(err)
		return 0
	}
	defer conn.Close(ctx)
	var name string
	err = conn.QueryRow(ctx, `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'pqtrack leader %'`).Scan(&name)
	if err != nil {
		if err != pgx.ErrNoRows {
			t.Error(err)
		}
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimPrefix(name, "pqtrack leader "))
	return pid
}

// TestServeFailover runs two `serve` processes on one PostgreSQL database
// against a Slack that answers after 0.2 s, and kills the leader with
// SIGKILL in the middle of its reminder run, right after Slack took a
// reminder and before the leader could log it: the other process takes
// over, and every reminder is posted exactly once, the digest once.
func TestServeFailover(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	const reminders = 12
	url := pgPromisesDB(t, reminders)
	srv := newSlackServer(t)
	vars := srv.vars(url)
	// A reminder run every two seconds, and a short lease, so that the
	// reminder whose sender died is taken up again in seconds.
	vars["PQTRACK_REMIND_SPEC"] = "@every 2s"
	vars["PQTRACK_SEND_LEASE"] = "3s"

	type proc struct {
		cmd *exec.Cmd
		out *lockedBuffer
	}
	procs := map[int]proc{}
	for range 2 {
		cmd, _ := child(vars, "serve")
		out := new(lockedBuffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[cmd.Process.Pid] = proc{cmd, out}
	}
	defer func() {
		for _, p := range procs {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
	}()

	var once sync.Once
	killed := make(chan int, 1)
	srv.setOnPost(func(key string) {
		time.Sleep(200 * time.Millisecond)
		if len(srv.posts("reminder:")) < 4 {
			return
		}
		once.Do(func() {
			pid := leaderPID(t, url)
			if p, ok := procs[pid]; ok {
				p.cmd.Process.Signal(syscall.SIGKILL)
				killed <- pid
			} else {
				killed <- 0
			}
		})
	})

	var dead int
	select {
	case dead = <-killed:
	case <-time.After(60 * time.Second):
		t.Fatal("the leader sent no four reminders in a minute")
	}
	if dead == 0 {
		t.Fatal("no serve process held the leader lock while reminders went out")
	}
	procs[dead].cmd.Wait()
	var survivor proc
	for pid, p := range procs {
		if pid != dead {
			survivor = p
		}
	}
	delete(procs, dead)

	deadline := time.Now().Add(60 * time.Second)
	for len(srv.posts("reminder:")) < reminders && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	// A few more runs: the reminder whose sender died must not go again.
	time.Sleep(6 * time.Second)
	survivor.cmd.Process.Signal(syscall.SIGTERM)
	if err := survivor.cmd.Wait(); err != nil {
		t.Errorf("serve: %v\n%s", err, survivor.out)
	}
	delete(procs, survivor.cmd.Process.Pid)

	posts := srv.posts("reminder:")
	total := 0
	for k, n := range posts {
		total += n
		if n != 1 {
			t.Errorf("%s posted %d times", k, n)
		}
	}
	if len(posts) != reminders {
		t.Errorf("%d reminders posted, want %d: %v", len(posts), reminders, posts)
	}
	digests := srv.posts("digest:")
	if len(digests) != 1 {
		t.Errorf("digests posted: %v, want one", digests)
	}
	for k, n := range digests {
		if n != 1 {
			t.Errorf("%s posted %d times", k, n)
		}
	}
	if !strings.Contains(survivor.out.String(), "leading") {
		t.Errorf("the survivor never led:\n%s", survivor.out)
	}
	t.Logf("leader %d killed after 4 reminders; %d reminders, %d posts", dead, len(posts), total)
}
