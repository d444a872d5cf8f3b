package parse

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The reader's scans that skip eight bytes at a time (control8 and
// quiet8 in binaryAt, digit8 in dropGluedMarks) are held to the
// byte-by-byte loops they replace, on every fixture and every line of it,
// and on short texts with the byte that matters at every place of an
// eight-byte word and of the tail, among bytes above 0x7f.

// scanTexts are the fixtures whole, their lines, and short made-up texts
// with each byte of marks at every place.
func scanTexts(t *testing.T, marks string) []string {
	var files []string
	for _, g := range []string{"testdata/*.txt", "testdata/*/*.txt", "../../rules/testdata/eval/*/docs/*.txt", "../../seeds/*.txt"} {
		fs, _ := filepath.Glob(g)
		files = append(files, fs...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d fixtures", len(files))
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, fill := range []string{"ab é.", "\xff\x80\xc3\xa9 ", "zie 12"} {
		for n := 0; n <= 20; n++ {
			base := []byte(strings.Repeat(fill, 6)[:n])
			texts = append(texts, string(base))
			for at := 0; at < n; at++ {
				for k := 0; k < len(marks); k++ {
					b := append([]byte(nil), base...)
					b[at] = marks[k]
					texts = append(texts, string(b))
				}
			}
		}
	}
	return texts
}

func TestBinaryAtAsBytes(t *testing.T) {
	var marks []byte
	for c := 0; c <= 0x20; c++ {
		marks = append(marks, byte(c))
	}
	marks = append(marks, 0x7f, 0x80, 0x9f, 0xa0, 0xff)
	texts := scanTexts(t, string(marks))
	// Many control characters, and some.
	texts = append(texts, strings.Repeat("a\x01b", 40), strings.Repeat("abcdefghijklmnopqrstuvwxyz\x02", 3))
	for _, s := range texts {
		line, bad := binaryAt([]byte(s))
		wantLine, wantBad := binaryAtBytes([]byte(s))
		if line != wantLine || bad != wantBad {
			t.Fatalf("binaryAt(%q) = %d, %v; byte by byte %d, %v", s, line, bad, wantLine, wantBad)
		}
	}
}

func TestDropGluedMarksAsBytes(t *testing.T) {
	texts := scanTexts(t, "0123456789 .)")
	for _, s := range texts {
		for next := 1; next <= 13; next += 3 {
			got, gotNext := dropGluedMarks(s, next)
			want, wantNext := dropGluedMarksBytes(s, next)
			if got != want || gotNext != wantNext {
				t.Fatalf("dropGluedMarks(%q, %d) = %q, %d; byte by byte %q, %d", s, next, got, gotNext, want, wantNext)
			}
		}
	}
}

// binaryAtBytes is binaryAt as it was, a byte at a time.
func binaryAtBytes(data []byte) (int, bool) {
	ctrl := 0
	first := -1
	for i, c := range data {
		if c >= 0x20 {
			continue
		}
		if c == 0 {
			return strings.Count(string(data[:i]), "\n") + 1, true
		}
		if c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			ctrl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctrl > 0 && ctrl*20 > len(data) {
		return strings.Count(string(data[:first]), "\n") + 1, true
	}
	return 0, false
}

// dropGluedMarksBytes is dropGluedMarks as it was, a byte at a time.
func dropGluedMarksBytes(t string, next int) (string, int) {
	var b strings.Builder
	last := 0
	for i := 0; i < len(t); {
		if !isDigit(t[i]) {
			i++
			continue
		}
		a := i
		for i < len(t) && isDigit(t[i]) {
			i++
		}
		if i-a > 2 || a == 0 {
			continue
		}
		end := i
		paren := end < len(t) && t[end] == ')'
		if paren {
			end++
		}
		if end < len(t) && !strings.ContainsRune(" .,;:", rune(t[end])) {
			continue
		}
		from := a
		switch before := t[:a]; {
		case gluedAfter(before):
		case paren && strings.HasSuffix(before, " ") && len(before) >= 2 && strings.ContainsRune("?!.»”", rune(before[len(before)-2])):
			from = a - 1 // the space before "1)"
		default:
			continue
		}
		if n, _ := strconv.Atoi(t[a:i]); n != next {
			continue
		}
		next++
		b.WriteString(t[last:from])
		last = end
	}
	if last == 0 {
		return t, next
	}
	b.WriteString(t[last:])
	return b.String(), next
}

// TestNormalizeAsBytes holds normalize, which copies what needs no fix in
// runs (keptTo), to the loop that wrote a byte at a time, on the texts
// with control characters, '\r', tabs and runes NFC or runeFix changes
// at every place.
func TestNormalizeAsBytes(t *testing.T) {
	var marks []byte
	for c := 0; c <= 0x20; c++ {
		marks = append(marks, byte(c))
	}
	marks = append(marks, 0x7e, 0x7f, 0x80, 0xa0, 0xc2, 0xff)
	texts := scanTexts(t, string(marks))
	for _, s := range []string{"a\u00a0b", "e\u0301", "\r\n\r\n", "x\u00ad\ty", "\u2028", "ﬁ", "a\rb\vc\fd"} {
		texts = append(texts, s, "Vraag 1\t"+s+" en twee\r\n", strings.Repeat(s+"abcdefgh", 3))
	}
	for _, s := range texts {
		if got, want := normalize(s), normalizeBytes(s); got != want {
			t.Fatalf("normalize(%q) = %q, byte by byte %q", s, got, want)
		}
	}
}

// normalizeBytes is normalize as it was, a byte at a time after the
// first fix.
func normalizeBytes(s string) string {
	i, nfc := firstFix(s)
	if !nfc {
		s = norm.NFC.String(s)
		i, _ = firstFix(s)
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				b.WriteByte('\n')
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			case c == '\t' || c == '\v':
				b.WriteByte(' ')
			case c < 0x20 && c != '\n' && c != '\f':
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if fix, ok := runeFix(r); ok {
			b.WriteString(fix)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstFixBytes is firstFix as a byte loop: every byte that normalize
// keeps passed over one at a time.
func firstFixBytes(s string) (int, bool) {
	i := 0
	for i < len(s) {
		if c := s[i]; c >= 0x20 && c < utf8.RuneSelf || c == '\n' || c == '\f' {
			i++
			continue
		}
		if s[i] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); !nfcStable(r) {
				return i, false
			}
		}
		n, fix := needsFix(s, i)
		if fix {
			break
		}
		i += n
	}
	for k := i; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !nfcStable(r) {
			return i, false
		}
		k += n
	}
	return i, true
}

// TestFirstFixAsBytes holds firstFix, which passes over eight bytes at a
// time where they are printable, line breaks or form feeds (kept8) and
// over eight ASCII bytes at a time after the first fix, to firstFixBytes,
// on the texts of TestNormalizeAsBytes: control characters, '\r', tabs and
// runes NFC or runeFix changes at every place.
func TestFirstFixAsBytes(t *testing.T) {
	var marks []byte
	for c := 0; c <= 0x20; c++ {
		marks = append(marks, byte(c))
	}
	marks = append(marks, 0x7e, 0x7f, 0x80, 0xa0, 0xc2, 0xff)
	texts := scanTexts(t, string(marks))
	for _, s := range []string{"a\u00a0b", "e\u0301", "\r\n\r\n", "x\u00ad\ty", "\u2028", "ﬁ", "a\rb\vc\fd", "\n\f\n\f\n\f\n\fé\u0301"} {
		texts = append(texts, s, "Vraag 1\t"+s+" en twee\r\n", strings.Repeat(s+"abcdefgh\n", 3))
	}
	for _, s := range texts {
		i, nfc := firstFix(s)
		wi, wnfc := firstFixBytes(s)
		if i != wi || nfc != wnfc {
			t.Fatalf("firstFix(%q) = %d, %v; byte by byte %d, %v", s, i, nfc, wi, wnfc)
		}
	}
}
