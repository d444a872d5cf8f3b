package rules

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestMayHoldDateAsMayFind holds mayHoldDate to dates.MayFind of the text
// on the lines of the test texts, the sentences of corpus, and the same
// in upper case, glued to their neighbours, with their spaces no-break
// and between quotes and dashes that are plain and that are not, read by
// a scanner as sentencesIn reads them.
func TestMayHoldDateAsMayFind(t *testing.T) {
	set, _ := Default()
	sc := set.scanner()
	st := new(scanState)
	texts := append(foldTexts(t), corpus(t, set)...)
	texts = append(texts, "3", "a 3 b", "x", "eindmaart", "EINDMAART", "decemberzal", "in Maart", "maart", "m1", "zomer-reces",
		"ma", "jan", "q3", "2e", "het jaar", "Kerstreces", "voorjaar", "najaarsnota", "2024", "x2024y", "20245", "1899", "2101",
		"h1", "Q3", "aq3", "3q", "vraag 10", "binnen 3 werkdagen", "over 2 jaren", "1 septemberjongstleden")
	for _, s := range texts[:len(texts)] {
		texts = append(texts, strings.ToUpper(s), strings.ReplaceAll(s, " ", ""), strings.ReplaceAll(s, " ", "\u00a0"),
			"‘"+s+"’ – …", "«"+s+"»\u2012", "\u00ad"+s, s+" ²", "“"+s+"”\u200c1")
	}
	for r := rune(0x80); r < 0x3100; r++ {
		texts = append(texts, "vraag 1"+string(r)+"2 of "+string(r)+"2024", "3"+string(r)+"maart", "q"+string(r)+"3")
	}
	var plain, held int
	for _, s := range texts {
		f := fold(s)
		sc.read(f.s, st)
		got, want := mayHoldDate(f, st), dates.MayFind(s)
		if got != want {
			t.Fatalf("mayHoldDate(%q) = %v, MayFind %v", s, got, want)
		}
		if f.plain {
			plain++
			if want {
				held++
			}
		}
	}
	if plain < len(texts)/3 || held < 1000 {
		t.Errorf("%d of %d texts plain, %d of them may hold a date", plain, len(texts), held)
	}
	t.Logf("%d texts, %d plain, %d of those may hold a date", len(texts), plain, held)
}

// TestPlainRunesFoldToNoWord checks what fold.plain relies on: each rune
// dates.PlainRune takes folds to no letter or digit, so that the words
// of a plain text are its runs of ASCII letters and digits.
func TestPlainRunesFoldToNoWord(t *testing.T) {
	n := 0
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !dates.PlainRune(r) {
			continue
		}
		n++
		f := fold("ab" + string(r) + "12")
		if ws := words(f.s, nil); len(ws) != 2 || f.s[ws[0].start:ws[0].end] != "ab" || f.s[ws[1].start:ws[1].end] != "12" || !f.plain {
			t.Errorf("fold of %U gives %q, plain %v", r, f.s, f.plain)
		}
	}
	if n < 20 {
		t.Errorf("only %d plain runes", n)
	}
}

// TestMayListYearsAsRegexp holds mayListYears to yearListRE: it is never
// false where the regexp finds a list, on the lines of the test texts, the
// sentences of corpus, every sub-question of the guard documents and edge
// cases.
func TestMayListYearsAsRegexp(t *testing.T) {
	set, _ := Default()
	texts := append(foldTexts(t), corpus(t, set)...)
	for name, b := range guardDocs() {
		doc, _ := parse.Read(name, b)
		if doc == nil {
			continue
		}
		for _, it := range doc.Items {
			texts = append(texts, it.Question)
			for _, sq := range it.SubQuestions {
				texts = append(texts, sq.Text)
			}
		}
	}
	texts = append(texts, "2024 en 2025", "in 2024 en in 2025?", "1999, 2000 of 2001", "20242025", "2024 en2025",
		"2024en 2025", "202 en 2025", "2024 en 205", "1919 en 1920", "1920 of 2020", "19 en 20", "x2024 en 2025y",
		"2024 en 2025 en", "2024 ,2025 en in 2026", "2024\u00a0en 2025", "201920 en 2021", "20201 en 2021")
	rnd := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		b := make([]byte, rnd.Intn(24))
		for k := range b {
			b[k] = "0129 ,e"[rnd.Intn(7)]
		}
		texts = append(texts, string(b))
	}
	found := 0
	for _, s := range texts {
		if got, want := mayListYears(s), mayListYearsRef(s); got != want {
			t.Fatalf("mayListYears(%q) = %v, the byte loop %v", s, got, want)
		}
		want := yearListRE.FindStringIndex(s) != nil
		if want {
			found++
		}
		if want && !mayListYears(s) {
			t.Fatalf("mayListYears(%q) = false, the regexp finds %q", s, yearListRE.FindString(s))
		}
	}
	if found < 15 {
		t.Errorf("only %d of %d texts hold a list of years", found, len(texts))
	}
	t.Logf("%d texts, %d with a list of years", len(texts), found)
}

// TestConditionsAsRegexps holds mayBeConditional and continues to
// conditionalRE and continuesRE on the lines of the test texts, the
// sentences of corpus, every sub-question of the guard documents and
// edge cases, and the same with "Zo"/"en" put in front.
func TestConditionsAsRegexps(t *testing.T) {
	set, _ := Default()
	texts := append(foldTexts(t), corpus(t, set)...)
	for name, b := range guardDocs() {
		if doc, _ := parse.Read(name, b); doc != nil {
			for _, it := range doc.Items {
				for _, sq := range it.SubQuestions {
					texts = append(texts, sq.Text, ownSentence(sq.Text))
				}
			}
		}
	}
	texts = append(texts, "", " ", "en", "en ", "of\t", " en\nx", "\ven x", "En x", "ZO JA,", "\u00a0zo ja", "alſ niet", "als wel",
		"of zo nee", "indien neen", "Indien niet", "zo ja1", "zoja", "ennog", "of")
	for _, s := range texts[:len(texts)] {
		texts = append(texts, "Zo ja, "+s, "en "+s, " \t"+s)
	}
	conds, conts := 0, 0
	for _, s := range texts {
		if conditionalRE.MatchString(s) {
			conds++
			if !mayBeConditional(s) {
				t.Fatalf("mayBeConditional(%q) = false, conditionalRE matches", s)
			}
		}
		want := continuesRE.MatchString(s)
		if want {
			conts++
		}
		if got := continues(s); got != want {
			t.Fatalf("continues(%q) = %v, continuesRE %v", s, got, want)
		}
	}
	if conds < 100 || conts < 100 {
		t.Errorf("only %d conditional and %d continued texts of %d", conds, conts, len(texts))
	}
}

// mayListYearsRef is mayListYears byte by byte: two non-overlapping
// years, found from the left.
func mayListYearsRef(s string) bool {
	n := 0
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if (c == '1' && s[i+1] == '9' || c == '2' && s[i+1] == '0') && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) {
			if n++; n == 2 {
				return true
			}
			i += 3
		}
	}
	return false
}
