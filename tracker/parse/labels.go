package parse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numSep is what joins the numbers of a combined or ranged label: "3 en 5",
// "4, 5", "1 t/m 3", "1 tot 4", "1 t.e.m. 3", "1 tot en met 3", "2-4".
// A number may keep its own full stop or bracket: "3. en 5.", "1. tot 4.".
const numSep = `[.)]?\s*(?:,|en|&|t/m|tot en met|t\.e\.m\.|tem|tot|-|–)\s*`

// wordSep is numSep in words only: a label with no stop after its last
// number ("6 t.e.m. 8") must say so, as "4-11" alone on a line is a
// table's age group or a range of figures far more often.
const wordSep = `[.)]?\s*(?:en|t/m|tot en met|t\.e\.m\.|tem|tot)\s*`

var (
	// itemRE matches a numbered paragraph: "1. ", "3 en 4. ", "2) ",
	// "3. en 5. ", "1. tot 4. ", and the Belgian "1° " and "1/ ".
	itemRE = mustCut(`^(\d{1,3}(?:` + numSep + `\d{1,3})*)(?:[.)/]|°)\s+`)
	// combinedRE matches a combined or ranged label that stands alone on
	// its paragraph, with or without a last stop: "1 t.e.m. 3", "3. en 5.".
	combinedRE = mustCut(`^(\d{1,3}(?:` + wordSep + `\d{1,3})+)[.):]?$`)
	// combinedTextRE matches such a label before a sentence, without a
	// stop or with a colon: "6 t.e.m. 8 Een nieuwe oproep".
	combinedTextRE = mustCut(`^(\d{1,3}(?:` + wordSep + `\d{1,3})+):?\s+(\p{Lu})`)
	// subComboRE matches a label that joins the last sub-question of the
	// previous question to the next question: "d) en 2. ".
	subComboRE = regexp.MustCompile(`^[a-z]\)\s*(?:en|&|,)\s*(\d{1,3})[.)]\s+`)
	// partRE matches the label of a part of an answer: "1.1 ", "1.2. ",
	// "1.a) ", "1a) ", before a capital or a digit (not "1.5 miljoen").
	partRE = mustCut(`^(\d{1,3})(?:\.\d{1,2}\.?|\.?[a-z]\))\s+[\p{Lu}\d]`)
)

// itemLabel reads a numbered paragraph label at the start of s: its
// numbers, the text after it, and whether it starts with a sub-question
// letter ("d) en 2."). A lone number ("3.") is no label.
func itemLabel(s string) (nums []int, rest string, sub, ok bool) {
	if s == "" {
		return nil, "", false, false
	}
	if isDigit(s[0]) {
		// "1. tot 3." alone on its line: read whole before itemRE, which
		// would take "1. " for the label and "tot 3." for its text.
		if m := combinedRE.FindStringSubmatchIndex(s); m != nil {
			if nums = numberList(s[m[2]:m[3]]); len(nums) > 1 {
				return nums, "", false, true
			}
		}
		if m := itemRE.FindStringSubmatchIndex(s); m != nil {
			nums = numberList(s[m[2]:m[3]])
			return nums, s[m[1]:], false, len(nums) > 0
		}
		// "6 t.e.m. 8" on its own line, joined to the text under it.
		if m := combinedTextRE.FindStringSubmatchIndex(s); m != nil {
			nums = numberList(s[m[2]:m[3]])
			return nums, s[m[4]:], false, len(nums) > 1
		}
		// "1.1 In 2024 ..." or "1.a) ...": a part of the answer to 1,
		// which keeps its label in the text.
		if m := partRE.FindStringSubmatchIndex(s); m != nil {
			n, _ := strconv.Atoi(s[m[2]:m[3]])
			return []int{n}, s, false, true
		}
		return nil, "", false, false
	}
	if len(s) > 2 && s[1] == ')' && 'a' <= s[0] && s[0] <= 'z' {
		if m := subComboRE.FindStringSubmatchIndex(s); m != nil {
			nums = numberList(s[m[2]:m[3]])
			return nums, s[m[1]:], true, len(nums) > 0
		}
	}
	return nil, "", false, false
}

// isItemLabel reports whether s opens with a label itemLabel reads.
func isItemLabel(s string) bool {
	_, _, _, ok := itemLabel(s)
	return ok
}

// numberList reads "2, 3 en 4", "2 t/m 4" or "1. tot 4." as question
// numbers. A range that goes down or spans more than 50 numbers is no
// label (nil).
func numberList(s string) []int {
	var nums []int
	prevEnd := -1 // end of the previous number
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		a := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		n, _ := strconv.Atoi(s[a:i])
		if prevEnd >= 0 && len(nums) > 0 && isRange(s[prevEnd:a]) {
			from := nums[len(nums)-1]
			if n <= from || n-from > 50 {
				return nil
			}
			for k := from + 1; k < n; k++ {
				nums = append(nums, k)
			}
		}
		if n == 0 {
			return nil
		}
		nums = append(nums, n)
		prevEnd = i
	}
	return nums
}

// isRange reports whether the separator between two numbers makes a
// range: "t/m", "tot", "tot en met", "t.e.m.", "tem", "-".
func isRange(sep string) bool {
	sep = strings.TrimSpace(strings.TrimLeft(sep, ".)"))
	switch sep {
	case "t/m", "tot", "tot en met", "t.e.m.", "tem", "-", "–":
		return true
	}
	return false
}

// splitCombined divides the text under a combined question label ("Vraag
// 5, 6 en 7") among its k questions when the text shows where each
// starts: k paragraphs, or k-1 question marks followed at once by a
// capital, where the text extraction lost the line break between two
// questions ("organisaties?Klopt het"). Otherwise each question gets the
// whole text.
func splitCombined(text string, k int) []string {
	if k < 2 {
		return []string{text}
	}
	if parts := strings.Split(text, "\n\n"); len(parts) == k {
		return parts
	}
	var cuts []int
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '?' {
			if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsUpper(r) {
				cuts = append(cuts, i+1)
			}
		}
	}
	out := make([]string, k)
	if len(cuts) != k-1 {
		for i := range out {
			out[i] = text
		}
		return out
	}
	from := 0
	for i, c := range cuts {
		out[i], from = text[from:c], c
	}
	out[k-1] = text[from:]
	return out
}

// dropTrailer ends the last answer where the asker's explanation, printed
// after all answers, starts: a paragraph "Toelichting:" and what follows.
func dropTrailer(parts []string) []string {
	for i, p := range parts {
		if i > 0 && (p == "Toelichting" || strings.HasPrefix(p, "Toelichting:")) {
			return parts[:i]
		}
	}
	return dropSignature(parts)
}

var (
	// signatureRE matches the line a letter is signed under: "De minister
	// van Volkshuisvesting en Ruimtelijke Ordening,", "Hoogachtend,".
	signatureRE = regexp.MustCompile(`^(?:(?:De|de)\s+(?:(?i:minister|staatssecretaris|vlaams minister|viceminister-president|minister-president))\b[^.?!]{0,150},|(?i:hoogachtend|met vriendelijke groet(?:en)?),?)$`)
	// closingRE matches the formula before it: "Ik vertrouw erop uw Kamer
	// hiermee voldoende te hebben geïnformeerd."
	closingRE = regexp.MustCompile(`^(?:Ik (?:vertrouw|hoop)|(?:Wij|We) (?:vertrouwen|hopen)) (?:erop )?(?:u|uw Kamer|de Kamer|het lid|uw raad|de raad|uw vragen|uw Staten)\b[^?!]{0,120}(?:geïnformeerd|geinformeerd|beantwoord)\.$`)
	// boardRE matches the start of the signature of a municipality's or a
	// province's board, which the names of the signers may follow on the
	// same line: "Burgemeester en wethouders van Lindewaard, de
	// secretaris, de burgemeester, ...".
	boardRE = regexp.MustCompile(`^(?:(?:Het )?(?:[Cc]ollege van )?[Bb]urgemeester en wethouders|Gedeputeerde Staten)(?: van [^,.?!]{1,60})?,`)
)

// dropSignature cuts the signature of a letter, and the closing formula
// before it, from the last answer: they answer nothing. It looks only at
// the last few paragraphs.
func dropSignature(parts []string) []string {
	for i := len(parts) - 1; i > 0 && i >= len(parts)-4; i-- {
		if signatureRE.MatchString(parts[i]) || boardRE.MatchString(parts[i]) {
			if closingRE.MatchString(parts[i-1]) && i > 1 {
				i--
			}
			return parts[:i]
		}
	}
	return parts
}
