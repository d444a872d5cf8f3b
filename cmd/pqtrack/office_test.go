package main

import (
	"regexp"
	"strings"
	"testing"
)

// office add prints a secret once; office list shows each office with its
// open follow-ups; --office (or PQTRACK_OFFICE) scopes the commands, and an
// unknown office is named in a Dutch error.
func TestOfficeCommands(t *testing.T) {
	db := promisesDB(t, 2)
	cmd := func(vars map[string]string, args ...string) (int, string, string) {
		t.Helper()
		if vars == nil {
			vars = map[string]string{}
		}
		vars["PQTRACK_DB"] = db
		e, out, errb := testEnv(vars)
		code := run(e, args)
		return code, out.String(), errb.String()
	}
	code, out, errb := cmd(nil, "office", "add", "groen", "--name", "Kantoor Groen", "--channel", "CGROEN")
	if code != 0 || !regexp.MustCompile(`(?m)^  [0-9a-f]{64}$`).MatchString(out) || !strings.Contains(out, "kantoor groen toegevoegd") {
		t.Fatalf("office add: exit %d\n%s%s", code, out, errb)
	}
	if code, _, errb := cmd(nil, "office", "add", "groen"); code == 0 || !strings.Contains(errb, `kantoor "groen" bestaat al`) {
		t.Errorf("office add twice: exit %d\n%s", code, errb)
	}
	if code, _, errb := cmd(nil, "office", "add", "Groen Links"); code != 2 {
		t.Errorf("office add with a bad slug: exit %d\n%s", code, errb)
	}
	if code, _, errb := cmd(nil, "followups", "--office", "rood"); code != 1 || !strings.Contains(errb, `kantoor "rood" bestaat niet`) {
		t.Errorf("an unknown office: exit %d\n%s", code, errb)
	}
	// groen follows nothing yet; the default office has two follow-ups.
	if _, out, _ := cmd(map[string]string{"PQTRACK_OFFICE": "groen"}, "followups", "--all"); strings.Contains(out, "kinderopvang") {
		t.Errorf("groen lists the default office's follow-ups:\n%s", out)
	}
	if code, _, errb := cmd(nil, "check", "1", "--drop", "--office", "groen"); code == 0 || !strings.Contains(errb, "bestaat niet") {
		t.Errorf("groen checks the default office's follow-up: exit %d\n%s", code, errb)
	}
	if code, out, errb := cmd(nil, "watch", "add", "--parliament", "vp", "--member", "Jan Peeters", "--office", "groen"); code != 0 {
		t.Fatalf("watch add: exit %d\n%s%s", code, out, errb)
	}
	if _, out, _ := cmd(nil, "watch", "list"); strings.Contains(out, "Jan Peeters") {
		t.Errorf("groen's watch is on the default office's list:\n%s", out)
	}
	code, out, errb = cmd(nil, "office", "list")
	want := regexp.MustCompile(`(?m)^kantoor +\(standaard\) +\(kanaal van serve\) +2\n` + `groen +Kantoor Groen +CGROEN +0$`)
	if code != 0 || !strings.HasPrefix(out, "SLUG") || !want.MatchString(out) {
		t.Errorf("office list: exit %d\n%s%s", code, out, errb)
	}
}
