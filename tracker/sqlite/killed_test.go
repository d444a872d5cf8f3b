package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	killEnv   = "PQTRACK_KILL_TEST_DB"
	killPairs = 150
)

// TestIngestKilled kills a process with SIGKILL in the middle of an ingest,
// several times, and checks that the database holds exactly the documents
// ingested before, whole. The process is this test binary run again with
// killEnv set (see killChild).
func TestIngestKilled(t *testing.T) {
	if path := os.Getenv(killEnv); path != "" {
		killChild(path)
		return
	}
	if testing.Short() {
		t.Skip("slow: runs and kills child processes")
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	done := 0 // documents the children reported committed
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$", "-test.count=1")
		cmd.Env = append(os.Environ(), killEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill in the middle of the second document of this round: each
		// item is slowed by the hook, so a document takes some 300 ms and
		// the kill lands well inside its transaction.
		sc := bufio.NewScanner(out)
		begun := 0
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) != 2 {
				continue
			}
			switch f[0] {
			case "done":
				done++
			case "begin":
				begun++
			}
			if begun == 2 && f[0] == "begin" {
				time.Sleep(time.Duration(50+40*round) * time.Millisecond)
				if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		for sc.Scan() { // drain what was written before the kill
			if strings.HasPrefix(sc.Text(), "done ") {
				done++
			}
		}
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child was not killed: %v", round, err)
		}
		if fi, err := os.Stat(path + "-wal"); err == nil {
			t.Logf("round %d: killed with a %d-byte WAL", round, fi.Size())
		}

		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var check string
		if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, check, err)
		}
		for _, table := range []string{"items_fts", "items_trigram"} {
			if _, err := db.db.Exec(`INSERT INTO ` + table + `(` + table + `) VALUES ('integrity-check')`); err != nil {
				t.Errorf("round %d: %s integrity-check: %v", round, table, err)
			}
		}
		docs := count(t, db, `SELECT count(*) FROM documents`)
		if docs != done {
			t.Errorf("round %d: %d documents stored, children committed %d", round, docs, done)
		}
		if n := count(t, db, `SELECT count(*) FROM items`); n != docs*killPairs {
			t.Errorf("round %d: %d items, want %d: a half document", round, n, docs*killPairs)
		}
		if n := count(t, db, `SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM followups WHERE document_id = d.id) = 0`); n != 0 {
			t.Errorf("round %d: %d documents without follow-ups", round, n)
		}
		db.Close()
	}
	if done < 3 {
		t.Errorf("only %d documents committed in 3 rounds: the kills came too early to test anything", done)
	}
}

// killChild ingests large documents into the database at path, one after
// the other, until it is killed. It says "begin N" before and "done N" after
// each.
func killChild(path string) {
	db, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	itemHook = func(context.Context, int) { time.Sleep(2 * time.Millisecond) }
	var n int
	db.db.QueryRow(`SELECT count(*) FROM documents`).Scan(&n)
	for i := n + 1; ; i++ {
		doc := bigDoc(int64(i), killPairs, 400)
		fmt.Println("begin", strconv.Itoa(i))
		if _, err := db.Ingest(context.Background(), doc, time.Now()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("done", strconv.Itoa(i))
	}
}
