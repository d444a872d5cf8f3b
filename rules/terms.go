package rules

import (
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// Terms returns what a text is about: its content words, folded and
// stemmed (Snowball Dutch), without function words, question words and the
// words every parliamentary text uses. Numbers and abbreviations are kept
// ("VMRI", "2023"). Order follows the text; duplicates are dropped.
func Terms(text string) []string {
	var buf [64]word
	f := foldString(text)
	return foldedTerms(f, words(f, buf[:0]))
}

// foldedTerms is Terms of text already folded, over its words ws when the
// caller has them (nil: found here).
func foldedTerms(f string, ws []word) []string {
	if ws == nil {
		ws = words(f, nil)
	}
	var buf [64]string
	out := appendTerms(buf[:0], f, ws)
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// subTerms returns the Terms of each sub-question when there are two or
// more, which assign weighs; nil for one.
func subTerms(subs []tracker.SubQuestion) [][]string {
	if len(subs) <= 1 {
		return nil
	}
	out := make([][]string, len(subs))
	for i, sq := range subs {
		out[i] = Terms(sq.Text)
	}
	return out
}

// questionTerms returns Terms(q), made of the terms of its sub-questions
// (subTerms) when they cover it: each sub-question's text is q's from its
// Start to its End, in order, and what lies between them, before the first
// and after the last is ASCII other than letters and digits, which the
// fold keeps and which ends every word. Then q's words are those of the
// sub-questions in turn, and its terms theirs with repeats dropped, found
// without reading q again.
func questionTerms(q string, subs []tracker.SubQuestion, terms [][]string) []string {
	if terms == nil || !coveredBy(q, subs) {
		return Terms(q)
	}
	n := 0
	for _, ts := range terms {
		n += len(ts)
	}
	out := make([]string, 0, n)
	var seen [4]uint64
	for _, ts := range terms {
		for _, t := range ts {
			b := termBit(t)
			if seen[b/64]&(1<<(b%64)) != 0 && slices.Contains(out, t) {
				continue
			}
			seen[b/64] |= 1 << (b % 64)
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil // as Terms
	}
	return out
}

// coveredBy reports whether the sub-questions cover q as questionTerms
// needs.
func coveredBy(q string, subs []tracker.SubQuestion) bool {
	at := 0
	for _, sq := range subs {
		if sq.Start < at || sq.End < sq.Start || sq.End > len(q) || q[sq.Start:sq.End] != sq.Text || !wordless(q[at:sq.Start]) {
			return false
		}
		// The bytes on either side of a cut end a word.
		if sq.Start > 0 && !wordless(q[sq.Start-1:sq.Start]) || sq.End < len(q) && !wordless(q[sq.End:sq.End+1]) {
			return false
		}
		at = sq.End
	}
	return wordless(q[at:])
}

// wordless reports whether s is ASCII with no letter or digit.
func wordless(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || asciiWord[c] {
			return false
		}
	}
	return true
}

// appendTerms appends the terms of the folded text f, whose words are ws,
// to dst.
func appendTerms(dst []string, f string, ws []word) []string {
	k := len(dst)
	var seen [4]uint64
	for _, x := range ws {
		if w := f[x.start:x.end]; len(w) >= 2 {
			if e := term(w); newTerm(dst[k:], &seen, e) {
				dst = append(dst, e.stem)
			}
		}
	}
	return dst
}

// newTerm reports whether the word of e adds a term to terms: a stem not
// among them. seen is a bit set of their termBits, which spares most of
// the comparisons; newTerm adds e's to it.
func newTerm(terms []string, seen *[4]uint64, e *termEntry) bool {
	if e.skip {
		return false
	}
	b := &seen[e.bit/64]
	if *b&(1<<(e.bit%64)) != 0 && slices.Contains(terms, e.stem) {
		return false
	}
	*b |= 1 << (e.bit % 64)
	return true
}

// termBuf gathers the terms of the sentences of an answer, and with them
// the cache entries that judging weighs words and stems by (see
// fastIndex.of): the entry of each word and of each term.
type termBuf struct {
	terms []string
	// stems[i] is the entry terms[i] came from; words[i] that of the i-th
	// word given to add, nil for a word shorter than two bytes.
	stems, words []*termEntry
}

// add appends the terms of a sentence whose words have the term cache
// entries ents (nil under two bytes, as scan finds them), and the
// entries.
func (tb *termBuf) add(ents []*termEntry) {
	k := len(tb.terms)
	var seen [4]uint64
	tb.words = append(tb.words, ents...)
	for _, e := range ents {
		if e != nil && newTerm(tb.terms[k:], &seen, e) {
			tb.terms = append(tb.terms, e.stem)
			tb.stems = append(tb.stems, e)
		}
	}
}

// addRead is add of the words a scanner read into st: their entries
// st.ents, and the terms and entries of terms scanner.read found in the
// same loop, as add finds them.
func (tb *termBuf) addRead(st *scanState) {
	tb.words = append(tb.words, st.ents...)
	tb.terms = append(tb.terms, st.terms...)
	tb.stems = append(tb.stems, st.stems...)
}

// term returns what a folded word of two bytes or more contributes to
// Terms: its stem, or skip for a function word, from a cache.
func term(w string) *termEntry {
	// A word has a bucket of termWays slots: words of the same bucket
	// evict each other only when more than termWays of them are in use,
	// for an evicted word costs its stem and the look-ups its entry
	// keeps (fastIndex.of, candsOf) again. Each slot keeps the hash of
	// its word beside the entry, so only the entry whose hash matches is
	// read: the others are not fetched from memory.
	head := wordHead(w)
	// cacheHash of a word of eight bytes or fewer, most words, without
	// the call: its loop over further pieces does not run.
	h := shortHash(head, len(w))
	if len(w) > 8 {
		h = cacheHash(w, head)
	}
	b := &terms[h%termBuckets]
	for i := range b.hash {
		if b.hash[i].Load() != h {
			continue
		}
		// The hash and the entry are stored one after the other: a
		// reader between the two finds a word it does not look for, and
		// takes the slot for a miss.
		if e := b.ent[i].Load(); e != nil && e.sameWord(w, head) {
			return e
		}
	}
	// A miss, once a word: the first empty slot, looked for only now.
	free := -1
	for i := range b.ent {
		if b.ent[i].Load() == nil {
			free = i
			break
		}
	}
	e := &termEntry{word: strings.Clone(w), head: head, class: wordClass(w), mayDate: dates.WordFlags(w), neg: isNegation(w), opens: opensClause(w),
		told: isTold(w), loc: locWordOf(w), mark: wordMarkOf(w)}
	if stopwords[w] {
		e.skip = true
	} else {
		e.stem = stem(e.word)
		e.skip = e.stem == "" || stopwords[e.stem]
		e.bit = termBit(e.stem)
	}
	if free < 0 {
		// A full bucket: the slot the hash's high bits pick.
		free = int(h>>24) % termWays
	}
	// The entry first, then its hash: a reader that sees the hash but
	// the old entry compares the words and misses.
	b.ent[free].Store(e)
	b.hash[free].Store(h)
	return e
}

// The term cache has termBuckets buckets of termWays slots.
const (
	termWays    = 4
	termBuckets = 1 << 13
)

// termBucket is one bucket of the term cache: its slots' words' hashes
// and entries.
type termBucket struct {
	hash [termWays]atomic.Uint32
	ent  [termWays]atomic.Pointer[termEntry]
}

// terms caches term: a fixed table where a word takes a slot of its
// hash's bucket, so memory stays bounded however many documents go by,
// and goroutines share it without locks.
var terms [termBuckets]termBucket

type termEntry struct {
	word, stem string
	// head is wordHead of word: most words are eight bytes or shorter,
	// and sameWord tells them by it without reading their bytes, which
	// lie elsewhere in memory.
	head    uint64
	skip    bool
	bit     uint8    // termBit of the stem
	class   uint16   // the word's classes (lexicon.go)
	mayDate uint8    // dates.WordFlags of the word (see mayHoldDate)
	neg     bool     // isNegation of the word
	opens   bool     // opensClause of the word
	told    bool     // isTold of the word
	loc     locWord  // locWordOf the word
	mark    wordMark // wordMarkOf the word
	// feat is what the role model weighs of the word and its stem, for
	// the model whose index it names (fastIndex.of).
	feat atomic.Pointer[wordFeatures]
	// cands are the matchers of a scanner that the word may start.
	cands atomic.Pointer[wordCands]
}

// wordHead is the first eight bytes of w, little-endian, zeros after a
// shorter word's end: a word of up to eight bytes is its length and its
// head. Words of two bytes or more are read in two loads that may
// overlap, without a loop.
func wordHead(w string) uint64 {
	switch n := len(w); {
	case n >= 8:
		return le64(w)
	case n >= 4:
		return uint64(le32(w)) | uint64(le32(w[n-4:]))<<(8*(n-4))
	case n >= 2:
		return uint64(le16(w)) | uint64(le16(w[n-2:]))<<(8*(n-2))
	case n == 1:
		return uint64(w[0])
	}
	return 0
}

// cacheHash is the term cache's hash of w, whose wordHead is head: the
// word taken eight bytes at a time and mixed, where a hash of a byte at a
// time (FNV) cost as much as the rest of the look-up.
func cacheHash(w string, head uint64) uint32 {
	if len(w) <= 8 {
		return shortHash(head, len(w))
	}
	x := head*cacheMul + uint64(len(w))
	for i := 8; i < len(w); i += 8 {
		x = mix64(x) ^ wordHead(w[i:])
	}
	return uint32(mix64(x))
}

// cacheMul is the multiplier cacheHash starts with.
const cacheMul = 0x9e3779b97f4a7c15

// shortHash is cacheHash of a word of n bytes, eight or fewer, whose
// wordHead is head: inlined, where cacheHash is not.
func shortHash(head uint64, n int) uint32 { return uint32(mix64(head*cacheMul + uint64(n))) }

// mix64 mixes the bits of x into its low half: xor-shift, multiply,
// xor-shift.
func mix64(x uint64) uint64 {
	x ^= x >> 32
	x *= 0xd6e8feb86659fd93
	x ^= x >> 32
	return x
}

// sameWord reports whether e is the entry of w, whose wordHead is head.
func (e *termEntry) sameWord(w string, head uint64) bool {
	if e.head != head || len(e.word) != len(w) {
		return false
	}
	return len(w) <= 8 || e.word[8:] == w[8:]
}

// le32 and le16 are le64 for four and two bytes.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func le16(s string) uint16 {
	_ = s[1]
	return uint16(s[0]) | uint16(s[1])<<8
}

func stem(w string) string {
	if len(w) <= 3 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return w
	}
	if strings.HasSuffix(w, "ies") && len(w) > 5 {
		// The Snowball stemmer keeps the s after a vowel, so the plural
		// "provincies" would not meet "provincie"; few Dutch words end in
		// "ies" but plurals of words in "ie".
		w = w[:len(w)-1]
	}
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	return env.Current()
}

// termBit is the bit of the term t in a bit set of 256 bits, which
// tells most terms not in a list from those in it without comparing
// strings. Every set of them only spares comparisons, so any hash will
// do that every caller shares: the top byte of the term's first eight
// bytes (wordHead) and its length, multiplied, where FNV-1a took a
// multiply a byte and was not inlined. Terms that differ only past their
// eighth byte and not in length share a bit, and are told apart by the
// comparison.
func termBit(t string) uint8 {
	return uint8((wordHead(t)*0x9e3779b97f4a7c15 + uint64(len(t))*0xd6e8feb86659fd93) >> 56)
}

// stopwords are words that say nothing about the subject of a question.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
aan af al alle alleen als alsnog andere anders ben bent bij binnen daar daarbij daarin
daarmee daarnaast daarom daarvan daarvoor dan dat de deze die dit doen door dus een
eens eerder en enkel er ermee erover ervan ervoor even geen geweest had heb hebben heeft
hem hen het hier hierbij hierin hiermee hierover hiervan hiervoor hij hoe hoeveel hun ik
in is ja je kan kon kunnen kunt maar me meer met mij mijn moet moeten na naar nee niet
niets nog nu of om omdat onder ons ook op over reeds sinds te tegen ten ter tot u uit
uw van veel via voor vooral waar waarbij waarom wanneer wat we wel welk welke werd
werden wie wij wil willen wordt worden zal ze zelf zich zij zijn zo zoals zou zouden
zullen zulke alsook bereid deelt deel mening kent bekend bekent bericht artikel
antwoord antwoorden vraag vragen minister staatssecretaris kamer uw regering kabinet
ervan hierop daarop gaat gaan ga kunt heeft zo ja zo nee neen toelichten toe lichten
geven welke hoever mate wijze manier inzicht kader verband sprake kunnen kon kunnen
graag aantal gaat hierbij volgens gezien mogelijk onder wel echter immers tevens
daarover hierover waarover daaraan hieraan vlaams vlaamse parlement parlementslid commissie
`) {
		m[w] = true
	}
	return m
}()
