package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The whole flow of a kept promise: the seed promises the annual figures
// for 14 February 2023; the report of that meeting arrives; the promise is
// suggested as delivered; a person rejects the suggestion; it stays open.
func TestPromiseKeptFlow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "flow.db")
	vars := map[string]string{"PQTRACK_DB": db}
	runOK := func(args ...string) string {
		t.Helper()
		e, out, errb := testEnv(vars)
		if code := run(e, args); code != 0 {
			t.Fatalf("%v: exit %d: %s%s", args, code, out, errb)
		}
		return out.String()
	}
	runOK("ingest")
	out := runOK("ingest", "--kind", "meeting", "--date", "2023-02-14", "../../tracker/resolve/testdata/commissie-2023-02-14.txt")
	if !strings.Contains(out, "possibly-delivered") && !strings.Contains(out, "mogelijk geleverd") {
		t.Errorf("ingest of the report does not suggest the delivery:\n%s", out)
	}
	var fs []struct {
		ID         int64  `json:"id"`
		Kind       string `json:"kind"`
		Due        string `json:"due"`
		State      string `json:"state"`
		Resolution *struct {
			Verdict string `json:"verdict"`
		} `json:"resolution"`
	}
	if err := json.Unmarshal([]byte(runOK("followups", "--json")), &fs); err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, f := range fs {
		if f.Kind == "promise" && f.Due == "2023-02-14" {
			id = f.ID
			if f.Resolution == nil || f.Resolution.Verdict != "possibly-delivered" || f.State != "open" {
				t.Errorf("promise follow-up: %+v", f)
			}
		}
	}
	if id == 0 {
		t.Fatalf("no promise follow-up due 2023-02-14 in %+v", fs)
	}
	out = runOK("check", strconv.FormatInt(id, 10), "--not-delivered", "--note", "alleen de jaarcijfers")
	if !strings.Contains(out, "voorgestelde levering afgewezen; ze blijft open") {
		t.Errorf("check --not-delivered: %s", out)
	}
	// A second rejection has nothing to reject.
	e, _, errb := testEnv(vars)
	if code := run(e, []string{"check", strconv.FormatInt(id, 10), "--not-delivered"}); code == 0 || !strings.Contains(errb.String(), "no possible delivery") {
		t.Errorf("second rejection: exit %d, %s", code, errb)
	}
}
