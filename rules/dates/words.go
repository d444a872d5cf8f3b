package dates

import "time"

// Month names; abbreviations count only with a dot, a year or a day number.
var months = map[string]int{
	"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
	"juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}

// IsMonth reports whether w, in lower case, is a month's full name.
func IsMonth(w string) bool {
	_, ok := months[w]
	return ok
}

var monthAbbr = map[string]int{
	"jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

// longMonths may be glued to the next word after a day number
// ("1 septemberjongstleden"); short names are left out ("1 junior").
var longMonths = []string{
	"januari", "februari", "maart", "april", "augustus", "september", "oktober", "november", "december",
}

var weekdays = map[string]bool{
	"maandag": true, "dinsdag": true, "woensdag": true, "donderdag": true,
	"vrijdag": true, "zaterdag": true, "zondag": true,
}

// ordinals; laatste is -1.
var ordinals = map[string]int{"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1}

var numWords = map[string]int{
	"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
	"acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
	"veertien": 14, "vijftien": 15, "zestien": 16, "achttien": 18, "twintig": 20,
}

// Seasons and other yearly periods named by a word.
const (
	seaSpring = iota + 1
	seaSummer
	seaAutumn
	seaWinter
	seaRecess // zomerreces
	seaXmas
)

var seasons = map[string]int{
	"voorjaar": seaSpring, "lente": seaSpring,
	"zomer":  seaSummer,
	"najaar": seaAutumn, "herfst": seaAutumn,
	"winter":     seaWinter,
	"zomerreces": seaRecess, "zomervakantie": seaRecess,
	"kerst": seaXmas, "kerstmis": seaXmas, "kerstreces": seaXmas, "kerstvakantie": seaXmas,
}

// Fixed days of the parliamentary year: the n-th weekday of a month.
var specialDays = map[string]spec{
	"prinsjesdag":        {kind: sNth, m: 9, n: 3, wd: time.Tuesday},
	"verantwoordingsdag": {kind: sNth, m: 5, n: 3, wd: time.Wednesday},
	// "voor het jaareinde": the end of the document's year (special reads
	// it against the document date, to the year).
	"jaareinde": {kind: sYear},
	"jaareind":  {kind: sYear},
}

// neutral words may stand before a date and belong to it without changing
// it ("in maart", "op 1 april", "rond de zomer"); they also make a bare
// year a date ("in 2025").
var neutral = map[string]bool{
	"in": true, "op": true, "per": true, "rond": true, "rondom": true, "omstreeks": true,
	"circa": true, "tijdens": true, "gedurende": true, "over": true, "later": true,
	"ergens": true, "aan": true,
}

// amountWords after a four-digit number make it an amount, not a year.
var amountWords = map[string]bool{
	"euro": true, "eur": true, "procent": true, "miljoen": true, "miljard": true,
	"mln": true, "mld": true, "keer": true, "mensen": true, "personen": true,
	"gevallen": true, "gemeenten": true, "huishoudens": true, "woningen": true,
	"km": true, "kilometer": true, "meter": true, "uur": true, "minuten": true,
	"jaar": true, "jaren": true, "dagen": true, "weken": true, "maanden": true,
	"leerlingen": true, "studenten": true, "stuks": true, "plaatsen": true,
	"banen": true, "bedrijven": true, "scholen": true, "kinderen": true,
	"deelnemers": true, "inwoners": true, "medewerkers": true, "fte": true,
}

// First-word flags: which matchers a word can start.
const (
	fWeekday = 1 << iota
	fMod
	fOrd
	fMonth
	fQ
	fSeason
	fWeek
	fDur
	fRel
	fSpecial
)

var vocab = map[string]uint16{}

func init() {
	add := func(f uint16, ws ...string) {
		for _, w := range ws {
			vocab[w] |= f
		}
	}
	for w := range weekdays {
		add(fWeekday, w)
	}
	add(fMod, "eind", "einde", "ultimo", "begin", "medio", "halverwege", "half", "midden", "in")
	for w := range ordinals {
		add(fOrd, w)
	}
	for w := range months {
		add(fMonth, w)
	}
	for w := range monthAbbr {
		add(fMonth, w)
	}
	add(fQ, "q", "h")
	for w := range seasons {
		add(fSeason, w)
	}
	add(fSeason, "het", "de", "dit", "deze", "komend", "komende", "volgend", "volgende",
		"aankomend", "aankomende", "vorig", "vorige", "afgelopen")
	add(fWeek, "week", "deze", "volgende", "komende", "vorige", "afgelopen")
	add(fDur, "binnen", "over", "komende", "aankomende")
	add(fRel, "deze", "volgende", "komende", "vorige", "afgelopen", "dit", "volgend",
		"komend", "aankomend", "vorig", "het")
	for w := range specialDays {
		add(fSpecial, w)
	}
}

// vocabPair[a] has bit b-'a' set when a vocab word of two letters or more
// starts with a then b: most words need no lookup.
var vocabPair [256]uint32

func init() {
	for w := range vocab {
		if len(w) >= 2 && 'a' <= w[1] && w[1] <= 'z' {
			vocabPair[w[0]] |= 1 << (w[1] - 'a')
		} else {
			vocabPair[w[0]] = 1<<32 - 1 // no shortcut for words so spelled
		}
	}
}

// vocabOf is vocab[w].
func vocabOf(w string) uint16 {
	if len(w) >= 2 && 'a' <= w[1] && w[1] <= 'z' && vocabPair[w[0]]&(1<<(w[1]-'a')) == 0 {
		return 0
	}
	return vocab[w]
}
