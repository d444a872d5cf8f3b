package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// An annex is part of the answer it comes with: "In bijlage vindt het lid
// een overzicht per gemeente.", "De tabel in bijlage geeft de evolutie per
// jaar." give what was asked, with the answer. "Als bijlage bij de zevende
// voortgangsbrief gezonden" and "bijlage 3 bij dat plan" point to another
// document.

// annexOfAnswer makes a pointer a reply when the only place it names is an
// annex of the answer: no other place (a letter, a report, a website, a
// meeting), no annex "bij" or "van" another document or "daarin", and
// nothing sent.
func annexOfAnswer(st *sentence) {
	if st.role != tracker.RoleReferral || hasKind(st, KindDeferral) {
		return
	}
	annex := false
	for i, w := range st.words {
		v := st.fold[w.start:w.end]
		switch {
		case strings.HasPrefix(v, "bijlage") || strings.HasPrefix(v, "bijgevoegd"):
			annex = true
			if ofAnother(st, i+1) {
				return
			}
		case isPlace(v), informWord(v), v == "daarin" || v == "hierin" || v == "waarin" || v == "erin":
			// "hebben de toezichthouders daarin in een bijlage ...":
			// the annex of the place just named.
			return
		}
	}
	if annex {
		st.role, st.conf = tracker.RoleReply, st.probs[slices.Index(tracker.Roles, tracker.RoleReply)]
	}
}

// ofAnother reports whether the words of st from i on, after an annex and
// its number, make it an annex of another document: "bij dat plan", "van
// het jaarverslag", not "bij dit antwoord".
func ofAnother(st *sentence, i int) bool {
	if i < len(st.words) && isDigitByte(st.fold[st.words[i].start]) {
		i++
	}
	if i+1 >= len(st.words) {
		return false
	}
	switch st.fold[st.words[i].start:st.words[i].end] {
	case "bij", "van":
		next := st.fold[st.words[i+1].start:st.words[i+1].end]
		return next != "dit" && next != "deze"
	}
	return false
}
