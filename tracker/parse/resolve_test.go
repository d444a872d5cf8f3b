package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestLayoutFaults reads documents that each hold one layout fault (see
// testdata/layout/README.md) and checks that every question keeps its own
// answer: the answer holds the words given for it, and no words given for
// another answer, and nothing is reported as unpaired.
func TestLayoutFaults(t *testing.T) {
	tests := []struct {
		file    string
		layout  tracker.Layout
		answers map[int]string // a phrase of each question's answer
		with    map[int][]int  // AnsweredWith where it is set
		warning string         // a warning the repair gives, if any
		absent  []string       // page furniture no question or answer may hold
	}{
		{
			file:   "grouped-stray-footnote.txt",
			layout: tracker.Grouped,
			answers: map[int]string{1: "1.870 plaatsen", 2: "1.140 plaatsen", 3: "24.300 begeleiders",
				4: "actieplan werkbaarheid", 5: "voorjaar van 2024", 6: "8.420 gezinnen"},
		},
		{
			// Answers labelled "1" alone on a line, "5-6" for two, and
			// footnotes "1" over their note among the answers.
			file:   "grouped-bare-labels.txt",
			layout: tracker.Grouped,
			answers: map[int]string{1: "38 kilometer", 2: "Mechelen en Lokeren", 3: "21,4 miljoen euro",
				4: "nieuwe oproep", 5: "214 ongevallen", 6: "214 ongevallen"},
			with:   map[int][]int{5: {6}, 6: {5}},
			absent: []string{"Gerekend volgens", "Parl.St."},
		},
		{
			// Questions and answers side by side in a table drawn with
			// lines, a cell over several lines, "€" and "ó" in it.
			file:    "grid-table.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "42 speeltuinen", 2: "€ 184.000", 3: "zomer van 2026"},
			absent:  []string{"|", "+--", "Speeltuinen"},
		},
		{
			// An e-mail reply: the answers "*Ad n*" first, the questions
			// only in the quoted message under the signature.
			file:    "mail-answers-first.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "312 dagen", 2: "storingen aan de motor", 3: "storingen aan de motor", 4: "tweede veerboot past niet"},
			with:    map[int][]int{2: {3}, 3: {2}},
			absent:  []string{"> ", "*", "Jan Smit", "Griffie"},
		},
		{
			// Questions "1." to "5.", answers "IV.", "V." after one that
			// names questions 1 to 3 in its first words; a "1) 2)" list
			// inside answer 4.
			file:    "grouped-roman-answers.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "1.240 hoevewinkels", 2: "1.240 hoevewinkels", 3: "1.240 hoevewinkels", 4: "verlengd tot eind 2026", 5: "412 controles"},
			with:    map[int][]int{1: {2, 3}, 2: {1, 3}, 3: {1, 2}},
			warning: "Roman",
		},
		{
			// Each question followed by its answer, no labels; a list
			// "1. 2." inside answer 2; questions 3 and 4 back to back
			// over the answer that names them both.
			file:    "echoed-shared-answer.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "14 bibliotheken", 2: "afstand tot de volgende", 3: "steunen het plan", 4: "steunen het plan", 5: "juni 2026"},
			with:    map[int][]int{3: {4}, 4: {3}},
		},
		{
			// pdftotext -layout: labels in a margin column beside the
			// text, "Antwoord" over "2 en 3" wrapped in it.
			file:    "interleaved-margin-labels.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "142 veerponten", 2: "38 veerponten", 3: "38 veerponten", 4: "betaald door de provincies"},
			with:    map[int][]int{2: {3}, 3: {2}},
			absent:  []string{"2 en 3"},
		},
		{
			// pandoc's Markdown: footnote marks "[^1]" and their notes,
			// over two lines, after the signature; "\\" line breaks.
			file:    "interleaved-markdown-notes.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "312 branden", 2: "verzekeraars betalen"},
			absent:  []string{"[^", "Omroep", "kenmerk", "\\"},
		},
		{
			// UTF-8 once read as Windows-1252 ("Ã©Ã©n", "â‚¬"), and small
			// capitals split after their first letter ("V RAAG 1").
			file:    "interleaved-mojibake-smallcaps.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "één brug", 2: "€ 212.000 – inclusief"},
			warning: "decoded twice",
			absent:  []string{"Ã", "â€"},
		},
		{
			file:    "web-lynx-links.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "18.412 bromfietsen gekeurd, waarvan", 2: "website van de GOCA."},
			absent:  []string{"[", "https:", "BUTTON", "Gerelateerde", "Leuvenseweg"},
		},
		{
			file:    "interleaved-lost-numbering.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "Ja.", 2: "2.940 kilometer", 3: "212 kilometer", 4: "96 miljoen", 5: "voor de zomer"},
			with:    map[int][]int{3: {4}, 4: {3}},
			warning: "question without its number",
		},
		{
			file:    "municipal-shared-answer.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "6.410 leden", 2: "38.000 euro", 3: "38.000 euro"},
			with:    map[int][]int{2: {3}, 3: {2}},
			absent:  []string{"Burgemeester en wethouders", "vertrouwen erop", "Jaarverslag"},
		},
		{
			file:    "grouped-page-number.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "9.450 hectare", 2: "38 procent", 3: "voorkooprecht", 4: "61.000 euro"},
		},
		{
			file:   "grouped-combined.txt",
			layout: tracker.Grouped,
			// "d) en 2." answers question 1's d) and question 2.
			answers: map[int]string{1: "2.140 jeugdverenigingen", 2: "steeg sinds 2019", 3: "41 jeugdlokalen",
				4: "12 aanvragen", 5: "41 jeugdlokalen", 6: "nieuwe oproep", 7: "nieuwe oproep", 8: "nieuwe oproep",
				9: "Actieplan Armoedebestrijding", 10: "Actieplan Armoedebestrijding"},
			with: map[int][]int{1: {2}, 2: {1}, 3: {5}, 5: {3}, 6: {7, 8}, 7: {6, 8}, 8: {6, 7}, 9: {10}, 10: {9}},
		},
		{
			// A numbered list inside answer 2: its items are no answers.
			file:    "grouped-inner-list.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "214 laadpunten", 2: "volgende carpoolparkings", 3: "9.500 euro"},
		},
		{
			// The Belgian "1°", each answer on its own line with no
			// blank line between.
			file:    "grouped-degree-labels.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "18.240 bouwvakkers", 2: "41 dagen", 3: "verlaagde werkgeversbijdrage"},
		},
		{
			// Questions "1)", answers "1." right under "ANTWOORD": the
			// questions look like footnote texts, and "1." after the
			// heading like a footnote mark the heading ends with.
			file:    "grouped-mixed-labels.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "6.410 kinderen", 2: "negen maanden", 3: "240 bijkomende plaatsen"},
		},
		{
			// Bulleted questions, numbered answers: not the answers read
			// as questions with no answer.
			file:    "grouped-bulleted-questions.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "412 fietsenstallingen", 2: "9.300 plaatsen", 3: "Gent-Sint-Pieters"},
		},
		{
			// Answer 1 in parts "1.1", "1.2": no answer numbered 1. on
			// its own, so the questions must not take the answers' labels.
			file:    "grouped-part-labels.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "gebrek aan een zwembad", 2: "niet centraal geregistreerd"},
		},
		{
			// The label of answer 1 lost: the text under the heading is
			// its answer.
			file:    "grouped-lost-first-label.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "7,4 kilometer", 2: "Destelbergen", 3: "21 miljoen euro"},
		},
		{
			// "Vraag" / "Antwoord" without numbers, three times: three
			// questions, not one.
			file:    "interleaved-unnumbered-labels.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "14 pluimveebedrijven", 2: "212 bedrijven", 3: "nog niets te zeggen"},
		},
		{
			// "Vraag" without its number between numbered labels.
			file:    "interleaved-bare-vraag.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "412 vacatures", 2: "37 klassen", 3: "2,4 miljoen euro"},
			warning: "line 11: question without its number; read as question 2",
		},
		{
			// "Vraag 2Hoeveel ...", "Antwoord 3Rotterdam ...": the line
			// break after the label lost.
			file:    "interleaved-glued-label.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "412 vacatures", 2: "37 klassen", 3: "2,4 miljoen euro"},
		},
		{
			// A letter: "1. Vraag: ..." with "Antwoord: ..." under it,
			// "Antwoord op vraag 2 en 3:" for two, and one "...?
			// Antwoord: Ja." inline among them; copied text with no page
			// breaks, but "Pagina 2 van 2" under the running header.
			file:    "numbered-vraag-antwoord.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "612 jongeren", 2: "in Zuidoost-Drenthe is dat veertien", 3: "veertien weken", 4: "3,1 miljoen", 5: "voorjaar van 2026"},
			with:    map[int][]int{2: {3}, 3: {2}},
			// Its running header on page 2 and its signature answer nothing.
			absent: []string{"Vraag:", "Antwoord:", "Antwoord op vraag", "Pagina", "Kenmerk", "Directie", "De minister", "Groot", "vertrouw"},
		},
		{
			// "Vraag 1." then bare "2." and "3." lines over "Antwoord 2.",
			// "Antwoord 3.", no blank lines, a list "1." to "3." in answer 2.
			file:    "interleaved-bare-number.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "1.212 overtochten", 2: "onderhoud aan de steigers", 3: "mei 2026"},
		},
		{
			// Unnumbered "– " questions, "Antwoord:", and one unnumbered
			// paragraph for each question, in their order.
			file:    "grouped-bulleted-unnumbered-answers.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "1.318 sluikstorten", 2: "287 administratieve boetes", 3: "twaalf bijkomende camera's", 4: "14 mei 2025"},
			warning: `questions bulleted without numbers ("- Hoeveel ...?"): read as 1., 2., ...`,
			absent:  []string{"Antwoord:"},
		},
		{
			// Numbered questions, "ANTWOORD", and as many unnumbered
			// paragraphs as questions: one answer each, in order.
			file:    "grouped-unnumbered-answers.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "214 carpoolparkings", 2: "1.140 plaatsen", 3: "61 procent"},
		},
		{
			// Unnumbered "– " questions, "Antwoord:", and each answer under
			// its question repeated, the last one shortened.
			file:    "grouped-repeated-questions.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "3.120 plaatsen", 2: "212 diefstallen", 3: "1,4 miljoen euro"},
			absent:  []string{"In antwoord op de vragen"},
		},
		{
			// Questions and answers numbered anew in sections "I.",
			// "II."; page numbers "- 1 -" under a running header, in text
			// with no page breaks.
			file:    "grouped-roman-sections.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "41.220 treinen", 2: "12 stations", 3: "in landelijke gebieden", 4: "lijnen 21 en 58"},
			warning: "questions numbered anew in each section I., II., ...: read as 1, 2, ...",
			absent:  []string{"Belgische Senaat", "- 2 -", "Spoor", "Bus"},
		},
		{
			// A forwarded e-mail: "> " on every line, Markdown bold and
			// headings on the labels, HTML entities. (The disclaimer under
			// the rule after the last answer stays in it: the rule reads as
			// a page break.)
			file:    "interleaved-mail-markdown.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "62 in slechte staat", 2: "€ 1,2 miljard", 3: "eind 2030"},
			absent:  []string{"**", "&", "> ", "##"},
		},
		{
			// Answers numbered without a stop ("1 In 2024 ..."), a wrapped
			// line starting with a year and a table's rows with numbers.
			file:    "grouped-bare-numbers.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "18.240 bouwvakkers", 2: "41 dagen", 3: "werkgeversbijdrage"},
			warning: `answers numbered without a stop ("1 In 2024 ..."): read as 1., 2., ...`,
		},
		{
			// Under "ANTWOORD" each question repeated with "Antwoord:" under
			// it; questions 2 and 3 repeated together over one answer.
			file:    "grouped-echoed-antwoord.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "143 kilometer", 2: "310 miljoen", 3: "310 miljoen"},
			with:    map[int][]int{2: {3}, 3: {2}},
			absent:  []string{"Antwoord:", "Klopt het dat het budget voor 2026 wordt verlaagd? Neen"},
		},
		{
			// "2) Behandelingstermijn:" over parts "2.1", "2.2": one
			// question, not a heading of question 1 and a question "2.2".
			file:    "grouped-part-questions.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "148.612 aanvragen", 2: "3,4 maanden", 3: "45 dossierbeheerders"},
		},
		{
			// Labels from a scan: "Antwoord l", "Vraaq 2", "| Antw00rd 2",
			// "Vraag 3 .", "Antvvoord3", "Vraag 1O" (read as 10, then 4 by
			// the answer that follows).
			file:    "interleaved-ocr-labels.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "412 pinautomaten", 2: "27 plofkraken", 3: "40 nieuwe automaten", 4: "eind 2025"},
		},
		{
			// Questions as unnumbered paragraphs (one a request), answers
			// "Antwoord op vraag 1:", "Antwoord op de vragen 2 en 4:" out
			// of order.
			file:    "grouped-worded-paragraphs.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "1.450 ton", 2: "per provincie", 3: "Mooimakers", 4: "statiegeld"},
			with:    map[int][]int{2: {4}, 4: {2}},
			absent:  []string{"Antwoord op", "BROUNS"},
		},
		{
			// A list of questions and answers as a table, cells set off by
			// tabs and run on over lines, one answer for two rows.
			file:    "table-questions-answers.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "350 toegankelijk", 2: "41 liften", 3: "41 liften", 4: "eind 2030"},
			with:    map[int][]int{2: {3}, 3: {2}},
			absent:  []string{"\t", "Blz."},
		},
		{
			// "1. Hoeveel ...? Antwoord: ..." in one paragraph.
			file:    "interleaved-inline-answers.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "38 kilometer", 2: "27,5 miljoen euro", 3: "F8 in Kortrijk"},
		},
		{
			// The answer printed apart from its question: the numbered
			// paragraphs are answers, not questions without answers.
			file:    "grouped-answers-only.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "1.450 ton", 2: "4,2 miljoen euro", 3: "opsplitsing per provincie", 4: "sensibilisering"},
			warning: "answers without their questions",
		},
		{
			// The questions as sentences of one paragraph, the answers
			// numbered.
			file:    "grouped-paragraph-questions.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "1.450 ton", 2: "4,2 miljoen euro", 3: "opsplitsing per provincie"},
		},
		{
			file:    "grouped-ad-labels.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "212 natuurbeheerplannen", 2: "vijf maanden", 3: "vijf maanden", 4: "48.600 hectare"},
			with:    map[int][]int{2: {3}, 3: {2}},
		},
		{
			file:    "grouped-lettered.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "zeven handelsmissies", 2: "2,4 miljoen euro", 3: "momenteel opgemaakt"},
			warning: "lettered",
		},
		{
			file:    "grouped-vraag-labels.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "1.310 inspecties", 2: "402 inspecties", 3: "402 inspecties"},
			with:    map[int][]int{2: {3}, 3: {2}},
		},
		{
			file:    "grouped-one-answer.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "bijgevoegde tabel", 2: "bijgevoegde tabel", 3: "bijgevoegde tabel"},
			with:    map[int][]int{1: {2, 3}, 2: {1, 3}, 3: {1, 2}},
		},
		{
			file:    "grouped-signature-footer.txt",
			layout:  tracker.Grouped,
			answers: map[int]string{1: "312 locaties", 2: "https://www.kindengezin.be/cijfers", 3: "niet beschikbaar"},
			absent:  []string{"Leuvenseweg", "HILDE CREVITS"},
		},
		{
			file:    "echoed-questions.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "82 kilometer in de andere provincies", 2: "98 miljoen euro", 3: "momenteel opgemaakt"},
		},
		{
			file:    "grouped-headed-antwoord-labels.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "1.204 meldingen", 2: "311 doorverwezen", 3: "twee extra medewerkers", 4: "najaar van 2025"},
		},
		{
			file:    "grouped-vraag-labels-twice.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "1.204 meldingen", 2: "311 doorverwezen", 3: "twee extra medewerkers", 4: "najaar van 2025"},
		},
		{
			file:    "interleaved-repeated-vraag.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{6: "vier huisartsenposten", 7: "negentien minuten", 8: "niet bereid", 9: "zomer van 2025"},
			warning: "line 14: question 7 given twice; read as question 8",
		},
		{
			file:    "interleaved-out-of-order.txt",
			layout:  tracker.Interleaved,
			answers: map[int]string{1: "31 zwembaden", 2: "schoolzwemmen", 3: "regeling sportaccommodaties", 4: "Voorjaarsnota"},
			warning: "line 14: answer 4 read as the answer to question 2",
		},
		{
			file:   "interleaved-worded-combined.txt",
			layout: tracker.Interleaved,
			answers: map[int]string{1: "9.000 dakloze", 2: "9.000 dakloze", 3: "9.000 dakloze", 4: "Zestig gemeenten",
				5: "Zestig gemeenten", 6: "95 euro", 7: "Zestig gemeenten", 8: "Zestig gemeenten"},
			with: map[int][]int{1: {2, 3}, 2: {1, 3}, 3: {1, 2}, 4: {5, 7, 8}, 5: {4, 7, 8}, 7: {4, 5, 8}, 8: {4, 5, 7}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "layout", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Layout != tt.layout {
				t.Errorf("layout %q, want %q", doc.Layout, tt.layout)
			}
			var nums []int
			for _, it := range doc.Items {
				nums = append(nums, it.Number)
				want, ok := tt.answers[it.Number]
				if !ok {
					t.Errorf("question %d: not in the document", it.Number)
					continue
				}
				if !strings.Contains(it.Answer, want) {
					t.Errorf("question %d: answer %q lacks %q", it.Number, it.Answer, want)
				}
				for n, other := range tt.answers {
					if other != want && !slices.Contains(tt.with[it.Number], n) && strings.Contains(it.Answer, other) {
						t.Errorf("question %d: answer %q holds answer %d (%q)", it.Number, it.Answer, n, other)
					}
				}
				for _, f := range tt.absent {
					if strings.Contains(it.Question, f) || strings.Contains(it.Answer, f) {
						t.Errorf("question %d holds %q: %q / %q", it.Number, f, it.Question, it.Answer)
					}
				}
				if !slices.Equal(it.AnsweredWith, tt.with[it.Number]) {
					t.Errorf("question %d: answered with %v, want %v", it.Number, it.AnsweredWith, tt.with[it.Number])
				}
			}
			if len(nums) != len(tt.answers) {
				t.Errorf("questions %v, want %d of them", nums, len(tt.answers))
			}
			if tt.warning != "" && !slices.ContainsFunc(doc.Warnings, func(w string) bool { return strings.Contains(w, tt.warning) }) {
				t.Errorf("warnings %q lack %q", doc.Warnings, tt.warning)
			}
		})
	}
}

// TestReadingLosses: what cannot be read as it is is read as well as it
// can be and reported with its place, never dropped silently.
func TestReadingLosses(t *testing.T) {
	t.Run("question numbers above 999", func(t *testing.T) {
		in := "Vraag 1\nKan het?\n\nAntwoord 1\nJa.\n\nVraag 1000\nEn dit?\n\nAntwoord 1000\nNee.\n\n" +
			"Vraag 1001\nEn dat?\n\nAntwoord 1001\nMisschien.\n\nVraag 123456\nEn zo?\n"
		doc, err := Read("x.txt", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, it := range doc.Items {
			got = append(got, it.Number)
		}
		if !slices.Equal(got, []int{1, 1000, 1001}) || doc.Items[2].Answer != "Misschien.\n\nVraag 123456 En zo?" {
			t.Errorf("items %v, last answer %q", got, doc.Items[len(doc.Items)-1].Answer)
		}
		want := "line 19: the number 123456 in \"Vraag 123456 En zo?\" is too large"
		if !slices.ContainsFunc(doc.Warnings, func(w string) bool { return strings.HasPrefix(w, want) }) {
			t.Errorf("warnings %q lack %q", doc.Warnings, want)
		}
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		// Valid UTF-8 throughout but for three Windows-1252 bytes on
		// lines 5 and 8: "é" as 0xE9, "ë" as 0xEB.
		in := "Vraag 1\nIs de financiële steun geïnd?\n\nAntwoord 1\nJa, het geld is ge\xefnd voor het caf\xe9.\n\n" +
			"Vraag 2\nWanneer volgt de evaluatie?\n\nAntwoord 2\nDe evaluatie volgt in de zomer; de co\xebrdinatie ligt bij de gemeente.\n"
		doc, err := Read("x.txt", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Items[0].Question != "Is de financiële steun geïnd?" {
			t.Errorf("valid text garbled: %q", doc.Items[0].Question)
		}
		if doc.Items[0].Answer != "Ja, het geld is geïnd voor het café." || !strings.Contains(doc.Items[1].Answer, "coërdinatie") {
			t.Errorf("invalid bytes not read as Windows-1252: %q %q", doc.Items[0].Answer, doc.Items[1].Answer)
		}
		want := "invalid UTF-8 read as Windows-1252 on lines 5, 11"
		if !slices.Contains(doc.Warnings, want) {
			t.Errorf("warnings %q lack %q", doc.Warnings, want)
		}
	})
}

// FuzzLabels checks that the label readers take any paragraph without
// panic, and read numbers that go up from 1 in a range.
func FuzzLabels(f *testing.F) {
	for _, s := range []string{"1. tot 4. Tekst", "3. en 5. Ja.", "1 t.e.m. 3", "d) en 2. Ja.", "6 t.e.m. 8 Een", "12-3. x", "Vraag 5, 6 en 7\nWie?Klopt?Zijn?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if nums, _, _, ok := itemLabel(s); ok {
			for _, n := range nums {
				if n < 1 {
					t.Errorf("itemLabel(%q): number %d", s, n)
				}
			}
		}
		for k := 1; k < 5; k++ {
			if parts := splitCombined(s, k); len(parts) != k {
				t.Errorf("splitCombined(%q, %d): %d parts", s, k, len(parts))
			}
		}
	})
}

func TestItemLabel(t *testing.T) {
	tests := []struct {
		in   string
		nums []int
		rest string
		sub  bool
		ok   bool
	}{
		{"1. Tekst", []int{1}, "Tekst", false, true},
		{"3. en 5. Ja.", []int{3, 5}, "Ja.", false, true},
		{"1. tot 4. Ja.", []int{1, 2, 3, 4}, "Ja.", false, true},
		{"1 t.e.m. 3", []int{1, 2, 3}, "", false, true},
		{"6 t.e.m. 8 Een oproep.", []int{6, 7, 8}, "Een oproep.", false, true},
		{"2 tot en met 4: Ja.", []int{2, 3, 4}, "Ja.", false, true},
		{"9. tot 10. Ja.", []int{9, 10}, "Ja.", false, true},
		{"1. tot 3.", []int{1, 2, 3}, "", false, true}, // alone on its line, the text under it
		{"3. en 5.", []int{3, 5}, "", false, true},
		{"2) en 4)", []int{2, 4}, "", false, true},
		{"d) en 2. Ja.", []int{2}, "Ja.", true, true},
		{"4-11", nil, "", false, false},      // an age group in a table
		{"4-11 Jaar", nil, "", false, false}, // the same before text
		{"3.", nil, "", false, false},        // a number alone is no label
		{"2 in het", nil, "", false, false},
		{"4 - 2. Ja.", nil, "", false, false}, // a range that goes down
	}
	for _, tt := range tests {
		nums, rest, sub, ok := itemLabel(tt.in)
		if ok != tt.ok || ok && (!slices.Equal(nums, tt.nums) || rest != tt.rest || sub != tt.sub) {
			t.Errorf("itemLabel(%q) = %v %q %v %v, want %v %q %v %v", tt.in, nums, rest, sub, ok, tt.nums, tt.rest, tt.sub, tt.ok)
		}
	}
}

// TestRepeatedLabelAsText: a label still given twice after the repairs is
// text of the segment before it, with a warning; the rest is read.
func TestRepeatedLabelAsText(t *testing.T) {
	in := "Vraag 1\nWat?\n\nVraag 1\nEn?\n\nAntwoord 1\nDat.\n\nVraag 2\nWie?\n\nAntwoord 2\nZij.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 2 || doc.Items[0].Question != "Wat?\n\nVraag 1\n\nEn?" || doc.Items[0].Answer != "Dat." || doc.Items[1].Answer != "Zij." {
		t.Errorf("items %+v", doc.Items)
	}
	want := "line 4: question 1 given twice (first at line 1); read as text"
	if !slices.Contains(doc.Warnings, want) {
		t.Errorf("warnings %q lack %q", doc.Warnings, want)
	}
}

// A ranged label alone on its line ("1. tot 3.") labels the paragraph
// under it; before, "1." was read as the label and "tot 3." as its text,
// and questions 2 and 3 went unanswered.
func TestRangeOnItsOwnLine(t *testing.T) {
	in := "SCHRIFTELIJKE VRAAG\n\nnr. 7\nvan AN JANSSENS\ndatum: 3 mei 2024\n\n" +
		"1. Hoeveel gemeenten?\n\n2. Welke gemeenten?\n\n3. Welk bedrag?\n\n4. Wat doet de minister?\n\n" +
		"ANTWOORD\n\nop vraag nr. 7 van 3 mei 2024\nvan AN JANSSENS\n\n" +
		"1. tot 3.\nDat wordt niet centraal bijgehouden.\n\n4. Ik overleg met de gemeenten.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 4 {
		t.Fatalf("%d items, want 4", len(doc.Items))
	}
	for i, want := range []string{"niet centraal", "niet centraal", "niet centraal", "overleg"} {
		if a := doc.Items[i].Answer; !strings.Contains(a, want) || strings.Contains(a, "tot 3") {
			t.Errorf("answer %d = %q, want one with %q", i+1, a, want)
		}
	}
	if !slices.Equal(doc.Items[1].AnsweredWith, []int{1, 3}) {
		t.Errorf("question 2 answered with %v, want [1 3]", doc.Items[1].AnsweredWith)
	}
}
