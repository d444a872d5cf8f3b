package dates

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestPrintableASCIIAsBytes holds printableASCII to a test of each byte,
// for every byte value at every place of an eight-byte word and of the
// tail, among printable bytes, and on 20,000 random strings of printable
// bytes, white space, control characters, 0x7f and bytes above it.
func TestPrintableASCIIAsBytes(t *testing.T) {
	byByte := func(s string) bool {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(' ' <= c && c <= '~' || '\t' <= c && c <= '\r') {
				return false
			}
		}
		return true
	}
	check := func(s string) {
		if got, want := printableASCII(s), byByte(s); got != want {
			t.Fatalf("printableASCII(%q) = %v, want %v", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for n := 1; n <= 19; n++ {
			for at := 0; at < n; at++ {
				b := []byte(strings.Repeat("a", n))
				b[at] = byte(c)
				check(string(b))
			}
		}
	}
	rng := rand.New(rand.NewSource(25))
	alphabet := []byte("aZ 09~!\t\n\v\f\r\x00\x08\x0e\x1f\x7f\x80\xc3\xff")
	for k := 0; k < 20000; k++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		check(string(b))
	}
}

// TestFindFoldedAsFind holds FindFolded, given the text with its ASCII
// capitals lower-cased and its white space made spaces in place, to Find,
// on every line and sentence-sized piece of the eval documents, the seeds
// and the parse fixtures, upper-cased and with control characters, 0x7f
// and runes beyond ASCII put in (which FindFolded leaves to Find).
func TestFindFoldedAsFind(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/eval/*/docs/*.txt", "../../seeds/*.txt", "../../tracker/parse/testdata/real/*.txt"} {
		fs, _ := filepath.Glob(g)
		files = append(files, fs...)
	}
	lower := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			switch {
			case 'A' <= c && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case '\t' <= c && c <= '\r':
				b[i] = ' '
			}
		}
		return string(b)
	}
	ref := time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC)
	n, found := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, s := range []string{line, strings.ToUpper(line), line + "\t\x0b" + line, line + "\x00", line + "\x7f", line + "é"} {
				got, want := FindFolded(s, lower(s), ref), Find(s, ref)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q: FindFolded %v, Find %v", s, got, want)
				}
				n++
				if len(want) > 0 {
					found++
				}
			}
		}
	}
	if n < 10000 || found < 500 {
		t.Errorf("only %d texts, %d with dates", n, found)
	}
}
