package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// Each test gets its own empty database, with the extensions the store
// needs available.
func TestNew(t *testing.T) {
	ctx := context.Background()
	a, b := New(t), New(t)
	if a == b {
		t.Fatalf("two tests share database %s", a)
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, ext := range []string{"unaccent", "pg_trgm"} {
		if _, err := conn.Exec(ctx, "CREATE EXTENSION "+ext); err != nil {
			t.Errorf("create extension %s: %v", ext, err)
		}
	}
	var tables int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("new database has %d tables", tables)
	}
	var folded string
	if err := conn.QueryRow(ctx, `SELECT unaccent('ideeënplatform')`).Scan(&folded); err != nil {
		t.Fatal(err)
	}
	if folded != "ideeenplatform" {
		t.Errorf("unaccent = %q", folded)
	}
}
