#!/usr/bin/env bash
# Runs every test of pqtrack, as CI does. Usage: ./test.sh [go test flags]
set -euo pipefail
cd "$(dirname "$0")"
export GOFLAGS="-tags=sqlite_fts5 -buildvcs=false"
go vet ./...
go test -count=1 "$@" ./...
