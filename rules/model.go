package rules

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Model is what pqtrack learned from labelled answers, in two tables of
// weights, each a multinomial logistic regression:
//
//   - roles weighs the features of a sentence (features.go) into what the
//     sentence does: reply, context, referral, not-yet, commitment,
//     refusal, unknown;
//   - status weighs the features of a whole answer (answer.go), built on
//     those roles, into its status.
//
// The file is text, one feature a line, so that a change of weights reads
// in a diff; `pqtrack train` writes it from the labels.
type Model struct {
	roles, status *table
	// Note is the file's comment lines: what it was trained on.
	Note []string

	once  sync.Once // builds index from roles on first use
	index *fastIndex

	statusOnce sync.Once // finds statusRow on first use
	statusRow  []int32   // the row of each answerKey in status, -1 for none
}

// statusRows returns the row of each answer key (answerKeys) in the
// status table, -1 for a key it has not.
func (m *Model) statusRows() []int32 {
	m.statusOnce.Do(func() {
		m.statusRow = make([]int32, len(answerKeys))
		for k, key := range answerKeys {
			m.statusRow[k] = -1
			if i, ok := m.status.index[key]; ok {
				m.statusRow[k] = i
			}
		}
	})
	return m.statusRow
}

// table is one logistic regression: a weight per feature and column.
type table struct {
	name    string
	columns []string
	index   map[string]int32
	weights []float32 // len(index) rows of len(columns)
}

func newTable(name string, columns []string) *table {
	return &table{name: name, columns: columns, index: map[string]int32{}}
}

// row returns the weights of feature k, adding it when add is set.
func (t *table) row(k string, add bool) []float32 {
	i, ok := t.index[k]
	if !ok {
		if !add {
			return nil
		}
		i = int32(len(t.index))
		t.index[k] = i
		t.weights = append(t.weights, make([]float32, len(t.columns))...)
	}
	n := len(t.columns)
	return t.weights[int(i)*n : int(i+1)*n]
}

// add adds value times the weights of feature k to s.
func (t *table) add(s []float64, k string, value float64) {
	i, ok := t.index[k]
	if !ok {
		return
	}
	t.addRow(s, i, value)
}

// addRow adds value times the weights of row i to s; nothing for -1.
func (t *table) addRow(s []float64, i int32, value float64) {
	if i < 0 {
		return
	}
	n := len(t.columns)
	for c, w := range t.weights[int(i)*n : int(i+1)*n] {
		s[c] += value * float64(w)
	}
}

//go:embed weights.tsv
var defaultWeights []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return ReadModel("rules/weights.tsv", bytes.NewReader(defaultWeights))
})

// DefaultModel returns the embedded model.
func DefaultModel() (*Model, error) { return defaultModel() }

// ReadModel reads a weight file. name is used in errors.
func ReadModel(name string, r io.Reader) (*Model, error) {
	m := &Model{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var t *table
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "#") {
			m.Note = append(m.Note, strings.TrimSpace(strings.TrimPrefix(s, "#")))
			continue
		}
		fs := strings.Split(s, "\t")
		if strings.HasPrefix(fs[0], "table ") {
			// "table roles<TAB>reply<TAB>context..." starts a table.
			tname := strings.TrimPrefix(fs[0], "table ")
			want := map[string][]string{"roles": roleNames(), "status": statusNames()}[tname]
			if want == nil || !slices.Equal(fs[1:], want) {
				return nil, fmt.Errorf("%s: line %d: want a table roles or status with their columns, not %q", name, line, s)
			}
			t = newTable(tname, want)
			switch tname {
			case "roles":
				m.roles = t
			case "status":
				m.status = t
			}
			continue
		}
		if t == nil {
			return nil, fmt.Errorf("%s: line %d: weights before a table line", name, line)
		}
		if len(fs) != len(t.columns)+1 {
			return nil, fmt.Errorf("%s: line %d: %d fields, want %d", name, line, len(fs), len(t.columns)+1)
		}
		if _, dup := t.index[fs[0]]; dup {
			return nil, fmt.Errorf("%s: line %d: feature %q given twice", name, line, fs[0])
		}
		w := t.row(fs[0], true)
		for j := range w {
			v, err := strconv.ParseFloat(fs[j+1], 32)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%s: line %d: weight %q of %s is not a number", name, line, fs[j+1], t.columns[j])
			}
			w[j] = float32(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if m.roles == nil || m.status == nil {
		return nil, fmt.Errorf("%s: want both tables, roles and status", name)
	}
	return m, nil
}

// Write writes the model as a weight file: the note as comments, then each
// table with its features in order.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, n := range m.Note {
		fmt.Fprintf(bw, "# %s\n", n)
	}
	for _, t := range []*table{m.roles, m.status} {
		fmt.Fprintf(bw, "\ntable %s\t%s\n", t.name, strings.Join(t.columns, "\t"))
		keys := make([]string, 0, len(t.index))
		for k := range t.index {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			bw.WriteString(k)
			for _, v := range t.row(k, false) {
				bw.WriteByte('\t')
				bw.WriteString(strconv.FormatFloat(float64(v), 'f', 3, 32))
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// Len is the number of features the model weighs.
func (m *Model) Len() int { return len(m.roles.index) + len(m.status.index) }

// predictRole returns the probability of each role for st, the i-th
// sentence of its answer.
func (m *Model) predictRole(st *sentence, i int, ctx *answerContext) [nRoles]float64 {
	return m.newScorer().predict(st, i, ctx)
}

// newScorer returns a scorer of m's roles, which the sentences of an
// answer can share.
func (m *Model) newScorer() *scorer {
	return &scorer{t: m.roles, fast: m.fast()}
}

// predict is predictRole with sc.
func (sc *scorer) predict(st *sentence, i int, ctx *answerContext) [nRoles]float64 {
	sc.s, sc.prev = [nRoles]float64{}, -1
	features(st, i, ctx, sc)
	softmax(sc.s[:])
	return sc.s
}

// fastIndex finds the word features of the roles table with one look-up a
// word: most features of a sentence are its words and pairs of words.
type fastIndex struct {
	words map[string]wordRows
	// pairs[id] are the rows of b:W1_W2 whose second word has that id,
	// with the id of their first, sorted by it: most words end a few
	// pairs, and a short list is searched faster than a map; common ones
	// ("van", "en") end hundreds, so the list is searched by halves.
	pairs [][]pairRow
	stems map[string]int32 // stem to the row of s:STEM
	// others holds every other feature: a few dozen keys ("bias",
	// "r:reply", "len:4-8", "neg:STEM"), so a smaller map than the
	// table's, which stays in the processor's cache.
	others map[string]int32
	// fixed is the row of each feature of a fixed key by its number
	// (featids.go), -1 for none: the most of those of others.
	fixed []int32
	// rows are the table's weights, a row an array: the scorer adds them
	// without a loop or bounds checks. A row has a last column of 0 that
	// no one reads, so that it takes 32 bytes: in an array that big rows
	// never straddle two cache lines, and reading one costs one line.
	rows [][paddedRoles]float32
}

// paddedRoles is the length of a row of fastIndex.rows.
const paddedRoles = 8

// pairRow is the row of a pair of words, by the id of its first word.
type pairRow struct{ first, row int32 }

// wordRows are the rows of w:WORD and w0:WORD (-1: none) and the word's id
// in pairs (-1: in no pair).
type wordRows struct{ w, w0, id int32 }

func (m *Model) fast() *fastIndex {
	m.once.Do(func() { m.index = buildFastIndex(m.roles) })
	return m.index
}

func buildFastIndex(t *table) *fastIndex {
	x := &fastIndex{words: map[string]wordRows{}, stems: map[string]int32{}, others: map[string]int32{}}
	if len(t.columns) == nRoles {
		x.rows = make([][paddedRoles]float32, len(t.weights)/nRoles)
		for i := range x.rows {
			copy(x.rows[i][:nRoles], t.weights[i*nRoles:(i+1)*nRoles])
		}
	}
	entry := func(w string) wordRows {
		e, ok := x.words[w]
		if !ok {
			e = wordRows{w: -1, w0: -1, id: -1}
		}
		return e
	}
	nextID := int32(0)
	id := func(w string) int32 {
		e := entry(w)
		if e.id < 0 {
			e.id = nextID
			nextID++
			x.words[w] = e
		}
		return e.id
	}
	for k, row := range t.index {
		switch {
		case strings.HasPrefix(k, "w:"):
			e := entry(k[2:])
			e.w = row
			x.words[k[2:]] = e
		case strings.HasPrefix(k, "w0:"):
			e := entry(k[3:])
			e.w0 = row
			x.words[k[3:]] = e
		case strings.HasPrefix(k, "s:"):
			x.stems[k[2:]] = row
		case strings.HasPrefix(k, "b:"):
			a, b, _ := strings.Cut(k[2:], "_")
			ia, ib := id(a), id(b)
			if int(ib) >= len(x.pairs) {
				x.pairs = append(x.pairs, make([][]pairRow, int(ib)+1-len(x.pairs))...)
			}
			x.pairs[ib] = append(x.pairs[ib], pairRow{first: ia, row: row})
		default:
			x.others[k] = row
		}
	}
	for _, ps := range x.pairs {
		slices.SortFunc(ps, func(a, b pairRow) int { return int(a.first - b.first) })
	}
	x.fixed = make([]int32, len(featureKeys))
	for id, k := range featureKeys {
		x.fixed[id] = -1
		if row, ok := x.others[k]; ok {
			x.fixed[id] = row
		}
	}
	return x
}

// pairRow returns the row of the pair whose first word has the id first
// among ps, sorted by first, or -1.
func pairRowOf(ps []pairRow, first int32) int32 {
	lo, hi := 0, len(ps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].first < first {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ps) && ps[lo].first == first {
		return ps[lo].row
	}
	return -1
}

// wordFeatures are the rows of the roles table that a word of the term
// cache stands for: kept in its entry, they spare judging the look-ups of
// every word and stem in the maps of fastIndex.
type wordFeatures struct {
	index *fastIndex // the model they are rows of
	word  wordRows   // of the word, or of "#" for a number
	stem  int32      // of s:STEM, -1 for none
	// The weights of the rows word.w, word.w0 and stem, copied when the
	// index has rows, and the pairs the word ends: the scorer reads them
	// here, beside the rest, not from rows and pairs, which are far
	// apart in memory. They are kept as float64, which each weight is
	// exactly, so that the scorer adds them without converting them
	// for every word.
	w, w0, s [nRoles]float64
	pairs    []pairRow
	// pairBits has bit first%64 set for the first word of every pair:
	// most words before this one start none of its pairs, and are told
	// so without the search.
	pairBits uint64
}

// of returns the rows of e's word and stem in x, from e when they were
// found for x before.
func (x *fastIndex) of(e *termEntry) *wordFeatures {
	if f := e.feat.Load(); f != nil && f.index == x {
		return f
	}
	f := &wordFeatures{index: x, word: wordRows{w: -1, w0: -1, id: -1}, stem: -1}
	w := e.word
	if isNumber(w) {
		w = "#"
	}
	if r, ok := x.words[w]; ok {
		f.word = r
	}
	if !e.skip {
		if row, ok := x.stems[e.stem]; ok {
			f.stem = row
		}
	}
	if x.rows != nil {
		if f.word.w >= 0 {
			f.w = widen(&x.rows[f.word.w])
		}
		if f.word.w0 >= 0 {
			f.w0 = widen(&x.rows[f.word.w0])
		}
		if f.stem >= 0 {
			f.s = widen(&x.rows[f.stem])
		}
	}
	if id := f.word.id; id >= 0 && int(id) < len(x.pairs) {
		f.pairs = x.pairs[id]
		for _, p := range f.pairs {
			f.pairBits |= 1 << (uint32(p.first) % 64)
		}
	}
	e.feat.Store(f)
	return f
}

// scorer is the sink of judging: it adds up the weights of the features.
type scorer struct {
	t    *table
	fast *fastIndex
	s    [nRoles]float64
	prev int32    // id of the word before, -1 for none
	key  [48]byte // room for the keys of other
}

// addRow writes out nRoles columns: the build fails if they differ.
var _ = [1]struct{}{}[nRoles-7]

func (sc *scorer) addRow(row int32) {
	if sc.fast.rows != nil {
		sc.addWeights(&sc.fast.rows[row])
		return
	}
	n := len(sc.t.columns)
	for c, w := range sc.t.weights[int(row)*n : int(row+1)*n] {
		sc.s[c] += float64(w)
	}
}

// widen returns the weights of a row as float64.
func widen(r *[paddedRoles]float32) (w [nRoles]float64) {
	for c := range w {
		w[c] = float64(r[c])
	}
	return w
}

// addWide is addWeights of weights widened: the same sums, as each
// float32 is exactly its float64.
func (sc *scorer) addWide(w *[nRoles]float64) {
	s := &sc.s
	s[0] += w[0]
	s[1] += w[1]
	s[2] += w[2]
	s[3] += w[3]
	s[4] += w[4]
	s[5] += w[5]
	s[6] += w[6]
}

// addWeights adds a row of weights, as the loop of addRow without rows
// does: each column as it adds them.
func (sc *scorer) addWeights(w *[paddedRoles]float32) {
	s := &sc.s
	s[0] += float64(w[0])
	s[1] += float64(w[1])
	s[2] += float64(w[2])
	s[3] += float64(w[3])
	s[4] += float64(w[4])
	s[5] += float64(w[5])
	s[6] += float64(w[6])
}

func (sc *scorer) words(f string, ws []word, ents []*termEntry) {
	if ents != nil && sc.fast.rows != nil {
		sc.wordsOf(f, ws, ents)
		return
	}
	for j := range ws {
		var e *termEntry
		if ents != nil {
			e = ents[j]
		}
		sc.word(featureWord(f[ws[j].start:ws[j].end]), e, j == 0)
	}
}

// wordsOf is words where every word of two bytes or more has its entry
// in ents and the index has rows: the weights of each word, its first
// word's w0 and its pair with the word before, added as word adds them,
// into seven sums held in variables, which the compiler keeps in
// registers through the loop, where sc.s is loaded and stored again for
// every row. Each column takes the same additions in the same order, so
// the sums are those of word bit for bit (TestScorerEntriesAsMaps).
// A word without an entry goes to word, with the sums stored first.
func (sc *scorer) wordsOf(f string, ws []word, ents []*termEntry) {
	x := sc.fast
	s0, s1, s2, s3, s4, s5, s6 := sc.s[0], sc.s[1], sc.s[2], sc.s[3], sc.s[4], sc.s[5], sc.s[6]
	prev := sc.prev
	for j, te := range ents[:len(ws)] {
		first := j == 0
		if te == nil {
			sc.s = [nRoles]float64{s0, s1, s2, s3, s4, s5, s6}
			sc.prev = prev
			sc.word(featureWord(f[ws[j].start:ws[j].end]), nil, first)
			s0, s1, s2, s3, s4, s5, s6 = sc.s[0], sc.s[1], sc.s[2], sc.s[3], sc.s[4], sc.s[5], sc.s[6]
			prev = sc.prev
			continue
		}
		// of, with its first test written out: the entry's rows are
		// there for this index but for a word's first time, and of,
		// too large to be inlined, cost a call a word.
		wf := te.feat.Load()
		if wf == nil || wf.index != x {
			wf = x.of(te)
		}
		e := wf.word
		if e.w >= 0 {
			w := &wf.w
			s0 += w[0]
			s1 += w[1]
			s2 += w[2]
			s3 += w[3]
			s4 += w[4]
			s5 += w[5]
			s6 += w[6]
		}
		if first && e.w0 >= 0 {
			w := &wf.w0
			s0 += w[0]
			s1 += w[1]
			s2 += w[2]
			s3 += w[3]
			s4 += w[4]
			s5 += w[5]
			s6 += w[6]
		}
		if !first && prev >= 0 && e.id >= 0 && wf.pairBits&(1<<(uint32(prev)%64)) != 0 {
			if row := pairRowOf(wf.pairs, prev); row >= 0 {
				r := &x.rows[row]
				s0 += float64(r[0])
				s1 += float64(r[1])
				s2 += float64(r[2])
				s3 += float64(r[3])
				s4 += float64(r[4])
				s5 += float64(r[5])
				s6 += float64(r[6])
			}
		}
		prev = e.id
	}
	sc.s = [nRoles]float64{s0, s1, s2, s3, s4, s5, s6}
	sc.prev = prev
}

func (sc *scorer) stems(terms []string, ents []*termEntry) {
	if ents != nil && sc.fast.rows != nil {
		// As stem does for each entry, with the sums in variables (see
		// wordsOf).
		x := sc.fast
		s0, s1, s2, s3, s4, s5, s6 := sc.s[0], sc.s[1], sc.s[2], sc.s[3], sc.s[4], sc.s[5], sc.s[6]
		for j, e := range ents[:len(terms)] {
			if e == nil {
				sc.s = [nRoles]float64{s0, s1, s2, s3, s4, s5, s6}
				sc.stem(terms[j], nil)
				s0, s1, s2, s3, s4, s5, s6 = sc.s[0], sc.s[1], sc.s[2], sc.s[3], sc.s[4], sc.s[5], sc.s[6]
				continue
			}
			f := e.feat.Load()
			if f == nil || f.index != x {
				f = x.of(e) // as in wordsOf
			}
			if f.stem >= 0 {
				w := &f.s
				s0 += w[0]
				s1 += w[1]
				s2 += w[2]
				s3 += w[3]
				s4 += w[4]
				s5 += w[5]
				s6 += w[6]
			}
		}
		sc.s = [nRoles]float64{s0, s1, s2, s3, s4, s5, s6}
		return
	}
	for j, t := range terms {
		var e *termEntry
		if ents != nil {
			e = ents[j]
		}
		sc.stem(t, e)
	}
}

// word adds the weights of the word w, the word of w:WORD (featureWord),
// with te its term cache entry or nil.
func (sc *scorer) word(w string, te *termEntry, first bool) {
	var e wordRows
	if te != nil {
		e = sc.fast.of(te).word
	} else if r, ok := sc.fast.words[w]; ok {
		e = r
	} else {
		sc.prev = -1
		return
	}
	if e.w >= 0 {
		sc.addRow(e.w)
	}
	if first && e.w0 >= 0 {
		sc.addRow(e.w0)
	}
	if !first && sc.prev >= 0 && e.id >= 0 {
		if int(e.id) < len(sc.fast.pairs) {
			if row := pairRowOf(sc.fast.pairs[e.id], sc.prev); row >= 0 {
				sc.addRow(row)
			}
		}
	}
	sc.prev = e.id
}

func (sc *scorer) stem(s string, e *termEntry) {
	if e != nil {
		if f := sc.fast.of(e); f.stem >= 0 {
			if sc.fast.rows != nil {
				sc.addWide(&f.s)
			} else {
				sc.addRow(f.stem)
			}
		}
		return
	}
	if row, ok := sc.fast.stems[s]; ok {
		sc.addRow(row)
	}
}

func (sc *scorer) feature(id featureID) {
	if row := sc.fast.fixed[id]; row >= 0 {
		sc.addRow(row)
	}
}

func (sc *scorer) other(prefix, value string) {
	key := append(append(sc.key[:0], prefix...), value...)
	if row, ok := sc.fast.others[string(key)]; ok {
		sc.addRow(row)
	}
}

func softmax(s []float64) {
	// The built-in max is math.Max (NaN and signed zeros alike), without
	// the call: it runs for every sentence.
	top := s[0]
	for _, v := range s[1:] {
		top = max(top, v)
	}
	sum := 0.0
	for i, v := range s {
		s[i] = math.Exp(v - top)
		sum += s[i]
	}
	for i := range s {
		s[i] /= sum
	}
}
