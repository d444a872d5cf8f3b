package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// ForOffice returns the database as office id sees it: the same pool,
// with follow-ups, the queue, the counts, the watch list and the reminders
// limited to that office. Documents stay shared.
func (db *DB) ForOffice(id int64) store.Full {
	v := *db
	v.office = id
	return &v
}

// Office is the office this DB is scoped to.
func (db *DB) Office() int64 { return db.office }

// AddOffice stores o and returns its id.
func (db *DB) AddOffice(ctx context.Context, o tracker.Office, now time.Time) (int64, error) {
	if err := tracker.CheckSlug(o.Slug); err != nil {
		return 0, err
	}
	var id int64
	err := db.pool.QueryRow(ctx, `INSERT INTO offices (slug, name, channel, lang, secret, created)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, o.Slug, o.Name, o.Channel, o.Lang, o.SecretHash, stamp(now)).Scan(&id)
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" {
			return 0, fmt.Errorf("office %q: %w: it exists", o.Slug, tracker.ErrInvalid)
		}
		return 0, fmt.Errorf("add office %q: %w", o.Slug, err)
	}
	return id, nil
}

const officeColumns = `o.id, o.slug, o.name, o.channel, o.lang, o.secret, o.created`

func scanOffice(row pgx.Row, o *tracker.Office, extra ...any) error {
	var created string
	if err := row.Scan(append([]any{&o.ID, &o.Slug, &o.Name, &o.Channel, &o.Lang, &o.SecretHash, &created}, extra...)...); err != nil {
		return err
	}
	o.Created = parseStamp(created)
	return nil
}

// Offices lists the offices by id, with their open follow-ups counted.
func (db *DB) Offices(ctx context.Context) ([]tracker.Office, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+officeColumns+`,
		coalesce((SELECT sum(n) FROM stat_followups s WHERE s.office_id = o.id AND s.state <> 'done'), 0)::bigint
		FROM offices o ORDER BY o.id`)
	if err != nil {
		return nil, fmt.Errorf("offices: %w", err)
	}
	defer rows.Close()
	var out []tracker.Office
	for rows.Next() {
		var o tracker.Office
		var open int64
		if err := scanOffice(rows, &o, &open); err != nil {
			return nil, fmt.Errorf("offices: %w", err)
		}
		o.Open = int(open)
		out = append(out, o)
	}
	return out, rows.Err()
}

// OfficeBySlug returns the office named slug.
func (db *DB) OfficeBySlug(ctx context.Context, slug string) (tracker.Office, error) {
	var o tracker.Office
	err := scanOffice(db.pool.QueryRow(ctx, `SELECT `+officeColumns+` FROM offices o WHERE o.slug = $1`, slug), &o)
	if err != nil {
		return o, notFound(err, "office", slug)
	}
	return o, nil
}

// officesOf lists the offices other than but that have follow-ups on
// document docID.
func officesOf(ctx context.Context, tx pgx.Tx, docID, but int64) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT DISTINCT office_id FROM followups WHERE document_id = $1 AND office_id <> $2`, docID, but)
	if err != nil {
		return nil, fmt.Errorf("offices of document %d: %w", docID, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("offices of document %d: %w", docID, err)
	}
	return out, nil
}

// watchedOnly keeps of qs those the office's watch list selects, when
// there are several offices: filed questions are shared, and each office
// counts lateness for its own. With one office every question is its own.
func (db *DB) watchedOnly(ctx context.Context, tx pgx.Tx, qs []tracker.FiledQuestion) ([]tracker.FiledQuestion, error) {
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM offices`).Scan(&n); err != nil {
		return nil, err
	}
	if n <= 1 {
		return qs, nil
	}
	ws, err := watches(ctx, tx, db.office)
	if err != nil {
		return nil, err
	}
	var out []tracker.FiledQuestion
	for _, q := range qs {
		if len(tracker.Watched(ws, q)) > 0 {
			out = append(out, q)
		}
	}
	return out, nil
}
