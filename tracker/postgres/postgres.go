// Package postgres stores pqtrack's documents, their analysis and the
// follow-ups they leave in PostgreSQL, for a group whose offices share one
// database from several machines. It is the SQLite store (tracker/sqlite)
// in PostgreSQL's terms, with the same semantics: one transaction per
// ingest, the send log's unique keys, claims with leases, keyset pages.
//
// The schema is a list of forward-only migrations embedded in the binary
// (migrations/NNNN_name.sql), applied in order at Open under an advisory
// lock, so that several processes starting at once apply each once. Search
// uses a Dutch text search configuration with unaccent, and pg_trgm for
// words inside compounds.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pqtrack/pqtrack/tracker"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrateLock is the advisory lock key migrations are applied under
// ("pqtrack" in ASCII).
const migrateLock = 0x7071747261636b

// DB is a pqtrack database on a PostgreSQL server.
type DB struct {
	pool *pgxpool.Pool
	url  string
	// office is the office whose follow-ups this DB reads and writes (see
	// ForOffice).
	office int64

	// PendingWait is how long after the answer a pending answer without a
	// date is due, for follow-ups created by Ingest.
	PendingWait time.Duration
}

// Open connects to the database at url (postgres://...) and applies the
// migrations it lacks.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The error may quote the URL, password included.
		return nil, fmt.Errorf("open postgres: %w: cannot parse the connection URL", tracker.ErrInvalid)
	}
	// pgx prepares its statements; after five runs PostgreSQL may plan
	// one for any parameter, and a generic plan of "effective_due <= $1"
	// guesses a third of the table and scans it all (the reminder sweep
	// went from 2 ms to 75 ms over 100,000 follow-ups). Dates decide the
	// plan here: plan each run with its values.
	if _, ok := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !ok {
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db := &DB{pool: pool, url: url, office: tracker.DefaultOffice, PendingWait: tracker.DefaultPendingWait}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres %s: %w", db.Name(), err)
	}
	return db, nil
}

// Close closes the pool's connections.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Name says which database this is without its password: host and
// database name.
func (db *DB) Name() string {
	c := db.pool.Config().ConnConfig
	return c.Host + "/" + c.Database
}

// Pool is the connection pool, for what needs a connection of its own
// (leader election holds a session lock on one).
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// migrate applies, in name order, each embedded migration not yet recorded
// in schema_migrations, each in its own transaction with its record, while
// holding an advisory lock: a second process opening the database waits,
// then finds the migrations applied.
func (db *DB) migrate(ctx context.Context) error { return db.migrateTo(ctx, "") }

// migrateTo applies the migrations up to and including last ("": all).
func (db *DB) migrateTo(ctx context.Context, last string) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLock)); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(migrateLock))
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name    text PRIMARY KEY,
		applied text NOT NULL
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
		if err := apply(ctx, conn.Conn(), name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func apply(ctx context.Context, conn *pgx.Conn, name string) error {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	// No arguments: pgx sends the file in the simple protocol, which
	// takes several statements.
	if _, err := tx.Exec(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name, applied) VALUES ($1, $2)`,
		name, stamp(time.Now())); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Migrations lists the applied migrations in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT name FROM schema_migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return out, nil
}

// querier is what a pool and a transaction both offer.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// inTx runs fn in a transaction and commits it when fn returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// stampLayout writes instants in UTC with a fixed width, so that text order
// is time order (the SQLite store's layout).
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

// day writes a date as YYYY-MM-DD, or "" when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(tracker.DateLayout)
}

func parseDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := tracker.ParseDay(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// notFound maps pgx.ErrNoRows to tracker.ErrNotFound with context.
func notFound(err error, what string, id any) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%s %v: %w", what, id, tracker.ErrNotFound)
	}
	return fmt.Errorf("%s %v: %w", what, id, err)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
