package rules

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// trainingSet is a small labelled set with two kinds of sentence that
// differ in their words.
func trainingSet() []Example {
	topics := []string{"de zorg", "het onderwijs", "de politie", "de landbouw", "het klimaat", "de woningbouw", "de defensie", "de cultuur", "het verkeer", "de visserij"}
	var exs []Example
	for i, t := range topics {
		refusal := fmt.Sprintf("Over individuele zaken binnen %s doe ik geen uitspraken.", t)
		reply := fmt.Sprintf("In 2023 waren er %d meldingen binnen %s.", 100+i, t)
		exs = append(exs,
			Example{ID: fmt.Sprintf("a%d-q1", i), Question: "Hoeveel meldingen waren er binnen " + t + "?", Answer: reply, Status: tracker.Answered,
				Roles: map[string]tracker.Role{reply: tracker.RoleReply}},
			Example{ID: fmt.Sprintf("b%d-q1", i), Question: "Wat vindt u van de zaak binnen " + t + "?", Answer: refusal, Status: tracker.Declined,
				Roles: map[string]tracker.Role{refusal: tracker.RoleRefusal}},
		)
	}
	return exs
}

func TestTrainLearnsAndRepeats(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m, rep := set.Train(trainingSet(), TrainOptions{})
	if rep.Sentences != 20 || rep.Answers != 20 || len(rep.Unmatched) != 0 {
		t.Fatalf("report %+v", rep)
	}
	set.UseModel(m)
	for _, tt := range []struct {
		question, answer string
		want             tracker.Status
	}{
		{"Hoeveel meldingen waren er binnen de jeugdzorg?", "In 2024 waren er 87 meldingen binnen de jeugdzorg.", tracker.Answered},
		{"Wat vindt u van de zaak binnen de jeugdzorg?", "Over individuele zaken binnen de jeugdzorg doe ik geen uitspraken.", tracker.Declined},
	} {
		it := tracker.Item{Question: tt.question, Answer: tt.answer}
		set.AnalyzeItem(&it, time.Time{})
		if it.Status != tt.want {
			t.Errorf("%q: status %s, want %s (readings %+v)", tt.answer, it.Status, tt.want, it.Readings)
		}
	}

	var a, b bytes.Buffer
	m.Write(&a)
	m2, _ := set.Train(trainingSet(), TrainOptions{})
	m2.Write(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same labels gave different weights")
	}
	m3, _ := set.Train(trainingSet(), TrainOptions{Seed: 2})
	var c bytes.Buffer
	m3.Write(&c)
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("another seed gave the same weights: the seed is not used")
	}
}

// Bags average the fits of seeds from Seed on: two bags from seed 1 are
// neither seed 1's fit nor seed 2's, and repeat.
func TestTrainBags(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	weights := func(o TrainOptions) string {
		m, _ := set.Train(trainingSet(), o)
		var b bytes.Buffer
		m.Write(&b)
		return b.String()
	}
	one, two, bagged := weights(TrainOptions{}), weights(TrainOptions{Seed: 2}), weights(TrainOptions{Bags: 2})
	if one != weights(TrainOptions{Bags: 1}) {
		t.Error("one bag is not the default fit")
	}
	if bagged == one || bagged == two {
		t.Error("two bags gave the weights of one seed")
	}
	if bagged != weights(TrainOptions{Bags: 2}) {
		t.Error("the same bags gave different weights")
	}
}

// Labels whose sentence the splitter does not find are reported, not lost
// in silence.
func TestTrainReportsUnmatchedLabels(t *testing.T) {
	set, _ := Default()
	exs := trainingSet()[:2]
	exs[0].Roles["Een zin die er niet staat."] = tracker.RoleReply
	_, rep := set.Train(exs, TrainOptions{})
	if len(rep.Unmatched) != 1 || rep.Unmatched[0] != "a0-q1: Een zin die er niet staat." {
		t.Errorf("unmatched %q", rep.Unmatched)
	}
}

// Every answer sentence gets a reading, in order, with the sub-question it
// was taken to reply to; the JSON names the sub-questions left open.
func TestReadings(t *testing.T) {
	set, _ := Default()
	it := tracker.Item{
		Question: "Hoeveel aanvragen zijn er ingediend? Wanneer verwacht u de evaluatie?",
		Answer:   "Er zijn 240 aanvragen ingediend. Over de evaluatie zal ik uw Kamer later informeren.",
	}
	set.AnalyzeItem(&it, tracker.Day(2024, 11, 20))
	if len(it.Readings) != 2 {
		t.Fatalf("readings %+v", it.Readings)
	}
	r0, r1 := it.Readings[0], it.Readings[1]
	if r0.Role != tracker.RoleReply || r0.Start != 0 || it.Answer[r0.Start:r0.End] != "Er zijn 240 aanvragen ingediend." {
		t.Errorf("first reading %+v", r0)
	}
	if !r1.Role.Evasive() || r1.SubQuestion != 1 || !r1.Decisive {
		t.Errorf("second reading %+v", r1)
	}
	if it.Status != tracker.Partial || it.SubQuestions[0].Status != tracker.Answered || it.SubQuestions[1].Status == tracker.Answered {
		t.Errorf("status %s, sub-questions %+v", it.Status, it.SubQuestions)
	}
}
