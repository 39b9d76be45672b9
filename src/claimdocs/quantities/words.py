"""The English words the grammar reads: numbers, ordinals, fractions, units, currencies, calendar.

Plain tables, so that what the grammar knows can be read (and extended) without
reading a regular expression. Everything is lowercase: the scanners match a
lowercased copy of the text.
"""

from __future__ import annotations

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
WORD_VALUES: dict[str, int] = {"zero": 0, **UNITS, **TEENS, **TENS}
PLURAL_SCALES = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
#: Scale abbreviations written after digits: "21bn", "18m", "$50k", "1.5tn", "6 bn".
SCALE_SUFFIXES = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}  # fmt: skip
#: Of those, the ones that may stand after a space ("6 bn"); "18 m" is metres as often as millions.
SPACED_SCALE_SUFFIXES = ("bn", "mn", "mln", "bln", "tn", "trn")

#: Ordinal words and the cardinal word each stands for ("twenty-first" is read as "twenty one").
ORDINAL_WORDS = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five", "sixth": "six",
    "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten", "eleventh": "eleven",
    "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen", "fifteenth": "fifteen",
    "sixteenth": "sixteen", "seventeenth": "seventeen", "eighteenth": "eighteen", "nineteenth": "nineteen",
    "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty", "fiftieth": "fifty", "sixtieth": "sixty",
    "seventieth": "seventy", "eightieth": "eighty", "ninetieth": "ninety",
    "hundredth": "hundred", "thousandth": "thousand", "millionth": "million", "billionth": "billion",
}  # fmt: skip
ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")

#: Fraction denominators, singular and plural ("a third", "two-thirds", "three quarters").
DENOMINATORS = {
    "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
PLURAL_DENOMINATORS = {("halves" if w == "half" else w + "s"): n for w, n in DENOMINATORS.items()}

#: Multiplier words and their factor. "double" and "triple" count only before a
#: determiner or at a clause's end ("double the number", "costs will double."), so
#: "a double standard" is no figure; "doubled down" is an idiom, not a doubling.
MULTIPLIER_WORDS = {
    "twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4,
    "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5,
    "doubling": 2, "tripling": 3, "trebling": 3, "quadrupling": 4, "halving": 0.5,
}  # fmt: skip
MULTIPLIER_ADJECTIVES = ("double", "triple", "treble", "quadruple")
FOLD_WORDS = {
    f"{w}fold": v
    for w, v in {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}.items()
}  # fmt: skip

#: Unit words written after a number, by canonical unit. A hyphen may join them ("a 12-day war").
#: Units of another size are other units, never converted: "a decade" is not "10 years", nor "1 km" "1,000 metres".
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "percent": ("percent", "per cent", "per-cent"),
    "percentage-point": ("percentage points", "percentage point", "percentage-points", "percentage-point"),
    "point": ("points", "point"),
    "time:year": ("years", "year"),
    "time:month": ("months", "month"),
    "time:week": ("weeks", "week"),
    "time:day": ("days", "day"),
    "time:hour": ("hours", "hour"),
    "time:minute": ("minutes", "minute"),
    "time:second": ("seconds", "second"),
    "time:decade": ("decades", "decade"),
    "time:century": ("centuries", "century"),
    "currency:cent": ("cents", "cent", "euro cents", "euro cent"),
    "currency:GBX": ("pence", "penny", "pennies"),
    "length:km": ("kilometres", "kilometre", "kilometers", "kilometer"),
    "length:m": ("metres", "metre", "meters", "meter"),
    "length:mile": ("miles", "mile"),
    "area:km2": ("square kilometres", "square kilometre", "square kilometers", "square kilometer"),
    "area:mile2": ("square miles", "square mile"),
    "area:hectare": ("hectares", "hectare"),
    "area:acre": ("acres", "acre"),
    "mass:kg": ("kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos", "kilo"),
    "mass:tonne": ("tonnes", "tonne", "metric tons", "metric ton"),
    "mass:ton": ("tons", "ton"),
    "volume:litre": ("litres", "litre", "liters", "liter"),
    "volume:ml": ("millilitres", "millilitre", "milliliters", "milliliter"),
    "speed:km/h": ("kilometres per hour", "kilometers per hour"),
    "speed:mph": ("miles per hour",),
}
#: Abbreviations of the unit words, by the same canonical unit ("19 wks" is "19 weeks"), written
#: after a space or a hyphen ("19 wks", "a 12-km road") or glued to the digits ("19wks", "29km").
#: "m" is not here: glued to digits it is a scale ("18m" is 18 million, :data:`SCALE_SUFFIXES`),
#: and metres only before :data:`METRE_CONTEXT` ("a 100m sprint"); "pounds" are sterling, "lb" mass.
UNIT_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "percent": ("pct",),
    "percentage-point": ("ppts", "ppt", "pp"),
    "point": ("pts",),
    "time:year": ("yrs", "yr"),
    "time:month": ("mths", "mth", "mos"),
    "time:week": ("wks", "wk"),
    "time:hour": ("hrs", "hr"),
    "time:minute": ("mins", "min"),
    "time:second": ("secs", "sec"),
    "length:km": ("km", "kms"),
    "area:km2": ("sq km", "sq. km", "km2", "km²"),
    "area:mile2": ("sq mi", "sq miles", "sq mile"),
    "area:hectare": ("ha",),
    "mass:kg": ("kg", "kgs"),
    "mass:lb": ("lb", "lbs"),
    "volume:ml": ("ml",),
    "speed:km/h": ("km/h", "kmh", "kph"),
    "speed:mph": ("mph",),
}
#: Words after "100m" that make the "m" metres, not millions: "a 100m-high tower", "the 100m sprint".
METRE_CONTEXT = (
    "high", "tall", "long", "wide", "deep", "away", "sprint", "hurdles", "race", "dash", "final", "relay",
    "freestyle", "medley", "backstroke", "breaststroke", "butterfly",
)  # fmt: skip
#: Units that a signed change may carry: "fell 3%", "down 2.5 points", "rose 0.5 percentage points".
RELATIVE_UNITS = ("percent", "percentage-point", "point")

#: Currency symbols, bare or after letters ("US$", "A$", "HK$"), as ISO 4217 codes.
CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "can$": "CAD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "mx$": "MXN", "nt$": "TWD",
    "€": "EUR", "£": "GBP", "e£": "EGP", "¥": "JPY", "jp¥": "JPY", "cn¥": "CNY", "₹": "INR", "₪": "ILS",
    "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₴": "UAH", "₱": "PHP",
}  # fmt: skip
#: ISO codes read before ("USD 40 million") or after ("40 million USD") a number. Codes that are
#: English words ("TRY", "ALL", "CUP", "MAD") or names of other things ("PHP") are left out.
CURRENCY_CODES = {
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "chf": "CHF",
    "cad": "CAD", "aud": "AUD", "nzd": "NZD", "hkd": "HKD", "sgd": "SGD", "inr": "INR", "ils": "ILS",
    "nis": "ILS", "rub": "RUB", "brl": "BRL", "mxn": "MXN", "zar": "ZAR", "krw": "KRW", "sek": "SEK",
    "nok": "NOK", "dkk": "DKK", "pln": "PLN", "sar": "SAR", "aed": "AED", "egp": "EGP", "ngn": "NGN",
    "kes": "KES", "uah": "UAH", "irr": "IRR", "qar": "QAR", "kwd": "KWD", "jod": "JOD", "iqd": "IQD",
    "lbp": "LBP", "pkr": "PKR", "twd": "TWD",
}  # fmt: skip
#: Currency names written after a number, plural and singular, and the unit each is.
#: A name several currencies share stays generic unless one dominates English news
#: ("dollars" are US dollars, "pounds" sterling; "francs", "rupees", "pesos" are not told apart).
CURRENCY_NOUNS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
    "sterling": "GBP", "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "shekels": "ILS", "shekel": "ILS", "new shekels": "ILS",
    "roubles": "RUB", "rouble": "RUB", "rubles": "RUB", "ruble": "RUB", "lira": "TRY", "liras": "TRY",
    "naira": "NGN", "rand": "ZAR", "hryvnias": "UAH", "hryvnia": "UAH", "zlotys": "PLN", "zloty": "PLN",
    "reais": "BRL", "francs": "franc", "franc": "franc", "rupees": "rupee", "rupee": "rupee",
    "pesos": "peso", "peso": "peso", "dinars": "dinar", "dinar": "dinar", "riyals": "riyal", "riyal": "riyal",
    "rials": "rial", "rial": "rial", "dirhams": "dirham", "dirham": "dirham", "kronor": "krona", "krona": "krona",
    "kroner": "krone", "krone": "krone", "pesetas": "ESP", "guilders": "NLG", "markka": "FIM",
}  # fmt: skip
#: Country adjectives that make a shared currency name one currency ("Canadian dollars", "Swiss francs").
CURRENCY_ADJECTIVES: dict[str, dict[str, str]] = {
    "dollar": {
        "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
        "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
    },
    "pound": {"egyptian": "EGP", "lebanese": "LBP", "syrian": "SYP", "british": "GBP"},
    "franc": {"swiss": "CHF"},
    "rupee": {"indian": "INR", "pakistani": "PKR", "sri lankan": "LKR"},
    "peso": {"mexican": "MXN", "argentine": "ARS", "argentinian": "ARS", "philippine": "PHP", "chilean": "CLP", "colombian": "COP"},
    "dinar": {"jordanian": "JOD", "iraqi": "IQD", "kuwaiti": "KWD"},
    "riyal": {"saudi": "SAR"},
    "rial": {"iranian": "IRR", "omani": "OMR", "yemeni": "YER"},
    "dirham": {"uae": "AED", "emirati": "AED", "moroccan": "MAD"},
    "krona": {"swedish": "SEK"},
    "krone": {"norwegian": "NOK", "danish": "DKK"},
    "yuan": {"chinese": "CNY"},
    "yen": {"japanese": "JPY"},
    "lira": {"turkish": "TRY"},
    "won": {"south korean": "KRW", "korean": "KRW"},
    "real": {"brazilian": "BRL"},
    "guilder": {"dutch": "NLG"},
    "markka": {"finnish": "FIM"},
}

#: Change words: a percent or point figure after one of them is a change, not a level, signed by
#: the word's direction ("fell 3%" is a fall of 3, -3; "grew by 18%" a rise of 18; "up 5%"), with
#: "by" or "of" between ("a rise of 18%", "an increase of 18%"). A rise and a level are different
#: facts: "waiting lists grew by 18%" is not "18% of patients wait". A count, an amount of money
#: or a time after a change word is what is counted ("lost 300 soldiers", "cut $2bn"), not a change.
FALL_WORDS = (
    "fell", "fall", "falls", "fallen", "falling", "dropped", "drop", "drops", "declined", "decline", "declines",
    "decreased", "decrease", "slid", "slipped", "sank", "plunged", "plummeted", "tumbled", "dipped", "shed",
    "lost", "down", "lower", "contracted", "shrank", "shrunk", "eased", "cut", "cuts", "reduced", "lowered",
    "slashed", "trimmed",
)  # fmt: skip
RISE_WORDS = (
    "rose", "rise", "rises", "risen", "rising", "increased", "increase", "increases", "grew", "grown", "grow",
    "grows", "gained", "climbed", "jumped", "surged", "soared", "up", "higher", "added", "expanded", "advanced",
    "raised", "lifted", "boosted",
)  # fmt: skip
#: Nouns of change, after the figure ("a 3% drop", "an 18% rise") or before it with "of" ("a drop of 3%").
FALL_NOUNS = ("drop", "fall", "decline", "decrease", "cut", "reduction", "loss", "contraction", "slump", "plunge")
RISE_NOUNS = ("rise", "increase", "gain", "jump", "growth", "hike", "surge")
#: "over" and a time is the time something is spread across, not a bound, after these words or
#: right after a figure: "$2bn spread over three years", "repaid over a decade", "rose 12% over
#: three years" are three years and a decade exactly. Elsewhere "over three years" is more than
#: three years ("lasted over three years"), and always before :data:`OVER_BOUND_AFTER`.
OVER_SPAN_AFTER = (
    "spread", "spreads", "phased", "phased in", "staggered", "paid", "repaid", "payable", "repayable",
    "invested", "allocated", "budgeted", "delivered", "rolled out", "run", "runs", "ran", "implemented",
    "introduced", "averaged", "amortised", "amortized", "distributed", "divided", "split",
)  # fmt: skip
#: Words after "over" and a time that keep "over" a bound: "paid over three years ago".
OVER_BOUND_AFTER = ("ago", "later", "earlier", "before", "after", "prior", "old", "since")
#: Comparatives after a percent or point figure that make it a change: "18% higher", "3 points lower".
FALL_AFTER = ("lower", "less", "fewer", "below", "smaller")
RISE_AFTER = ("higher", "more", "above", "greater", "larger", "bigger")

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Month names that are also ordinary words ("may", "march"): dates only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})
#: Seasons, and the one spelling each is compared by ("fall" is autumn).
SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}
#: Words before "the" and a season that make it a time relative to the article: "in the spring",
#: "by the autumn", "over the summer" ("the summer of 2024" is a date; "the fall of" and "the fall
#: in" are no season).
SEASON_PREPOSITIONS = ("in", "during", "by", "until", "till", "through", "throughout", "over", "since", "for")
#: Words between "the" and a period (a decade, a century, a year, a month, a week, a weekend,
#: a season, a few years) that make it a time relative to the article: "the past decade", "the
#: next decade", "the coming year", "the next summer", "the past few years" ("the last year of
#: the war" is no time: a period followed by "of" is not read).
RELATIVE_PERIOD_WORDS = ("past", "last", "next", "coming", "previous", "preceding", "following")
#: Words before a date that are left out of its span ("in 2023" is the date "2023"). A bound
#: ("no earlier than 2029", "later than 2030") is read as its date: the year is no count, and the
#: bound's words ("no", "earlier") are held by the tracing rules as a negation and an order word.
PREPOSITIONS = (
    "in", "since", "until", "by", "during", "through", "from", "before", "after", "throughout", "as of",
    "earlier than", "later than", "sooner than",
)  # fmt: skip
#: Words before a date or season that are part of it: "early 2023" is not "2023".
QUALIFIERS = ("early", "mid", "late")
