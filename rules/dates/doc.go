// Package dates finds Dutch date expressions in a text and resolves each to
// one date: the END of what it names, at midnight UTC, with a precision.
// It is pure (text in, values out) and follows the date conventions of
// /work/shared/label-rubric.md; package rules decides which dates are
// promises.
//
// Text is folded first (lower case, accents and ligatures dropped, soft
// hyphens removed), so "Vóór" is "voor". Word boundaries are changes of
// character class: "mei" never matches inside "meindert", but "in2025" and
// "2024gebruiken", run together by PDF extraction, still read as words.
//
// # Expressions
//
//	expression                                   date                         precision
//	14 februari 2023, 14/02/2023, 1-1-2022,      that day (day first)         day
//	  2023-02-14, op vrijdag 13 september 2024,
//	  3 jan. 2022, 1e januari
//	14, 15 en 16 maart                           the last day named           day
//	1 tot 3 maart, 1 t/m 3 maart                 3 March, From 1 March        day
//	maart 2024, in maart, eind mei, begin april, last day of the month        month
//	  ultimo mei, in de loop van augustus,
//	  de tweede helft van oktober,
//	  de laatste week van oktober, eind van de maand,
//	  deze/volgende/vorige maand
//	medio april, half februari, midden april,    the 15th                     day
//	  de eerste helft van oktober
//	de eerste/tweede/derde week van oktober      the 7th/14th/21st            day
//	week 6 van 2009, week 6, deze week,          Sunday of that ISO week      day
//	  volgende/komende/vorige week, eind vorige week
//	Q2 2024, het tweede kwartaal, 1e kwartaal,   last day of the quarter      quarter
//	  eerste kwartaal van 2025, het laatste kwartaal,
//	  (Belgian) het eerste trimester van 2026,
//	  het tweede trimester, 1e trimester,
//	  in de loop van het eerste trimester,
//	  het laatste trimester van dit jaar
//	begin 2024, begin volgend jaar               03-31                        quarter
//	medio 2025, half 2025, de eerste helft van   06-30                        half
//	  2025, eerste jaarhelft, H1 2025,
//	  (Belgian) het eerste semester (van 2025)
//	de tweede helft van 2025, H2 2025,           12-31                        half
//	  tweede jaarhelft, het tweede semester (van
//	  2025), het laatste semester van dit jaar
//	voor de zomer, voor het zomerreces,          06-21 (start of summer)      season
//	  tegen de zomer
//	in het voorjaar, eind voorjaar, voorjaar     06-20                        season
//	  2024, het voorjaar van 2012, lente
//	in de zomer, rond de zomer, deze zomer       09-22                        season
//	na de zomer, na het zomerreces               09-30 (Bound None)           season
//	in het najaar, dit najaar, de herfst         12-20                        season
//	deze winter, in de winter, winter 2024(/2025) 03-20 of the year after its  season
//	                                               start ("winter 2024" ends 2025-03-20)
//	voor het voorjaar / het najaar / de winter   start: 03-20 / 09-22 / 12-21 season
//	kerst, kerstmis, het kerstreces              12-24                        season
//	Prinsjesdag (2025)                           third Tuesday of September   day
//	Verantwoordingsdag                           third Wednesday of May       day
//	eind 2023, in 2025, in de loop van 2025,     12-31                        year
//	  eind dit jaar, eind van het jaar,
//	  voor het einde van het jaar, dit jaar
//	volgend jaar, komend jaar, eind volgend      12-31 of the next year       year
//	  jaar, in de loop van volgend jaar
//	vorig jaar, (het) afgelopen jaar             12-31 of the year before     year (Past)
//	tussen 1991 en 1995, van 2024 tot 2028       the end of the second,       of the second
//	  01/11/2021 – 30/10/2024,                     From = start of the first
//	  van 1 januari tot 31 maart
//	binnen drie maanden, binnen zes weken,       document date + that time    day (Duration)
//	  binnen 10 werkdagen, binnen een half jaar,
//	  over twee weken, de komende 3 weken,
//	  binnen een kwartaal / trimester (3 months),
//	  binnen twee semesters (6 months each)
//	de komende weken, binnen enkele weken        document date + 1 month      month (Duration)
//	de komende maanden, binnen enkele maanden    document date + 3 months     quarter (Duration)
//	het komende half jaar                        document date + 6 months     half (Duration)
//	het komende jaar                             document date + 1 year       year (Duration)
//
// A bare year is a date only after a preposition or bound ("in 2025", "tot
// 2025", "over 2018", "sinds 2020", "tussen 1991 en 1995") or after "en"/"of"
// following such a year ("in 2023 en 2024"). Month abbreviations count only
// with a dot, a year or a day number ("okt. 2024", "7 okt"). Voorjaarsnota
// and similar documents are not dates.
//
// A trimester or semester takes an ordinal, as a kwartaal does: "per
// trimester", "een trimester lang", "elk semester", "de eerste twee
// trimesters" are no dates, nor is "het laatste semester" without its year
// (it may be the one gone). A term of a school or academic year ("het
// eerste trimester van het schooljaar", "het tweede semester van het
// academiejaar 2024-2025", "het eerste semester 2025-2026") is a school
// term, not a quarter or half of the calendar year, and no date.
//
// # Not dates
//
// Spans of years ("2024-2025", "2022–2023", "2015/16": parliamentary years,
// periods) are skipped. Amounts ("249.000 euro", "2.000 euro", "1.200"),
// numbers after "art." or "nr.", "Kamerstuk 36600", "COVID-19", document
// numbers ("2024Z14419"), percentages and four-digit counts ("in 2000
// gevallen") are no dates.
//
// # Resolution against the document date
//
// A day, month, week, quarter or half written without a year is the next one
// ending on or after the document date, except that one which ended at most
// 92 days before it is the one just gone: "eind maart" in a letter of 4 April
// is last March (Past), "in januari" in a letter of 19 December is next
// January. This departs from the rubric's plain "next occurrence" so that
// dates the text itself says are over ("voor 16 juni" on 22 June) are
// marked Past. A season without a year is always the next one ending on or
// after the document date ("voor de zomer" on 19 November 2024 is
// 2025-06-21); "dit najaar" and "deze zomer" are the one of the document's
// year. "jl.", "jongstleden", "ll." pick the last one on or before the
// document date; "a.s.", "aanstaande", "komende zomer" the next one. Such
// expressions are Relative. Without a document date they are skipped.
//
// # Bounds and marks
//
// Before: voor, vóór, uiterlijk, tegen, tot (en met), t/m, ten laatste, op
// zijn laatst, voorafgaand aan, binnen, de komende. After: niet eerder dan,
// op zijn vroegst, ten vroegste (before or after the date), vanaf, sinds,
// niet voor, na (except "na de zomer"). A range has no bound. Neutral words
// that belong to the span: in, op, per, rond, omstreeks, circa, ca., tijdens,
// gedurende, over, later, aan, met ingang van.
//
// A lower bound may also stand a few words before the date in its clause:
// "op zijn vroegst kan de wet in 2027 ...", "niet eerder ... dan in 2026".
// A duration counted from an event ("binnen vier weken na ontvangst") is no
// date.
//
// Past is set when the date is before the document date or the text marks
// it ("jl.", "vorig jaar", "afgelopen", "vorige week").
//
// # Glued words
//
// PDF extraction runs words together. Besides the splits at changes of
// character class, a word is split when it is a date word glued to a
// function word or verb ("kwartaalvan", "trimestervan", "zomervan",
// "decemberzal") or a word glued to a month, season, period or modifier
// ("volgtbegin", "eindmaart", "inmei", "eerstekwartaal", "tweedesemester";
// short ends only after a preposition or article). Words that are
// themselves date words ("voorjaar", "zomerreces"), a season before a
// period ("zomersemester", "winterkwartaal") or only look glued ("Maarten",
// "ronde", "meicirculaire") stay whole.
package dates
