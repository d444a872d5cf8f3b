package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestWatchCommand(t *testing.T) {
	vars := map[string]string{"PQTRACK_DB": filepath.Join(t.TempDir(), "w.db"), "USER": "els"}
	steps := []struct {
		args []string
		code int
		out  string // in stdout (stderr for a failure)
	}{
		{[]string{"watch", "list"}, 1, "bestaat niet"}, // list does not create the database
		{[]string{"watch", "add", "--parliament", "vp", "--member", "Els Van Doesburg"}, 0, `toegevoegd: #1 vp lid "Els Van Doesburg"`},
		{[]string{"watch", "add", "--parliament", "tk", "--keyword", "stikstof", "--lang", "en"}, 0, `added: #2 tk keyword "stikstof"`},
		{[]string{"watch", "add", "--parliament", "vp", "--member", "Els Van Doesburg"}, 0, "#1 "}, // already there
		{[]string{"watch", "add", "--parliament", "nl", "--member", "X"}, 2, "--parliament"},
		{[]string{"watch", "add", "--parliament", "tk", "--member", "X", "--keyword", "Y"}, 2, "exactly one"},
		{[]string{"watch", "add", "--parliament", "tk"}, 2, "exactly one"},
		{[]string{"watch", "list"}, 0, "2   tk         trefwoord  stikstof"},
		{[]string{"watch", "remove", "2"}, 0, "verwijderd: #2"},
		{[]string{"watch", "remove", "2"}, 1, "#2 staat niet op de volglijst"},
		{[]string{"watch", "remove", "twee"}, 2, "want a number"},
		{[]string{"watch", "list", "--lang", "en"}, 0, "1   vp          member  Els Van Doesburg"},
		{[]string{"watch", "fly"}, 2, "want add, list or remove"},
	}
	for _, st := range steps {
		e, out, errb := testEnv(vars)
		code := run(e, st.args)
		got := out.String()
		if code != 0 {
			got = errb.String()
		}
		if code != st.code || !strings.Contains(got, st.out) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s%s", st.args, code, st.code, st.out, out, errb)
		}
	}
}
