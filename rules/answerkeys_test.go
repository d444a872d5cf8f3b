package rules

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestAnswerKeysAsStrings holds the answer features by number, which
// predictStatus weighs by the rows it looked up once (statusRows), and
// answerFeatures, which training reads, to the features as they were,
// each key a string (answerFeaturesBefore): the same keys and values in
// the same order, and the same sums bit for bit as the table's look-up of
// each key, on random answers of every status, with statuses no key
// names.
func TestAnswerKeysAsStrings(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(answerKeys) != int(keyRoles)+len(tracker.Statuses)+1 {
		t.Fatalf("%d answer keys, want %d", len(answerKeys), int(keyRoles)+len(tracker.Statuses)+1)
	}
	statuses := append(slices.Clone(tracker.Statuses), "", "other")
	roles := slices.Clone(tracker.Roles)
	rng := rand.New(rand.NewSource(4))
	found := 0
	for n := 0; n < 5000; n++ {
		a := &answerFacts{rules: statuses[rng.Intn(len(statuses))], roles: statuses[rng.Intn(len(statuses))], lead: rng.Intn(2) == 0}
		for range rng.Intn(6) {
			st := sentence{role: roles[rng.Intn(len(roles))], weight: float64(rng.Intn(9)), sub: rng.Intn(3)}
			for r := range st.probs {
				st.probs[r] = rng.Float64()
			}
			a.sents = append(a.sents, st)
		}
		for range rng.Intn(4) {
			a.subs = append(a.subs, tracker.SubQuestion{Status: statuses[rng.Intn(len(statuses))]})
			a.moot = append(a.moot, rng.Intn(3) == 0)
		}
		var byKey, byID []string
		var before []float64
		var sKey, sID [5]float64
		answerFeaturesBefore(a, func(k string, v float64) {
			byKey = append(byKey, k)
			before = append(before, v)
			m.status.add(sKey[:], k, v)
		})
		var now []float64
		answerFeatures(a, func(_ string, v float64) { now = append(now, v) })
		if !slices.Equal(before, now) {
			t.Fatalf("%+v: values %v, before %v", a, now, before)
		}
		rows := m.statusRows()
		answerFeatureIDs(a, func(k answerKey, v float64) {
			byID = append(byID, answerKeys[k])
			m.status.addRow(sID[:], rows[k], v)
			if rows[k] >= 0 {
				found++
			}
		})
		if !slices.Equal(byKey, byID) || sKey != sID {
			t.Fatalf("%+v: keys %q, by number %q; sums %v, by rows %v", a, byKey, byID, sKey, sID)
		}
	}
	if found < 10000 {
		t.Errorf("only %d rows found", found)
	}
}

// answerFeaturesBefore is answerFeatures as it was, with each key a string.
func answerFeaturesBefore(a *answerFacts, emit func(k string, v float64)) {
	emit("bias", 1)
	emit(statusKeysBefore[a.rules].rules, 1)
	emit(statusKeysBefore[a.roles].roles, 1)
	var weight, pmax [len(groups)]float64
	total := 0.0
	for k := range a.sents {
		st := &a.sents[k]
		for r, p := range st.probs {
			if g := groupOf[r]; g > 0 {
				pmax[g] = max(pmax[g], p) // math.Max, inline
			}
		}
		g := groupOf[slices.Index(tracker.Roles, st.role)]
		if g < 0 {
			continue // context
		}
		weight[g] += st.weight
		total += st.weight
	}
	for g, k := range groups {
		if total > 0 {
			emit(k.share, weight[g]/total)
		}
		if g > 0 {
			emit(k.p, pmax[g])
		}
	}
	if weight[0] == 0 {
		emit("none:reply", 1)
	}
	emit(countClassBefore(len(a.subs)), 1)
	if n := len(a.subs); n > 1 {
		evading, silent, open := 0, 0, 0
		for i := range a.subs {
			if a.moot[i] {
				continue
			}
			open++
			reply, other := false, false
			for k := range a.sents {
				st := &a.sents[k]
				if st.sub != i || st.role == tracker.RoleContext {
					continue
				}
				reply = reply || st.role == tracker.RoleReply
				other = other || st.role.Evasive()
			}
			switch {
			case other && !reply:
				evading++
			case !other && !reply:
				silent++
			}
		}
		if open > 0 {
			emit("subs:evasive", float64(evading)/float64(open))
			emit("subs:silent", float64(silent)/float64(open))
		}
	}
	if len(a.sents) > 0 && a.lead {
		emit("lead:yesno", 1)
	}
}

// statusKeysBefore and countClassBefore are the keys answerFeaturesBefore read.
var statusKeysBefore = func() map[tracker.Status]struct{ rules, roles string } {
	out := map[tracker.Status]struct{ rules, roles string }{}
	for _, s := range tracker.Statuses {
		out[s] = struct{ rules, roles string }{"rules:" + string(s), "roles:" + string(s)}
	}
	return out
}()

func countClassBefore(n int) string {
	switch {
	case n <= 1:
		return "subs:1"
	case n == 2:
		return "subs:2"
	}
	return "subs:3+"
}
