// Package pgtest starts a throwaway PostgreSQL server for tests: one server
// per test process (initdb in a temporary directory, listening only on a
// unix socket there), and one new database per test.
//
// A package whose tests use it calls Main from its TestMain, so that the
// server stops when the tests end:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// When no server can be started, New skips the test, unless the CI
// environment variable is set: in CI a missing PostgreSQL is a failure.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

var (
	once    sync.Once
	srv     *server
	srvErr  error
	counter atomic.Int64
)

// Main runs the tests of m and stops the server if one was started. Its
// result is the exit code for os.Exit.
func Main(m *testing.M) int {
	code := m.Run()
	if srv != nil {
		srv.stop()
	}
	return code
}

// New creates an empty database on the test process's server, starting the
// server on first use, and returns its connection URL. The database is
// dropped when the test ends (after the test's own cleanups, so a store
// opened on it should be closed in a cleanup registered after New).
func New(tb testing.TB) string {
	tb.Helper()
	once.Do(func() { srv, srvErr = start() })
	if srvErr != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("postgres: %v", srvErr)
		}
		tb.Skipf("postgres: %v (set CI=true to make this a failure)", srvErr)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), counter.Add(1))
	ctx := context.Background()
	if err := srv.exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("postgres: %v", err)
	}
	tb.Cleanup(func() {
		if err := srv.exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Logf("postgres: %v", err)
		}
	})
	return srv.url(name)
}

// server is a running postgres process and the directory it owns.
type server struct {
	dir  string // data in dir/data, socket in dir
	cmd  *exec.Cmd
	done chan struct{}
}

// start runs initdb and postgres as a non-root user.
func start() (*server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	cred, err := credential()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, done: make(chan struct{})}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	initdb.Dir = dir
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, lastLines(out))
	}
	log, err := os.Create(filepath.Join(dir, "postgres.log"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	defer log.Close()
	s.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", dir,
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=200")
	// SIGINT is postgres's fast shutdown; Pdeathsig sends it should this
	// process die without stopping the server.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGINT}
	s.cmd.Dir = dir
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("postgres: %w", err)
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	if err := s.wait(30 * time.Second); err != nil {
		out, _ := os.ReadFile(filepath.Join(dir, "postgres.log"))
		s.stop()
		return nil, fmt.Errorf("%v: %s", err, lastLines(out))
	}
	return s, nil
}

// wait waits until the server accepts connections.
func (s *server) wait(max time.Duration) error {
	deadline := time.Now().Add(max)
	for {
		err := s.exec(context.Background(), "SELECT 1")
		if err == nil {
			return nil
		}
		select {
		case <-s.done:
			return errors.New("postgres exited at start-up")
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// url is the connection URL of database name over the server's socket.
func (s *server) url(name string) string {
	q := url.Values{"host": {s.dir}, "user": {"postgres"}}
	return "postgres:///" + name + "?" + q.Encode()
}

// exec runs one statement on the postgres database.
func (s *server) exec(ctx context.Context, sql string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.url("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// stop shuts the server down and removes its directory.
func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
	os.RemoveAll(s.dir)
}

// binDir finds the directory of initdb and postgres: on the PATH, or where
// Debian puts them (/usr/lib/postgresql/N/bin, newest first).
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if dir := filepath.Dir(p); exists(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if exists(filepath.Join(d, "initdb")) && exists(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", errors.New("no initdb found (install Debian's postgresql)")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// credential is the user to run the server as: nil (this process's user)
// unless that is root, which postgres refuses; then the postgres user
// Debian's package creates, or nobody.
func credential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("running as root and no postgres or nobody user to run the server as")
}

// lastLines is the end of a command's output, for an error message.
func lastLines(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, "\n")
}
