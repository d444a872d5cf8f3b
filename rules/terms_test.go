package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestQuestionTermsAsTerms holds questionTerms to Terms of the whole
// question, for every question of the development documents, the seed
// and tracker/parse/testdata/real, with the sub-questions the reader
// finds and those splitQuestion makes; most must be covered, so that the
// shortcut is taken.
func TestQuestionTermsAsTerms(t *testing.T) {
	files, _ := filepath.Glob("testdata/eval/*/docs/*.txt")
	real, _ := filepath.Glob("../tracker/parse/testdata/real/*.txt")
	docs := [][]byte{seeds.Default}
	for _, f := range append(files, real...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	covered, split := 0, 0
	for i, b := range docs {
		d, _ := parse.Read("doc", b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			for _, subs := range [][]tracker.SubQuestion{it.SubQuestions, splitQuestion(it.Question)} {
				ts := subTerms(subs)
				if ts == nil {
					continue
				}
				split++
				if coveredBy(it.Question, subs) {
					covered++
				}
				got, want := questionTerms(it.Question, subs, ts), Terms(it.Question)
				if !slices.Equal(got, want) {
					t.Fatalf("document %d, question %q: %q, want %q", i, it.Question, got, want)
				}
			}
		}
	}
	if split < 200 || covered*10 < split*8 {
		t.Errorf("%d of %d split questions covered by their sub-questions", covered, split)
	}
}

func TestCoveredBy(t *testing.T) {
	q := "Kent u het bericht? Wat vindt u ervan?"
	sub := func(a, b int) tracker.SubQuestion { return tracker.SubQuestion{Text: q[a:b], Start: a, End: b} }
	for _, tt := range []struct {
		subs []tracker.SubQuestion
		want bool
	}{
		{[]tracker.SubQuestion{sub(0, 19), sub(20, len(q))}, true},
		{[]tracker.SubQuestion{sub(0, 18), sub(20, len(q))}, true},       // "?" between: no word
		{[]tracker.SubQuestion{sub(0, 19), sub(20, 30)}, false},          // "ervan" left out
		{[]tracker.SubQuestion{sub(0, 17), sub(17, len(q))}, false},      // cut inside "bericht"
		{[]tracker.SubQuestion{sub(0, 12), sub(20, len(q))}, false},      // "bericht" in no sub
		{[]tracker.SubQuestion{sub(20, len(q)), sub(0, 19)}, false},      // out of order
		{[]tracker.SubQuestion{{Text: "Kent", Start: 0, End: 5}}, false}, // text not q's
		{[]tracker.SubQuestion{sub(0, len(q))}, true},
	} {
		if got := coveredBy(q, tt.subs); got != tt.want {
			t.Errorf("coveredBy(%v) = %v, want %v", tt.subs, got, tt.want)
		}
	}
	if coveredBy("één? Twee?", []tracker.SubQuestion{{Text: "één?", Start: 0, End: 6}, {Text: "Twee?", Start: 7, End: 12}}) != true {
		t.Error("a question starting beyond ASCII")
	}
	if coveredBy("Eén?é Twee?", []tracker.SubQuestion{{Text: "Eén?", Start: 0, End: 5}, {Text: "Twee?", Start: 8, End: 13}}) {
		t.Error("a letter beyond ASCII between sub-questions")
	}
}

// TestTermCache holds the term cache, which reads only the entry whose
// hash matches, to what term computes: two words of the same hash each
// get their own entry, a word met again gets the entry it had, and every
// entry is its word's.
func TestTermCache(t *testing.T) {
	// Two words of the same hash, found by trying words in turn.
	seen := map[uint32]string{}
	var a, b string
	for i := 0; a == ""; i++ {
		w := "w" + strconv.Itoa(i)
		h := cacheHash(w, wordHead(w))
		if o, ok := seen[h]; ok {
			a, b = o, w
		}
		seen[h] = w
	}
	for range 3 {
		for _, w := range []string{a, b, a, b} {
			if e := term(w); e.word != w {
				t.Fatalf("term(%q) is the entry of %q", w, e.word)
			}
		}
	}
	words := []string{"minister", "antwoord", "vragen", "kader", "de", "het", "beantwoording", "2025"}
	for i := range 20000 {
		words = append(words, "x"+strconv.Itoa(i))
	}
	hits := 0
	for _, w := range words {
		e := term(w)
		if e.word != w {
			t.Fatalf("term(%q) is the entry of %q", w, e.word)
		}
		if !stopwords[w] && e.stem != stem(w) {
			t.Fatalf("term(%q).stem = %q, want %q", w, e.stem, stem(w))
		}
		if term(w) == e {
			hits++
		}
	}
	if hits < len(words)*9/10 {
		t.Errorf("%d of %d words met again found their entry", hits, len(words))
	}
}

// Singular and plural of a word meet in one stem, so that a reply naming
// "de provincie" goes to the question about "provincies".
func TestStemPlurals(t *testing.T) {
	tests := []struct{ a, b string }{
		{"provincies", "provincie"},
		{"studies", "studie"},
		{"gemeenten", "gemeente"},
		{"wachtlijsten", "wachtlijst"},
	}
	for _, tt := range tests {
		if a, b := stem(tt.a), stem(tt.b); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want the same", tt.a, a, tt.b, b)
		}
	}
}

// TestWordHeadAsBytes holds wordHead to its first eight bytes put in place
// one by one, and sameWord to comparing the words, for every length up
// to twenty and words that differ in one byte at every place, among them
// by a zero byte at the end, which the head's padding does not show.
func TestWordHeadAsBytes(t *testing.T) {
	head := func(w string) (h uint64) {
		for i := 0; i < len(w) && i < 8; i++ {
			h |= uint64(w[i]) << (8 * i)
		}
		return h
	}
	base := "abcdefghijklmnopqrstu\xe9\xff"
	var ws []string
	for n := 0; n <= 20; n++ {
		w := base[:n]
		ws = append(ws, w, w+"\x00", base[n:n+2]+w)
		for i := 0; i < n; i++ {
			for _, c := range []byte{0, 'x', 0xff} {
				b := []byte(w)
				b[i] = c
				ws = append(ws, string(b))
			}
		}
	}
	for _, w := range ws {
		if got, want := wordHead(w), head(w); got != want {
			t.Errorf("wordHead(%q) = %#x, want %#x", w, got, want)
		}
	}
	for _, a := range ws {
		e := &termEntry{word: a, head: wordHead(a)}
		for _, b := range ws {
			if got, want := e.sameWord(b, wordHead(b)), a == b; got != want {
				t.Errorf("sameWord(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
