"""What kind of answer a question wants, and whether a passage holds one: the one table.

A question form (its wh-word and key nouns, English or Spanish) maps to a kind; a kind is
answered by named-entity labels (spaCy's PERSON, ORG, GPE, DATE, ...) recorded on every chunk
at ingest, or, for formats no entity recogniser covers (an e-mail address, a telephone number,
a document symbol), by a pattern. `strict` kinds must be present in the answer, or the
engine declines ("the reports give no date for this") rather than cite a sentence that
merely mentions the subject.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from dataclasses import dataclass

from collections.abc import Sequence

from assistant.understand.countries import demonym_of_one, demonyms_of, is_country
from assistant.understand.names import initial_runs, truncates
from assistant.understand.vocab import MONTH_WORDS, MONTHS, PAGE_MONTHS, SPANISH_NUMBERS
from vectorstore.lexical import fold, tokenize, words

_M = "|".join(MONTHS)
# (Spanish, French and Portuguese, longest first: "mars" before "mar"; written in lower case, as
# those languages write them: "Mars 2020" and "Chiang Mai 2019" name no month)
_PAGE_M = "|".join(sorted(PAGE_MONTHS, key=len, reverse=True))
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\(\d{1,3}\)\s*[\d\s\-–]{6,}")
# A fax number is a telephone number on a line that says fax ("Fax Number: (56) 2 2345 6789").
FAX = re.compile(r"\bfax\b[^:\n]{0,20}:\s*\+?\(?\d[\d\s\-–()]{6,}", re.I)
# A day or month: what "on what dates" asks for (a bare year does not answer it).
# A day of the month spelled out, as treaties date themselves ("the twenty-second of June").
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_DAY_WORD = (
    rf"(?:{_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    rf"eighteenth|nineteenth|twentieth|twenty[- ](?:{_UNITS})|thirtieth|thirty[- ]first)"
)
_MONTH_ABBREVIATIONS = "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
# ... with its day ("14 April", "April 14th", "14/04/2021", "el 15 de enero")
_DAY_OF_MONTH = (
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?:{_M})"
    rf"|(?:{_M})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    # ("14/04/2021", "09.12.2016", "9-12-2016": one separator throughout, a year's four figures; an ISO
    # "2023-03-29" is a page's own stamp, no date of what it reports)
    rf"|(?<![\d.])(?:\d{{1,2}}/\d{{1,2}}/|\d{{1,2}}\.\d{{1,2}}\.|\d{{1,2}}-\d{{1,2}}-)(?:19|20)\d\d(?![\d.]\d)"
    rf"|{_DAY_WORD}\s+(?:day\s+)?of\s+(?:{_M})"
    # "06. FEB 2019", "Sep. 27"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTH_ABBREVIATIONS})\.?\s+\d{{4}}"
    rf"|(?<![\w-])(?:{_MONTH_ABBREVIATIONS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.]\d)"
    # "el 15 de enero", "16 de fevereiro", "le 3 mai", "1er juillet"
    rf"|\d{{1,2}}(?:er)?\s+(?:de\s+)?(?:{_PAGE_M})"
)
# ... or only its month ("October 2016", "Sept 2020", "en marzo de 2019")
_MONTH_OF_YEAR = (
    rf"(?:{_M})\s+(?:of\s+)?\d{{4}}|(?:{_MONTH_ABBREVIATIONS})\.?\s+\d{{4}}|(?-i:{_PAGE_M})\s+(?:del?\s+)?\d{{4}}"
)
DAY = re.compile(rf"\b(?:{_DAY_OF_MONTH}|{_MONTH_OF_YEAR})\b", re.IGNORECASE)
# What "on what exact date" asks for: a month alone does not say it.
DAY_OF_MONTH = re.compile(rf"\b(?:{_DAY_OF_MONTH})\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
FISCAL_YEAR = re.compile(r"\bFY\s?(?:19|20)?\d\d\b")  # "FY2021-FY2023"
# A number that is not a year: counts, amounts, percentages.
# A figure; not a year, nor the number of a name ("K-9", "COVID-19", "G-7").
QUANTITY = re.compile(
    r"(?<![\w./])(?<![^\W\d_]-)(?!(?:19|20)\d\d\b)"
    # thousands grouped by a space, as many style guides write them ("36 103 fire calls"), or by an
    # apostrophe, as Swiss ones do ("50'886 infractions")
    r"(?:\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?![\d,.]?\d)|\d[\d,.]*)(?:\s*(?:%|percent|million|billion|thousand))?\b"
)
NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|dozens?|hundreds?|thousands?|"
    rf"{'|'.join(SPANISH_NUMBERS)}|cien|mil)\b",  # (Spanish pages count in words too)
    re.I,
)
PERCENT = re.compile(r"\d\s*(?:%|percent|per cent|por ciento|por cento|pour cent)", re.I)
# A rate given per so many people ("4.2 per 100,000 inhabitants", "the number of crimes per
# 100,000 population was 119.8", "una tasa de 38.2 por cada cien mil habitantes").
_PER = (
    r"(?:(?:per|por cada|for every|in every)\s+(?:100[,. ]?000|100\s?k|10[,. ]?000|1[,. ]?000|100|cien mil|mil|"
    r"capita|head)"
    # (in French, Portuguese and Spanish "por"/"pour"/"par" is also "by": only before a population word,
    # "8,73 por 100 mil habitantes", "pour 100 000 habitants", "par habitant")
    r"|(?:por|pour|par)\s+(?:cada\s+|chaque\s+)?(?:(?:100[,. ]?000|100\s?mil|10[,. ]?000|1[,. ]?000|100|cien mil|"
    r"cem mil|cent mille|mil)\s+)?(?:habitant(?:es|e|s)?|personas|pessoas|personnes))\b"
)
PER_HEAD = re.compile(
    rf"(?<![\d.,])\d[\d.,]*\s+(?:[^\W\d_]+\s+){{0,4}}?{_PER}"
    # ("GDP per capita was US$ 15,200": a currency before the figure)
    rf"|{_PER}\s+(?:[^\W\d_]+\s+){{0,6}}?(?:[A-Z]{{0,3}}[$€£]\s?)?\d[\d.,]*",
    re.I,
)
# Figures of parts, at least three one after another in a sentence: "283 shootings, 70
# stabbings, 10 rammings and 62 bombings" (two may be a total and its change).
_FIGURE = rf"(?:{QUANTITY.pattern}|{NUMBER_WORD.pattern})"
_NEXT_FIGURE = rf"[^.;!?]{{0,120}}?(?:,\s|;|\band\b|\by\b)[^.;!?]{{0,60}}?{_FIGURE}"
FIGURES_LISTED = re.compile(rf"{_FIGURE}{_NEXT_FIGURE}{_NEXT_FIGURE}", re.I)
# ("66 million passengers" is a number of passengers, not an amount; "9.8 million in fines" is one)
# A currency sign (Unicode's block of them, and the older ones outside it) before a figure.
_CURRENCY_SIGNS = "$€£¥¢৳₨" + "".join(chr(c) for c in range(0x20A0, 0x20C1))
# A figure in the millions or grouped in thousands ("450 million", "41.82 crore", "219 870 354")
_LARGE_FIGURE = r"\d[\d,.]*\s?(?:million|billion|bn|crore|lakh|m\b)|\d{1,3}(?:[ ,.]\d{3})+"


@lru_cache(maxsize=1)
def currency_words() -> str:
    """The names of the world's currencies (ISO 4217, from pycountry), less English words they share
    a spelling with, as one alternation with their plurals: "644 million baht", "17 million lempiras"."""
    import pycountry  # lazy: read on the first question about an amount

    words = {c.name.split()[-1].lower() for c in pycountry.currencies if re.fullmatch(r"[A-Za-z ]+", c.name)}
    return "|".join(f"{w}s?" for w in sorted(words - CURRENCY_HOMOGRAPHS) if len(w) > 2)


# Currency names that are also English words or mark no currency ("the team won", "a unit of account").
CURRENCY_HOMOGRAPHS = frozenset(
    "won mark real pound gold silver platinum palladium unit account purposes transactions code codes".split()
)


# Two-letter English words, capitalised at a sentence's start: run into a figure, they are no currency sign.
_TWO_LETTER_WORDS = "At|In|Of|To|By|On|As|Is|It|An|Or|If|Up|So|No|Be|He|We|My|Do|Go|Us|Me|Am"


class _Money:
    """The money pattern, compiled on first use: it names every currency pycountry knows."""

    @cached_property
    def pattern(self) -> re.Pattern:
        units = currency_words()
        return re.compile(
            rf"(?:US\$|[{_CURRENCY_SIGNS}]|USD|EUR|CAD)\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|{units}|(?:million|billion)"
            rf"(?!\s+(?!(?:dollars?|euros?|pounds?|pesos?|yen|francs?|rupees?|usd|eur|{units}|in|of|for|from|to|and|or|"
            r"was|were|is|are|worth|as|at|by|on|with|per|the|a|an)\b)[a-z]))\b"
            # a currency code or a short sign in letters ("PKR 450 million", "Rs 41.82 crore", "N364.6 billion",
            # "R219 870 354") before a large figure: a bare "TOP 10" or "R2" is none
            rf"|(?-i:\b(?:[A-Z]{{3}}|Rs\.?|Rp\.?|Tk\.?|KSh|Ksh|[RN]))\s?(?:{_LARGE_FIGURE})"
            # a sign of one or two letters written onto a figure in the millions ("Dh1.02 billion", "K4.5m"),
            # not a word run into it ("At1.2 million people": two-letter English words are no sign)
            rf"|(?-i:\b(?!(?:{_TWO_LETTER_WORDS})\d)[A-Z][a-z]?)\d[\d,.]*(?:\s?(?:million|billion|bn)|(?-i:m))\b"
            # a figure in words before a currency's name ("Eight Billion Leones", "two million dollars")
            rf"|\b(?:{NUMBER_WORD.pattern})(?:\s+(?:{NUMBER_WORD.pattern}))*\s+(?:million|billion|trillion)\s+"
            rf"(?:dollars?|euros?|{units})\b"
            # in Spanish: "5,1 millones de euros", "300 dólares", and a bare "3,8 millones" as a bare
            # "3.8 million" above ("2 millones de personas" is none)
            r"|\b\d[\d,.]*\s*(?:(?:mil\s+)?(?:millones|mill[oó]n)\s+de\s+|mil\s+)?"
            r"(?:euros|d[oó]lares|pesos|soles|quetzales|lempiras|colones|c[oó]rdobas|bol[ií]vares|guaran[ií]es)\b"
            # in French and Portuguese: "12,5 millions de dinars", "3 milliards de FCFA", "1,2 milhões de reais"
            r"|\b\d[\d,.]*\s*(?:millions?|milliards?|milh(?:ão|ões)|bilh(?:ão|ões))\s+(?:de\s+|d['’])"
            rf"(?:{units}|euros?|francs?|f?cfa|reais|dollars?)\b"
            r"|\b\d[\d,.]*\s*(?:mil\s+)?(?:millones|mill[oó]n)"
            r"(?!\s*(?!(?:en|y|a|al|por|para|con|frente|respecto|m[aá]s|menos)\b)[a-záéíóúñ])",
            re.I,
        )

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


MONEY = _Money()
IDENTIFIER = re.compile(
    r"\b[A-Z][\w.\-]*/(?:[\w.\-]+/)*[\w.\-]*\d[\w.\-]*|\bN[°o]\.?\s?\d+|\b(?:Law|Decree|Resolution)\s+(?:No\.\s*)?\d[\d.]*"
    # "Presidential Decree (2016/3)", "the Prevention of Terrorism Act (32/2015)": numbered in brackets
    r"|\b(?:Act|Law|Decree|Resolution|Order|Regulation)\s*\((?:No\.\s*)?\d[\d./\-]*\)"
)
# Form fields and titles name a person even where the recogniser misses the name.
# What an office's or a body's name is made of, which a person's name is not ("Chief Election
# Commissioner", "Director Human Resources", "Director General Federal Investigation Agency").
OFFICE_WORDS = (
    r"(?:General|Executive|Officer|Justice|Inspector|Minister|Secretary|Director|Commissioner|Office|Council|"
    r"Committee|Commission|Board|Department|Ministry|Division|Unit|Operating|Financial|Technology|Information|"
    r"Election|Human|Resources|Federal|National|Interior|Affairs|Agency|Bureau|Service|Services|Police|Public|"
    r"Foreign|Home|Defence|Defense|State|Legal|Administration|Operations|Investigation|Investigations)"
)
# One word of a person's name, capitalised (any script's capitals: "José", "Martínez"), no office word.
NAME_PART = rf"(?!{OFFICE_WORDS}\b)(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_’'-]*(?:[’'-][^\W\d_]+)*"
PERSON = re.compile(
    r"\bName:\s*[A-Z]|\b(?:Mr|Ms|Mrs|Dr|Captain|Capt|Ambassador|Minister|Detective|Lt|Lieutenant|Colonel|Brigadier|"
    r"Admiral|Professor|Prof|Prince|Princess|Sheikh|Senator|Judge|Sir|Dame)\.?\s+[A-Z]|\bH\.\s?E\.\s+[A-Z]"
    # a title before a first and last name, which the recogniser may take for an organisation's
    # ("HRCP Co-chairperson Asad Iqbal Butt"); not "Chief Executive Officer"
    r"|\b(?:Co-|Vice-?|Deputy\s)?(?:(?<=-)chair(?:person|man|woman)?|Chair(?:person|man|woman)?|Director|President|"
    r"Commissioner|Secretary|Spokes(?:person|man|woman)|Coordinator|Governor|Chief)(?:[- ]General)?\s+"
    rf"{NAME_PART}\s+(?:[A-Z]\.\s+)?{NAME_PART}(?!\s+{OFFICE_WORDS}\b)"
)
GOVERNMENT = re.compile(r"\bGovernments? of (?:the )?[A-Z]")
# "the city of Montego Bay", "the port of Valmora": a town named as one.
CITY_OF = re.compile(r"\b(?i:city|town|port|capital) of\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
# "held in Ostrava", "met at Valmora": the place a meeting was held, where the recogniser takes a
# town it does not know for a person.
_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
# A place named by what it is, which the recogniser often takes for an organisation or misses:
# "Arturo Merino Benítez Airport", "the Port of San Antonio", "Los Libertadores Land Border Crossing".
_NAME_WORD = r"[A-Z][\w’'.-]*"
FACILITY = re.compile(
    rf"\b(?:{_NAME_WORD}\s+){{1,4}}(?:Airport|Seaport|Harbou?r|Port|(?:Land\s+)?Border\s+Crossing|Crossing)\b"
    rf"|\b(?:Port|Puerto|Aeropuerto)\s+(?:of\s+|de\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
)
HELD_IN = re.compile(
    r"\b(?:held|took place|meets|met|hosted|convened|gathered)\b[^.;]{0,60}?\b(?:in|at)\s+"
    rf"(?!(?:{_MONTH_NAMES})\b)([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


# A span of time as a figure of its units: "12 working days", "a two-day workshop", "six months".
SPAN_OF_TIME = re.compile(
    # ("871 a day", "twice a year": a rate, not a length)
    r"\b(?:\d+(?:[.,]\d+)?|(?<!\d )(?<!twice )(?<!once )(?<!times )an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|several|few)"
    r"[\s-]+(?:(?:working|calendar|business|consecutive)\s+)?(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|"
    r"years?|decades?|segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|mes|a[nñ]os?)\b",
    re.I,
)


# Units of time counted by a plural ("for years", "the months that followed").
_TIME_UNITS = re.compile(r"\b(?:hours|days|weeks|months|years|decades|horas|d[ií]as|semanas|meses|a[nñ]os)\b", re.I)
# "How long has Chile screened bags?": "since 1996" says for how long.
SINCE_YEAR = re.compile(
    r"\b(?:since|desde)\s+(?:(?:early|late|mid-?|the end of)\s*)?(?:(?!in\b|then\b)[^\W\d]+\s+)?((?:19|20)\d\d)\b",
    re.I,
)

# A distance: "more than 1000 km", "573 nautical miles".
DISTANCE = re.compile(r"\b\d[\d,.]*(?:\s*|-)(?:km|kilomet(?:re|er)s?|(?:nautical\s+)?miles?|metres?|meters?)\b", re.I)


@dataclass(frozen=True)
class Kind:
    """A kind of answer: what a decline calls it, the entity labels and patterns that hold it."""

    name: str
    labels: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern, ...] = ()
    strict: bool = True  # the answer must hold one, or the engine declines


KINDS: dict[str, Kind] = {
    "email": Kind("email address", patterns=(EMAIL,)),
    "phone": Kind("telephone number", patterns=(PHONE,)),
    "fax": Kind("fax number", patterns=(FAX,)),
    "identifier": Kind("document number", frozenset({"LAW"}), (IDENTIFIER,)),
    "day": Kind("exact date", patterns=(DAY_OF_MONTH,)),
    "date": Kind("date", frozenset({"DATE"}), (DAY, YEAR, FISCAL_YEAR)),
    # "how long ...": a span of time ("six months", "a four-year period", "over 80 years") or, of a
    # thing ("how long is the coastline"), a distance
    "duration": Kind("length of time", frozenset({"DURATION"}), (SPAN_OF_TIME, DISTANCE, SINCE_YEAR)),
    # "what year ...": a day and month without a year ("from 14 to 16 May") does not answer it.
    "year": Kind("year", patterns=(YEAR, FISCAL_YEAR)),
    "place": Kind("place", frozenset({"GPE", "LOC", "FAC"}), (HELD_IN, FACILITY)),
    # "in which city ...": a town or city, not the country it lies in nor a sea
    "city": Kind("city", frozenset({"GPE", "FAC"}), (HELD_IN, CITY_OF)),
    # "which country hosted ...": a country, not a region ("the Balkans") nor a town in it
    "country": Kind("country", frozenset({"GPE"})),
    "money": Kind("amount", frozenset({"MONEY"}), (MONEY,)),
    "percent": Kind("percentage", frozenset({"PERCENT"}), (PERCENT,)),
    # "clear-up rate": a percentage or a figure per head
    "ratio": Kind("rate", frozenset({"PERCENT"}), (PERCENT, PER_HEAD)),
    # "homicide rate per 100k": a figure per so many people, not a percentage change
    "rate": Kind("rate per head of population", patterns=(PER_HEAD,)),
    "count": Kind("figure", frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}), (QUANTITY, NUMBER_WORD)),
    # "a breakdown of the calls by type": the figures of its parts, side by side
    "breakdown": Kind("breakdown into figures", patterns=(FIGURES_LISTED,)),
    "person": Kind("named person", frozenset({"PERSON"}), (PERSON,)),
    # "what nationality were the suspects": a people's name ("Iranian")
    "nationality": Kind("nationality", frozenset({"NORP"})),
    # "which agencies / which company ...": an organisation, not a country or a person.
    "organisation": Kind("organisation", frozenset({"ORG"})),
    "government": Kind("government", frozenset({"GPE", "NORP"}), (GOVERNMENT,)),
    # "who funded / hosted / led ...": a person, an organisation or a country all answer.
    "agent": Kind("person, organisation or country", frozenset({"PERSON", "ORG", "GPE", "NORP"}), (PERSON,)),
    # A bare "who ...?" may be answered by a group ("customs officers"): preferred, not required.
    "who": Kind(
        "person, organisation or country", frozenset({"PERSON", "ORG", "GPE", "NORP"}), (PERSON,), strict=False
    ),
    "name": Kind("name", strict=False),
    "thing": Kind("answer", strict=False),
}

# Kinds that name no type of value: nothing to find beyond the question's words.
UNTYPED = frozenset({"thing", "list", "name"})

# Kinds a neighbouring sentence of the best one may supply. Not numbers: the next sentence's
# figure usually counts something else ("two issues of the magazine were published"); a
# breakdown, three figures or more ("Of these, 3,553 were in England, 34 ..."), goes on about it.
BESIDE_KINDS = frozenset(
    {"date", "day", "year", "place", "city", "country", "person", "agent", "organisation", "who", "government"}
    | {"nationality", "duration"}
    | {"email", "phone", "fax", "breakdown"}
)

# What an amount asked for measures ("how much did the programme cost", "the budget for ..."):
# an amount the passage gives for something else (currency seized, a grant) does not answer.
MONEY_MEASURES = re.compile(
    r"\b(?:costs?|costing|budgets?|expenditures?|spending|spent|prices?|fines?|penalt(?:y|ies)|worth|"
    r"salar(?:y|ies)|fees?|ransom)\b",
    re.I,
)


# Question forms, first match wins. Folded (lower case, no accents), so Spanish forms need no accents.
_VERBS_OF_AGENCY = (
    r"partner\w*|fund\w*|financ\w*|support\w*|sponsor\w*|host\w*|organi[sz]\w*|help\w*|assist\w*|provid\w*|donat\w*|"
    r"pa(?:y|ys|id|ying) for|bankroll\w*|publish\w*|develop\w*|implement\w*|runs?|manag\w*|leads?|led|cooperat\w*|"
    r"work\w* with|chair\w*|heads?|headed|direct\w*|coordinat\w*|presid\w*|"
    r"overs(?:aw|ee\w*)|supervis\w*|running|ran|initiat\w*|launch\w*|establish\w*|founded|set up|came up with|"
    r"apoy\w*|patrocin\w*|colabor\w*|ayud\w*|public\w*|desarroll\w*|dirig\w*|trabaj\w* con"
)
# Verbs of a change in size: "how much did the prison population grow" asks for the change, not money.
# (a change the money was for, "spend to reduce the fall in exports", asks for money still)
CHANGE_VERBS = r"grow|rise|increase|fall|drop|decline|decrease|shrink|climb|jump|change|go (?:up|down)"
_MONEY_VERBS = (
    r"(?:spen[dt]|pa(?:y|id)|giv\w*|gave|allocat\w*|pledg\w*|invest\w*|provid\w*|contribut\w*|donat\w*|receiv\w*)\b"
)
# "how much did ... grow": up to six words, none a money verb, then the change as a verb (not "the fall")
_CHANGED = rf"(?: (?!{_MONEY_VERBS})[\w'’-]+){{0,6}}?(?<!\bthe)(?<!\ba)(?<!\ban) (?:{CHANGE_VERBS})\b"
# Roles a person holds: "who is the director", "the name of the chair".
# Kinds of place a question may ask for by name (a port, an airport, a border crossing).
_PLACE_NOUNS = (
    r"(?:(?:sea|air)?ports?|harbou?rs?|sites|border (?:posts?|points?|crossings?)|crossing points?|entry points?"
    # a part of a country ("which Mexican state had the most ...", "which governorate came next")
    r"|state(?!\s+of\b)|province|governorate|region|district|county|municipality)"
    # the head of its phrase ("which port were ...", "pilot sites for"), not "the port security code"
    r"(?=\s*$|\s*[?,.:;]|\s+(?:is|are|was|were|did|do|does|has|have|had|will|would|can|for|of|in|at|on|under|"
    r"chosen|selected|where|that|which|used|named|came|saw|recorded|reported|registered|ranked|topped|led|hosted|"
    r"accounted)\b)"
)
_ROLES = (
    r"head|director|chair|president|minister|coordinator|secretary|chief|commissioner|commander|governor|"
    r"spokes(?:person|man|woman)|ambassador|ceo|dg"
)
_ROLES_ES = r"jef[ea]|director[a]?|president[ea]|ministr[oa]|coordinador[a]?|secretari[oa]"
# What may follow "phone" when the telephone number is what is asked ("phone no. of", "phone and email").
_AFTER_PHONE = (
    r"(?:numbers?|nos?|nr|nums?|and|or|of|for|at|to|in|on|is|was|are|were|line|lines|contact|details|pls|please"
    r"|del|de|y|o)"
)
FORMS: tuple[tuple[str, str], ...] = (
    (r"\be-?mail\b|\bcorreo\b", "email"),
    (r"\bfax\b", "fax"),
    # the telephone asked for, not a modifier of another noun ("fraud on banking phone apps")
    (rf"\b(?:phone|telephone|telefono)\b(?!\s+(?!{_AFTER_PHONE}\b)[a-z])", "phone"),
    (
        r"\b(?:doc(?:ument)?|reference|symbol|decree|law|resolution) (?:number|no|symbol|code)\b"
        r"|\bwhich (?:\w+ )?(?:decree|law)\b|\bque numero\b.*\b(?:decreto|ley|resolucion)\b",
        "identifier",
    ),
    (
        r"\b(?:which|what|list|name) (?:the )?(?:\w+ ){0,3}"
        r"(?:govts?|governments?|donors?|countries|states|economies|nations)\b"
        # "which country did CICTE help": the country a deed was done for, a party; "which
        # country hosted ...", "in which country ...": a place
        r"|(?<!\bin )\b(?:which|what) country (?:did|does|do|has|have|had|will|would)\b"
        r"(?!.*\b(?:held|host\w*|located|based|take place)\b|.*\bin\W*$)"
        r"|\bque (?:paises|gobiernos|estados|economias)\b",
        "government",
    ),
    (
        r"\b(?:on )?(?:what|which) (?:exact |precise |specific |actual )?(?:dates?|days?)\b|"
        r"\b(?:exact|precise) (?:date|day)\b|"
        r"\bque (?:fechas?|dias?)\b|"
        r"^(?:the )?dates? (?:of|for)\b|\b(?:what|which)(?:'s| is| was| are| were)? the (?:\w+ )?(?:dates?|days?)\b|"
        r"\ben que fecha\b",
        "day",
    ),
    (
        # "how many years passed between A and B?": the two years, each said of its own event
        r"\b(?:what|which) year\b(?!s)|\b(?:que|cual) ano\b|\bhow many years\b(?=.*\bbetween\b.+\band\b)"
        r"|\bcuantos anos\b(?=.*\bentre\b.+\by\b)",
        "year",
    ),
    # ("the average response time", "el tiempo medio de respuesta": a length of time)
    (
        r"\bhow long\b(?! ago)|\bcuanto tiempo\b"
        r"|\b(?:average|avg|mean|median) (?:(?!(?:number|no|of)\b)[\w-]+ ){0,2}times?\b"
        r"|\btiempos? (?:medios?|promedios?)\b",
        "duration",
    ),
    (r"\b(?:what|which) (?:\w+ )?nationalit(?:y|ies)\b|\bnationalit(?:y|ies) of\b|\bque nacionalidad", "nationality"),
    (
        r"\bwhen\b|\bwhat (?:years?|months?|periods?|time ?frames?|time ?periods?)\b|\bhow long ago\b|\bwhich years?\b|"
        r"\bwhich (?:months?|periods?|time ?frames?|time ?periods?)\b|"
        r"\bsince when\b|"
        r"\bfrom when\b|\bcuando\b|\bque ano\b",
        "date",
    ),
    (
        r"\b(?:which|what) (?:[\w'’-]+ )?(?:city|town)\b|\b(?:en )?que ciudad\b|^(?:the )?(?:host )?city (?:of|for)\b",
        "city",
    ),
    (r"\b(?:which|what) (?:[\w'’-]+ )?country\b|\bque pais\b", "country"),
    (
        r"\bwhere\b|\bdonde\b|"
        r"\b(?:in )?(?:which|what) (?:[\w'’-]+ )?(?:city|town|country|venues?|places?|locations?)\b|"
        r"\ben que (?:ciudad|pais|lugar)\b|\bque (?:ciudad|pais)\b|"
        # "¿qué municipio tuvo menos incidentes?", "¿en cuál provincia ...?": a part of a country
        r"\b(?:en )?(?:que|cual|cuales) "
        # (not "estado", which is also a state of things, nor "departamento", also a body's department)
        r"(?:municipios?|provincias?|regiones|region|distritos?)\b|"
        r"^(?:the )?(?:venue|location|place|host city) (?:of|for)\b|"
        # "which honduran port", "list the 3 pilot border sites": places named as such ("Puerto Cortés")
        rf"\b(?:which|what|name|list)(?: the)?(?: \d+| \w+)?(?: [\w'’-]+){{0,2}} {_PLACE_NOUNS}\b|"
        rf"^(?:the )?(?:[\w'’-]+ ){{0,2}}{_PLACE_NOUNS} (?:of|for)\b",
        "place",
    ),
    # "the name of the director general": the name of a person holding a role.
    # ("names of the two defence ministers who signed": the people holding it)
    (rf"\bnames? of (?:the |its |their )?(?:[\w'’-]+ ){{0,3}}(?:{_ROLES})s?\b", "person"),
    # ("how many times was the team called out": a phrasal verb names nothing)
    (
        r"\b(?:name|title) of the\b|\bwhat is it called\b"
        r"|^(?!.*\bh\w{0,2} many\b).*\bcalled\b(?!\s+(?:out|up|in|on|off|for|upon|by|to)\b)",
        "name",
    ),
    # "which BiH minister was at the opening": the person holding the role
    (rf"\b(?:which|what) (?:[\w'’/-]+ ){{0,3}}(?:co-?|vice-?)?(?:{_ROLES})s?\b(?![\w'’-])", "person"),
    (rf"\b{_PER}", "rate"),
    (
        r"\bwhat (?:percentage|percent|share|proportion)\b|\bque porcentaje\b"
        # "what was Prague's share?", "what is the proportion of ..."
        r"|\bwhat (?:was|is|were|are) (?:the |its |their )?(?:[\w-]+['’]s? )?(?:percentage|share|proportion)\b"
        r"(?!\s+(?:capital|price|holders?|register)\b)"
        r"|\b(?:what|which)\s+(?:[\w'-]+\s+){0,3}?(?:%|per ?cent(?:age)?\b)",
        "percent",
    ),
    (
        # "clear-up rate for serious crime", "¿cuál fue la tasa de homicidios?": a rate is a share
        # or a figure per head, not a number of cases ("how many ... at a rate of" counts)
        # (a price is no share: "exchange rate", "going rate", "hourly rate")
        r"^(?!.*\bh\w{0,2} many\b)(?!.*\bnumber of\b)"
        r".*(?:\b(?!(?:exchange|going|hourly|daily|flat|postage)\b)[\w-]+ rates?\b|\btasas?\b)",
        "ratio",
    ),
    (
        # "by how much did membership grow": a difference, not money
        r"\bhow much (?:[\w'’-]+ ){0,2}?(?:money|funding|funds|financing)\b"
        r"|\b(?:cost|budget|amount|funding amount)\b"
        rf"|(?<!\bby )\bhow much did\b(?!{_CHANGED})"
        # "the total value in euros of the transactions": an amount of money, not a number of them
        r"|\b(?:total|monetary|estimated) value\b|\bvalue (?:in [\w$€£]+ )?of\b"
        # "total fines imposed", "how much in fines": the sum of what was paid or owed
        r"|^(?!.*\bh\w{0,2} many\b).*\b(?:total|how much in) (?:[\w-]+ )?"
        r"(?:fines|fees|expenditures?|spending|costs?|salaries|ransoms?)\b"
        r"|\bcuanto dinero\b|\bcuanto (?:\w+ ){0,2}(?:costo|costara|cuesta|costaria|costar)\b"
        r"|\b(?:coste|costo|presupuesto)\b",
        "money",
    ),
    (r"\bbreak ?down\b|\bbroken down\b|\bdesglose\b", "breakdown"),
    (
        # "how big was the penalty", "what is the maximum fine": a size asked for
        r"\bhow (?:big|large|small|heavy)\b|\b(?:maximum|minimum|average|avg|median)\b|"
        r"\b(?:what|which) (?:total )?(?:weight|quantity|volume)\b|"
        r"\bh\w{0,2} many\b|\bnumber of\b|(?:#|\bno\.|\bnr\.?) ?of\b|\bhow much\b|\bestimat\w*|\bfigure\b"
        r"|\btotal\b|\bcuant[oa]s?\b|\b(?:tope|maximo|minimo|promedio)\b"
        r"|\b(?:what|which)(?:'s| is| was| are| were)? (?:[\w'’-]+ ){0,5}scores?\b",  # a score is a figure
        "count",
    ),
    (  # "which agency is the focal point": an organisation, not the person a focal point usually is
        r"\b(?:which|what|list|name) (?:the )?(?:[\w/]+ )?(?:organi[sz]ations?|orgs?|bod(?:y|ies)|agenc(?:y|ies)|"
        r"institutions?|compan(?:y|ies)|entit(?:y|ies)|banks?|firms?|ministr(?:y|ies)|departments?|"
        r"universit(?:y|ies)|ngos?|authorit(?:y|ies)|charit(?:y|ies))\b"
        r"|\bque (?:organizacion|organismo|institucion|entidad|agencia|empresa|compania)(?:es|s)?\b",
        "organisation",
    ),
    (
        # Acts only a person performs at a meeting: opening it, speaking, being quoted.
        r"\bwho\b.*\b(?:open(?:s|ed)?|spoke|speaks?|quoted|said|says|addressed|welcomed|declar\w*|"
        r"speech(?:es)?|keynotes?|remarks|lectures?)\b|"
        r"\bcontact points?\b|\bpuntos? de contacto\b|\bfocal points?\b|"
        rf"\bwho(?:['’]s| is| was| are| were) (?:the )?(?:[\w'’]+ ){{0,3}}(?:{_ROLES})\b|"
        rf"\bquien (?:es|era|fue|sera) (?:el |la )?(?:[\w'’]+ ){{0,3}}?(?:{_ROLES_ES})\b|"
        rf"\bwho (?:\w+ )?(?:elected|appointed|named|chosen) (?:as )?(?:the )?(?:[\w'’]+ ){{0,3}}(?:{_ROLES})\b|"
        # "who took over as CISA director": the person who came to hold the role
        rf"\bwho (?:took|takes|will take) over (?:as )?(?:the )?(?:[\w'’]+ ){{0,3}}(?:{_ROLES})\b|"
        rf"\bwho (?:became|becomes|served|serves|succeeded|replaced|acted|acts) as (?:the )?"
        rf"(?:[\w'’]+ ){{0,3}}(?:{_ROLES})\b|"
        # "¿cómo se llama el director ...?": the name of the person holding the role
        rf"\bcomo se llama (?:el |la )?(?:[\w'’]+ ){{0,3}}?(?:{_ROLES_ES})\b",
        "person",
    ),
    (rf"\bwho\b.*\b(?:{_VERBS_OF_AGENCY})\b|\bquien\w*\b.*\b(?:{_VERBS_OF_AGENCY})", "agent"),
    # "which partners / members / participants / signatories": countries, bodies or people
    (
        r"\b(?:which|what) (?!(?:did|do|does|is|are|was|were|have|has|had|will|would|can|could)\b)(?:\w+ )?"
        r"(?:partners?|members|participants|signatories|observers)\b",
        "agent",
    ),
    (r"\bwho\b|\bwhom\b|\bquien", "who"),
)
_FORMS = tuple((re.compile(p), kind) for p, kind in FORMS)
_CONTACT = frozenset({"email", "fax", "phone"})  # means of contact: each one named is asked for
_HOW_MANY = re.compile(r"\bh\w{0,2} many\b|\bcuant[oa]s\b")  # ("phone number of X" asks for the phone)
_CONTACT_FORMS = tuple((pattern, kind) for pattern, kind in _FORMS if kind in _CONTACT)


# A plural of the "government" form asks for every one of them: a list.
PLURAL_PARTIES = re.compile(
    r"\b(?:governments|govts|donors|countries|states|economies|nations|paises|gobiernos|estados)\b"
)


# A yes/no question ("do diplomats get a lane when they land?"): its when/where/who opens a
# clause, it does not ask for a date, a place or a person.
_YES_NO = re.compile(r"^(?:do|does|did|is|are|was|were|can|could|has|have|had|will|would|should)\b")
_WH_CLAUSE = re.compile(r"\b(?:when|where|who)\b")


# A question opening with its own wh-word asks that; a later "when/where ..." opens a clause
# ("who was the secretary when the report was presented?") unless joined as a second question.
# A short topic may come first ("in plain english, what ...", "Chile CTAP: which ..."): the
# question is what follows it.
# An opening clause of circumstance ("When X flagged posts in its second year, how much ...",
# "At the 2015 workshop hosted by Y, what ...") may run longer: its comma ends it.
_WH_START = re.compile(
    r"^(?:[^?,:;]{1,60}[,:;–—-]\s+"
    r"|(?:when|if|after|before|while|once|since|as|given|during|following|at|in|on|for|from|of|regarding|"
    r"according to)\b[^?,:;]{1,200}[,:;–—-]\s+)?(who|whom|whose|which|what|how)\b"
)
_SUBCLAUSE = re.compile(r"\b(?:when|where|while)\b")
_JOINED = re.compile(r"(?:\band\b|\bor\b|,)\s*(?:\w+\s+)?$")  # "..., and (since) when?"


# A follow-up picking members out of an earlier answer: "which of them are ...", "which of those were ..."
_WHICH_OF_THEM = re.compile(r"\bwhich of (?:them|those|these) (?:are|were|is|was) ")


def answer_kind(question: str) -> str:
    """The kind of answer a question wants (a key of KINDS), from its form."""
    low = fold(_relative_blanked(question)).strip()
    if _YES_NO.match(low):
        low = _WH_CLAUSE.sub(" ", low)
    elif opening := _WH_START.match(low):
        clause = _SUBCLAUSE.search(low, opening.end())
        if clause and not _JOINED.search(low[: clause.start()]):
            low = low[: clause.start()]
        low = low[opening.start(1) :]
    low = _WHICH_OF_THEM.sub("which ", low)  # "and which of them are pacific states?" asks "which pacific states?"
    # ("how many agencies rely on its websites, email, internet?": a count, whatever means of contact it names)
    counting = bool(_HOW_MANY.search(low))
    forms = [(pattern, kind) for pattern, kind in _FORMS if not (counting and kind in _CONTACT)]
    kind = next((kind for pattern, kind in forms if pattern.search(low)), "thing")
    # "gicnt 10th plenary — dates and city?": the bare noun phrase after a topic and a dash
    tail = _TOPIC_BREAK.split(low)[-1].strip()
    if kind == "thing" and (head := _TERSE_HEAD.match(tail)) and is_terse(low):
        # "gifct founding companies?": a bare noun phrase asks as "which companies?" does;
        # "date the communique was finalised?": its first word may be the thing asked for
        first = tail.split()[0]  # the head matched, so the tail has a word
        if re.fullmatch(rf"(?:co-?|vice-?)?(?:{_ROLES})s?", head.group(1)):
            return "agent"  # "mtcr dublin 2017 - co-chairs?": who held the role
        asked = [f"{wh} {noun}" for noun in dict.fromkeys((head.group(1), first)) for wh in ("which", "what")]
        kind = next((kind for ask in asked for pattern, kind in _FORMS if pattern.search(ask)), "thing")
    return kind


_RELATIVE_CANDIDATE = re.compile(r"\w\s+(?:where|when)\s+\w", re.I)


def _relative_blanked(question: str) -> str:
    """The question with "where"/"when" blanked where they open a relative clause after a noun
    ("the no. of cases where balloons were used"): they ask for no place or time. A bare "workshop
    where?" still asks."""
    if not _RELATIVE_CANDIDATE.search(question):
        return question
    tokens = list(_tag(question))
    out = question
    for before, t, after in zip(tokens, tokens[1:], tokens[2:]):
        # ("the honduran port where CICTE trained officers", "the date when the plan was adopted"
        # still ask for the port and the date)
        place = re.fullmatch(_PLACE_NOUNS, before.lower_) or before.lower_ in _PLACE_OR_TIME_NOUNS
        # ("per the ctap when was that plan established": a verb after it asks again)
        asks = after.pos_ in {"AUX", "VERB"}
        if t.lower_ in {"where", "when"} and before.tag_ in {"NN", "NNS"} and after.is_alpha and not place and not asks:
            out = out[: t.idx] + " " * len(t.text) + out[t.idx + len(t.text) :]
    return out


# Nouns a relative "where"/"when" describes as the place or time asked ("the city where ...").
_PLACE_OR_TIME_NOUNS = frozenset(
    "city cities town country venue place location site region province date year day month time period".split()
)


def _tag(question: str):
    from ingest.titles import tagged  # lazy: spaCy loads only for such questions

    return tagged(question)


# A second question word joined to the first ("where and when", "¿dónde y cuándo ... y quién
# la presidió?", "budget + where ..."), optionally after a preposition ("and on what date").
_JOINED_WH = re.compile(
    r"(?:(?:\band|\by|\bor|,)\s+|[+&/]\s*)(?:(?:in|on|at|from|by|with|for|since|under|en|de|con|desde|por|para)\s+)?"
    r"(?=(?:when|where|who|whom|which|what|how|cuando|donde|quien(?:es)?|cual(?:es)?|que|cuant[oa]s?)\b)"
)


def other_kinds(question: str) -> tuple[str, ...]:
    """The kinds of value a question asks for besides its main one, one per question word
    joined to another ("where and when was it held, and who chaired it?": place, person), and
    each further means of contact named beside the one asked first ("phone and email")."""
    low = fold(question).strip()
    main = answer_kind(question)
    # "phone and email pls": each means of contact named is asked for
    found = [kind for pattern, kind in _CONTACT_FORMS if kind != main and main in _CONTACT and pattern.search(low)]
    joins = list(_JOINED_WH.finditer(low))
    if not joins:
        return tuple(found)
    bounds = [0, *(m.end() for m in joins)]
    ends = [m.start() for m in joins] + [len(low)]
    for at, end in zip(bounds, ends):
        kind = answer_kind(low[at:end])
        if kind != main and kind not in UNTYPED and kind != "who" and kind not in found:
            found.append(kind)
    return tuple(found)


_TOPIC_BREAK = re.compile(r"\s[–—-]+\s|:\s")
# A question without a wh-word or verb opening: a noun phrase whose last word before a
# preposition or the end ("founding companies of GIFCT?") is what it asks for.
_TERSE_HEAD = re.compile(r"^[\w\s'’/-]*?\b([a-z]+)\s*(?:\b(?:of|in|for|at|on|by|from|to|with|under|during)\b|[?:.!]|$)")
_ANY_WH = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how|que|quien\w*|cual\w*|cuando|donde|como)\b")
_ASK_OPENING = re.compile(r"^(?:tell|give|show)\b")


def is_terse(question: str) -> bool:
    """A bare noun phrase ("gifct founding companies?"): no wh-word, no verb opening."""
    low = fold(question).strip()
    return not (_ANY_WH.search(low) or _YES_NO.match(low) or _ASK_OPENING.match(low))


def has_kind(kind: str, text: str, labels: frozenset[str] = frozenset()) -> bool:
    """Does a passage hold the kind of answer asked for (by its entities, or its form)?"""
    k = KINDS.get(kind)
    if k is None or (not k.labels and not k.patterns):
        return True
    return bool(k.labels & labels) or any(p.search(text) for p in k.patterns)


def holds_new(kind: str, text: str, named: Sequence[tuple[str, str]], asked: frozenset[str]) -> bool:
    """Does a passage hold the kind of answer asked for, beyond what the question already says?
    An entity the question names is its subject, not its answer: "In 2016" does not answer
    "when did X start, after CICTE's 2016 work?", nor "the Committee" "who chaired the Committee?"."""
    k = KINDS.get(kind)
    if k is None or (not k.labels and not k.patterns):
        return True
    return bool(new_labels(kind, named, asked, text)) or any(pattern_values(kind, text, asked, named))


def pattern_values(kind: str, text: str, asked: frozenset[str], named: Sequence[tuple[str, str]] = ()):
    """The values of `kind` its patterns find in `text` beyond the question's words (a pattern's
    group, where it has one, is the value: "Ostrava" of "held in Ostrava"); a city is no country,
    and a number inside a date the recogniser found ("July 28–29, 2025") is no figure."""
    dates = _date_ranges(text, named) if kind in FIGURE_KINDS else []
    for p in KINDS[kind].patterns:
        for m in p.finditer(text):
            value = m.group(1) if p.groups else m.group(0)
            if any(start <= m.start() < end for start, end in dates):
                continue
            if _says_more(value, asked) and not (kind == "city" and is_country(value)):
                yield value


# The kinds a bare number answers: their patterns take no number a date is made of.
FIGURE_KINDS = frozenset({"count"})
_CALENDAR_WORDS = MONTH_WORDS | frozenset(PAGE_MONTHS)


def _date_ranges(text: str, named: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """Where in `text` the named calendar dates stand: the recogniser's dates that name a month
    ("Oct. 20", "July 28–29, 2025"). It also calls a bare figure a date now and then ("Of these,
    57 had an impact"), and a span of time ("six months") says a figure."""
    out = []
    for label, span in named:
        if label == "DATE" and any(w in _CALENDAR_WORDS for w in words(span)):
            start = text.find(span)
            while start >= 0:
                out.append((start, start + len(span)))
                start = text.find(span, start + 1)
    return out


def holds_apart(kind: str, unit, asked: frozenset[str], besides: Sequence[str]) -> bool:
    """Does a unit (`text`, `named`) hold a value of `kind` beyond the question's words that is
    not a value of the other kinds asked (`besides`)?"""
    k = KINDS.get(kind)
    if k is None or (not k.labels and not k.patterns):
        return True
    found = {span for _, span in new_spans(kind, unit.named, asked, unit.text)} | set(
        pattern_values(kind, unit.text, asked, unit.named)
    )
    claimed = {span for other in besides for _, span in new_spans(other, unit.named, asked, unit.text)}
    # ("held in the city of Iquique, Chile": the country after the place claimed is part of it)
    claimed |= {
        m.group(1)
        for span in claimed
        for m in re.finditer(rf"\b{re.escape(span)},\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)", unit.text)
        if is_country(m.group(1))
    }
    return bool(found - claimed)


def new_labels(kind: str, named: Sequence[tuple[str, str]], asked: frozenset[str], text: str = "") -> set[str]:
    """The labels of `kind` among a passage's entities that name something the question does not.
    A country named as its government ("the Government of Spain helped organise ...") acts in
    the passage: it is no answer to where something took place."""
    return {label for label, _ in new_spans(kind, named, asked, text)}


def new_spans(
    kind: str, named: Sequence[tuple[str, str]], asked: frozenset[str], text: str = ""
) -> list[tuple[str, str]]:
    """The (label, span) entities of `kind` that name something the question does not."""
    labels = KINDS.get(kind, KINDS["thing"]).labels
    return [
        (label, span)
        for label, span in named
        if label in labels
        and _says_more(span, asked)
        and not (kind in {"place", "city", "country"} and governs(span, text))
        # "Australia's top cop says ...": whose, not where
        and not (kind in {"place", "city"} and _owns(span, text))
        and not (kind == "city" and is_country(span))
        and not (kind == "country" and not is_country(span))
        and not (label in KINDS["place"].labels and slashed(span, text))
        # "down eight per cent", tagged MONEY: a share, not an amount
        and not (kind == "money" and _SHARE.search(span) and not MONEY.search(span))
        # "daily", "el pasado año": a length of time says how long in a figure of its units, or
        # in units counted by a plural ("the years that follow")
        and not (kind == "duration" and not SPAN_OF_TIME.search(span) and not _TIME_UNITS.search(span))
    ]


_SHARE = re.compile(r"%|\bper ?cent\b", re.I)


def _owns(span: str, text: str) -> bool:
    """Is the place named only as an owner ("Australia's top cop"), never as a place?"""
    return (
        bool(text)
        and bool(re.search(rf"\b{re.escape(span)}['’]s\b", text))
        and not re.search(rf"\b{re.escape(span)}\b(?!['’]s\b)", text)
    )


def slashed(span: str, text: str) -> bool:
    """Is `span` one half of a slash compound ("ML" of "ML/TF", "CFT" of "AML/CFT")? The
    recogniser takes such initials for places; a place is not written so."""
    return bool(re.search(rf"(?:/\s?{re.escape(span)}\b|\b{re.escape(span)}\s?/)", text))


def governs(span: str, text: str) -> bool:
    """Is `span` named in `text` as a government ("the Governments of Panama and Spain")?"""
    names = r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:,\s*|\s+and\s+))*"
    return bool(re.search(rf"\bGovernments?\s+of\s+(?:the\s+)?{names}{re.escape(span)}", text))


def _says_more(span: str, asked: frozenset[str]) -> bool:
    """Does the entity name something beyond the question's words (or their shortened forms:
    "Dec 2017" asks about "December 2017") and the acronyms it spells out?"""
    rest = {w for w in set(tokenize(span)) - asked if not any(truncates(a, w) for a in asked)}
    # ("Costa Rica" where the question says "Costa Rican")
    if rest and any(set(tokenize(d)) <= asked and demonym_of_one(d) for d in demonyms_of(fold(span))):
        return False
    return bool(rest) and bool(rest - spelled_out(span, asked))


def spelled_out(span: str, asked: frozenset[str], longest: int = 6) -> set[str]:
    """Stems of the span's words that spell out an acronym the question uses: "the Peace and
    Security Council of the African Union" is what "AU PSC" names, not something new."""
    covered: set[str] = set()
    for initials, run in initial_runs(span, 2, longest):
        if initials in asked:
            covered.update(tokenize(" ".join(run)))
    return covered


def is_strict(kind: str) -> bool:
    return KINDS.get(kind, KINDS["thing"]).strict


# The kinds that are rates: a share or a figure per head, of the noun the question names.
RATE_KINDS = frozenset({"ratio", "rate"})
