"""Word lists the question analysis shares: months and words that only say what is asked."""

from vectorstore.lexical import fold

MONTHS = "january february march april may june july august september october november december".split()
MONTH_WORDS = frozenset(MONTHS + "jan feb mar apr jun jul aug sep sept oct nov dec".split())
SPANISH_MONTH_LIST = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
FRENCH_MONTH_LIST = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
PORTUGUESE_MONTH_LIST = (
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()
)


def _numbered(*lists: list[str]) -> dict[str, int]:
    """Month name -> 1-12, as written and without its accents ("février", "fevrier")."""
    return {form: number for names in lists for number, name in enumerate(names, 1) for form in (name, fold(name))}


SPANISH_MONTH_NUMBERS = {**_numbered(SPANISH_MONTH_LIST), "setiembre": 9}
# The month names of the languages a page may be written in besides English: a French page dates
# a raid "le 3 mai", a Portuguese one "16 de fevereiro".
PAGE_MONTHS = {**SPANISH_MONTH_NUMBERS, **_numbered(FRENCH_MONTH_LIST, PORTUGUESE_MONTH_LIST)}
del PAGE_MONTHS["marco"]  # ("março" without its accent: Spanish for a framework)

# Words that only say what kind of answer is wanted; they are not evidence to look for ("a
# breakdown of the calls" asks for the calls' parts, which a passage gives without the word; "vs"
# only says that two sides are weighed).
QUESTION_WORDS = frozenset(
    """which what who whom whose when where why how many much list name names give tell show
    get got did does do was were is are the a an kind type s please mention mentioned listed report
    reports say said according ok okay thanks breakdown vs versus
    themselves themselv itself himself herself ourselves ourselv yourself yourselves yourselv myself""".split()
)  # (reflexive pronouns, as typed and as stemmed: "came from police officers themselves")

# Negations and focus words a user types in capitals for emphasis ("does cicte NOT cooperate
# with", "ONLY in 2019"): a closed class of the language, never a name the passage must say (unlike
# capitalised words that are also acronyms: "FIRST", "CAN", "ONE").
EMPHASIS_WORDS = frozenset(
    "not no never only all none both either neither nor any every each also even just still already ever".split()
)

# Units a substance is measured in ("how many kilos of cocaine"): a closed class of the language,
# in English and Spanish; the figure answering is one of the substance named after them.
MEASURE_UNITS = (
    "kg|kgs|kilos?|kilograms?|kilogrammes?|grams?|grammes?|g|tonnes?|tons?|t|pounds?|lbs?|ounces?|oz"
    "|litres?|liters?|gallons?|barrels?|hectares?|ha|acres?|cubic metres?|packs?|packets?|cartons?|bales?"
)
# Spanish number words a page counts with ("nueve de ellas"), and their values; not "uno"/"una"
# (also "a") nor "once" (an English word).
SPANISH_NUMBERS = {
    **{w: n for n, w in enumerate("dos tres cuatro cinco seis siete ocho nueve diez".split(), 2)},
    **{w: n for n, w in enumerate("doce trece catorce quince".split(), 12)},
    **{w: n * 10 for n, w in enumerate("veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa".split(), 2)},
}
SPANISH_MEASURE_UNITS = (
    "kilos?|kilogramos?|kg|gramos?|toneladas?|libras?|litros?|galones|barriles|hect[aá]reas?|paquetes?|cajas?"
)
