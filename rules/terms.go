package rules

import (
	"slices"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// Terms returns what a text is about: its content words, folded and
// stemmed (Snowball Dutch), without function words, question words and the
// words every parliamentary text uses. Numbers and abbreviations are kept
// ("VMRI", "2023"). Order follows the text; duplicates are dropped.
func Terms(text string) []string { return foldedTerms(foldString(text), nil) }

// foldedTerms is Terms of text already folded, over its words ws when the
// caller has them (nil: found here).
func foldedTerms(f string, ws []word) []string {
	if ws == nil {
		ws = words(f, nil)
	}
	var out []string
	for _, x := range ws {
		w := f[x.start:x.end]
		if len(w) < 2 || stopwords[w] {
			continue
		}
		t := stem(w)
		if t == "" || stopwords[t] || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func stem(w string) string {
	if len(w) <= 3 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return w
	}
	slot := &stems[hash(w)%uint32(len(stems))]
	if e := slot.Load(); e != nil && e.word == w {
		return e.stem
	}
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	st := env.Current()
	slot.Store(&stemEntry{word: strings.Clone(w), stem: st})
	return st
}

// stems caches stems: a fixed table where a word takes the slot of its
// hash, so memory stays bounded however many documents go by, and
// goroutines share it without locks.
var stems [1 << 14]atomic.Pointer[stemEntry]

type stemEntry struct{ word, stem string }

// hash is FNV-1a.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
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
