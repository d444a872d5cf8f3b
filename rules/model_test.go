package rules

import (
	"bytes"
	"math"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// The fast scorer of judging must weigh exactly the features that training
// names: both read features(), through different sinks.
func TestScorerAgreesWithKeys(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/eval/tune/docs/*.txt")
	n := 0
	for _, f := range files {
		d, err := parse.ReadFile(f)
		if d == nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, it := range d.Items {
			ref := tracker.Day(2024, 11, 20)
			sents := set.sentences(it.Answer, ref)
			ctx := newAnswerContext(it.Question, len(sents), ref)
			ctx.sents = sents
			for i := range sents {
				classify(&sents[i])
				sents[i].rule = sents[i].class
				var ks keys
				features(&sents[i], i, ctx, &ks)
				var want [nRoles]float64
				for _, k := range ks.out {
					m.roles.add(want[:], k, 1)
				}
				softmax(want[:])
				got := m.predictRole(&sents[i], i, ctx)
				for r := range got {
					if math.Abs(got[r]-want[r]) > 1e-9 {
						t.Fatalf("%s: %q: role %s: fast %.6f, keys %.6f", f, sents[i].text, tracker.Roles[r], got[r], want[r])
					}
				}
				n++
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d sentences compared", n)
	}
}

// A weight file survives a round trip, and a broken one is refused with its
// line named.
func TestModelFile(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), defaultWeights) {
		t.Error("writing the embedded model does not give the embedded file back")
	}
	bad := []struct{ name, file, want string }{
		{"no tables", "bias\t1\n", "line 1: weights before a table line"},
		{"wrong columns", "table roles\treply\n", "line 1: want a table roles"},
		{"short row", "table status\tanswered\tpartial\tdeferred\tpending\tdeclined\nbias\t1\t2\n", "line 2: 3 fields, want 6"},
		{"not a number", "table status\tanswered\tpartial\tdeferred\tpending\tdeclined\nbias\t1\tx\t0\t0\t0\n", `line 2: weight "x" of partial`},
		{"one table", "table status\tanswered\tpartial\tdeferred\tpending\tdeclined\nbias\t1\t0\t0\t0\t0\n", "want both tables"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadModel("w.tsv", strings.NewReader(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "w.tsv: ") {
				t.Errorf("error %v, want one naming w.tsv and %q", err, tt.want)
			}
		})
	}
}

// TestPairRowOf holds the search by halves of a word's pairs to a plain
// scan of the list, for every word of the default model and every id a
// word before it can have.
func TestPairRowOf(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	x := m.fast()
	ids := int32(0)
	for _, r := range x.words {
		ids = max(ids, r.id+1)
	}
	n := 0
	for id, ps := range x.pairs {
		for first := int32(-1); first <= ids; first++ {
			want := int32(-1)
			for _, p := range ps {
				if p.first == first {
					want = p.row
					break
				}
			}
			if got := pairRowOf(ps, first); got != want {
				t.Fatalf("word %d, first %d: row %d, want %d", id, first, got, want)
			}
			if want >= 0 {
				n++
			}
		}
	}
	if n != countPairs(x.pairs) || n < 1000 {
		t.Errorf("found %d pairs", n)
	}
}

func countPairs(pairs [][]pairRow) int {
	n := 0
	for _, ps := range pairs {
		n += len(ps)
	}
	return n
}

// TestAddWideAsAddWeights holds the scorer's sums of widened weights
// (the float64 copies word entries keep) to those of the rows themselves,
// bit for bit, for every row of the roles table and sums of several
// sizes, and the weights of the words of the development texts as
// fastIndex.of gives them to the rows they come from.
func TestAddWideAsAddWeights(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	x := m.fast()
	if len(x.rows) < 1000 {
		t.Fatalf("only %d rows", len(x.rows))
	}
	rnd := rand.New(rand.NewSource(1))
	for i := range x.rows {
		w := widen(&x.rows[i])
		for k := 0; k < 3; k++ {
			a, b := &scorer{fast: x}, &scorer{fast: x}
			for c := range a.s {
				a.s[c] = rnd.NormFloat64() * math.Pow(10, float64(rnd.Intn(8)-4))
			}
			b.s = a.s
			a.addWeights(&x.rows[i])
			b.addWide(&w)
			if a.s != b.s {
				t.Fatalf("row %d: addWide %v, addWeights %v", i, b.s, a.s)
			}
		}
	}
	set, _ := Default()
	n := 0
	for _, s := range corpus(t, set) {
		f := fold(s).s
		for _, x1 := range words(f, nil) {
			w := f[x1.start:x1.end]
			if len(w) < 2 {
				continue
			}
			e := term(w)
			f := x.of(e)
			for _, c := range []struct {
				row  int32
				wide *[nRoles]float64
			}{{f.word.w, &f.w}, {f.word.w0, &f.w0}, {f.stem, &f.s}} {
				if c.row >= 0 && *c.wide != widen(&x.rows[c.row]) {
					t.Fatalf("%q: the entry's weights are not those of row %d", w, c.row)
				}
				if c.row >= 0 {
					n++
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d weights of words compared", n)
	}
}
