#!/usr/bin/env bash
# The main job on the embedded default: analyse the seed document, store it
# in a new SQLite database, list what it leaves owed, and show the reminder
# and the weekly digest staff would get on 14 February 2023. Last, a committee
# report arrives (written for the tests, see tracker/resolve/testdata) and the
# deferrals to that meeting are followed into it.
# Usage: ./demo.sh [database file]   (default: a new demo.db here)
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS="-tags=sqlite_fts5 -buildvcs=false"
db=${1:-demo.db}
mkdir -p bin
go build -o bin/pqtrack ./cmd/pqtrack
rm -f "$db" "$db-wal" "$db-shm"

step() { printf '\n$ %s\n' "$*"; "$@"; }
step bin/pqtrack analyze
step bin/pqtrack ingest --db "$db"
step bin/pqtrack followups --db "$db"
step bin/pqtrack remind --db "$db" --now 2023-02-14 --dry-run
step bin/pqtrack digest --db "$db" --week 2023-W07
step bin/pqtrack ingest --db "$db" --kind meeting --date 2022-11-15 tracker/resolve/testdata/commissie-2022-11-15.txt
