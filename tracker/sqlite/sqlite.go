// Package sqlite stores pqtrack's documents, their analysis and the
// follow-ups they leave in one SQLite file, with full-text search over
// questions and answers.
//
// The database runs in WAL mode with a busy timeout, foreign keys on and
// immediate write transactions, all set in the DSN so every pooled
// connection has them. The schema is a list of forward-only migrations
// embedded in the binary (migrations/NNNN_name.sql), applied in order at Open.
//
// Build with -tags sqlite_fts5: search needs FTS5.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers "sqlite3"

	"github.com/pqtrack/pqtrack/tracker"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a pqtrack database.
type DB struct {
	db   *sql.DB
	path string
	// office is the office whose follow-ups this DB reads and writes (see
	// ForOffice).
	office int64

	// PendingWait is how long after the answer a pending answer without a
	// date is due, for follow-ups created by Ingest.
	PendingWait time.Duration
}

// Open opens the database file at path, creating it if needed, and applies
// the migrations it lacks.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open database: %w: empty path", tracker.ErrInvalid)
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Keep connections open between requests: database/sql keeps two
	// idle by default, so under load each request would open the file and
	// read the schema again.
	db.SetMaxIdleConns(32)
	d := &DB{db: db, path: path, office: tracker.DefaultOffice, PendingWait: tracker.DefaultPendingWait}
	if err := d.migrate(context.Background()); err != nil {
		db.Close()
		if strings.Contains(err.Error(), "no such module: fts5") {
			// The C library was compiled without full-text search.
			return nil, fmt.Errorf("open %s: this pqtrack was built without SQLite FTS5; build it with: go build -tags sqlite_fts5 ./cmd/pqtrack", path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return d, nil
}

// dsn is the connection string for path. The pragmas live here rather than
// in a PRAGMA statement so that each new pooled connection gets them.
func dsn(path string) string {
	// '?' and '#' would end the file name in a URI.
	p := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + p + "?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on&_synchronous=NORMAL&_txlock=immediate"
}

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// Path is the file the database was opened from.
func (db *DB) Path() string { return db.path }

// migrate applies, in name order, each embedded migration not yet recorded in
// schema_migrations, each in its own transaction with its record. The check
// runs inside the (immediate) transaction, so two processes opening a new
// file at once do not both apply a migration.
func (db *DB) migrate(ctx context.Context) error { return db.migrateTo(ctx, "") }

// migrateTo applies the migrations up to and including last ("": all).
func (db *DB) migrateTo(ctx context.Context, last string) error {
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name    TEXT PRIMARY KEY,
		applied TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if last != "" && name > "migrations/"+last {
			break
		}
		if err := db.apply(ctx, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, name string) error {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	// A migration that rebuilds a table others refer to runs with foreign
	// keys off, on a connection of its own (the pragma is a no-op inside a
	// transaction), and checks them before it commits.
	fkOff := strings.HasPrefix(string(body), "-- foreign_keys: off")
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if fkOff {
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return err
		}
		defer conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if fkOff {
		rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
		if err != nil {
			return err
		}
		bad := rows.Next()
		rows.Close()
		if bad {
			return fmt.Errorf("foreign keys broken")
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied) VALUES (?, ?)`,
		name, stamp(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// Migrations lists the applied migrations in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM schema_migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// stampLayout writes instants in UTC with a fixed width, so that text order
// is time order.
const stampLayout = "2006-01-02T15:04:05.000000Z"

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(stampLayout)
}

func parseStamp(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(stampLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// day writes a date as YYYY-MM-DD, or ” when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(tracker.DateLayout)
}

// parseDay reads a date written by day. It is on the hot path of follow-up
// listings, hence no time.Parse.
func parseDay(s string) time.Time {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		if s != "" {
			if t, err := tracker.ParseDay(s); err == nil {
				return t
			}
		}
		return time.Time{}
	}
	n := func(s string) int {
		v := 0
		for i := 0; i < len(s); i++ {
			v = v*10 + int(s[i]-'0')
		}
		return v
	}
	return tracker.Day(n(s[:4]), time.Month(n(s[5:7])), n(s[8:]))
}

// notFound maps sql.ErrNoRows to tracker.ErrNotFound with context.
func notFound(err error, what string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %v: %w", what, id, tracker.ErrNotFound)
	}
	return fmt.Errorf("%s %v: %w", what, id, err)
}
