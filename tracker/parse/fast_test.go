package parse

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fastInputs are lines of every fixture and evaluation document, and
// hand-made edge cases, for checking the hand-written matchers against
// the regexps they stand in for.
func fastInputs(t *testing.T) []string {
	in := []string{
		"", "1", "12", "123", "1234", "1.", "12.", "123.", "0", "0.", "1 in", "12 in", "123 in", "1  in", "1 In",
		"1 ében", "1", "Vraag 1", "Vraag 0", "Vraag 1:", "Vraag 1: Kent u", "Vraag 1:Kent", "Vraag 1234",
		"Vraag 12: ", "Antwoorden 3", "Antwoord 2 en 3", "Antwoord 1 kent", "ANTWOORD 7:  Ja.", "Vragen 2, 3 en 4",
		"Vraag  1", "Antwoord op vraag 4", "Vraag 1.", "Vraag 1\tx", "Vraag 1:\tJa", "Vraag 1 t/m 3", "Vraag 5 - 3",
	}
	paths, _ := filepath.Glob("testdata/*.txt")
	more, _ := filepath.Glob(filepath.Join(evalDir, "docs", "*.txt"))
	for _, p := range append(append(paths, seedPath), more...) {
		d, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(d), "\n") {
			in = append(in, strings.TrimSpace(l))
		}
	}
	return in
}

func TestFastMatchers(t *testing.T) {
	loneNumberRE := regexp.MustCompile(`^\d{1,3}$`)
	loneNumberDotRE := regexp.MustCompile(`^(\d{1,2})\.$`)
	startMarkRE := regexp.MustCompile(`^(\d{1,2}) +\p{Ll}`)
	for _, s := range fastInputs(t) {
		if got, want := isLoneNumber(s), loneNumberRE.MatchString(s); got != want {
			t.Errorf("isLoneNumber(%q) = %v, regexp %v", s, got, want)
		}
		m := loneNumberDotRE.FindStringSubmatch(s)
		if got, ok := loneNumberDot(s); ok != (m != nil) || ok && got != m[1] {
			t.Errorf("loneNumberDot(%q) = %q %v, regexp %q", s, got, ok, m)
		}
		m = startMarkRE.FindStringSubmatch(s)
		if got, ok := startMark(s); ok != (m != nil) || ok && got != m[1] {
			t.Errorf("startMark(%q) = %q %v, regexp %q", s, got, ok, m)
		}
		// parseLabel with and without its fast path.
		if l, ok, sure := simpleLabel(s); sure {
			want, wok := regexpLabel(s)
			if ok != wok || !reflect.DeepEqual(l, want) {
				t.Errorf("simpleLabel(%q) = %+v %v, regexp %+v %v", s, l, ok, want, wok)
			}
		}
	}
}

// regexpLabel is parseLabel without its fast path.
func regexpLabel(s string) (label, bool) {
	m := labelRE.FindStringSubmatchIndex(s)
	if m == nil {
		return label{}, false
	}
	word := strings.ToLower(s[m[2]:m[3]])
	rest := s[m[1]:]
	if rest != "" && m[6] < 0 && startsLower(rest) {
		return label{}, false
	}
	nums := numberList(s[m[4]:m[5]])
	if len(nums) == 0 {
		return label{}, false
	}
	return label{answer: strings.HasPrefix(word, "antwoord"), nums: nums, rest: rest}, true
}

// TestPrintable8 holds printable8, kept8 and digit8 to a test of each byte, for every byte
// value in every place among printable and other neighbours.
func TestPrintable8(t *testing.T) {
	for _, fill := range []byte{' ', 'a', 0x7f, 0x1f, 0x80, '\n', '\f', 0x0b, 0x0d, '/', ':', 0xb0, 0xb9, 0xff} {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 256; c++ {
				var b [8]byte
				for i := range b {
					b[i] = fill
				}
				b[pos] = byte(c)
				want, digit := true, false
				for _, x := range b {
					want = want && x >= 0x20 && x < 0x80
					digit = digit || isDigit(x)
				}
				if got := printable8(le64(string(b[:]))); got != want {
					t.Fatalf("printable8(%q) = %v, want %v", b, got, want)
				}
				kept := true
				for _, x := range b {
					kept = kept && (x >= 0x20 && x < 0x80 || x == '\n' || x == '\f')
				}
				if got := kept8(le64(string(b[:]))); got != kept {
					t.Fatalf("kept8(%q) = %v, want %v", b, got, kept)
				}
				if got := digit8(le64(string(b[:]))); got != digit {
					t.Fatalf("digit8(%q) = %v, want %v", b, got, digit)
				}
			}
		}
	}
}

// TestSplitLinesAsEachLine holds splitLines, which runs oneSpace only on
// lines where a search of the text found two spaces, to the same split
// with oneSpace on every line, on every document of the fixtures and the
// eval set, whole and normalized, and on random texts of spaces, line
// breaks, form feeds and letters.
func TestSplitLinesAsEachLine(t *testing.T) {
	eachLine := func(s string) []line {
		var out []line
		page, num := 0, 0
		for rest, more := s, true; more; {
			var raw string
			raw, rest, more = strings.Cut(rest, "\n")
			num++
			multi := strings.IndexByte(raw, '\f') >= 0
			for ff := true; ff; {
				var p string
				p, raw, ff = strings.Cut(raw, "\f")
				if t := oneSpace(strings.TrimSpace(p)); t != "" || !multi {
					out = append(out, line{text: t, num: num, page: page})
				}
				if ff {
					page++
				}
			}
		}
		return out
	}
	var in []string
	for _, pattern := range []string{"testdata/*.txt", "testdata/layout/*.txt", "testdata/real/*.txt", filepath.Join(evalDir, "docs", "*.txt"), seedPath} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			d, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			in = append(in, string(d), normalize(string(d)))
		}
	}
	if len(in) < 100 {
		t.Fatalf("only %d documents", len(in)/2)
	}
	rnd := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		b := make([]byte, rnd.Intn(30))
		for k := range b {
			b[k] = "  \n\fab\t"[rnd.Intn(7)]
		}
		in = append(in, string(b))
	}
	spaced := 0
	for _, s := range in {
		got, want := splitLines(s), eachLine(s)
		if !slices.Equal(got, want) {
			t.Fatalf("splitLines(%q) = %v, want %v", s, got, want)
		}
		if strings.Contains(s, "  ") {
			spaced++
		}
	}
	if spaced < 1000 {
		t.Errorf("only %d texts hold two spaces", spaced)
	}
}

// TestLower8AsBytes holds lower8 to lowering each byte, for every ASCII
// byte in every place among capitals, letters and marks, and foldLower to
// folding a byte at a time on texts of every length to 40 with capitals,
// 'ſ', the Kelvin sign and other runes at every place.
func TestLower8AsBytes(t *testing.T) {
	lowerBytes := func(b []byte) {
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
	}
	for _, fill := range []byte{' ', 'a', 'A', 'Z', '@', '[', 'z', 0x7f, 0} {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 0x80; c++ {
				var b [8]byte
				for i := range b {
					b[i] = fill
				}
				b[pos] = byte(c)
				want := b
				lowerBytes(want[:])
				if got := lower8(le64(string(b[:]))); got != le64(string(want[:])) {
					t.Fatalf("lower8(%q) = %x, want %q", b, got, want)
				}
			}
		}
	}
	foldBytes := func(s string) string {
		var b []byte
		for _, r := range s {
			switch {
			case 'A' <= r && r <= 'Z':
				b = append(b, byte(r)+'a'-'A')
			case r == 'ſ':
				b = append(b, 's')
			case r == '\u212a':
				b = append(b, 'k')
			default:
				b = utf8.AppendRune(b, r)
			}
		}
		return string(b)
	}
	for _, fill := range []string{"Vraag Van HET lid ", "abc xyz. 12 "} {
		for n := 0; n <= 40; n++ {
			base := strings.Repeat(fill, 4)[:n]
			for at := 0; at <= n; at++ {
				for _, r := range []string{"", "ſ", "\u212a", "é", "Q", "\u00c9"} {
					s := base[:at] + r + base[at:]
					if got, want := foldLower(s), foldBytes(s); got != want {
						t.Fatalf("foldLower(%q) = %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}

// TestOCROpenersAsTrim holds repairOCRLabels' first-byte test to what it
// spares: a line turned away by it is one that TrimLeft leaves no label
// to read in (shorter than six bytes, or not opening with 'V' or 'A'),
// for every byte value at the start of labels and other lines.
func TestOCROpenersAsTrim(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, rest := range []string{"raag 3", "ntwoord 12", "‘ Vraag 1", "’Antw00rd 5", " | Vraaq 3", "xxxxxxxxx", "ab"} {
			for _, s := range []string{string(rune(c)) + rest, string([]byte{byte(c)}) + rest} {
				if len(s) >= 6 && ocrOpeners[s[0]] {
					continue
				}
				if tr := strings.TrimLeft(s, "|'~.‘’ "); len(tr) >= 6 && (tr[0] == 'V' || tr[0] == 'A') {
					t.Fatalf("%q turned away, but trims to %q", s, tr)
				}
			}
		}
	}
}
