package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/pqtrack/pqtrack/rules"
)

// officeWeights is where `pqtrack train --db FILE` writes an office's own
// weights: beside its database, never over the shipped ones. A database on
// a PostgreSQL server has no "beside": "" (train then needs --out).
func officeWeights(dbPath string) string {
	if dbPath == "" || isURL(dbPath) {
		return ""
	}
	return dbPath + ".weights.tsv"
}

// loadRulesFor is loadRules for a command that stores in the database at
// dbPath: the judgement uses the office's own weights when it has trained
// them.
func loadRulesFor(rulesFile, dbPath string) (*rules.Set, error) {
	set, err := loadRules(rulesFile)
	if err != nil {
		return nil, err
	}
	path := officeWeights(dbPath)
	if path == "" {
		return set, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return set, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := rules.ReadModel(path, f)
	if err != nil {
		return nil, fmt.Errorf("the office's weights (delete the file to judge with the shipped ones): %w", err)
	}
	set.UseModel(m)
	return set, nil
}
