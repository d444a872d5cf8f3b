package sqlite

import "database/sql"

// SQL is the database handle, for reading the tables as they are (pqtrack
// migrate copies them into PostgreSQL).
func (db *DB) SQL() *sql.DB { return db.db }
