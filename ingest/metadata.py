"""What a report says about itself: title, organisation, year covered, country/economy.

Everything is read from the text, never from the file name (except the last-resort title),
so another year's CICTE report or another economy's APEC action plan is described as well.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_FRONT_MATTER_CHARS = 2500  # title pages: evidence here outweighs a passing mention later

# organisation -> patterns whose occurrences are evidence that the report comes from it
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "CICTE/OAS": (
        r"INTER-AMERICAN COMMITTEE AGAINST TERRORISM",
        r"\bCICTE\b",
        r"Organization of American States",
        r"\bOEA/Ser",
    ),
    "APEC": (
        r"\bAPEC\b",
        r"\bCTTF\b",
        r"\bCTWG\b",
        r"LEADERS[’'] AND MINISTERS[’'] COMMITMENTS",
    ),
}

# Kinds of report recognised by their form, for documents whose text states no title.
REPORT_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "APEC Counter-Terrorism Action Plan",
        (r"APEC Leaders[’'] and Ministers[’'] counter-terrorism commitments", r"\bCTAP\b"),
    ),
)

# APEC economies and OAS member states, with the adjectives a report uses about itself.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Antigua and Barbuda": (), "Argentina": ("Argentine", "Argentinian"),
    "Australia": ("Australian",), "Bahamas": ("Bahamian",), "Barbados": ("Barbadian",),
    "Belize": ("Belizean",), "Bolivia": ("Bolivian",), "Brazil": ("Brazilian",),
    "Brunei Darussalam": ("Bruneian",), "Canada": ("Canadian",), "Chile": ("Chilean",),
    "China": ("Chinese",), "Colombia": ("Colombian",), "Costa Rica": ("Costa Rican",),
    "Dominica": (), "Dominican Republic": (), "Ecuador": ("Ecuadorian",),
    "El Salvador": ("Salvadoran",), "Grenada": ("Grenadian",), "Guatemala": ("Guatemalan",),
    "Guyana": ("Guyanese",), "Haiti": ("Haitian",), "Honduras": ("Honduran",),
    "Hong Kong, China": (), "Indonesia": ("Indonesian",), "Jamaica": ("Jamaican",),
    "Japan": ("Japanese",), "Korea": ("Korean",), "Malaysia": ("Malaysian",),
    "Mexico": ("Mexican",), "New Zealand": (), "Nicaragua": ("Nicaraguan",),
    "Panama": ("Panamanian",), "Papua New Guinea": (), "Paraguay": ("Paraguayan",),
    "Peru": ("Peruvian",), "Philippines": ("Philippine", "Filipino"), "Russia": ("Russian",),
    "Saint Kitts and Nevis": (), "Saint Lucia": (), "Saint Vincent and the Grenadines": (),
    "Singapore": ("Singaporean",), "Suriname": ("Surinamese",), "Chinese Taipei": (),
    "Thailand": ("Thai",), "Trinidad and Tobago": (), "United States": ("American",),
    "Uruguay": ("Uruguayan",), "Venezuela": ("Venezuelan",), "Viet Nam": ("Vietnamese", "Vietnam"),
}
_SELF_REFERENCE = re.compile(r"\bour (?:economy|country|government|nation)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|planned|plans? to|expected|intends? to|to be held)\b", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d\b")
_TITLE_START = re.compile(r"^(?:report|annual report|plan|strategy|action plan|review)\b", re.I)
_SMALL = {"a", "an", "and", "against", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


@dataclass(frozen=True)
class Metadata:
    title: str
    organisation: str | None
    year: int | None
    country: str | None


def detect_metadata(text: str, fallback_title: str) -> Metadata:
    """All metadata of one document's normalised text."""
    organisation = detect_organisation(text)
    country = detect_country(text)
    title = detect_title(text, country) or fallback_title
    return Metadata(title, organisation, detect_year(text, title), country)


def detect_organisation(text: str) -> str | None:
    """The organisation with the most evidence; front-matter mentions count five times."""
    front = text[:_FRONT_MATTER_CHARS]
    scores = {
        name: sum(len(re.findall(p, text)) + 4 * len(re.findall(p, front)) for p in patterns)
        for name, patterns in ORGANISATIONS.items()
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else None


def detect_country(text: str) -> str | None:
    """The country/economy a report is about, when it speaks for one.

    Requires the report to speak in its own name ("our economy", "our country") and one
    country (name or adjective) to be mentioned at least twice as often as any other; a
    report about many member states therefore yields None.
    """
    if not _SELF_REFERENCE.search(text):
        return None
    counts = Counter({name: _mentions(text, name, adjectives) for name, adjectives in COUNTRIES.items()})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= 2 * runner_up else None


def _mentions(text: str, name: str, adjectives: tuple[str, ...]) -> int:
    pattern = "|".join(re.escape(term) for term in (name, *adjectives))
    return len(re.findall(rf"\b(?:{pattern})\b", text))


def detect_title(text: str, country: str | None = None) -> str | None:
    """A title stated in the front matter, else one built from a recognised report form."""
    paragraphs = text[:_FRONT_MATTER_CHARS].split("\n")
    for index, paragraph in enumerate(paragraphs):
        if _TITLE_START.match(paragraph) and len(paragraph.split()) >= 3 and len(paragraph) < 200:
            title = paragraph
            for following in paragraphs[index + 1:index + 3]:  # "... work plan" / "of the ..."
                if not _continues_title(following):
                    break
                title = f"{title} {following}"
            return title_case(title) if _needs_casing(title) else title
    for kind, patterns in REPORT_KINDS:
        if any(re.search(p, text, re.I) for p in patterns):
            return f"{kind} — {country}" if country else kind
    return None


def _continues_title(line: str) -> bool:
    """A second title line: "of the INTER-AMERICAN COMMITTEE ...", not a sentence."""
    starts = re.match(r"^(?:of|on|for|in|to|and)\b", line, re.I)
    return bool(starts) and len(line) < 120 and not line.endswith(".") and (
        line[0].islower() or _needs_casing(line)
    )


def _needs_casing(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return title[0].islower() or upper > 0.6 * len(letters)


def title_case(title: str) -> str:
    """Headline case: "REPORT ON THE 2016 WORK PLAN" -> "Report on the 2016 Work Plan"."""
    words = []
    for position, word in enumerate(title.split()):
        if re.fullmatch(r"\([A-Z]{2,}\)", word):  # "(CICTE)": an acronym stays as written
            words.append(word)
        elif position and word.lower() in _SMALL:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def detect_year(text: str, title: str = "") -> int | None:
    """The year a report covers.

    Rule: a year stated in the title ("the 2016 work plan") wins. Otherwise the latest
    year mentioned in a sentence that reports something done rather than planned (no
    "will", "planned", "expected" ...), a range such as "2017-2022" counting as its start.
    """
    in_title = _YEAR.findall(title)
    if in_title:
        return int(in_title[0])
    years: list[int] = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", text):
        if _FUTURE.search(sentence):
            continue
        sentence = _RANGE.sub(lambda m: m.group(1), sentence)
        years.extend(int(y) for y in _YEAR.findall(sentence))
    return max(years) if years else None
