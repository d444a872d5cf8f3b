package parse

import (
	"regexp"
	"strconv"
	"testing"
)

// TestFootnoteStartAsRegexps holds footnoteStart to the regexps it stands
// in for, on every line of the fixtures and documents, each with its
// first bytes cut off in turn, and edge cases.
func TestFootnoteStartAsRegexps(t *testing.T) {
	text := regexp.MustCompile(`^(\d{1,2})\)? +(?:\p{Lu}|https?:|www\.)`)
	glued := regexp.MustCompile(`^(\d{1,2})(?:\p{Lu}[\p{L},.]|https?:|www\.)`)
	want := func(s string) (int, bool, bool) {
		if m := text.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, false, true
		}
		if m := glued.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, true, true
		}
		return 0, false, false
	}
	in := []string{
		"1 Foo", "12 Foo", "123 Foo", "1) Foo", "1)Foo", "1)  Foo", "1 ) Foo", "1 foo", "1  Émile", "1 http://x",
		"1 https:", "1 www.x", "1 wwwx", "1http://x", "1https:", "1www.x", "1NOS, 29", "1N,", "1N.", "1NÉ", "1Nx",
		"1N", "1N ", "3D-", "5G", "12Kamerstuk", "123Kamerstuk", "1\xffA", "1 \xff", "1É2", "1Ǆa", "09 Foo", "0 Foo",
		"1\tFoo", "1 )Foo", "1)", "1", "12", "", "a1 Foo", "1Ab", "12A,", "1 A",
	}
	for _, s := range fastInputs(t) {
		for k := 0; k < len(s) && k < 12; k++ {
			in = append(in, s[k:])
		}
	}
	for _, s := range in {
		n, g, ok := footnoteStart(s)
		wn, wg, wok := want(s)
		if n != wn || g != wg || ok != wok {
			t.Errorf("footnoteStart(%q) = %d %v %v, regexps %d %v %v", s, n, g, ok, wn, wg, wok)
		}
	}
}
