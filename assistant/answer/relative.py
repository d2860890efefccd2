"""The years a passage names by reference ("this year", "the year before"), from its page's date.

A news page dated 2017 that says "This year, 1097 individuals were arrested" speaks of 2017 as
surely as one that writes the year out.
"""

from __future__ import annotations

import re

from assistant.understand.wanted import YEAR

# "last year" on a page dated 2010 is 2009 and "this year's Day" on a page of 2022 is 2022: counted
# from the page's date; "in 2014 ... compared to the year before" is 2013: counted from the sentence's
# own year when it says one.
# (Spanish, French and Portuguese pages too: "el pasado año", "l'année dernière", "no ano passado")
_FROM_PAGE = (
    (
        re.compile(
            r"\blast year\b|\ba year ago\b|\b(?:el|del) (?:pasado año|año pasado)\b|\bhace un año\b"
            r"|\bl['’](?:année|an) (?:dernière|dernier|passée?)\b|\b(?:o|no|do) ano passado\b",
            re.I,
        ),
        -1,
    ),
    (
        re.compile(
            r"\bthis year\b|\bthe current year\b|\b(?:este|el presente) año\b|\bcette (?:année|an)\b"
            r"|\b(?:este|neste|deste) ano\b",
            re.I,
        ),
        0,
    ),
)
# A year the sentence weighs its figure against: the figure is of another year, said beside it.
# "compared to 2023", "than in 2023", "vs 2023", "up from 2021", "3.8 per cent over 2022",
# "un 18,6% menos que en 2022", "respecto al 2022" (nothing but "in"/"the" between: "more than
# doubled in 2023" and "over the course of 2022" weigh nothing against a year)
COMPARED_YEAR = re.compile(
    r"\b(?:compared (?:to|with)|than|versus|vs\.?|over|up from|down from|que en|respecto (?:a|al|de)|frente a|"
    r"en comparaci[oó]n con)\s+(?:(?:in|the|el|en)\s+){0,2}((?:19|20)\d\d)\b",
    re.I,
)
_FROM_SENTENCE = re.compile(
    r"\b(?:the )?(?:previous|preceding) year\b|\bthe year (?:before|earlier)\b|\ba year (?:earlier|before)\b"
    r"|\bel año anterior\b|\bl['’]année (?:précédente|d['’]avant)\b|\b(?:o|ao|do|no) ano anterior\b",
    re.I,
)


def relative_years(text: str, year: int | None) -> set[str]:
    """The years a sentence names by reference: "last year" and "this year" from the page's
    date (`year`), "the year before" from the one year the sentence says (else the page's).
    "Last year ... a 74.5% increase compared to 2023" says that last year was 2024, whatever
    date the page was guessed to have."""
    out = {str(year + shift) for pattern, shift in _FROM_PAGE if year and pattern.search(text)}
    compared = COMPARED_YEAR.findall(text)
    if compared and any(pattern.search(text) for pattern, _ in _FROM_PAGE):
        out.add(str(int(compared[0]) + 1))
    own = set(YEAR.findall(text))
    base = int(next(iter(own))) if len(own) == 1 else year
    if base and _FROM_SENTENCE.search(text):
        out.add(str(base - 1))
    return out
