package parse

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// headerInputs are the fast inputs, whole documents and hand-made headers.
func headerInputs(t *testing.T) []string {
	in := append(fastInputs(t),
		"2024Z14419", "2024Z 14419", "x2024Z14419", "12024Z14419", "2024Z144190", "2024Z14419a", "2024Z14419.",
		"2024Z  14419", "é2024Z14419é", "Z", "Z12345", "abc 2023Z17972 en 2024Z00001", "2024Z1441",
		"Aanhangsel van de Handelingen, 2024-2025, nr. 559", "Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 12",
		"Zie ook\nAanhangsel Handelingen nr. 3. Aanhangsel van de Handelingen nr. 4", "Aanhangsel", "Aanhangsel Handelingen. nr. 5",
		"Zie ook Aanhangsel Handelingen nr. 3 en Aanhangsel Handelingen nr. 9", "XZie ook Aanhangsel Handelingen nr. 3",
		"Ingezonden 3 oktober 2024", "vragen (ingezonden 3 okt. 2024)", "xingezonden 3 oktober 2024 ingezonden 4 oktober 2024",
		"ſingezonden 3 oktober 2024", "(Ontvangen 20 november2024)", "INGEZONDEN 1 mei 2023", "Antwoord van minister X (ontvangen 1 mei 2024)",
		"Mededeling van de staatssecretaris Y. Antwoord van minister Z.", "XAntwoord van minister Q.",
	)
	files, _ := filepath.Glob(filepath.Join(evalDir, "docs", "*.txt"))
	for _, f := range append(files, seedPath) {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, string(d))
	}
	return in
}

// TestHeaderMatchers checks the hand-written header matchers and the
// searches that start at a literal against the whole-text regexps.
func TestHeaderMatchers(t *testing.T) {
	ahNumberRE := regexp.MustCompile(`(Zie ook\s+)?Aanhangsel\s+(?:van\s+de\s+)?Handelingen[^.]{0,60}?\bnr\.\s*(\d+)`)
	oldFold := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch r {
			case 'ſ':
				return 's'
			case '\u212a':
				return 'k'
			}
			return unicode.ToLower(r)
		}, s)
	}
	for _, s := range headerInputs(t) {
		m := zNumberRE.FindStringSubmatch(s)
		if y, n, ok := zNumber(s); ok != (m != nil) || ok && (y != m[1] || n != m[2]) {
			t.Errorf("zNumber(%q) = %q %q %v, regexp %q", s, y, n, ok, m)
		}
		want := ""
		for _, m := range ahNumberRE.FindAllStringSubmatch(s, -1) {
			if m[1] == "" {
				want = m[2]
				break
			}
		}
		if got, ok := ahNumber(s); got != want || ok != (want != "") {
			t.Errorf("ahNumber(%q) = %q %v, regexp %q", s, got, ok, want)
		}
		low := foldLower(s)
		for _, c := range []struct {
			re  *regexp.Regexp
			lit string
		}{{askedRE, "ingezonden"}, {receivedRE, "ontvangen"}} {
			if got, want := findFold(s, low, c.re, c.lit), c.re.FindStringSubmatch(s); strings.Join(got, "|") != strings.Join(want, "|") || (got == nil) != (want == nil) {
				t.Errorf("findFold(%q, %s) = %q, regexp %q", s, c.lit, got, want)
			}
		}
		if got, want := findFrom(s, ministerRE, "Antwoord van ", "Mededeling van "), ministerRE.FindStringSubmatch(s); strings.Join(got, "|") != strings.Join(want, "|") || (got == nil) != (want == nil) {
			t.Errorf("findFrom(%q, ministerRE) = %q, regexp %q", s, got, want)
		}
		for _, c := range []struct {
			re   *regexp.Regexp
			lits []string
		}{
			{vlaamsRE, []string{"vlaams parlement"}},
			{eersteRE, []string{"eerste kamer"}},
			{tweedeRE, []string{"tweede kamer", "aanhangsel handelingen", "aanhangsel van de handelingen"}},
		} {
			got := false
			for _, lit := range c.lits {
				got = got || strings.Contains(low, lit)
			}
			if want := c.re.MatchString(s); got != want {
				t.Errorf("Contains(foldLower(%q), %q) = %v, regexp %v", s, c.lits, got, want)
			}
		}
		// The folded text is still a cheap test wherever the old one was.
		if o := oldFold(s); strings.Contains(o, "vraag") && !strings.Contains(low, "vraag") {
			t.Errorf("foldLower(%q) lost a match", s)
		}
	}
}

// TestTextBuiltOnce checks that the text built with the paragraphs is
// their join and that each paragraph is cut from it; Read leaves the hash
// to the store.
func TestTextBuiltOnce(t *testing.T) {
	ins := append(headerInputs(t), "a-\nb", "Noord-\nBrabant", "x-\n\ny", "-\n-\n", "a\n\n\nb", "één-\ntwee", "ab-")
	for _, s := range ins {
		blocks, text, _ := cleanBlocks(s)
		if want := joinBlocks(blocks); text != want {
			t.Errorf("cleanBlocks(%q) text %q, joined %q", s, text, want)
		}
		off := 0
		for _, b := range blocks {
			i := strings.Index(text[off:], b.text)
			if i != 0 && off > 0 && i != 2 || b.text == "" {
				t.Errorf("cleanBlocks(%q): block %q not next in the text", s, b.text)
				break
			}
			off += i + len(b.text)
		}
	}
	doc, err := Read("x", []byte("Vraag 1\nKent u het bericht?\n\nAntwoord 1\nJa."))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Hash != "" {
		t.Errorf("Read: Hash %s, want it left to the store", doc.Hash)
	}
}

// TestNFCStable checks that normalize may skip NFC for text of
// nfcStable runes: NFC keeps each, and none combines with the rune
// before it.
func TestNFCStable(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		if !nfcStable(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if norm.NFC.String(s) != s || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("nfcStable(%U) but NFC changes or combines it", r)
		}
		for _, before := range []string{"a", "e", "A", "\u0627", "\u1100", "\u0915"} {
			if norm.NFC.String(before+s) != before+s {
				t.Errorf("nfcStable(%U) but NFC combines it after %q", r, before)
			}
		}
	}
	for _, s := range []string{"café", "cafe\u0301", "e\u0301\u00ad", "\u2000x", "K", "’€–", "\xff", "a\u00adb"} {
		if got, want := normalize(s), normalize(norm.NFC.String(s)); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	}
}
