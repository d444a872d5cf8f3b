package text

import (
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Lexicon is a set of words from a word list, looked up without regard to
// case, with what SplitGlued needs to tell glued words from compounds.
// Every token of a text is looked up, so a word is found by its hash in
// a small open-addressed table (2 MiB) that stays in the processor's
// cache: each entry holds 14 bits of the hash and the word's flags, so
// about one token in 10,000 that is no word passes for one (and is then
// only not split).
type Lexicon struct {
	table []uint16 // fingerprint<<2 | flags; 0 is empty
	mask  uint64
	// seen is a bitmap of the words' hashes (512 KiB, one bit a word): it
	// turns away nine of ten parts of a token that are no word before
	// the table is read, and split tries many such parts.
	seen []uint64
	// words are the words in lower case, sorted, each once, for prefix
	// counts: word i is sorted[offs[i]:offs[i+1]-1]. One string and
	// offsets, not a slice of strings, so the garbage collector has no
	// 400,000 pointers to follow at each cycle.
	sorted string
	offs   []uint32

	// hot holds hashes of words found lately, by the hash's low bits: a
	// text repeats its common words, and this small table stays in the
	// processor's cache where the large one does not.
	hot [hotSize]atomic.Uint64

	// splits holds split's answers for tokens found lately, by their
	// hash (see splitCached).
	splits [splitSize]atomic.Uint64

	mu    sync.Mutex
	heads map[string]int // compounds, cached
}

// Flags of words: the list writes a word in lower case ("minister"), in
// another case only ("Minister", "SP"), or both.
const (
	asLower = 1 << iota
	asOther
)

// ReadLexicon reads a word list, one word a line (as Debian's wdutch
// ships /usr/share/dict/dutch).
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	type entry struct {
		w string
		f uint8
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	// The words are cut from one string: no allocation for each.
	all := string(data)
	es := make([]entry, 0, strings.Count(all, "\n")+1)
	for rest := all; rest != ""; {
		var w string
		w, rest, _ = strings.Cut(rest, "\n")
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		low := lower(w)
		f := uint8(asOther)
		if low == w {
			f = asLower
		}
		es = append(es, entry{low, f})
	}
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.w, b.w) })
	size := 1024
	for size < 2*len(es) {
		size *= 2
	}
	l := &Lexicon{table: make([]uint16, size), mask: uint64(size - 1), seen: make([]uint64, seenBits/64), heads: make(map[string]int)}
	var b strings.Builder
	b.Grow(len(all) + len(es))
	prev := ""
	for _, e := range es {
		if len(l.offs) == 0 || e.w != prev {
			l.offs = append(l.offs, uint32(b.Len()))
			b.WriteString(e.w)
			b.WriteByte('\n')
			prev = e.w
		}
		h := hash(e.w)
		i := l.slot(h)
		l.table[i] |= fingerprint(h)<<2 | uint16(e.f)
		k := seenBit(h)
		l.seen[k/64] |= 1 << (k % 64)
	}
	l.sorted = b.String()
	l.offs = append(l.offs, uint32(len(l.sorted)))
	return l, nil
}

// word is the i-th word in sorted order.
func (l *Lexicon) word(i int) string {
	end := len(l.sorted)
	if i+1 < len(l.offs) {
		end = int(l.offs[i+1])
	}
	return l.sorted[l.offs[i] : end-1]
}

// Len is the number of words.
func (l *Lexicon) Len() int { return len(l.offs) - 1 }

// hash is FNV-1a of s with ASCII capitals folded, never 0. Two words of a
// list of 400,000 share a hash about once in 200 million lists.
func hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return max(h, 1)
}

// The constants of 64-bit FNV-1a.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvPrimeVar is fnvPrime in a variable, for SplitGlued's loop.
var fnvPrimeVar uint64 = fnvPrime

// seenBits is the size of the seen bitmap in bits.
const seenBits = 1 << 22

// seenBit is the bit of hash h in the seen bitmap.
func seenBit(h uint64) uint64 { return (h >> 30) % seenBits }

// seenHash reports whether the word of hash h may be in the list: false
// is sure.
func (l *Lexicon) seenHash(h uint64) bool {
	k := seenBit(h)
	return l.seen[k/64]&(1<<(k%64)) != 0
}

// fingerprint is the part of hash h kept in the table, never 0.
func fingerprint(h uint64) uint16 { return max(uint16(h&0x3fff), 1) }

// slot is where hash h is in the table, or the empty slot where it goes.
// The slot comes from the hash's high bits, the fingerprint from its low.
func (l *Lexicon) slot(h uint64) uint64 {
	fp := fingerprint(h)
	i := (h >> 40) & l.mask
	for l.table[i] != 0 && l.table[i]>>2 != fp {
		i = (i + 1) & l.mask
	}
	return i
}

// flag is how the list writes w, or 0 when it has no such word. w must
// have no capitals outside ASCII.
func (l *Lexicon) flag(w string) uint8 { return l.flagOf(hash(w)) }

// flagOf is flag for a word's hash.
func (l *Lexicon) flagOf(h uint64) uint8 {
	hot := &l.hot[h&(hotSize-1)]
	if v := hot.Load(); v&^flagBits == h&^flagBits {
		return uint8(v & flagBits)
	}
	// Tokens that are no word are kept too (flags 0): a text repeats
	// its names and the compounds the list lacks as it does its words.
	e := l.table[l.slot(h)]
	hot.Store(h&^flagBits | uint64(e&flagBits))
	return uint8(e & flagBits)
}

// hotSize is the number of entries of the hot table (256 KiB).
const hotSize = 1 << 15

// flagBits are the low bits of a hot entry, which hold the word's flags
// in place of the hash's own.
const flagBits = 3

// Known reports whether w is a word of the list, in any case.
func (l *Lexicon) Known(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return l.flagOf(lowerHash(w)) != 0
		}
	}
	return l.flag(w) != 0 // hash folds ASCII
}

// lowerHash is hash(strings.ToLower(w)), without making the lower case:
// the bytes of each rune's lower case hashed as they come, an invalid
// byte as U+FFFD, as strings.ToLower writes them.
func lowerHash(w string) uint64 {
	h := uint64(fnvOffset)
	var buf [utf8.UTFMax]byte
	for _, r := range w {
		for _, c := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
		}
	}
	return max(h, 1)
}

// knownLower reports whether the list writes w, lower case, in lower
// case: "sp" and "ghi" are in the list only as "SP" and "GHI".
func (l *Lexicon) knownLower(w string) bool {
	return l.flag(w)&asLower != 0
}

// compounds is how many words of the list are w followed by another word
// of three letters or more: many for a word that starts compounds
// ("overleg": overlegorgaan, overlegstructuur, ...), few for "worden".
func (l *Lexicon) compounds(w string) int {
	l.mu.Lock()
	n, ok := l.heads[w]
	l.mu.Unlock()
	if ok {
		return n
	}
	words := l.Len()
	i := sort.Search(words, func(i int) bool { return l.word(i) >= w })
	for ; i < words && strings.HasPrefix(l.word(i), w); i++ {
		if rest := l.word(i)[len(w):]; len(rest) >= 3 && l.knownLower(rest) {
			n++
		}
	}
	l.mu.Lock()
	l.heads[w] = n
	l.mu.Unlock()
	return n
}

// lower is strings.ToLower without an allocation for text that is lower
// case already, as most words are.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// minGlued is the shortest token SplitGlued looks at, in bytes: two words
// of two and three letters ("ophet").
const minGlued = 5

// maxGlued is the longest token SplitGlued looks at, in bytes: two long
// words; the time split takes grows with the square of the length.
const maxGlued = 64

// SplitGlued puts back the spaces that PDF text extraction lost between
// words: "hierovergeïnformeerd" becomes "hierover geïnformeerd", "hetkader"
// "het kader", "toenmaligeMinister" "toenmalige Minister". Dutch writes
// compounds as one word, so only a token that is not itself a word is
// split, and only into two words of the list, each of two letters or more
// (the longer of the two of three or more); of several such splits the
// one with the longest word wins ("en detentie", not "ende tentie").
// Tokens joined to digits, hyphens, slashes or dots (numbers, compounds
// with a hyphen, addresses) are left alone. It returns s itself when
// nothing is split, and how many tokens were split.
func (l *Lexicon) SplitGlued(s string) (string, int) {
	var b strings.Builder
	last, n := 0, 0 // s[:last] is written to b
	for i := 0; ; {
		start, end, h := nextCandidate(s, i)
		if start < 0 {
			break
		}
		i = end
		if h != 0 && l.flagOf(h) != 0 || h == 0 && l.Known(s[start:end]) {
			continue
		}
		left, right, ok := l.splitCached(s[start:end])
		if !ok {
			continue
		}
		if n == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:start])
		b.WriteString(left)
		b.WriteByte(' ')
		b.WriteString(right)
		last = end
		n++
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// nextCandidate returns the next token of s from i on that SplitGlued
// looks up: a run of letters of minGlued to maxGlued bytes that stands
// free (freeStanding), with its hash as hash makes it when it is ASCII (0
// when not); start is -1 when there is none. The tokens passed over, most
// of them short, cost no call: in SplitGlued's own loop the calls for
// every token made the compiler keep its state on the stack and load it
// back for every token.
func nextCandidate(s string, i int) (start, end int, h uint64) {
	for i < len(s) {
		// Find the next run of letters; most bytes are ASCII.
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				i++
				continue
			}
		} else if !letterAt(s, i) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		// The token and, when it is ASCII as most are, its hash for
		// the look-up: one pass. The ASCII letters are read here, as
		// lettersEnd reads them, without a call for every token;
		// lettersEnd reads a token that holds other letters again.
		start = i
		h, prime := uint64(fnvOffset), fnvPrimeVar
		for ; i < len(s); i++ {
			// As a uint64, by one comparison, and with the prime in a
			// variable, which the compiler keeps in a register where it
			// loaded the constant anew for every byte: 10 instructions
			// a byte, where they were 13.
			c := uint64(s[i]) | 0x20
			if c-'a' > 'z'-'a' {
				break
			}
			h = (h ^ c) * prime
		}
		if i < len(s) && s[i] >= utf8.RuneSelf {
			i, h = lettersEnd(s, start)
		} else {
			h = max(h, 1)
		}
		if n := i - start; n >= minGlued && n <= maxGlued && freeStanding(s, start, i) {
			return start, i, h
		}
	}
	return -1, -1, 0
}

// lettersEnd returns where the run of letters at s[i:] ends, and when
// they are all ASCII, their hash as hash makes it (0: not ASCII). The
// ASCII letters are read by a loop of their own, which the compiler keeps
// in registers, and hashed as they are read: most letters are in tokens
// long enough to be looked up.
func lettersEnd(s string, i int) (int, uint64) {
	h := uint64(fnvOffset)
	ascii := true
	for {
		for ; i < len(s); i++ {
			c := s[i] | 0x20
			if c < 'a' || c > 'z' {
				break
			}
			h = (h ^ uint64(c)) * fnvPrime
		}
		if i == len(s) || s[i] < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		ascii = false
		i += size
	}
	if !ascii {
		return i, 0
	}
	return i, max(h, 1)
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// letterAt reports whether a letter starts at s[i].
func letterAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// freeStanding reports whether the token s[start:end] stands as a word:
// after a space, an opening bracket or quote, and before a space or
// punctuation that ends a word, not a dot that goes on ("op.europa").
func freeStanding(s string, start, end int) bool {
	// Most tokens stand between ASCII spaces and punctuation.
	if start > 0 && s[start-1] < utf8.RuneSelf && end < len(s) && s[end] < utf8.RuneSelf {
		switch s[start-1] {
		case ' ', '\t', '\n', '\v', '\f', '\r', '(', '"', '\'', '[':
		default:
			return false
		}
		switch s[end] {
		case ' ', '\t', '\n', '\v', '\f', '\r', ',', ';', ':', '!', '?', ')', '"', '\'', ']':
			return true
		case '.':
			return end+1 == len(s) || isSpaceByte(s[end+1])
		}
		return false
	}
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsSpace(r) && !strings.ContainsRune("(\"'«‘“[", r) {
			return false
		}
	}
	if end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:!?)\"'»’”]", r) {
			return false
		}
		if r == '.' && end+size < len(s) && !isSpaceByte(s[end+size]) {
			return false
		}
	}
	return true
}

// compoundHead is how many compounds a word of five letters or more must
// start in the list to be taken for the first part of a compound, not a
// word glued to the next: "overleg" starts 52, "stelsel" 11, "rookgas" 8,
// "kabinet" 5, "worden" and "mogelijk" none or one. Shorter words are
// left out: "het" (hetzelfde) and "van" (vandaag) start compounds too,
// but are the words most often glued.
const compoundHead = 6

// split finds the best split of tok into two known words. A change from
// lower to upper case inside tok ("hetNDICI") is a split of its own when
// the part before it is a word. Of the splits into two lower-case words
// of the list the one with the longest first part wins ("zomer van", not
// "zom ervan"; "voldoen aan", not "voldoe naan"), unless it leaves a
// second part of two letters ("in deze", not "inde ze"). No split is made
// where the first part, of five letters or more, starts many compounds
// and the second is a word of four letters or more ("rookgasafvoer",
// "stelseltransitie"), nor in a name ("Boswijk"): a capitalised token is
// split only after a word of three letters or less ("Hetwetsvoorstel").
func (l *Lexicon) split(tok string) (string, string, bool) {
	prev := rune(0)
	for i, r := range tok {
		if i > 0 && unicode.IsLower(prev) && unicode.IsUpper(r) {
			left, right := tok[:i], tok[i:]
			if utf8.RuneCountInString(left) >= 2 && utf8.RuneCountInString(right) >= 2 && l.Known(left) {
				return left, right, true
			}
			return "", "", false // a name written so, "McDonald"
		}
		prev = r
	}
	first, _ := utf8.DecodeRuneInString(tok)
	capital := unicode.IsUpper(first)
	low := lower(tok)
	// The places to split at, the longest first part first: the first
	// that splits into two words wins, but a second part of two letters
	// only when no other place does ("wijzen dat", not "wijzend at").
	// cuts[k] is where rune k starts, prefix[k] the hash of low[:cuts[k]],
	// built as hash builds it: one pass, not one for each place.
	var cuts, prefix [maxGlued + 1]uint64
	runes := 0
	h := uint64(fnvOffset)
	for i := 0; i < len(low); i++ {
		if low[i] < utf8.RuneSelf || low[i] >= 0xC0 {
			cuts[runes], prefix[runes] = uint64(i), max(h, 1)
			runes++
		}
		h = (h ^ uint64(low[i])) * fnvPrime
	}
	best, bestLeft := -1, 0
	for _, shortOK := range []bool{false, true} {
		// A place that splits off a function word wins over a longer
		// first part that does not: PDF lines end and start with "de",
		// "van", "te" more often than with rarer words ("de kaders", not
		// "dek aders").
		function := false
		for k := runes - 2; k >= 2 && !function; k-- {
			nl, nr := k, runes-k
			if nr < 3 && !shortOK || nr >= 3 && shortOK || max(nl, nr) < 3 || capital && (nl > 3 || nr < 5) {
				continue
			}
			// The bitmap first: most places split off no word.
			hl, right := prefix[k], low[cuts[k]:]
			if !l.seenHash(hl) {
				continue
			}
			hr := hash(right)
			if l.seenHash(hr) && l.flagOf(hl)&asLower != 0 && l.flagOf(hr)&asLower != 0 {
				function = functionWords[low[:cuts[k]]] || functionWords[right]
				if best < 0 || function {
					best, bestLeft = int(cuts[k]), nl
				}
			}
		}
		if best >= 0 {
			break
		}
	}
	if best < 0 || bestLeft >= 5 && utf8.RuneCountInString(low[best:]) >= 4 && l.compounds(low[:best]) >= compoundHead {
		return "", "", false
	}
	// low and tok differ in case only, and ToLower keeps these letters'
	// sizes, so best is a place in tok too.
	if len(low) != len(tok) {
		return "", "", false
	}
	return tok[:best], tok[best:], true
}

// splitSize is the number of entries of the table of splits (64 KiB).
const splitSize = 1 << 13

// splitCached is split, from the table of splits when tok was split
// lately: a text repeats the names and compounds that the list lacks, and
// split looks up every place in them. An entry is the exact hash of the
// token (case counts in split) in its high bits, a bit that it is set, and
// where the token splits (0 for nowhere; tokens are at most maxGlued bytes).
func (l *Lexicon) splitCached(tok string) (string, string, bool) {
	h := exactHash(tok)
	c := &l.splits[(h>>8)&(splitSize-1)]
	if v := c.Load(); v&^0xff == h&^0xff && v&splitSet != 0 {
		cut := int(v & splitCut)
		if cut == 0 {
			return "", "", false
		}
		if cut < len(tok) {
			return tok[:cut], tok[cut:], true
		}
	}
	left, right, ok := l.split(tok)
	v := h&^0xff | splitSet
	if ok {
		v |= uint64(len(left))
	}
	c.Store(v)
	return left, right, ok
}

// The low bits of an entry of the table of splits.
const (
	splitSet = 0x80
	splitCut = 0x7f
)

// The place of a split fits in splitCut: the build fails if not.
var _ = [1]struct{}{}[splitCut/maxGlued-1]

// exactHash is FNV-1a of s as it is, capitals and all.
func exactHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// functionWords are the most frequent Dutch words of no content: articles,
// prepositions, pronouns, auxiliaries, conjunctions.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`de het een en of van in op te aan met voor door bij naar om uit over
		tot tegen onder na per tussen binnen zonder sinds vanaf dat die dit deze wat wie is zijn was
		waren wordt worden werd heeft hebben had zal zullen zou kan kunnen moet moeten er ook niet geen
		nog wel al dan als maar zo ik wij we u zij ze hij hun hem haar mijn ons onze uw`) {
		m[w] = true
	}
	return m
}()
