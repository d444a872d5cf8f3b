package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// copyTables are the tables CopyFrom copies, parents before children. The
// SQLite store's count tables (stat_*) are left out: COPY fires this
// store's row triggers (migration 0002), which count the rows as they
// arrive.
var copyTables = []string{
	"offices", "documents", "document_versions", "items", "sub_questions", "findings", "deferrals", "promises",
	"followups", "followup_events", "sent", "runs", "passages", "deliveries", "arrivals", "claims", "work",
	"corrections", "filed_questions", "watches", "fetch_state", "slack_interactions",
}

// TableCount is what CopyFrom did with one table.
type TableCount struct {
	Table  string
	Copied int // rows written
	Had    int // rows the database had already (an earlier copy)
}

// copyBatch is how many rows go to the server in one round trip.
const copyBatch = 500

// CopyFrom copies a SQLite store's database (src, opened and migrated by
// the sqlite package) into db, in one transaction, keeping every row's id
// so that the references between tables hold. A row already in db (same
// key) is left as it is: copying again writes nothing twice. A document
// whose id db holds with other text means db holds another office's data:
// that is an error and nothing is copied.
//
// The columns copied are db's own, read by the same names from src; the
// generated columns (effective due date, search vectors) are computed
// again by PostgreSQL.
func (db *DB) CopyFrom(ctx context.Context, src *sql.DB) ([]TableCount, error) {
	var out []TableCount
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		// No other writer while the copy runs (ingest takes this lock).
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(ingestLock)); err != nil {
			return err
		}
		if err := sameDocuments(ctx, tx, src); err != nil {
			return err
		}
		for _, t := range copyTables {
			c, err := copyTable(ctx, tx, src, t)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t, err)
			}
			out = append(out, c)
		}
		// New rows get ids after the copied ones.
		for _, t := range copyTables {
			var seq *string
			if err := tx.QueryRow(ctx, `SELECT pg_get_serial_sequence(c.table_name, 'id')
				FROM information_schema.columns c WHERE c.table_schema = current_schema()
				AND c.table_name = $1 AND c.column_name = 'id'`, t).Scan(&seq); err == pgx.ErrNoRows || seq == nil {
				continue
			} else if err != nil {
				return fmt.Errorf("sequence of %s: %w", t, err)
			}
			if _, err := tx.Exec(ctx, `SELECT setval($1, m) FROM (SELECT max(id) AS m FROM `+
				pgx.Identifier{t}.Sanitize()+`) x WHERE m IS NOT NULL`, *seq); err != nil {
				return fmt.Errorf("sequence of %s: %w", t, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("copy into %s: %w", db.Name(), err)
	}
	return out, nil
}

// sameDocuments checks that every document of src that db holds by id has
// the same hash there.
func sameDocuments(ctx context.Context, tx pgx.Tx, src *sql.DB) error {
	rows, err := src.QueryContext(ctx, `SELECT id, hash FROM documents ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var hash, have string
		if err := rows.Scan(&id, &hash); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `SELECT hash FROM documents WHERE id = $1`, id).Scan(&have)
		if err == pgx.ErrNoRows {
			continue
		}
		if err != nil {
			return err
		}
		if have != hash {
			return fmt.Errorf("document %d differs from the one being copied: the database holds other data", id)
		}
	}
	return rows.Err()
}

// copyTable copies table t from src into tx, by batches.
func copyTable(ctx context.Context, tx pgx.Tx, src *sql.DB, t string) (TableCount, error) {
	c := TableCount{Table: t}
	rows, err := tx.Query(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
		ORDER BY ordinal_position`, t)
	if err != nil {
		return c, err
	}
	cols, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return c, err
	}
	quoted := make([]string, len(cols))
	marks := make([]string, len(cols))
	for i, col := range cols {
		quoted[i] = pgx.Identifier{col}.Sanitize()
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	list := strings.Join(quoted, ", ")
	insert := `INSERT INTO ` + pgx.Identifier{t}.Sanitize() + ` (` + list + `) VALUES (` + strings.Join(marks, ", ") +
		`) ON CONFLICT DO NOTHING`
	srows, err := src.QueryContext(ctx, `SELECT `+list+` FROM "`+t+`"`)
	if err != nil {
		return c, err
	}
	defer srows.Close()
	var b pgx.Batch
	flush := func() error {
		if b.Len() == 0 {
			return nil
		}
		res := tx.SendBatch(ctx, &b)
		for range b.Len() {
			tag, err := res.Exec()
			if err != nil {
				res.Close()
				return err
			}
			if tag.RowsAffected() == 1 {
				c.Copied++
			} else {
				c.Had++
			}
		}
		b = pgx.Batch{}
		return res.Close()
	}
	for srows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := srows.Scan(ptrs...); err != nil {
			return c, err
		}
		for i, v := range vals {
			if bs, ok := v.([]byte); ok {
				vals[i] = string(bs) // SQLite hands text back as bytes at times
			}
		}
		b.Queue(insert, vals...)
		if b.Len() == copyBatch {
			if err := flush(); err != nil {
				return c, err
			}
		}
	}
	if err := srows.Err(); err != nil {
		return c, err
	}
	return c, flush()
}
