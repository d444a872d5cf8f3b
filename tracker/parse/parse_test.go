package parse

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pqtrack/pqtrack/tracker"
)

const seedPath = "../../seeds/vlaams-parlement-2023-gelijke-kansen-inburgering.txt"

func TestSeed(t *testing.T) {
	doc, err := ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Layout != tracker.Grouped || len(doc.Items) != 10 {
		t.Fatalf("layout %q with %d items, want grouped with 10", doc.Layout, len(doc.Items))
	}
	for i, it := range doc.Items {
		if it.Number != i+1 || it.Question == "" || it.Answer == "" {
			t.Errorf("item %d: number %d, question %d bytes, answer %d bytes", i, it.Number, len(it.Question), len(it.Answer))
		}
	}
	item := func(n int) tracker.Item { return doc.Items[n-1] }
	if got := len(item(5).SubQuestions); got != 5 {
		t.Errorf("question 5 has %d sub-questions, want 5", got)
	}
	if got := len(item(7).SubQuestions); got != 1 {
		t.Errorf("question 7 has %d sub-questions, want 1", got)
	}
	if !strings.Contains(item(10).Answer, "Maxipac (01/11/2021 – 30/10/2024)") {
		t.Errorf("answer 10 lacks the Maxipac period: %q", item(10).Answer)
	}
	if !strings.Contains(item(8).Answer, "worden de ex-inburgeraars opnieuw") {
		t.Errorf("answer 8 lacks the repaired ex-inburgeraars: %q", item(8).Answer)
	}
	if !strings.HasPrefix(item(1).Answer, "Hiervoor verwijs ik") {
		t.Errorf("answer 1 = %q", item(1).Answer)
	}
	if !strings.HasPrefix(item(1).Question, "Op 1 juli 2022 werd het ontwerp") {
		t.Errorf("question 1 = %q, want it without label or header", item(1).Question)
	}
	if strings.Contains(item(10).Question, "Hiervoor verwijs") {
		t.Error("answers leaked into question 10")
	}
	if doc.Title != "Beleids- en begrotingstoelichting 2023 - Gelijke kansen, inburgering en integratie" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Parliament != "Vlaams Parlement" || doc.Kind != tracker.KindAnswer || doc.Hash != "" {
		t.Errorf("parliament %q kind %q hash %q", doc.Parliament, doc.Kind, doc.Hash)
	}
	for _, it := range doc.Items {
		if !strings.Contains(doc.Text, it.Question) || !strings.Contains(doc.Text, it.Answer) {
			t.Errorf("item %d texts are not in Document.Text", it.Number)
		}
		for _, sq := range it.SubQuestions {
			if it.Question[sq.Start:sq.End] != sq.Text {
				t.Errorf("item %d: sub-question span %d:%d does not hold %q", it.Number, sq.Start, sq.End, sq.Text)
			}
		}
	}
}

func TestLayouts(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		layout tracker.Layout
		want   []tracker.Item // Number, Question, Answer, AnsweredWith compared
	}{
		{
			name: "interleaved combined",
			in: "Vragen van het lid Jansen (CDA) aan de minister over treinen (ingezonden 3 okt. 2024).\n\n" +
				"Vraag 1\nRijdt de trein?\nAntwoord 1\nJa.\n" +
				"Vraag 2\nWanneer?\nVraag 3\nWaarom niet eerder?\nAntwoord 2 en 3\nIn 2025, vanwege de aanbesteding.\n" +
				"Vraag 5: Kunt u dit toelichten.\n",
			layout: tracker.Interleaved,
			want: []tracker.Item{
				{Number: 1, Question: "Rijdt de trein?", Answer: "Ja."},
				{Number: 2, Question: "Wanneer?", Answer: "In 2025, vanwege de aanbesteding.", AnsweredWith: []int{3}},
				{Number: 3, Question: "Waarom niet eerder?", Answer: "In 2025, vanwege de aanbesteding.", AnsweredWith: []int{2}},
				{Number: 5, Question: "Kunt u dit toelichten."},
			},
		},
		{
			name: "interleaved antwoord op vragen",
			in: "Vraag 1: Bent u bekend met het bericht?\n\nAntwoord op vraag 1: Ja.\n\n" +
				"Vragen 2, 3 en 4\nHoeveel? Wie? Waar?\n\nAntwoord op vragen 2 t/m 4\nDat weten we niet.\n",
			layout: tracker.Interleaved,
			want: []tracker.Item{
				{Number: 1, Question: "Bent u bekend met het bericht?", Answer: "Ja."},
				{Number: 2, Question: "Hoeveel? Wie? Waar?", Answer: "Dat weten we niet.", AnsweredWith: []int{3, 4}},
				{Number: 3, Question: "Hoeveel? Wie? Waar?", Answer: "Dat weten we niet.", AnsweredWith: []int{2, 4}},
				{Number: 4, Question: "Hoeveel? Wie? Waar?", Answer: "Dat weten we niet.", AnsweredWith: []int{2, 3}},
			},
		},
		{
			name: "interleaved answer labels that repeat the word or join by a plus",
			in: "Vraag 1\nWie?\nVraag 2\nWat?\nAntwoord op vraag 1 en vraag 2\nDe gemeente, een brug.\n" +
				"Vraag 3\nWaar?\nVraag 4\nWanneer?\nAntwoord 3 + 4\nIn Gent, in mei.\n" +
				"Vraag 5\nHoe?\nVraag 6\nWaarom?\nAntwoord 5 + 6\nMet staal, om de veiligheid.\n",
			layout: tracker.Interleaved,
			want: []tracker.Item{
				{Number: 1, Question: "Wie?", Answer: "De gemeente, een brug.", AnsweredWith: []int{2}},
				{Number: 2, Question: "Wat?", Answer: "De gemeente, een brug.", AnsweredWith: []int{1}},
				{Number: 3, Question: "Waar?", Answer: "In Gent, in mei.", AnsweredWith: []int{4}},
				{Number: 4, Question: "Wanneer?", Answer: "In Gent, in mei.", AnsweredWith: []int{3}},
				{Number: 5, Question: "Hoe?", Answer: "Met staal, om de veiligheid.", AnsweredWith: []int{6}},
				{Number: 6, Question: "Waarom?", Answer: "Met staal, om de veiligheid.", AnsweredWith: []int{5}},
			},
		},
		{
			name: "interleaved sentence starting with Vraag is no label",
			in:   "Vraag 1\nWat kost het?\nAntwoord 1\nHet kost veel.\nVraag 2 en 3 beantwoord ik samen.\n",
			want: []tracker.Item{
				{Number: 1, Question: "Wat kost het?", Answer: "Het kost veel.\n\nVraag 2 en 3 beantwoord ik samen."},
			},
			layout: tracker.Interleaved,
		},
		{
			name: "grouped with list inside an answer",
			in: "Titel van de vraag\n\n1. Hoeveel kost het?\n\n2. Wie betaalt?\n\n" +
				"1. Het kost:\n\n1. tien euro in 2023;\n\n2. twaalf euro in 2024.\n\n2. De gemeente.\n",
			layout: tracker.Grouped,
			want: []tracker.Item{
				{Number: 1, Question: "Hoeveel kost het?", Answer: "Het kost:\n\n1. tien euro in 2023;\n\n2. twaalf euro in 2024."},
				{Number: 2, Question: "Wie betaalt?", Answer: "De gemeente."},
			},
		},
		{
			name: "grouped combined answer",
			in: "1. Wat is de stand?\n\n2. Wat is de planning?\n\n3. Wie doet het?\n\n" +
				"1 en 2. Dat volgt in het voorjaar.\n\n3. De provincie.\n",
			layout: tracker.Grouped,
			want: []tracker.Item{
				{Number: 1, Question: "Wat is de stand?", Answer: "Dat volgt in het voorjaar.", AnsweredWith: []int{2}},
				{Number: 2, Question: "Wat is de planning?", Answer: "Dat volgt in het voorjaar.", AnsweredWith: []int{1}},
				{Number: 3, Question: "Wie doet het?", Answer: "De provincie."},
			},
		},
		{
			// After a heading, "1 t.e.m. 3" once read as a footnote mark
			// before lower-case text and lost its first number.
			name: "grouped ranged label in words after the answer heading",
			in: "1. Wat is de stand?\n2. Wat is de planning?\n3. Wie doet het?\n4. Wat kost het?\n" +
				"ANTWOORD\n1 t.e.m. 3. De provincie doet het in het voorjaar.\n4. Het kost drie miljoen euro.\n",
			layout: tracker.Grouped,
			want: []tracker.Item{
				{Number: 1, Question: "Wat is de stand?", Answer: "De provincie doet het in het voorjaar.", AnsweredWith: []int{2, 3}},
				{Number: 2, Question: "Wat is de planning?", Answer: "De provincie doet het in het voorjaar.", AnsweredWith: []int{1, 3}},
				{Number: 3, Question: "Wie doet het?", Answer: "De provincie doet het in het voorjaar.", AnsweredWith: []int{1, 2}},
				{Number: 4, Question: "Wat kost het?", Answer: "Het kost drie miljoen euro."},
			},
		},
		{
			name: "grouped ranged label without a stop after the answer heading",
			in: "1. Wat is de stand?\n2. Wat is de planning?\n3. Wie doet het?\n" +
				"Antwoord\n1 tot 2 De stand en de planning volgen in het voorjaar.\n3. De provincie.\n",
			layout: tracker.Grouped,
			want: []tracker.Item{
				{Number: 1, Question: "Wat is de stand?", Answer: "De stand en de planning volgen in het voorjaar.", AnsweredWith: []int{2}},
				{Number: 2, Question: "Wat is de planning?", Answer: "De stand en de planning volgen in het voorjaar.", AnsweredWith: []int{1}},
				{Number: 3, Question: "Wie doet het?", Answer: "De provincie."},
			},
		},
		{
			// "1." under a title or "Antwoord" was once read as a
			// footnote number with its sentence's full stop.
			name: "grouped labels alone on their lines under a title",
			in: "Fietspaden\n1.\nWat is de stand?\n2.\nWie doet het?\n" +
				"Antwoord\n1.\nDe werken zijn klaar.\n2.\nDe provincie.\n",
			layout: tracker.Grouped,
			want: []tracker.Item{
				{Number: 1, Question: "Wat is de stand?", Answer: "De werken zijn klaar."},
				{Number: 2, Question: "Wie doet het?", Answer: "De provincie."},
			},
		},
		{
			// The title reads as an answer heading; each numbered
			// question is followed by its answer.
			name: "numbered questions each over its answer under an answers title",
			in: "Antwoorden op schriftelijke vragen over fietspaden\n\n1. Wat is de stand?\n\nDe werken zijn klaar.\n\n" +
				"2. Wie doet het?\n\nDe provincie.\n",
			layout: tracker.Interleaved,
			want: []tracker.Item{
				{Number: 1, Question: "Wat is de stand?", Answer: "De werken zijn klaar."},
				{Number: 2, Question: "Wie doet het?", Answer: "De provincie."},
			},
		},
		{
			name: "question labels each over an unlabelled answer",
			in: "Vraag 1: Wat is de stand?\n\nDe werken zijn klaar.\n\nVraag 2: Wie doet het?\n\nDe provincie doet het.\n\n" +
				"Vraag 3: In het verslag staat dat de kosten stijgen.\n\nHoeveel kost het?\n\nDrie miljoen euro.\n",
			layout: tracker.Interleaved,
			want: []tracker.Item{
				{Number: 1, Question: "Wat is de stand?", Answer: "De werken zijn klaar."},
				{Number: 2, Question: "Wie doet het?", Answer: "De provincie doet het."},
				{Number: 3, Question: "In het verslag staat dat de kosten stijgen.\n\nHoeveel kost het?", Answer: "Drie miljoen euro."},
			},
		},
		{
			// Questions as submitted, with the source after the last:
			// no answers, and the note is none.
			name:   "question labels with no answers and a source note",
			in:     "Vraag 1\nKlopt het bericht?\n\nVraag 2\nWaarom is dat zo?\n\n1) https://nos.nl/artikel/123\n",
			layout: tracker.Interleaved,
			want: []tracker.Item{
				{Number: 1, Question: "Klopt het bericht?"},
				{Number: 2, Question: "Waarom is dat zo?\n\n1) https://nos.nl/artikel/123"},
			},
		},
		{
			name:   "single labelled",
			in:     "Schriftelijke vraag over fietspaden\n\nVraag:\nHoeveel fietspaden zijn er aangelegd?\n\nAntwoord:\nIn 2023 werden 12 km aangelegd.\n",
			layout: tracker.Single,
			want:   []tracker.Item{{Number: 1, Question: "Hoeveel fietspaden zijn er aangelegd?", Answer: "In 2023 werden 12 km aangelegd."}},
		},
		{
			name:   "single by question mark",
			in:     "Fietspaden\n\nDe gemeente legt fietspaden aan.\n\nHoeveel zijn er aangelegd?\n\nIn 2023 werden 12 km aangelegd.\n\nDat is meer dan in 2022.\n",
			layout: tracker.Single,
			want: []tracker.Item{{Number: 1, Question: "De gemeente legt fietspaden aan.\n\nHoeveel zijn er aangelegd?",
				Answer: "In 2023 werden 12 km aangelegd.\n\nDat is meer dan in 2022."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("t.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Layout != tt.layout {
				t.Errorf("layout %q, want %q", doc.Layout, tt.layout)
			}
			var got []tracker.Item
			for _, it := range doc.Items {
				got = append(got, tracker.Item{Number: it.Number, Question: it.Question, Answer: it.Answer, AnsweredWith: it.AnsweredWith})
				if !strings.Contains(doc.Text, it.Answer) {
					t.Errorf("answer %d not in Document.Text", it.Number)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHeaderFlemishAndDates(t *testing.T) {
	in := "Vraag van mevrouw An Peeters aan de Vlaamse minister over de kinderopvang\n\n" +
		"Schriftelijke vraag nr. 123 van 12 jan. 2024, antwoord ontvangen op 3 febr. 2024\n\n" +
		"1. Hoeveel plaatsen zijn er?\n\n1. Er zijn 40.000 plaatsen.\n"
	doc, err := Read("vp.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Number != "nr. 123" || !doc.Date.Equal(tracker.Day(2024, 2, 3)) || doc.Asker != "An Peeters" {
		t.Errorf("number %q date %v asker %q", doc.Number, doc.Date, doc.Asker)
	}
	if doc.Parliament != "Vlaams Parlement" || doc.Title != "de kinderopvang" {
		t.Errorf("parliament %q title %q", doc.Parliament, doc.Title)
	}
}

// A minister's letter of answers dates itself and names the member and
// the subject in its letterhead.
func TestHeaderLetter(t *testing.T) {
	doc, err := ReadFile(filepath.Join("testdata", "layout", "numbered-vraag-antwoord.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Date.Equal(tracker.Day(2025, 10, 14)) || !doc.Asked.Equal(tracker.Day(2025, 10, 2)) ||
		doc.Asker != "Jansen (SP)" || doc.Title != "de jeugdzorg in Drenthe" {
		t.Errorf("date %v asked %v asker %q title %q", doc.Date, doc.Asked, doc.Asker, doc.Title)
	}
}

// A Flemish answer printed apart names its minister above "ANTWOORD" and
// the question under it: those are its minister, asker and question date,
// and the minister is no title.
func TestHeaderFlemishAnswerAlone(t *testing.T) {
	doc, err := ReadFile(filepath.Join("testdata", "layout", "grouped-answers-only.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Minister != "Jo Brouns" || doc.Asker != "An Peeters" || !doc.Asked.Equal(tracker.Day(2025, 2, 3)) ||
		doc.Number != "nr. 301" || doc.Title != "" || doc.Parliament != "Vlaams Parlement" {
		t.Errorf("minister %q asker %q asked %v number %q title %q parliament %q",
			doc.Minister, doc.Asker, doc.Asked, doc.Number, doc.Title, doc.Parliament)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{in: "ontvangen 14 november 2024", y: 2024, m: 11, d: 14, ok: true},
		{in: "2 okt. 2023", y: 2023, m: 10, d: 2, ok: true},
		{in: "1 Maart 2022", y: 2022, m: 3, d: 1, ok: true},
		{in: "31 april 2022", ok: false},
		{in: "14 brumaire 2024", ok: false},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok || ok && !got.Equal(tracker.Day(tt.y, time.Month(tt.m), tt.d)) {
			t.Errorf("parseDate(%q) = %v %v", tt.in, got, ok)
		}
	}
}

func TestRepairs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // Document.Text
	}{
		{"hyphen joined", "Hoe worden de gestandaar-\ndiseerde testen bekeken?", "Hoe worden de gestandaardiseerde testen bekeken?"},
		{"hyphen kept after prefix", "Wat doen de ex-\ninburgeraars nu?", "Wat doen de ex-inburgeraars nu?"},
		{"hyphen kept before capital", "Geldt dit voor Noord-\nNederland?", "Geldt dit voor Noord-Nederland?"},
		{"hyphen kept after abbreviation", "Hoe werkt de MO-\ntest?", "Hoe werkt de MO-test?"},
		{"hyphen kept before digit", "Wat kost de COVID-\n19 aanpak?", "Wat kost de COVID-19 aanpak?"},
		{"dash at line end", "Wat is dit -\nen waarom?", "Wat is dit - en waarom?"},
		{"footnote after question", "Is dit besproken?1\n", "Is dit besproken?"},
		{"footnote after guillemet", "Kent u het artikel «x»1) van gisteren?", "Kent u het artikel «x» van gisteren?"},
		{"footnote spaced", "Is het aantal afgenomen? 1)", "Is het aantal afgenomen?"},
		{"footnote lone line", "Kent u het bericht?\n1\n", "Kent u het bericht?"},
		{"footnote at line start", "In de brief\n1 is aangegeven dat het werkt.", "In de brief is aangegeven dat het werkt."},
		{"footnote glued to word", "Het instituut rapporteerde vorig\njaar1 dat het groeit.", "Het instituut rapporteerde vorig jaar dat het groeit."},
		{"footnote text at the foot of the page", "Volgens het verslag1 groeit het.\n\n1 Verslag van de raad, 2023,\nblz. 4.\n\f2\nTekst.", "Volgens het verslag groeit het.\n\nTekst."},
		{"footnote texts with brackets and a URL", "Kent u het bericht? 1)\nEn dit?2\n\n1) https://nos.nl/x\n2) Trouw, 3 mei 2024.", "Kent u het bericht?\n\nEn dit?"},
		{"numbered line without a footnote mark kept", "Het plan heeft twee delen.\n\n1 Inleiding en doel.", "Het plan heeft twee delen.\n\n1 Inleiding en doel."},
		{"real numbers kept", "Het gaat om COVID-19 en artikel 12 met 2 miljoen euro.", "Het gaat om COVID-19 en artikel 12 met 2 miljoen euro."},
		{"numbers out of footnote order kept", "Bent u het eens?5 Ja.", "Bent u het eens?5 Ja."},
		{"soft hyphen", "gestandaar\u00addiseerde testen", "gestandaardiseerde testen"},
		{"nbsp and odd spaces", "de\u00a0NOvA\u202fen\u2009de raad", "de NOvA en de raad"},
		{"CRLF", "Eerste regel\r\nloopt door.\r\n\r\nTweede alinea.", "Eerste regel loopt door.\n\nTweede alinea."},
		{"ligatures and NFC", "e\u0301e\u0301n ﬁets", "één fiets"},
		{"wrapped lines joined", "De minister geeft aan\nte willen inzetten.\n\nHoe dan?", "De minister geeft aan te willen inzetten.\n\nHoe dan?"},
		{"lower case continues after full stop", "Zie art.\n12 en bijv.\nde wet.", "Zie art. 12 en bijv. de wet."},
		{"labels start blocks", "Vraag 1\nWat?\nAntwoord 1\nDit.", "Vraag 1\n\nWat?\n\nAntwoord 1\n\nDit."},
		{"numbered items start blocks", "Vraag\n1. Eerste punt\n2. Tweede punt", "Vraag\n\n1. Eerste punt\n\n2. Tweede punt"},
		{"lone list number joins its text", "Titel.\n1.\nHoeveel kost het?", "Titel.\n\n1. Hoeveel kost het?"},
		{"page breaks with running header and page numbers",
			"Vlaams Parlement - vragen 2023\nEerste deel van de\n- 1 -\n\fVlaams Parlement - vragen 2023\ntekst loopt door.\n- 2 -\n\fVlaams Parlement - vragen 2023\nSlot.\n3\n",
			"Eerste deel van de tekst loopt door.\n\nSlot."},
		{"page number forms", "Tekst een.\nPagina 1 van 2\n\fTekst twee.\n2/2\n", "Tekst een.\n\nTekst twee."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, _ := clean(tt.in)
			if got := joinBlocks(blocks); got != tt.want {
				t.Errorf("clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWindows1252(t *testing.T) {
	// "Hoe worden de testen geëvalueerd?" in Windows-1252: ë is 0xEB.
	in := []byte("Hoe worden de testen ge\xebvalueerd?\r\n\r\nHet \x93rapport\x94 volgt.")
	doc, err := Read("cp.txt", in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "geëvalueerd") || !strings.Contains(doc.Text, "“rapport”") {
		t.Errorf("text %q", doc.Text)
	}
	if !slices.Contains(doc.Warnings, "decoded as Windows-1252") {
		t.Errorf("warnings %q", doc.Warnings)
	}
	bom, err := Read("bom.txt", []byte("\xef\xbb\xbfIs dit zo?\n\nJa."))
	if err != nil || strings.HasPrefix(bom.Text, "\ufeff") || len(bom.Warnings) != 0 {
		t.Errorf("BOM: %v %q %q", err, bom.Text, bom.Warnings)
	}
}

func TestErrors(t *testing.T) {
	_, noPDFTool := exec.LookPath("pdftotext")
	tests := []struct {
		name string
		in   []byte
		pdf  bool     // needs pdftotext
		want []string // in the error message
	}{
		{name: "empty", in: nil, want: []string{"parse x.txt: empty file"}},
		{name: "blank", in: []byte(" \n\n\t\n"), want: []string{"parse x.txt: empty file"}},
		{name: "NUL bytes", in: []byte("abc\n\x00\x01\x02\x03garbage"), want: []string{"parse x.txt: line 2:", "binary data"}},
		{name: "control characters", in: []byte("Vraag 1\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 ab"), want: []string{"parse x.txt: line 2:", "binary data"}},
		{name: "mostly non-ASCII bytes", in: []byte("Vr\xe4\xf6\xfc\xc4\xd6\xdc\xe9\xe8\xea\xeb\xe0\xe1"), want: []string{"parse x.txt:", "binary data", "not UTF-8"}},
		{name: "PDF without text", in: []byte("pdf:empty"), pdf: true, want: []string{"parse x.txt:", "no text in the PDF (a scan?)"}},
		{name: "broken PDF", in: []byte("%PDF-1.4\ngarbage\n"), pdf: true, want: []string{"parse x.txt:", "cannot read the PDF"}},
		{name: "no questions", in: []byte("Dit is een brief.\n\nZonder vragen.\n"), want: []string{"parse x.txt:", "no questions found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.pdf && noPDFTool != nil {
				t.Skip("pdftotext not installed")
			}
			in := tt.in
			if string(in) == "pdf:empty" {
				in = makePDF(t, [][]string{{}, {}})
			}
			doc, err := Read("x.txt", in)
			if err == nil {
				t.Fatal("no error")
			}
			if doc != nil || IsPartial(err) {
				t.Errorf("document returned with a fatal error %v", err)
			}
			if !errors.Is(err, tracker.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: %v", err)
	}
}

// Answers without a question give the document with what could be paired
// and a partial error naming the answers; questions without an answer are
// unanswered items named in a warning.
func TestUnpaired(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		items    []int  // item numbers in the document
		answered []int  // of those, the ones with an answer
		err      string // "" for no error
		warning  string // a warning the document must have, or ""
	}{
		{
			name:     "interleaved answers 11 and 12 without question",
			in:       "Vraag 1\nWat?\nAntwoord 1\nDit.\nAntwoord 11\nDat.\nAntwoord 12\nZus.\n",
			items:    []int{1},
			answered: []int{1},
			err:      "parse x.txt: answers 11, 12 have no question",
		},
		{
			name:     "interleaved one answer without question",
			in:       "Vraag 1\nWat?\nAntwoord 1\nDit.\nVraag 2\nEn?\nAntwoord 3\nDat.\nVraag 4\nWie?\n",
			items:    []int{1, 2, 4},
			answered: []int{1, 2},
			warning:  "line 7: answer 3 read as the answer to question 2, which it follows",
		},
		{
			name:     "grouped more answers than questions",
			in:       "1. Hoeveel kost het?\n\n2. Wie betaalt?\n\n1. Tien euro.\n\n2. De gemeente.\n\n3. Het Rijk.\n",
			items:    []int{1, 2},
			answered: []int{1, 2},
			err:      "parse x.txt: answer 3 has no question",
		},
		{
			name:     "interleaved questions without answers",
			in:       "Vraag 1\nWat?\nAntwoord 1\nDit.\nVraag 4\nEn?\nVraag 7\nWaarom?\n",
			items:    []int{1, 4, 7},
			answered: []int{1},
			warning:  "no answer to questions 4, 7",
		},
		{
			name:    "grouped without answers",
			in:      "1. Hoeveel kost het?\n\n2. Wie betaalt?\n",
			items:   []int{1, 2},
			warning: "no answers found",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("x.txt", []byte(tt.in))
			if tt.err == "" && err != nil {
				t.Fatal(err)
			}
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				if !IsPartial(err) || !errors.Is(err, tracker.ErrInvalid) {
					t.Errorf("error %v: partial %v, wraps ErrInvalid %v", err, IsPartial(err), errors.Is(err, tracker.ErrInvalid))
				}
			}
			if doc == nil {
				t.Fatal("no document")
			}
			var items, answered []int
			for _, it := range doc.Items {
				items = append(items, it.Number)
				if it.Answer != "" {
					answered = append(answered, it.Number)
				}
			}
			if diff := cmp.Diff(tt.items, items); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.answered, answered); diff != "" {
				t.Errorf("answered items (-want +got):\n%s", diff)
			}
			if tt.warning != "" && !slices.Contains(doc.Warnings, tt.warning) {
				t.Errorf("warnings %q lack %q", doc.Warnings, tt.warning)
			}
		})
	}
}

func TestSubQuestions(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kunt u dit toelichten.", []string{"Kunt u dit toelichten."}},
		{"Er is een evolutie. Hoeveel is dat? Waarom?", []string{"Er is een evolutie. Hoeveel is dat?", "Waarom?"}},
		{"Wat is de stand? Graag een overzicht per jaar.", []string{"Wat is de stand? Graag een overzicht per jaar."}},
		{"De minister wil dit.\n\nHoe dan? Zo ja, wanneer?", []string{"De minister wil dit.\n\nHoe dan?", "Zo ja, wanneer?"}},
		{"Kent u het bericht «Een goedkoop ticket»?1 Zo nee, waarom niet?", []string{"Kent u het bericht «Een goedkoop ticket»?1", "Zo nee, waarom niet?"}},
		// A question in Markdown italics: the closing "_" ends no less.
		{"_Hoe hoog was de beschikbaarheid? Hoeveel defecten werden gemeld?_", []string{"_Hoe hoog was de beschikbaarheid?", "Hoeveel defecten werden gemeld?_"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sq := range SubQuestions(tt.in) {
			got = append(got, sq.Text)
			if tt.in[sq.Start:sq.End] != sq.Text {
				t.Errorf("span %d:%d of %q is not %q", sq.Start, sq.End, tt.in, sq.Text)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("SubQuestions(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte("Vraag 1\nWat?\nAntwoord 1 en 2\nDit.\n"))
	f.Add([]byte("1. Wat?\n\n1. Dit-\nis het.\f2\n"))
	f.Add([]byte("Vraag:\nHoe?1\nAntwoord:\nZo.\n"))
	f.Add([]byte("\xef\xbb\xbfVraag 2 en 3\r\nWat? Wie?\r\nAntwoord 2, 3\r\nDit.\r\n"))
	f.Add([]byte("Vraag 1\nWat is er gestandaar-\ndiseerd?2\nAntwoord 1\nAntwoord 2\nNiets.\n\n2) https://x.nl\n"))
	f.Add([]byte("Kent u het artikel?\r\n\r\nIk ken het artikel niet \x93goed\x94.\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 0 && data[0] == '%' {
			return // PDFs go to pdftotext; not this target's business
		}
		doc, err := Read("fuzz.txt", data)
		if err != nil {
			if !errors.Is(err, tracker.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			if (doc != nil) != IsPartial(err) {
				t.Fatalf("error %v (partial %v) with document %v", err, IsPartial(err), doc != nil)
			}
			if doc == nil {
				return
			}
		}
		for _, it := range doc.Items {
			if !strings.Contains(doc.Text, it.Answer) || !strings.Contains(doc.Text, it.Question) {
				t.Fatalf("item %d text not in Document.Text", it.Number)
			}
			for _, sq := range it.SubQuestions {
				if sq.Start < 0 || sq.End > len(it.Question) || sq.Start > sq.End {
					t.Fatalf("item %d: bad span %d:%d", it.Number, sq.Start, sq.End)
				}
			}
		}
	})
}

// BenchmarkRead measures Read on the seed (grouped) and on all eval
// documents together (interleaved, PDF-extracted); the project needs
// parse and judge at 20 MB/s per core.
func BenchmarkRead(b *testing.B) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(evalDir, "docs", "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("eval docs: %v", err)
	}
	var docs [][]byte
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	b.Run("seed", func(b *testing.B) {
		b.SetBytes(int64(len(seed)))
		for b.Loop() {
			if _, err := Read("seed.txt", seed); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("eval", func(b *testing.B) {
		n := 0
		for _, d := range docs {
			n += len(d)
		}
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, d := range docs {
				if _, err := Read("eval.txt", d); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func TestFixtureCombined(t *testing.T) {
	doc, err := ReadFile("testdata/tk-combined.txt")
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		N    int
		Q, A string
		With []int
		Subs int
	}
	var items []got
	for _, it := range doc.Items {
		items = append(items, got{it.Number, it.Question, it.Answer, it.AnsweredWith, len(it.SubQuestions)})
	}
	shared := "De vertraging bedraagt ca. 2 jaar. De extra kosten worden nog in kaart gebracht; ik informeer uw Kamer daarover voor de zomer."
	want := []got{
		{1, "Bent u bekend met het bericht «Zuidasdok opnieuw vertraagd»?", "Ja.", nil, 1},
		{2, "Hoeveel bedraagt de vertraging? Wat zijn de extra kosten voor het Rijk?", shared, []int{3}, 2},
		{3, "Hoeveel bedraagt de vertraging? Wat zijn de extra kosten voor het Rijk?", shared, []int{2}, 2},
		{4, "Kunt u deze vragen binnen drie weken beantwoorden?", "", nil, 1},
		{6, "Wanneer ontvangt de Kamer de voortgangsrapportage?", "Zie het antwoord op vraag 2 en 3.", nil, 1},
	}
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if doc.Asker != "Jansen (CDA) en De Vries (VVD)" || doc.Minister != "Madlener (Infrastructuur en Waterstaat)" {
		t.Errorf("asker %q minister %q", doc.Asker, doc.Minister)
	}
	if !doc.Asked.Equal(tracker.Day(2024, 9, 3)) || !doc.Date.Equal(tracker.Day(2024, 10, 1)) {
		t.Errorf("asked %v date %v", doc.Asked, doc.Date)
	}
	if doc.Title != "de vertraging van de Zuidasdok" || doc.Parliament != "Tweede Kamer" || doc.Number != "" {
		t.Errorf("title %q parliament %q number %q", doc.Title, doc.Parliament, doc.Number)
	}
}

func TestFlemishHeader(t *testing.T) {
	doc, err := ReadFile("testdata/vp-schriftelijke-vraag.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{
		"title": doc.Title, "number": doc.Number, "asker": doc.Asker, "minister": doc.Minister,
		"parliament": doc.Parliament, "asked": doc.Asked.Format(tracker.DateLayout), "layout": string(doc.Layout),
	}
	want := map[string]string{
		"title": "Lerarentekort - Cijfers", "number": "nr. 412", "asker": "Elke Van Den Brandt", "minister": "Ben Weyts",
		"parliament": "Vlaams Parlement", "asked": "2023-02-14", "layout": "grouped",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if len(doc.Items) != 3 || !strings.HasPrefix(doc.Items[2].Answer, "De evaluatie van het lerarenplatform") {
		t.Fatalf("%d items; answer 3 = %q", len(doc.Items), doc.Items[len(doc.Items)-1].Answer)
	}
	if strings.Contains(doc.Items[2].Question, "ANTWOORD") {
		t.Errorf("question 3 runs into the answer heading: %q", doc.Items[2].Question)
	}
}

// The Flemish form's header on one line, as web pages give it.
func TestFlemishHeaderOneLine(t *testing.T) {
	in := "Schriftelijke vraag nr. 214 van 5 december 2024 van Jan Peeters\n\nFietspaden - Onderhoud\n\n" +
		"1. Hoeveel kilometer fietspad werd heraangelegd?\n\n2. Wat was het budget?\n\nAntwoord\n\n1. 143 kilometer.\n\n2. 98 miljoen euro.\n"
	doc, err := Read("vp.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"title": doc.Title, "asker": doc.Asker, "asked": doc.Asked.Format(tracker.DateLayout)}
	want := map[string]string{"title": "Fietspaden - Onderhoud", "asker": "Jan Peeters", "asked": "2024-12-05"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
}

// Parts "2.1", "2.2" under "2) Behandelingstermijn:" are question 2's.
func TestPartQuestions(t *testing.T) {
	doc, err := ReadFile(filepath.Join("testdata", "layout", "grouped-part-questions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 3 || !strings.Contains(doc.Items[1].Question, "2.2 Bij hoeveel") || strings.Contains(doc.Items[0].Question, "2.1") {
		t.Errorf("questions %+v", doc.Items)
	}
}
