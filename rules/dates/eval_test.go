package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

const evalDir = "../testdata/eval"

type promise struct {
	Date      string            `json:"date"`
	Precision tracker.Precision `json:"precision"`
}

type sentence struct {
	ID       string    `json:"id"`
	DocDate  string    `json:"doc_date"`
	Sentence string    `json:"sentence"`
	Promises []promise `json:"promises"`
	Note     string    `json:"note"`
}

type record struct {
	ID       string    `json:"id"`
	DocDate  string    `json:"doc_date"`
	Answer   string    `json:"answer"`
	Promises []promise `json:"promises"`
}

func readJSONL[T any](tb testing.TB, name string) []T {
	tb.Helper()
	f, err := os.Open(filepath.Join(evalDir, name))
	if err != nil {
		tb.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for n := 1; sc.Scan(); n++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			tb.Fatalf("%s: line %d: %v", name, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return out
}

func refDate(s string) time.Time {
	t, err := tracker.ParseDay(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// recall counts the promised dates found among the expressions of text;
// a promised date found must also not be marked Past. It returns the
// promises missed.
func recall(t *testing.T, id, text string, ref time.Time, ps []promise) (missed []promise) {
	es := Find(text, ref)
	for _, p := range ps {
		found := false
		for _, e := range es {
			if e.Date.Format(tracker.DateLayout) == p.Date && e.Precision == p.Precision {
				found = true
				if e.Past {
					t.Errorf("%s: promised %s %s found as %q but marked Past", id, p.Date, p.Precision, e.Text)
				}
			}
		}
		if !found {
			missed = append(missed, p)
		}
	}
	return missed
}

// knownMisses are promises the finder is known not to find, with why.
var knownMisses = map[string]string{}

// knownNotPast are sentences whose note calls a date past but where the
// text alone cannot tell: the tense of the verb decides.
var knownNotPast = map[string]string{
	"ps-021": "'Voor de zomer heeft ...' in November: past only by tense; yearless seasons are the next one",
	"ps-191": "'jaarlijks vóór het zomerreces' is a recurring promise, read as the next zomerreces",
}

func TestPromiseSentences(t *testing.T) {
	ss := readJSONL[sentence](t, "promise-sentences.jsonl")
	total, hit := 0, 0
	for _, s := range ss {
		ref := refDate(s.DocDate)
		missed := recall(t, s.ID, s.Sentence, ref, s.Promises)
		total += len(s.Promises)
		hit += len(s.Promises) - len(missed)
		for _, m := range missed {
			if why, ok := knownMisses[s.ID]; ok {
				t.Logf("known miss %s: %s %s: %s", s.ID, m.Date, m.Precision, why)
				continue
			}
			t.Errorf("%s: promised %s %s not found in %q; found %+v", s.ID, m.Date, m.Precision, s.Sentence, Find(s.Sentence, ref))
		}
		// Notes that call a date past: some expression must be marked Past.
		if len(s.Promises) == 0 && strings.Contains(s.Note, "past") {
			past := false
			for _, e := range Find(s.Sentence, ref) {
				past = past || e.Past
			}
			if !past {
				if why, ok := knownNotPast[s.ID]; ok {
					t.Logf("known: %s not marked past: %s", s.ID, why)
				} else {
					t.Errorf("%s: note %q, but no expression marked Past in %q", s.ID, s.Note, s.Sentence)
				}
			}
		}
	}
	t.Logf("promise-sentences recall: %d/%d promised dates found (%d sentences)", hit, total, len(ss))
}

func TestRecords(t *testing.T) {
	rs := readJSONL[record](t, "tune/records.jsonl")
	total, hit := 0, 0
	for _, r := range rs {
		missed := recall(t, r.ID, r.Answer, refDate(r.DocDate), r.Promises)
		total += len(r.Promises)
		hit += len(r.Promises) - len(missed)
		for _, m := range missed {
			if why, ok := knownMisses[r.ID]; ok {
				t.Logf("known miss %s: %s %s: %s", r.ID, m.Date, m.Precision, why)
				continue
			}
			t.Errorf("%s: promised %s %s not found", r.ID, m.Date, m.Precision)
		}
	}
	t.Logf("records recall: %d/%d promised dates found (%d records)", hit, total, len(rs))
}

func BenchmarkFind(b *testing.B) {
	ss := readJSONL[sentence](b, "promise-sentences.jsonl")
	refs := make([]time.Time, len(ss))
	for i, s := range ss {
		refs[i] = refDate(s.DocDate)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, s := range ss {
			Find(s.Sentence, refs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(ss))/1000, "µs/sentence")
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"uiterlijk 30 april", "01/11/2021 – 30/10/2024", "van 1 januari tot 31 maart",
		"voor het eindvan dit jaar", "1 septemberjongstleden", "5 februari1 jongstleden",
		"Q2 2024", "2024-2025", "week 53 van 2021", "binnen drie maanden", "winter 2024/2025",
		"14, 15 en 16 maart a.s.", "tussen 1991 en 1995", "Vóór ﬁ\u00adnaal", "\xff\xfe 3 mei",
	} {
		f.Add(s, int64(0))
		f.Add(s, time.Date(2024, 11, 19, 0, 0, 0, 0, time.UTC).Unix())
	}
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		ref := time.Time{}
		if sec != 0 {
			ref = time.Unix(sec%(400*365*86400), 0).UTC()
		}
		prev := 0
		es := Find(text, ref)
		if len(es) > 0 && !MayHold(text) {
			t.Fatalf("MayHold(%q) = false, but Find finds %q", text, es[0].Text)
		}
		if mayFind, mayHold := MayFind(text), MayHold(text); mayFind && !mayHold || len(es) > 0 && mayHold && !mayFind {
			t.Fatalf("MayFind(%q) = %v, MayHold %v, Find finds %d", text, mayFind, mayHold, len(es))
		}
		for _, e := range es {
			if e.Start < prev || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("span %d:%d after %d in %d bytes", e.Start, e.End, prev, len(text))
			}
			if text[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q != text[%d:%d]", e.Text, e.Start, e.End)
			}
			if e.Date.IsZero() || (!e.From.IsZero() && e.From.After(e.Date)) {
				t.Fatalf("%q: From %v Date %v", e.Text, e.From, e.Date)
			}
			prev = e.End
		}
	})
}
