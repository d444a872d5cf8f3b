package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// Find must find nothing where MayHold says no: every sentence of the
// labelled texts, every rubric case and the seed are checked.
func TestMayHoldNeverHidesADate(t *testing.T) {
	texts := mayHoldTexts(t)
	ref := time.Date(2024, 11, 19, 0, 0, 0, 0, time.UTC)
	found, skipped := 0, 0
	for _, text := range texts {
		for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' || r == '?' }) {
			es := Find(part, ref)
			if !MayHold(part) {
				skipped++
				if len(es) > 0 {
					t.Errorf("MayHold(%q) = false, but Find finds %q", part, es[0].Text)
				}
				continue
			}
			if len(es) > 0 {
				found++
			}
		}
	}
	t.Logf("%d parts with dates; %d parts skipped", found, skipped)
	if skipped == 0 {
		t.Error("MayHold skips nothing")
	}
}

// MayFind must be MayHold with fewer texts let through, none of which Find
// finds a date in: on the texts of TestMayHoldNeverHidesADate, words the
// grammar reads that are no anchors (MayHold takes some of those only
// with a digit in the text), and each of them after a number that is no
// date ("vraag 10"), where MayHold looks no further than the digit.
func TestMayFindNeverHidesADate(t *testing.T) {
	texts := mayHoldTexts(t)
	texts = append(texts, "binnen 3 werkdagen", "binnen vijf werkdagen", "over 2 jaren", "de komende 3 kwartalen", "over twee semesters",
		"dit kalenderjaar", "het lopende kalenderjaar", "1 septemberjongstleden", "1 septemberzal", "3 decemberaanstaande",
		"Q3", "in Q3-2025", "H1 2025", "in h2 van 2024", "2e kwartaal", "3de trimester", "1ste helft van 2025", "de 2e week van maart",
		"in de loop van 2025", "14-02-2023", "2023-02-14", "14.02.2023", "1/1/2022", "week 12", "in week 12, 2025",
		"eind 2025", "medio 2025", "in 2025", "winter 2024/2025", "prinsjesdag", "op 3 mei", "3 mei", "op 3 mrt.", "3 okt",
		"vrijdag 13 september", "halverwege volgend jaar", "begin volgend jaar", "de laatste week van het jaar", "binnen 48 uur",
		"over 10 dagen", "de komende 10 jaar", "uiterlijk over anderhalf jaar", "over een half jaar", "binnen een halfjaar",
		"aq3", "Qx3", "2024Z14419", "193VN", "10%", "art. 26", "in 1900", "in 2100", "in 1899 of 2101")
	for _, s := range texts[:len(texts)] {
		texts = append(texts, "vraag 10, "+s, s+" (zie vraag 3)", "nr. 4 "+strings.ToUpper(s),
			"vraag 10 – ‘"+strings.ReplaceAll(s, " ", "\u00a0")+"’…", "«"+strings.ReplaceAll(s, "-", "\u2011")+"» nr.\u20093")
	}
	ref := time.Date(2024, 11, 19, 0, 0, 0, 0, time.UTC)
	found, skipped := 0, 0
	for _, text := range texts {
		for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' || r == '?' }) {
			es := Find(part, ref)
			mayFind, mayHold := MayFind(part), MayHold(part)
			if mayFind && !mayHold {
				t.Errorf("MayFind(%q) = true, MayHold false", part)
			}
			if !mayFind && mayHold {
				skipped++
				if len(es) > 0 {
					t.Errorf("MayFind(%q) = false, but Find finds %q", part, es[0].Text)
				}
			}
			if mayHold && len(es) > 0 {
				found++
			}
		}
	}
	t.Logf("%d parts with dates; %d parts MayHold lets through skipped", found, skipped)
	if skipped < 1000 {
		t.Errorf("MayFind skips only %d parts more than MayHold", skipped)
	}
}

// mayHoldRef is MayHold as first written, word by word against each word
// list: its shortcuts must not change an answer.
func mayHoldRef(text string) bool {
	var buf [24]byte
	n := 0
	anchor := func(w []byte) bool {
		s := string(w)
		_, m := months[s]
		_, a := monthAbbr[s]
		_, se := seasons[s]
		_, sp := specialDays[s]
		if m || a || se || sp || weekdays[s] {
			return true
		}
		for _, p := range spanPrefixes {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
		if cut := gluedCut(s); cut > 0 {
			for _, part := range []string{s[:cut], s[cut:]} {
				_, m := months[part]
				_, a := monthAbbr[part]
				_, se := seasons[part]
				_, sp := specialDays[part]
				if m || a || se || sp || weekdays[part] {
					return true
				}
				for _, p := range spanPrefixes {
					if strings.HasPrefix(part, p) {
						return true
					}
				}
			}
		}
		return false
	}
	long := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			return true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			if n == len(buf) {
				long = true
				continue
			}
			buf[n] = c | 0x20
			n++
		default:
			if n > 0 && !long && anchor(buf[:n]) {
				return true
			}
			n, long = 0, false
		}
	}
	return n > 0 && !long && anchor(buf[:n])
}

func TestMayHoldAgreesWithReference(t *testing.T) {
	texts := []string{"", "a", "Ja", "JANUARI", "jaarverslag", "Ma", "mei", "Mei.", "meis", "Zomer", "dag!",
		"verantwoordingsdag", "xxxxxxxxxxxxxxxxxxxxxxxxjaar", "jaarxxxxxxxxxxxxxxxxxxxxxx", "jaarxxxxxxxxxxxxxxxxxxxxx",
		"Q3", "over twee weken", "kwartaal", "HELFT", "dé maand", "mÄart", "sept.", "in de herfst",
		"eindmaart", "EindMaart", "decemberzal", "injuni", "volgtbegin", "najaarvan", "Maarten", "ronde", "xxjuni",
		"trimester", "Semester", "trimestervan", "semestervan", "eerstekwartaal", "tweedetrimester", "eerstesemester",
		"zomersemester", "winterkwartaal", "trimestrieel", "semestrieel", "totaal", "semantiek", "trimesters"}
	for n := 22; n <= 26; n++ {
		texts = append(texts, "jaar"+strings.Repeat("x", n-4), strings.Repeat("x", n-4)+"jaar")
	}
	var words []string
	for w := range anchors {
		words = append(words, w)
	}
	words = append(words, spanPrefixes...)
	for _, w := range words {
		texts = append(texts, w, strings.ToUpper(w), "x"+w, w+"x", w[:len(w)-1], "é"+w, w+"é", "Het "+w+" komt")
	}
	seed, err := os.ReadFile("../../seeds/vlaams-parlement-2023-gelijke-kansen-inburgering.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, strings.Fields(string(seed))...)
	texts = append(texts, strings.Split(string(seed), "\n")...)
	for _, s := range texts {
		if got, want := MayHold(s), mayHoldRef(s); got != want {
			t.Errorf("MayHold(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPlainRuneFolds holds PlainRune to what it claims of Find's fold:
// each rune it takes folds to one byte of ASCII that is no letter or
// digit, and among the others are the runes the fold drops or makes a
// letter or a digit.
func TestPlainRuneFolds(t *testing.T) {
	n := 0
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !PlainRune(r) {
			continue
		}
		n++
		if f := foldRune(r); len(f) != 1 || isLetter(f[0]) || isDigit(f[0]) {
			t.Errorf("PlainRune(%U), which folds to %q", r, f)
		}
	}
	if n < 20 {
		t.Errorf("only %d plain runes", n)
	}
	for _, r := range []rune{'\u00ad', '\u200b', '\u200c', '\u2060', '\ufeff', '²', '\u2075', 'é', 'ﬁ', 'ĳ', utf8.RuneError} {
		if PlainRune(r) {
			t.Errorf("PlainRune(%U) = true", r)
		}
	}
}

// mayHoldTexts are the texts the tests of MayHold and MayFind look at:
// every question, answer and sentence of the labelled texts, the lines
// of the seed, and rubric cases.
func mayHoldTexts(t *testing.T) []string {
	var texts []string
	for _, name := range []string{"../testdata/eval/tune/records.jsonl", "../testdata/eval/promise-sentences.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			var r struct{ Question, Answer, Sentence string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, r.Question, r.Answer, r.Sentence)
		}
		f.Close()
	}
	seed, err := os.ReadFile("../../seeds/vlaams-parlement-2023-gelijke-kansen-inburgering.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, strings.Split(string(seed), "\n")...)
	texts = append(texts, "voor de zomer", "in het najaar", "volgend jaar", "binnen zes weken", "de komende maanden",
		"het tweede kwartaal", "de tweede helft van oktober", "op Prinsjesdag", "voor het kerstreces", "medio april",
		"eind dit jaar", "deze week", "op vrijdag", "in de winter", "rond de jaarwisseling", "Eind Mei",
		"het eerste trimester", "het tweede semester", "in het eerstekwartaal", "het tweedetrimester", "het eerstesemestervan dit jaar")
	return texts
}
