"""What a report says about itself: title, organisation, document type, year, country.

Everything is read from the text, never from the file name (except the last-resort title),
so another year's report, another economy's action plan or another organisation's
plenary outcomes are described as well. `Metadata.detected` says, per field, whether it
was read from the text or guessed, so a listing can show which values to trust.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from assistant.understand.vocab import MONTH_WORDS, PAGE_MONTHS
from ingest.organisations import detect_organisation
from ingest.titles import first_heading, front_paragraphs, is_marker, kind_of, lead_line, stated_title, title_case

__all__ = ["Metadata", "detect_country", "detect_metadata", "detect_organisation", "detect_year", "title_case"]

# Kinds of report recognised by their form, for documents whose text states no title.
REPORT_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "APEC Counter-Terrorism Action Plan",
        (r"APEC Leaders[’'] and Ministers[’'] counter-terrorism commitments", r"\bCTAP\b"),
    ),
)

# APEC economies and OAS member states, with the adjectives a report uses about itself.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Antigua and Barbuda": (),
    "Argentina": ("Argentine", "Argentinian"),
    "Australia": ("Australian",),
    "Bahamas": ("Bahamian",),
    "Barbados": ("Barbadian",),
    "Belize": ("Belizean",),
    "Bolivia": ("Bolivian",),
    "Brazil": ("Brazilian",),
    "Brunei Darussalam": ("Bruneian",),
    "Canada": ("Canadian",),
    "Chile": ("Chilean",),
    "China": ("Chinese",),
    "Colombia": ("Colombian",),
    "Costa Rica": ("Costa Rican",),
    "Dominica": (),
    "Dominican Republic": (),
    "Ecuador": ("Ecuadorian",),
    "El Salvador": ("Salvadoran",),
    "Grenada": ("Grenadian",),
    "Guatemala": ("Guatemalan",),
    "Guyana": ("Guyanese",),
    "Haiti": ("Haitian",),
    "Honduras": ("Honduran",),
    "Hong Kong, China": (),
    "Indonesia": ("Indonesian",),
    "Jamaica": ("Jamaican",),
    "Japan": ("Japanese",),
    "Korea": ("Korean",),
    "Malaysia": ("Malaysian",),
    "Mexico": ("Mexican",),
    "New Zealand": (),
    "Nicaragua": ("Nicaraguan",),
    "Panama": ("Panamanian",),
    "Papua New Guinea": (),
    "Paraguay": ("Paraguayan",),
    "Peru": ("Peruvian",),
    "Philippines": ("Philippine", "Filipino"),
    "Russia": ("Russian",),
    "Saint Kitts and Nevis": (),
    "Saint Lucia": (),
    "Saint Vincent and the Grenadines": (),
    "Singapore": ("Singaporean",),
    "Suriname": ("Surinamese",),
    "Chinese Taipei": (),
    "Thailand": ("Thai",),
    "Trinidad and Tobago": (),
    "United States": ("American",),
    "Uruguay": ("Uruguayan",),
    "Venezuela": ("Venezuelan",),
    "Viet Nam": ("Vietnamese", "Vietnam"),
}
_SELF_REFERENCE = re.compile(r"\bour (?:economy|country|government|nation)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|planned|plans? to|expected|intends? to|to be held)\b", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d\b")
# A day of a month of a year, in English, Spanish, French or Portuguese: "18 May 2015", "May 19,2015", "March 19-20,
# 2015", "15 al 19 octubre de 2012". A report's days are when things happened; a bare year may
# bound a term ("till 2018") or name a meeting still to come ("scheduled for 2020").
_MONTH = "|".join(sorted(MONTH_WORDS | PAGE_MONTHS.keys(), key=len, reverse=True))
_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|al|y)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_FULL_DATE = re.compile(
    rf"\b(?:{_DAYS}\s+(?:de\s+)?(?:{_MONTH})\.?,?\s+(?:del?\s+)?((?:19|20)\d\d)"
    rf"|(?:{_MONTH})\.?\s+{_DAYS},?\s*((?:19|20)\d\d))\b",
    re.I,
)


@dataclass(frozen=True)
class Metadata:
    title: str
    organisation: str | None
    year: int | None
    country: str | None
    document_type: str | None = None  # "report", "work plan", "press release", ...
    # field -> how it was found. title: "detected" | "report form" | "first heading" | "file name";
    # year: "title" | "text" | "file name" | "not found"; the others: "detected" | "not found" (document_type:
    # "front matter" | "title" | "not found").
    detected: dict[str, str] = field(default_factory=dict, compare=False)


def detect_metadata(text: str, fallback_title: str) -> Metadata:
    """All metadata of one document's normalised text."""
    country = detect_country(text)
    found = detect_title(text, country)
    title, title_how, title_at = found or (fallback_title, "file name", None)
    organisation = detect_organisation(text, letterhead_ends=title_at)
    year = detect_year(text, title, file_name=fallback_title)
    document_type, type_how = detect_document_type(text, "" if title_how == "file name" else title)
    detected = {
        "title": title_how,
        "organisation": _found(organisation),
        "document_type": type_how,
        "year": (
            ("title" if str(year) in title else "text" if str(year) in text else "file name") if year else "not found"
        ),
        "country": _found(country),
    }
    return Metadata(title, organisation, year, country, document_type, detected)


def _found(value: object) -> str:
    return "detected" if value else "not found"


def detect_title(text: str, country: str | None = None) -> tuple[str, str, int | None] | None:
    """(title, how it was found, paragraph it starts on): the title the first page states,
    else one built from a recognised report form, else the first heading above the text, the
    first line read as a headline, or the first heading further down; None without."""
    stated = stated_title(text)
    if stated:
        return stated[0], "detected", stated[1]
    for kind, patterns in REPORT_KINDS:
        if any(re.search(p, text, re.I) for p in patterns):
            return (f"{kind} — {country}" if country else kind), "report form", None
    # a news page opens with its headline, however long; a section heading further down names
    # less of it than that first line does
    heading = first_heading(text, above_text=True)
    if heading:
        return heading[0], "first heading", heading[1]
    lead = lead_line(text)
    if lead:
        return lead, "first line", 0
    heading = first_heading(text)
    return (heading[0], "first heading", heading[1]) if heading else None


def detect_document_type(text: str, title: str) -> tuple[str | None, str]:
    """(type, where it was read): a marker line on the first page ("PRESS RELEASE") wins,
    then the kind of document the title names ("Report on …" -> "report")."""
    for line in front_paragraphs(text):
        if is_marker(line):
            return kind_of(line), "front matter"
    kind = kind_of(title)
    return (kind, "title") if kind else (None, "not found")


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


# "this year compared to 2017", "este año frente a 2017": a comparison of the page's own year
_THIS_YEAR_AGAINST = re.compile(
    r"\b(?:this year|este año)\b[^.;]*?\b(?:compared (?:to|with)|than(?: in)?|versus|vs\.?|"
    r"respecto (?:a|al)|frente a|en comparación con)\s+(?:el\s+)?((?:19|20)\d\d)\b",
    re.I,
)


# A year a title cites or recalls rather than covers: "resolution 1373 (2001)", "the lowest murder
# rate since 1951", "a 41% drop from 2023" (not "Findings from 2022", "changes from 2019 to 2021").
_RECALLED_YEAR = re.compile(
    r"\([^)]*\)|\b(?:since|desde|depuis)\s+(?:19|20)\d\d"
    r"|\b(?:(?:drop|fall|rise|increase|decrease|decline|change)(?:s|d|ed|ped|ing|ping|en)?|fell|rose|down|up)\b"
    r"[^.;]{0,20}?\bfrom\s+(?:19|20)\d\d(?!\s*(?:to|-|–|and|through|until)\b)",
    re.I,
)


def detect_year(text: str, title: str = "", now: int | None = None, file_name: str = "") -> int | None:
    """The year a report covers.

    Rule: a year stated in the title ("the 2016 work plan") wins, unless it is in brackets
    (the date of something cited: "resolution 1373 (2001)"). Otherwise the latest year of a
    full date (day, month, year) in a sentence that reports something done rather than
    planned (no "will", "planned", "expected" ...); failing that, the latest year such a
    sentence mentions at all, a range such as "2017-2022" counting as its start. A number
    after the current year (`now`, today's by default) is no report's year: a vessel named
    "2066 Jaseong-ho", "the 2030 Agenda". Where the text dates nothing in full, a year the file
    is named with ("iraq-narcotics-2022.txt") is the one the person who filed it gave it, before
    the years its sentences recall ("since the civil war in 2011").
    """
    # ("resolution 1373 (2001)" cites a year; "the lowest murder rate since 1951" recalls one)
    in_title = _YEAR.findall(_RECALLED_YEAR.sub("", title))
    if in_title:
        return int(in_title[0])
    latest = now or date.today().year
    years: list[int] = []
    days: list[int] = []
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", text):
        if _FUTURE.search(sentence):
            continue
        days.extend(int(a or b) for a, b in _FULL_DATE.findall(sentence))
        # "a 21-percent decline this year compared to 2017": the page is of the year after
        years.extend(int(y) + 1 for y in _THIS_YEAR_AGAINST.findall(sentence))
        sentence = _RANGE.sub(lambda m: m.group(1), sentence)
        years.extend(int(y) for y in _YEAR.findall(sentence))
    days, years = [y for y in days if y <= latest], [y for y in years if y <= latest]
    named = {int(y) for y in _YEAR.findall(file_name) if int(y) <= latest}
    if not days and len(named) == 1:
        return named.pop()
    return max(days or years) if years or days else None
