package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pqtrack/pqtrack/tracker"
)

func d(s string) time.Time {
	t, err := tracker.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is what one expression should resolve to; dates as YYYY-MM-DD.
type want struct {
	Text      string
	Date      string
	Precision tracker.Precision
	From      string
	Bound     Bound
	Relative  bool
	Past      bool
	Duration  bool
}

func got(text string, ref time.Time) []want {
	var out []want
	for _, e := range Find(text, ref) {
		w := want{Text: e.Text, Date: e.Date.Format(tracker.DateLayout), Precision: e.Precision,
			Bound: e.Bound, Relative: e.Relative, Past: e.Past, Duration: e.Duration}
		if !e.From.IsZero() {
			w.From = e.From.Format(tracker.DateLayout)
		}
		out = append(out, w)
	}
	return out
}

const (
	pDay     = tracker.PrecisionDay
	pMonth   = tracker.PrecisionMonth
	pQuarter = tracker.PrecisionQuarter
	pHalf    = tracker.PrecisionHalf
	pSeason  = tracker.PrecisionSeason
	pYear    = tracker.PrecisionYear
)

// TestRubric has one case for each expression of the date conventions in
// label-rubric.md, plus the extra forms doc.go lists.
func TestRubric(t *testing.T) {
	tests := []struct {
		text string
		ref  string
		want []want
	}{
		// a day
		{"Op 14 februari 2023 worden de jaarcijfers besproken.", "2022-11-08",
			[]want{{Text: "Op 14 februari 2023", Date: "2023-02-14", Precision: pDay}}},
		{"De vergadering is op 14/02/2023.", "2022-11-08",
			[]want{{Text: "op 14/02/2023", Date: "2023-02-14", Precision: pDay}}},
		{"Sinds 1/1/2022 geldt dit.", "2022-11-08",
			[]want{{Text: "Sinds 1/1/2022", Date: "2022-01-01", Precision: pDay, Bound: After, Past: true}}},
		{"Het congres is op vrijdag 13 september 2024.", "2024-05-01",
			[]want{{Text: "op vrijdag 13 september 2024", Date: "2024-09-13", Precision: pDay}}},
		{"Ik stuur de brief uiterlijk 30 april.", "2020-04-06",
			[]want{{Text: "uiterlijk 30 april", Date: "2020-04-30", Precision: pDay, Bound: Before, Relative: true}}},
		{"U ontvangt het voor 1 april.", "2020-02-01",
			[]want{{Text: "voor 1 april", Date: "2020-04-01", Precision: pDay, Bound: Before, Relative: true}}},
		// a month
		{"Dit gebeurt in maart 2024.", "2023-10-01",
			[]want{{Text: "in maart 2024", Date: "2024-03-31", Precision: pMonth}}},
		{"Het rapport komt eind mei.", "2023-10-01",
			[]want{{Text: "eind mei", Date: "2024-05-31", Precision: pMonth, Relative: true}}},
		{"Het rapport komt begin april.", "2023-10-01",
			[]want{{Text: "begin april", Date: "2024-04-30", Precision: pMonth, Relative: true}}},
		{"Het volgt in de loop van augustus.", "2024-01-15",
			[]want{{Text: "in de loop van augustus", Date: "2024-08-31", Precision: pMonth, Relative: true}}},
		{"Het volgt in de tweede helft van oktober.", "2023-10-01",
			[]want{{Text: "in de tweede helft van oktober", Date: "2023-10-31", Precision: pMonth, Relative: true}}},
		{"Het volgt de laatste week van oktober.", "2023-10-01",
			[]want{{Text: "de laatste week van oktober", Date: "2023-10-31", Precision: pMonth, Relative: true}}},
		// mid-month
		{"Uw Kamer ontvangt het medio april.", "2014-04-04",
			[]want{{Text: "medio april", Date: "2014-04-15", Precision: pDay, Relative: true}}},
		{"Het komt half februari.", "2009-12-03",
			[]want{{Text: "half februari", Date: "2010-02-15", Precision: pDay, Relative: true}}},
		// a week
		{"Dat was in week 6 van 2009.", "2009-03-01",
			[]want{{Text: "in week 6 van 2009", Date: "2009-02-08", Precision: pDay, Past: true}}},
		{"Het kabinet stuurt deze week een brief.", "2014-05-21",
			[]want{{Text: "deze week", Date: "2014-05-25", Precision: pDay, Relative: true}}},
		{"Het kabinet stuurt volgende week een brief.", "2014-05-21",
			[]want{{Text: "volgende week", Date: "2014-06-01", Precision: pDay, Relative: true}}},
		// a quarter
		{"De evaluatie volgt in Q2 2024.", "2023-10-01",
			[]want{{Text: "in Q2 2024", Date: "2024-06-30", Precision: pQuarter}}},
		{"De evaluatie volgt in het tweede kwartaal.", "2023-10-01",
			[]want{{Text: "in het tweede kwartaal", Date: "2024-06-30", Precision: pQuarter, Relative: true}}},
		{"De evaluatie start 1e kwartaal.", "2023-10-01",
			[]want{{Text: "1e kwartaal", Date: "2024-03-31", Precision: pQuarter, Relative: true}}},
		{"De resultaten komen in het eerste kwartaal van 2025.", "2024-11-14",
			[]want{{Text: "in het eerste kwartaal van 2025", Date: "2025-03-31", Precision: pQuarter}}},
		// half, begin of a year
		{"Het besluit valt medio 2025.", "2024-11-14",
			[]want{{Text: "medio 2025", Date: "2025-06-30", Precision: pHalf}}},
		{"De richtlijn verschijnt begin 2024.", "2023-11-14",
			[]want{{Text: "begin 2024", Date: "2024-03-31", Precision: pQuarter}}},
		{"Dat gebeurt in de eerste helft van 2025.", "2024-11-14",
			[]want{{Text: "in de eerste helft van 2025", Date: "2025-06-30", Precision: pHalf}}},
		{"Dat gebeurt in de tweede helft van 2025.", "2024-11-14",
			[]want{{Text: "in de tweede helft van 2025", Date: "2025-12-31", Precision: pHalf}}},
		// seasons
		{"Ik zal uw Kamer voor de zomer informeren.", "2024-11-19",
			[]want{{Text: "voor de zomer", Date: "2025-06-21", Precision: pSeason, Bound: Before, Relative: true}}},
		{"Ik informeer u voor het zomerreces.", "2024-02-01",
			[]want{{Text: "voor het zomerreces", Date: "2024-06-21", Precision: pSeason, Bound: Before, Relative: true}}},
		{"Het wetsvoorstel volgt in het voorjaar.", "2012-01-19",
			[]want{{Text: "in het voorjaar", Date: "2012-06-20", Precision: pSeason, Relative: true}}},
		{"Het wetsvoorstel volgt eind voorjaar.", "2012-01-19",
			[]want{{Text: "eind voorjaar", Date: "2012-06-20", Precision: pSeason, Relative: true}}},
		{"Het rapport wordt in voorjaar 2011 voltooid.", "2010-04-19",
			[]want{{Text: "in voorjaar 2011", Date: "2011-06-20", Precision: pSeason}}},
		{"Dit volgt in de zomer.", "2024-02-01",
			[]want{{Text: "in de zomer", Date: "2024-09-22", Precision: pSeason, Relative: true}}},
		{"Dit volgt rond de zomer.", "2024-02-01",
			[]want{{Text: "rond de zomer", Date: "2024-09-22", Precision: pSeason, Relative: true}}},
		{"Dit volgt deze zomer.", "2024-02-01",
			[]want{{Text: "deze zomer", Date: "2024-09-22", Precision: pSeason, Relative: true}}},
		{"Ik kom na de zomer terug op dit punt.", "2024-02-01",
			[]want{{Text: "na de zomer", Date: "2024-09-30", Precision: pSeason, Relative: true}}},
		{"U ontvangt de reactie in het najaar.", "2024-02-01",
			[]want{{Text: "in het najaar", Date: "2024-12-20", Precision: pSeason, Relative: true}}},
		{"U ontvangt de reactie dit najaar.", "2024-02-01",
			[]want{{Text: "dit najaar", Date: "2024-12-20", Precision: pSeason, Relative: true}}},
		{"De winter van 2024 was zacht.", "2025-06-01",
			[]want{{Text: "De winter van 2024", Date: "2025-03-20", Precision: pSeason, Past: true}}},
		{"Het besluit valt deze winter.", "2024-11-01",
			[]want{{Text: "deze winter", Date: "2025-03-20", Precision: pSeason, Relative: true}}},
		{"Ik informeer u voor de kerst.", "2024-11-01",
			[]want{{Text: "voor de kerst", Date: "2024-12-24", Precision: pSeason, Bound: Before, Relative: true}}},
		// a year
		{"De projecten lopen tot eind 2023.", "2022-11-08",
			[]want{{Text: "tot eind 2023", Date: "2023-12-31", Precision: pYear, Bound: Before}}},
		{"Dit is bekend voor het einde van het jaar.", "2024-11-14",
			[]want{{Text: "voor het einde van het jaar", Date: "2024-12-31", Precision: pYear, Bound: Before, Relative: true}}},
		{"Nog voor het jaareinde ontvangt de commissie een stand van zaken.", "2026-11-12",
			[]want{{Text: "voor het jaareinde", Date: "2026-12-31", Precision: pYear, Bound: Before, Relative: true}}},
		{"Bij het jaareinde van 2025 was de achterstand weggewerkt.", "2026-11-12",
			[]want{{Text: "het jaareinde van 2025", Date: "2025-12-31", Precision: pYear, Past: true}}},
		{"Dit is bekend eind dit jaar.", "2024-11-14",
			[]want{{Text: "eind dit jaar", Date: "2024-12-31", Precision: pYear, Relative: true}}},
		{"Dit is bekend eind van het jaar.", "2021-06-22",
			[]want{{Text: "eind van het jaar", Date: "2021-12-31", Precision: pYear, Relative: true}}},
		{"Het volgt in de loop van 2025.", "2024-11-14",
			[]want{{Text: "in de loop van 2025", Date: "2025-12-31", Precision: pYear}}},
		{"Het volgt in 2025.", "2024-11-14",
			[]want{{Text: "in 2025", Date: "2025-12-31", Precision: pYear}}},
		{"Het volgt volgend jaar.", "2024-11-14",
			[]want{{Text: "volgend jaar", Date: "2025-12-31", Precision: pYear, Relative: true}}},
		// durations
		{"U hoort binnen drie maanden van mij.", "2024-11-30",
			[]want{{Text: "binnen drie maanden", Date: "2025-02-28", Precision: pDay, Bound: Before, Relative: true, Duration: true}}},
		{"U hoort binnen zes weken van mij.", "2024-11-14",
			[]want{{Text: "binnen zes weken", Date: "2024-12-26", Precision: pDay, Bound: Before, Relative: true, Duration: true}}},
		{"Ik informeer u de komende weken.", "2024-11-14",
			[]want{{Text: "de komende weken", Date: "2024-12-14", Precision: pMonth, Bound: Before, Relative: true, Duration: true}}},
		{"Ik informeer u de komende maanden.", "2024-11-14",
			[]want{{Text: "de komende maanden", Date: "2025-02-14", Precision: pQuarter, Bound: Before, Relative: true, Duration: true}}},
		// parliamentary days
		{"De begroting verschijnt met Prinsjesdag.", "2024-05-01",
			[]want{{Text: "Prinsjesdag", Date: "2024-09-17", Precision: pDay, Relative: true}}},
		{"Op Prinsjesdag 2025 komt de begroting.", "2024-05-01",
			[]want{{Text: "Op Prinsjesdag 2025", Date: "2025-09-16", Precision: pDay}}},
		// ranges, lists, bounds, markers
		{"De looptijd is 01/11/2021 – 30/10/2024.", "2021-06-01",
			[]want{{Text: "01/11/2021 – 30/10/2024", Date: "2024-10-30", From: "2021-11-01", Precision: pDay}}},
		{"Dit geldt van 1 januari tot 31 maart.", "2024-11-14",
			[]want{{Text: "van 1 januari tot 31 maart", Date: "2025-03-31", From: "2025-01-01", Precision: pDay, Relative: true}}},
		{"Verkiezingen op 14, 15 en 16 maart aanstaande.", "2022-02-21",
			[]want{{Text: "op 14, 15 en 16 maart aanstaande", Date: "2022-03-16", Precision: pDay, Relative: true}}},
		{"De fregatten kwamen in dienst tussen 1991 en 1995.", "2023-04-03",
			[]want{{Text: "tussen 1991 en 1995", Date: "1995-12-31", From: "1991-01-01", Precision: pYear, Past: true}}},
		{"Dit kan niet eerder dan 2010.", "2008-01-01",
			[]want{{Text: "niet eerder dan 2010", Date: "2010-12-31", Precision: pYear, Bound: After}}},
		{"Het is op zijn vroegst in 2027 gereed.", "2024-11-18",
			[]want{{Text: "op zijn vroegst in 2027", Date: "2027-12-31", Precision: pYear, Bound: After}}},
		{"Het werkt ten laatste op 30 juni 2025.", "2024-11-18",
			[]want{{Text: "ten laatste op 30 juni 2025", Date: "2025-06-30", Precision: pDay, Bound: Before}}},
		{"Bij brief van 8 juni jl. vroeg u dit.", "2021-06-22",
			[]want{{Text: "8 juni jl.", Date: "2021-06-08", Precision: pDay, Relative: true, Past: true}}},
		{"Vorig jaar telde Nederland 1.838 zwembaden.", "2024-11-14",
			[]want{{Text: "Vorig jaar", Date: "2023-12-31", Precision: pYear, Relative: true, Past: true}}},
		{"Het amendement geldt per 1 septemberjongstleden.", "2024-11-18",
			[]want{{Text: "per 1 septemberjongstleden", Date: "2024-09-01", Precision: pDay, Relative: true, Past: true}}},
		{"Het was in 2023 en 2024 zo.", "2024-11-18",
			[]want{{Text: "in 2023", Date: "2023-12-31", Precision: pYear, Past: true},
				{Text: "2024", Date: "2024-12-31", Precision: pYear}}},
		{"Dat was vóór 1 APRIL 2020.", "2024-11-18",
			[]want{{Text: "vóór 1 APRIL 2020", Date: "2020-04-01", Precision: pDay, Bound: Before, Past: true}}},
		{"Het werd op 3 jan. 2022 en op 7 okt 2022 besproken.", "2024-11-18",
			[]want{{Text: "op 3 jan. 2022", Date: "2022-01-03", Precision: pDay, Past: true},
				{Text: "op 7 okt 2022", Date: "2022-10-07", Precision: pDay, Past: true}}},
		{"Dit volgt binnen 10 werkdagen.", "2024-11-19",
			[]want{{Text: "binnen 10 werkdagen", Date: "2024-12-03", Precision: pDay, Bound: Before, Relative: true, Duration: true}}},
		{"De periode van 2024 tot 2028.", "2024-11-19",
			[]want{{Text: "van 2024 tot 2028", Date: "2028-12-31", From: "2024-01-01", Precision: pYear}}},
		{"Niet voor 2025 en H1 2026.", "2024-11-19",
			[]want{{Text: "Niet voor 2025", Date: "2025-12-31", Precision: pYear, Bound: After},
				{Text: "H1 2026", Date: "2026-06-30", Precision: pHalf}}},
		{"Ik informeer u begin volgend jaar, in ieder geval voor de winter van 2025.", "2024-11-19",
			[]want{{Text: "begin volgend jaar", Date: "2025-03-31", Precision: pQuarter, Relative: true},
				{Text: "voor de winter van 2025", Date: "2025-12-21", Precision: pSeason, Bound: Before}}},
		{"De brief volgt eind van de maand of later dit jaar.", "2024-11-19",
			[]want{{Text: "eind van de maand", Date: "2024-11-30", Precision: pMonth, Relative: true},
				{Text: "later dit jaar", Date: "2024-12-31", Precision: pYear, Relative: true}}},
		// a month without a year just gone is the past one (see doc.go)
		{"Wij hebben toegezegd u eind maart te informeren.", "2014-04-04",
			[]want{{Text: "eind maart", Date: "2014-03-31", Precision: pMonth, Relative: true, Past: true}}},
		{"U ontvangt de brief in januari.", "2011-12-19",
			[]want{{Text: "in januari", Date: "2012-01-31", Precision: pMonth, Relative: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			g := got(tt.text, d(tt.ref))
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("Find(%q, %s) mismatch (-want +got):\n%s", tt.text, tt.ref, diff)
			}
			for _, e := range Find(tt.text, d(tt.ref)) {
				if tt.text[e.Start:e.End] != e.Text {
					t.Errorf("span %d:%d is %q, Text %q", e.Start, e.End, tt.text[e.Start:e.End], e.Text)
				}
			}
		})
	}
}

// TestBelgianPeriods: the Belgian period words of federal and Flemish
// answers, "trimester" a quarter and "semester" a half of the year, and the
// forms of such answers that need no word of their own.
func TestBelgianPeriods(t *testing.T) {
	tests := []struct {
		text string
		ref  string
		want []want
	}{
		// trimester: a quarter
		{"Het ontwerp wordt in het eerste trimester van 2026 ingediend.", "2025-11-04",
			[]want{{Text: "in het eerste trimester van 2026", Date: "2026-03-31", Precision: pQuarter}}},
		{"De evaluatie volgt het tweede trimester.", "2025-11-04",
			[]want{{Text: "het tweede trimester", Date: "2026-06-30", Precision: pQuarter, Relative: true}}},
		{"De oproep wordt tijdens het derde trimester gelanceerd.", "2025-02-10",
			[]want{{Text: "tijdens het derde trimester", Date: "2025-09-30", Precision: pQuarter, Relative: true}}},
		// just gone, as "het derde kwartaal" (doc.go: resolution)
		{"Tijdens het derde trimester werden 40 dossiers behandeld.", "2025-11-04",
			[]want{{Text: "Tijdens het derde trimester", Date: "2025-09-30", Precision: pQuarter, Relative: true, Past: true}}},
		{"De resultaten volgen in de loop van het eerste trimester.", "2025-11-04",
			[]want{{Text: "in de loop van het eerste trimester", Date: "2026-03-31", Precision: pQuarter, Relative: true}}},
		{"De studie start 1e trimester.", "2025-11-04",
			[]want{{Text: "1e trimester", Date: "2026-03-31", Precision: pQuarter, Relative: true}}},
		{"Het besluit valt in het laatste trimester van dit jaar.", "2025-03-12",
			[]want{{Text: "in het laatste trimester van dit jaar", Date: "2025-12-31", Precision: pQuarter, Relative: true}}},
		{"Het verslag volgt ten laatste in het tweede trimester van 2026.", "2025-11-04",
			[]want{{Text: "ten laatste in het tweede trimester van 2026", Date: "2026-06-30", Precision: pQuarter, Bound: Before}}},
		// semester: a half of the year
		{"De aanbesteding volgt in het eerste semester van 2025.", "2024-12-02",
			[]want{{Text: "in het eerste semester van 2025", Date: "2025-06-30", Precision: pHalf}}},
		{"De aanbesteding volgt in het tweede semester van 2025.", "2024-12-02",
			[]want{{Text: "in het tweede semester van 2025", Date: "2025-12-31", Precision: pHalf}}},
		{"Het decreet wordt in het tweede semester ingediend.", "2025-04-15",
			[]want{{Text: "in het tweede semester", Date: "2025-12-31", Precision: pHalf, Relative: true}}},
		{"Het decreet wordt in het eerste semester ingediend.", "2025-11-04",
			[]want{{Text: "in het eerste semester", Date: "2026-06-30", Precision: pHalf, Relative: true}}},
		{"De cijfers komen in het 1ste semester 2026.", "2025-11-04",
			[]want{{Text: "1ste semester 2026", Date: "2026-06-30", Precision: pHalf}}},
		{"Dat gebeurt in het laatste semester van dit jaar.", "2025-03-12",
			[]want{{Text: "in het laatste semester van dit jaar", Date: "2025-12-31", Precision: pHalf, Relative: true}}},
		{"De regeling is klaar tegen het einde van het eerste semester.", "2025-03-12",
			[]want{{Text: "tegen het einde van het eerste semester", Date: "2025-06-30", Precision: pHalf, Bound: Before, Relative: true}}},
		{"In de loop van het tweede semester van 2025 volgt de wet.", "2024-12-02",
			[]want{{Text: "In de loop van het tweede semester van 2025", Date: "2025-12-31", Precision: pHalf}}},
		// jaarhelft, as before
		{"De tender wordt in de tweede jaarhelft uitgeschreven.", "2025-04-15",
			[]want{{Text: "in de tweede jaarhelft", Date: "2025-12-31", Precision: pHalf, Relative: true}}},
		{"De tender wordt in de eerste jaarhelft van 2026 uitgeschreven.", "2025-03-12",
			[]want{{Text: "in de eerste jaarhelft van 2026", Date: "2026-06-30", Precision: pHalf}}},
		// durations, as "binnen een kwartaal"
		{"U ontvangt binnen een trimester een antwoord.", "2025-11-04",
			[]want{{Text: "binnen een trimester", Date: "2026-02-04", Precision: pDay, Bound: Before, Relative: true, Duration: true}}},
		{"Binnen twee semesters is het plan klaar.", "2025-11-04",
			[]want{{Text: "Binnen twee semesters", Date: "2026-11-04", Precision: pDay, Bound: Before, Relative: true, Duration: true}}},
		// forms of Belgian answers the finder read already
		{"De hervorming volgt in de loop van volgend jaar.", "2025-11-04",
			[]want{{Text: "in de loop van volgend jaar", Date: "2026-12-31", Precision: pYear, Relative: true}}},
		{"Het rapport is klaar tegen het einde van het jaar.", "2025-11-04",
			[]want{{Text: "tegen het einde van het jaar", Date: "2025-12-31", Precision: pYear, Bound: Before, Relative: true}}},
		{"Het rapport is klaar tegen eind juni.", "2025-03-12",
			[]want{{Text: "tegen eind juni", Date: "2025-06-30", Precision: pMonth, Bound: Before, Relative: true}}},
		{"Ik kom daar na het zomerreces op terug.", "2025-03-12",
			[]want{{Text: "na het zomerreces", Date: "2025-09-30", Precision: pSeason, Relative: true}}},
		{"Het ontwerp ligt klaar tegen de zomer.", "2025-03-12",
			[]want{{Text: "tegen de zomer", Date: "2025-06-21", Precision: pSeason, Bound: Before, Relative: true}}},
		{"De wet treedt eind volgend jaar in werking.", "2025-11-04",
			[]want{{Text: "eind volgend jaar", Date: "2026-12-31", Precision: pYear, Relative: true}}},
		{"Ik informeer u in de komende weken.", "2025-11-04",
			[]want{{Text: "in de komende weken", Date: "2025-12-04", Precision: pMonth, Bound: Before, Relative: true, Duration: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			g := got(tt.text, d(tt.ref))
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("Find(%q, %s) mismatch (-want +got):\n%s", tt.text, tt.ref, diff)
			}
			for _, e := range Find(tt.text, d(tt.ref)) {
				if tt.text[e.Start:e.End] != e.Text {
					t.Errorf("span %d:%d is %q, Text %q", e.Start, e.End, tt.text[e.Start:e.End], e.Text)
				}
			}
			if !MayHold(tt.text) || !MayFind(tt.text) {
				t.Errorf("MayHold(%q) = %v, MayFind %v", tt.text, MayHold(tt.text), MayFind(tt.text))
			}
		})
	}
}

// TestNegative: amounts, numbers and spans of years are no dates.
func TestNegative(t *testing.T) {
	ref := d("2024-11-18")
	tests := []struct {
		text string
		want []string // the texts of the expressions expected, if any
	}{
		{"De kosten bedragen 249.000 euro.", nil},
		{"Er is 2.000 euro in 2022 uitgegeven.", []string{"in 2022"}},
		{"Er zijn 1.200 aanvragen.", nil},
		{"Zie art. 12 en nr. 342 van de wet.", nil},
		{"Zie Kamerstuk 36600, nr. 12 en Kamerstuk 35 300 VII, nr. 14.", nil},
		{"De gevolgen van COVID-19 zijn groot.", nil},
		{"Het betreft vraag 2024Z14419 en kenmerk 2009Z19758/2009D52267.", nil},
		{"Het steeg met 12% tot 30 procent.", nil},
		{"In het vergaderjaar 2024-2025 en 2022–2023 en Handelingen II 2015/16, nr. 43.", nil},
		{"De inschrijving voor studiejaar 2026–2027gaat open.", nil},
		{"In 334 gemeenten vinden verkiezingen plaats.", nil},
		{"In 2000 gevallen ging het mis.", nil},
		{"Meindert en Maarten spraken over de meiboom.", nil},
		{"De brief van 2023 staat online (2023).", nil},
		{"Binnen vier weken na ontvangst van het bezwaar wordt beoordeeld of het gerechtvaardigd is.", nil},
		{"Binnen zes weken nadat de aanvraag binnen is, volgt een besluit.", nil},
		// Belgian period words, as "per kwartaal" and "een kwartaal": no date
		{"De cijfers worden per trimester en per semester bezorgd.", nil},
		{"Het project liep een trimester lang en wordt elk semester herhaald.", nil},
		{"De trimestriële rapporten van de eerste twee trimesters.", nil},
		{"Het laatste semester was er een daling.", nil},
		// school terms are no quarters or halves of a calendar year
		{"In het eerste trimester van het schooljaar starten 40 leerkrachten.", nil},
		{"Het vak loopt in het tweede semester van het academiejaar 2024-2025.", nil},
		{"Het vak loopt in het eerste semester 2025-2026.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var g []string
			for _, e := range Find(tt.text, ref) {
				g = append(g, e.Text)
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestNoRef: without a document date only absolute dates resolve.
func TestNoRef(t *testing.T) {
	g := got("Eind mei, volgend jaar, binnen drie weken, voor de zomer van 2024 en op 1 april 2020.", time.Time{})
	want := []want{
		{Text: "voor de zomer van 2024", Date: "2024-06-21", Precision: pSeason, Bound: Before},
		{Text: "op 1 april 2020", Date: "2020-04-01", Precision: pDay},
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestFold(t *testing.T) {
	f := fold("Vóór ﬁ\u00adnaal Ĳzer")
	if f.s != "voor finaal ijzer" {
		t.Errorf("fold = %q", f.s)
	}
	if !strings.HasPrefix("Vóór", "Vó") || len(f.os) != len(f.s) {
		t.Errorf("offsets: %d for %d bytes", len(f.os), len(f.s))
	}
}

// TestGlued: date words that PDF extraction ran together with a neighbour
// still read as dates, and words that only look glued stay whole.
func TestGlued(t *testing.T) {
	ref := d("2024-11-18")
	tests := []struct {
		text string
		want []want
	}{
		{"De plannen volgen in het eerste kwartaalvan 2025, naar verwachting.",
			[]want{{Text: "in het eerste kwartaalvan 2025", Date: "2025-03-31", Precision: pQuarter}}},
		{"Het wetsvoorstel gaat in de zomervan 2025 in consultatie.",
			[]want{{Text: "in de zomervan 2025", Date: "2025-09-22", Precision: pSeason}}},
		{"De resultaten worden in het najaarvan 2025 bekendgemaakt.",
			[]want{{Text: "in het najaarvan 2025", Date: "2025-12-20", Precision: pSeason}}},
		{"Hun eerste advies volgtbegin 2025.",
			[]want{{Text: "begin 2025", Date: "2025-03-31", Precision: pQuarter}}},
		{"De brief komt eindmaart.",
			[]want{{Text: "eindmaart", Date: "2025-03-31", Precision: pMonth, Relative: true}}},
		{"Dit gebeurt inmei 2025.",
			[]want{{Text: "inmei 2025", Date: "2025-05-31", Precision: pMonth}}},
		{"Uw Kamer ontvangt de brief voor de zomer.Daarna volgt het debat.",
			[]want{{Text: "voor de zomer", Date: "2025-06-21", Precision: pSeason, Bound: Before, Relative: true}}},
		{"Het rapport verschijnt in decemberzal de minister zeggen.",
			[]want{{Text: "in december", Date: "2024-12-31", Precision: pMonth, Relative: true}}},
		{"De hervorming start in het eerste trimestervan 2026.",
			[]want{{Text: "in het eerste trimestervan 2026", Date: "2026-03-31", Precision: pQuarter}}},
		{"Dit gebeurt in het tweedesemester van 2025.",
			[]want{{Text: "in het tweedesemester van 2025", Date: "2025-12-31", Precision: pHalf}}},
		{"De plannen volgen in het eerstekwartaal.",
			[]want{{Text: "in het eerstekwartaal", Date: "2025-03-31", Precision: pQuarter, Relative: true}}},
		// Not glued date words.
		{"Sint Maarten en de ronde tafel over de jaarlijkse nazomerborrel.", nil},
		{"In het zomersemester en het winterkwartaal.", nil},
		{"Het voorjaarsoverleg en de jaarlijkse zomerborrel.", nil},
		{"In de meicirculaire en de septembercirculaire staan de bedragen.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, got(tt.text, ref)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			if len(tt.want) > 0 && (!MayHold(tt.text) || !MayFind(tt.text)) {
				t.Errorf("MayHold(%q) = %v, MayFind %v", tt.text, MayHold(tt.text), MayFind(tt.text))
			}
		})
	}
}

// TestDistantLowerBound: "op zijn vroegst" and "niet eerder ... dan" bound a
// date a few words away in the same clause, not one past a comma.
func TestDistantLowerBound(t *testing.T) {
	ref := d("2024-11-18")
	tests := []struct {
		text  string
		bound []Bound
	}{
		{"Op zijn vroegst kan de wet in 2027 in werking treden.", []Bound{After}},
		{"De evaluatie zal niet eerder plaatsvinden dan in het voorjaar van 2026.", []Bound{After}},
		{"Het onderzoek kan niet eerder worden afgerond dan eind 2025.", []Bound{After}},
		{"Ten vroegste kan dit medio 2026 gereed zijn.", []Bound{After}},
		{"Niet eerder dan 2027 is het gereed.", []Bound{After}},
		{"Op zijn vroegst is het in 2026 gereed, maar ik stuur u in maart een brief.", []Bound{After, None}},
		{"Ik heb u niet eerder geïnformeerd, maar doe dat in maart.", []Bound{None}},
		{"Ik informeer u eerder dan in maart.", []Bound{None}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var g []Bound
			for _, e := range Find(tt.text, ref) {
				g = append(g, e.Bound)
			}
			if diff := cmp.Diff(tt.bound, g); diff != "" {
				t.Errorf("Find(%q) bounds mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
