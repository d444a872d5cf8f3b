package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestScorerEntriesAsMaps holds the scorer that reads the weights of a
// word, its stem and the pairs it ends from the word's entry in the term
// cache (wordFeatures) to the one that looks every feature up in the
// maps of fastIndex, bit for bit, for every sentence of every answer of
// the development documents, the seed and tracker/parse/testdata/real.
func TestScorerEntriesAsMaps(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := guardDocs()
	m := set.roleModel()
	ref := tracker.Day(2024, 11, 20)
	sentences, words := 0, 0
	for name, b := range docs {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			if len(it.SubQuestions) == 0 {
				it.SubQuestions = splitQuestion(it.Question)
			}
			if isBlank(it.Answer) {
				continue
			}
			// As read does, up to readRoles.
			ab := new(answerBuf)
			sents := set.sentencesIn(it.Answer, ref, ab)
			sterms := subTerms(it.SubQuestions)
			ctx := newAnswerContextTerms(it.Question, questionTerms(it.Question, it.SubQuestions, sterms), len(sents), ref)
			for i := range sents {
				classify(&sents[i])
				sents[i].rule = sents[i].class
			}
			ctx.sents = sents
			ctx.asks = newQuestionFacts(it.SubQuestions).askKinds()
			assign(sents, it.SubQuestions, sterms)
			sc := m.newScorer()
			for i := range sents {
				st := &sents[i]
				if len(st.wordEnts) != len(st.words) || len(st.termEnts) != len(st.terms) {
					t.Fatalf("%s: sentence %q has no entries", name, st.text)
				}
				// Twice: the second time the entries hold their weights.
				sc.predict(st, i, ctx)
				got := sc.predict(st, i, ctx)
				bare := *st
				bare.wordEnts, bare.termEnts = nil, nil
				want := sc.predict(&bare, i, ctx)
				if got != want {
					t.Fatalf("%s: %q: from the entries %v, from the maps %v", name, st.text, got, want)
				}
				sentences++
				words += len(st.words)
			}
		}
	}
	if sentences < 1000 {
		t.Errorf("only %d sentences", sentences)
	}
	t.Logf("%d sentences, %d words", sentences, words)
}

// guardDocs are the documents the guard tests compare old and new code on:
// the development set, the seed and tracker/parse/testdata/real, by name.
func guardDocs() map[string][]byte {
	files, _ := filepath.Glob("testdata/eval/*/docs/*.txt")
	real, _ := filepath.Glob("../tracker/parse/testdata/real/*")
	files = append(files, real...)
	docs := map[string][]byte{"seed": seeds.Default}
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			docs[f] = b
		}
	}
	return docs
}

// guardTexts are the answers and questions of the guard documents, in
// turn.
func guardTexts() []string {
	var texts []string
	for name, b := range guardDocs() {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			texts = append(texts, it.Answer, it.Question)
		}
	}
	return texts
}
