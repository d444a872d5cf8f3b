package main

import (
	"os"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

// TestMain stops the PostgreSQL server that tests needing one start.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
