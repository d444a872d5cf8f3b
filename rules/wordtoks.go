package rules

import "fmt"

// A phrase matches only where each of its required words matches a word
// of the sentence; most phrases made candidates by one word (see index)
// lack another. So the scanner numbers the required tokens of its phrases
// that a word of two bytes or more must match (every alternative a whole
// word of two bytes or more, or a "word*" or "*word" of keyLen or more),
// keeps with each word the tokens it matches (wordCands.toks), and tries
// a phrase only when the sentence's words match all of its numbered
// tokens. Other tokens (numbers, "*in*", short words) are not numbered:
// they never rule a phrase out.

// wordTokens numbers the required tokens of sc's phrases, sets sc.needToks
// and the index of the numbered tokens by their words, sc.toks.
func (sc *scanner) wordTokens() {
	ids := map[string]uint16{}
	sc.needToks = make([][]uint16, len(sc.ms))
	sc.toks.exact, sc.toks.prefix, sc.toks.suffix = map[string][]int32{}, map[string][]int32{}, map[string][]int32{}
	for i, m := range sc.ms {
		for t := range m.toks {
			tk := &m.toks[t]
			if tk.optional || !numberable(tk) {
				continue
			}
			key := fmt.Sprint(tk.alts)
			id, ok := ids[key]
			if !ok && len(sc.tokens) == maxTokens {
				continue // numbers run out: the token rules nothing out
			}
			if !ok {
				id = uint16(len(sc.tokens))
				ids[key] = id
				sc.tokens = append(sc.tokens, tk)
				for _, a := range tk.alts {
					switch a.kind {
					case altExact:
						sc.toks.exact[a.lit] = appendOnce(sc.toks.exact[a.lit], int32(id))
					case altPrefix:
						k := a.lit[:keyLen]
						sc.toks.prefix[k] = appendOnce(sc.toks.prefix[k], int32(id))
					case altSuffix:
						k := a.lit[len(a.lit)-keyLen:]
						sc.toks.suffix[k] = appendOnce(sc.toks.suffix[k], int32(id))
					}
				}
			}
			if !containsID(sc.needToks[i], id) {
				sc.needToks[i] = append(sc.needToks[i], id)
			}
		}
	}
	sc.toks.filters()
}

// maxTokens is how many tokens wordTokens numbers, as uint16.
const maxTokens = 1 << 16

// numberable reports whether a word that tk matches is one of two bytes or
// more that the token index finds.
func numberable(tk *ptoken) bool {
	for _, a := range tk.alts {
		switch {
		case a.kind == altExact && len(a.lit) >= 2:
		case (a.kind == altPrefix || a.kind == altSuffix) && len(a.lit) >= keyLen:
		default:
			return false
		}
	}
	return len(tk.alts) > 0
}

func containsID(ids []uint16, id uint16) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// tokensOf returns the numbered tokens the word w matches.
func (sc *scanner) tokensOf(w string) []uint16 {
	var out []uint16
	sc.toks.candidates(w, 0, func(ids []int32, _ int) {
		for _, id := range ids {
			if sc.tokens[id].test(w) && !containsID(out, uint16(id)) {
				out = append(out, uint16(id))
			}
		}
	})
	return out
}

// hasTokens reports whether the sentence st scans matches each of the
// tokens ids.
func (st *scanState) hasTokens(ids []uint16) bool {
	for _, id := range ids {
		if st.toks[id/64]&(1<<(id%64)) == 0 {
			return false
		}
	}
	return true
}
