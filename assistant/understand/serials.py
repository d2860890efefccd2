"""Serial numbers: the "5th" of "the 5th EPWG meeting", the "57" of "CICAD 57".

A question naming one asks about that edition and no other; a passage about the 4th meeting
does not answer it. Ordinals are a closed class of English (and Spanish abbreviated) forms;
a bare number is a serial only where it follows a capitalised name ("Westerlies 2",
"Resolution 1540"), so counts the user asks for ("list 3 projects") are not taken for one.
"""

from __future__ import annotations

import re

from assistant.understand.vocab import MONTH_WORDS
from assistant.understand.wanted import DAY
from vectorstore.lexical import fold

# A question's "first" names no edition: it far more often means earliest or main ("which came
# first", "the first contact point"). Its spelled-out ordinals count only after a determiner ("the
# fifth"); a passage's count in any form ("Ninth Meeting", "its first session").
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINAL_WORD = {w: str(n) for n, w in enumerate(_ORDINAL_WORDS, start=1)}
# Compound ordinals up to 99 ("Fifty-Second Session", "thirtieth meeting").
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
for _tens, _value in _TENS.items():
    ORDINAL_WORD[_tens[:-1] + "ieth"] = str(_value)
    for _unit, _n in zip(_ORDINAL_WORDS[:9], range(1, 10)):
        ORDINAL_WORD[f"{_tens}-{_unit}"] = str(_value + _n)
        ORDINAL_WORD[f"{_tens} {_unit}"] = str(_value + _n)
_EDITION_WORDS = sorted((w for w in ORDINAL_WORD if w != "first"), key=len, reverse=True)
# English, Spanish and French ("19e", "10ème", "1er") abbreviated ordinals.
_DIGIT_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th|º|ª|°|\.ª|\.º|e|ème|eme|er|re)(?!\w)", re.I)
# Every spelled ordinal as one alternation, compounds first ("twenty-first" before "first"), the
# compounds written as tens and units so the pattern tries 30 alternatives a word, not 170.
ORDINAL_WORDS = "|".join(
    [f"(?:{'|'.join(_TENS)})[- ](?:{'|'.join(_ORDINAL_WORDS[:9])})"]
    + sorted((w for w in ORDINAL_WORD if not re.search(r"[- ]", w)), key=len, reverse=True)
)
_WORD_ORDINAL = re.compile(rf"\b({ORDINAL_WORDS})\b", re.I)
# A body's name may stand between ("the CGPCS seventeenth plenary", "its Council's fifth session").
_EDITION_ORDINAL = re.compile(
    rf"\b(?:the|its|their|this|that)\s+(?:[\w'’-]+\s+){{0,2}}?({'|'.join(_EDITION_WORDS)})\b", re.I
)
# A number after a word ("CICAD 57", "Westerlies 2"); a serial only if that word is capitalised.
_NAMED_NUMBER = re.compile(r"(\S+)\s+(\d{1,4})\b(?![.,:/%-]?\d)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Upper-case Roman numerals of two letters or more, next to a capitalised word ("XLIV Plenary",
# "Session XVI"): bodies number their sessions so. One letter ("I", "V") is too often a word.
# Up to 89 (LXXXIX): letters C, D and M make words and initials ("DC", "MD", "CV") far more often.
_ROMAN_NUMERAL = re.compile(r"(?<![\w/-])((?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?![\w/-])")
_ROMAN_VALUE = {"L": 50, "X": 10, "V": 5, "I": 1}


def roman_value(numeral: str) -> int:
    """The value of a well-formed upper-case Roman numeral."""
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUE[letter]
        total += -value if following != " " and _ROMAN_VALUE[following] > value else value
    return total


def _roman_serials(text: str) -> dict[str, str]:
    """Roman numerals that number something named beside them: "XLIV Meeting" -> "44"."""
    found: dict[str, str] = {}
    for m in _ROMAN_NUMERAL.finditer(text):
        numeral = m.group(1)
        if len(numeral) < 2:
            continue
        before = text[: m.start()].split()[-1:]
        after = text[m.end() :].split()[:1]
        beside = [w.strip("(\"'“”,.;:") for w in before + after]
        if any(w[:1].isupper() and not _ROMAN_NUMERAL.fullmatch(w) for w in beside):
            found[numeral] = str(roman_value(numeral))
    return found


# "the second half of the year", "the 1st quarter": a part of a year, not an edition of anything.
_PART_OF_YEAR = re.compile(r"\s+(?:half|quarter|semester|trimester)\b", re.I)


def serials(text: str) -> dict[str, str]:
    """The serial numbers a text names, as typed -> value ("5th" -> "5", "fifth" -> "5")."""
    found: dict[str, str] = {}
    for m in _DIGIT_ORDINAL.finditer(text):
        if not _PART_OF_YEAR.match(text, m.end()):
            found[m.group(0)] = str(int(m.group(1)))
    for m in _EDITION_ORDINAL.finditer(text):
        if not _PART_OF_YEAR.match(text, m.end()):
            found[m.group(1)] = ORDINAL_WORD[m.group(1).lower()]
    # ("the UK's 15 march sanctions round": a date's day is no serial)
    for m in _NAMED_NUMBER.finditer(DAY.sub(lambda d: " " * len(d.group()), text)):
        word, number = m.group(1).strip("(\"'“”"), m.group(2)
        if m.start() > 0 and word[:1].isupper() and fold(word) not in MONTH_WORDS and not _YEAR.match(number):
            found.setdefault(number, str(int(number)))
    for numeral, value in _roman_serials(text).items():
        found.setdefault(numeral, value)
    for m in _RUN_ON_NUMBER.finditer(text):  # "CSP4", "COP25": the 4th, the 25th
        found.setdefault(m.group(0), str(int(m.group(2))))
    return found


# Initials with their edition's number run on: "CSP4", "COP25" (not "COVID-19", not "G20").
_RUN_ON_NUMBER = re.compile(r"\b([A-Z]{2,})(\d{1,3})\b")


def run_on_serial(typed: str) -> bool:
    """Is this serial as typed initials with a number run on ("CSP4")?"""
    return bool(_RUN_ON_NUMBER.fullmatch(typed))


def run_on_initials(typed: str) -> str:
    """The initials of a serial typed with its number run on ("CSP4" -> "csp"); "" for others."""
    m = _RUN_ON_NUMBER.fullmatch(typed)
    return m.group(1).lower() if m else ""


def serials_said(text: str) -> set[str]:
    """The serial numbers a passage says, as values: any ordinal ("9th", "Ninth Meeting") and
    numbers after a word ("CICAD 57", "resolution 1540"). A date's "10" is no 10th meeting."""
    said = {str(int(m.group(1))) for m in _DIGIT_ORDINAL.finditer(text)}
    said |= {ORDINAL_WORD[w.lower()] for w in _WORD_ORDINAL.findall(text)}
    for m in _NAMED_NUMBER.finditer(DAY.sub(" ", text)):
        if m.group(1)[-1:].isalpha() and fold(m.group(1)) not in MONTH_WORDS:
            said.add(str(int(m.group(2))))
    said |= set(_roman_serials(text).values())
    if _INAUGURAL.search(text):  # "the inaugural meeting" is the 1st
        said.add("1")
    said |= {str(int(m.group(1))) for m in _NUMBER_SIGN.finditer(text)}  # "Decree N°14", "No.214"
    return said


def clipped_year(typed: str, value: str, said: set[str]) -> bool:
    """Is a serial typed with two digits run on to initials ("FY21", "MP14") a year's last digits
    that the text says in full ("FY 2021", "the Montreal Protocol 2014")? "The 21st session" is
    no year."""
    return run_on_serial(typed) and len(value) == 2 and bool({f"19{value}", f"20{value}"} & said)


_INAUGURAL = re.compile(r"\binaugural\b", re.I)
# A number sign run on to its number: "N°14", "Nº 14", "No.214", "#3".
_NUMBER_SIGN = re.compile(r"(?:\bN[°ºo]\.?|\bNo\.|\bNr\.|#)\s?(\d{1,4})\b")


_NUMBERED_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_SPELLED = dict(zip(map(str, range(1, 21)), _ORDINAL_WORDS))  # a rank; past twentieth, an edition


def ordinal_words(text: str) -> set[str]:
    """The spelled-out words of a text's ordinals in figures: "1st :Attacks Exploiting ..." says
    "first" as a ranked list ranks it ("which threat was ranked first?")."""
    return {_SPELLED[m.group(1)] for m in _NUMBERED_ORDINAL.finditer(text) if m.group(1) in _SPELLED}


def spelled_serials(text: str) -> set[str]:
    """The values of the editions a text names with a spelled-out ordinal ("Ninety-Sixth Session"
    -> "96"): capitalised, before a capitalised word, as names are; prose's "the second issue" is none."""
    if not _ANY_ORDINAL_WORD.search(text):
        return set()
    return {
        ORDINAL_WORD[m.group(1).lower()] for m in _WORD_ORDINAL.finditer(text) if _NAMES_EDITION.match(text, m.start())
    }


# "Sixteenth Plenary", "Ninety-Sixth Session": a capitalised ordinal before a capitalised word.
_NAMES_EDITION = re.compile(r"[A-Z][\w-]*\s+[A-Z]")


# A quick test before the long alternation: most sentences hold no capitalised word ending as an
# ordinal does ("Sixteenth", "Ninety-sixth"), which every edition named in words has.
_ANY_ORDINAL_WORD = re.compile(r"\b[A-Z][\w-]*(?i:st|nd|rd|th)\b")
