"""Country names from a maintained source (pycountry's ISO 3166 data and its locale files).

Two gaps they close: a Spanish question names "Hungría" where the reports say "Hungary", and
staff type "MX, GT and Belize" where the reports spell the countries out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def _english_names(country) -> tuple[str, ...]:
    """The names an English report may use: the short name, the common and the official one."""
    names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
    return tuple(dict.fromkeys(n for n in names if n))


@lru_cache(maxsize=None)
def _names_in(locale: str) -> dict[str, tuple[str, ...]]:
    """Country name as pycountry's `locale` file writes it -> English names."""
    import gettext

    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
    out: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        english = _english_names(country)
        for name in english:
            translated = translation.gettext(name)
            if translated != name:  # "Chile" is Chile in both: nothing to bridge
                out.setdefault(translated, english)
    return out


def spanish_names() -> dict[str, tuple[str, ...]]:
    """Spanish country name (as pycountry's Spanish locale writes it) -> English names."""
    return _names_in("es")


# The locales besides Spanish whose country names a page may use ("Brésil", "Suisse", "Camarões").
OTHER_PAGE_LOCALES = ("fr", "pt", "pt_BR")


@lru_cache(maxsize=1)
def foreign_names() -> dict[str, tuple[str, ...]]:
    """Country name as a Spanish, French or Portuguese page writes it -> its English names."""
    from ingest.normalize import is_word  # (simplemma's English dictionary: offline, read once)

    out = dict(spanish_names())
    for locale in OTHER_PAGE_LOCALES:
        for translated, english in _names_in(locale).items():
            # (a French or Portuguese name English has as a word is none in an English text:
            # "Chili", "Grenade"; the Spanish ones are read as `spanish_names` reads them)
            if not is_word(translated.lower()):
                out.setdefault(translated, english)
    return out


@lru_cache(maxsize=1)
def _foreign_of_english() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for foreign, english in foreign_names().items():
        for name in english:
            out.setdefault(name.lower(), []).append(foreign)
    return {name: tuple(dict.fromkeys(found)) for name, found in out.items()}


def foreign_names_of(name: str) -> tuple[str, ...]:
    """The Spanish, French and Portuguese names of the country an English name names ("brazil"
    -> Brasil, Brésil): an English question about Brazil is answered by a page that never writes
    "Brazil"."""
    return tuple(
        dict.fromkeys(
            f for english in country_names(name) or {name.lower()} for f in _foreign_of_english().get(english, ())
        )
    )


@lru_cache(maxsize=1)
def _by_code() -> dict[str, tuple[str, ...]]:
    import pycountry

    out: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        for code in (country.alpha_2, country.alpha_3):
            out[code.lower()] = _english_names(country)
    return out


def names_for_code(code: str) -> tuple[str, ...]:
    """The English names of the country an ISO code stands for ("mx" -> Mexico); () if none."""
    return _by_code().get(code.lower(), ()) if len(code) in (2, 3) and code.isalpha() else ()


@lru_cache(maxsize=1)
def one_word_names() -> frozenset[str]:
    """Countries whose English name is one word, lower case ("chile", "peru"): staff type
    them in lower case too, and they are names all the same."""
    import pycountry

    return frozenset(
        name.lower() for country in pycountry.countries for name in _english_names(country) if name.isalpha()
    )


@lru_cache(maxsize=1)
def _all_names() -> frozenset[str]:
    import pycountry

    return frozenset(name.lower() for country in pycountry.countries for name in _english_names(country))


@lru_cache(maxsize=1)
def _names_of_country() -> dict[str, frozenset[str]]:
    import pycountry

    out: dict[str, frozenset[str]] = {}
    for country in pycountry.countries:
        names = frozenset(n.lower() for n in _english_names(country))
        for name in names:
            out[name] = names
    return out


# The kinds of subdivision that are a country of their own in the ISO list too: a territory of
# another ("Martinique", France's; "Puerto Rico", the United States'; "Aruba", the Netherlands').
# (a province, state or city merely named like a country is no part of it: Georgia, Luxembourg)
_TERRITORY_KINDS = re.compile(r"overseas|outlying|special administrative|^country$", re.I)


@lru_cache(maxsize=1)
def _sovereigns() -> dict[str, frozenset[str]]:
    """A territory's English names (lower case) -> the English names of the country it is part of."""
    import pycountry

    by_alpha2 = {c.alpha_2: c for c in pycountry.countries}
    by_name = {name.lower(): c for c in pycountry.countries for name in _english_names(c)}
    out: dict[str, frozenset[str]] = {}
    for sub in pycountry.subdivisions:
        if not _TERRITORY_KINDS.search(sub.type) or sub.country_code not in by_alpha2:
            continue
        # (by its code, its English name, or its French one: "Guyane (française)", "La Réunion")
        plain = re.sub(r"^(?:la|le|les)\s+|[()]", "", sub.name, flags=re.I)
        english = foreign_names().get(plain, ())
        territory = (
            by_alpha2.get(sub.code.split("-")[1])
            or by_name.get(plain.lower())
            or next((by_name[e.lower()] for e in english if e.lower() in by_name), None)
        )
        if territory is None or territory.alpha_2 == sub.country_code:
            continue
        sovereign = frozenset(n.lower() for n in _english_names(by_alpha2[sub.country_code]))
        for name in _english_names(territory):
            out[name.lower()] = sovereign
    return out


def sovereigns_of(name: str) -> frozenset[str]:
    """The English names (lower case) of the country a territory is part of ("martinique" ->
    france): a page on the territory names that country as its own. Empty for any other name."""
    return _sovereigns().get(name.strip().lower().removeprefix("the "), frozenset())


def country_names(name: str) -> frozenset[str]:
    """Every English name (lower case) of the country one of them names: "kyrgyzstan" -> also
    "kyrgyz republic", the official name a page may use instead; empty for no country."""
    return _names_of_country().get(name.strip().lower().removeprefix("the "), frozenset())


def is_country(name: str) -> bool:
    """Is `name` ("Myanmar", "the Republic of Korea") a country's English name?"""
    low = name.strip().lower()
    return low.removeprefix("the ") in _all_names() or low in _all_names()


# Longest run of capitalised words tried as one country name ("Saint Vincent and the Grenadines").
COUNTRY_NAME_WORDS = 5


def countries_in(text: str) -> set[str]:
    """The countries a text names (lower case), found by their English names, not by a tagger
    (which misses "Uruguay" opening a sentence)."""
    words = re.findall(r"[A-Z][\w-]*|of|the|and", text)  # "Colombia’s": the name without its possessive
    found = set()
    for i, w in enumerate(words):
        if not w[0].isupper():
            continue
        for n in range(min(COUNTRY_NAME_WORDS, len(words) - i), 0, -1):
            name = " ".join(words[i : i + n])
            if is_country(name) and re.search(rf"\b{re.escape(name)}\b", text):
                found.add(name.lower())
                break
    return found


def _names_pattern(names: Iterable[str], after: str = "") -> re.Pattern[str]:
    """One alternation of whole names, the longest first ("Guinea-Bissau" before "Guinea")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b" + after)


@lru_cache(maxsize=1)
def _spanish_pattern() -> re.Pattern[str]:
    return _names_pattern(spanish_names())


def in_english(text: str) -> str:
    """The text with the countries it names in Spanish named in English ("Estados Unidos" ->
    "United States"), by the first of their English names."""
    return _spanish_pattern().sub(lambda m: spanish_names()[m.group(0)][0], text)


@lru_cache(maxsize=1)
def _foreign_pattern() -> re.Pattern[str]:
    # (not a first name before a surname: "Dominique Martin", "Maurício Souza")
    return _names_pattern(foreign_names(), r"(?!\s+[A-ZÀ-Þ][a-zà-ÿ])")


@lru_cache(maxsize=256)
def english_of_foreign(text: str) -> frozenset[str]:
    """The English names of the countries a Spanish, French or Portuguese text names ("España",
    "Brésil"): an English question about Spain is answered by a Spanish page that never writes
    "Spain"."""
    return frozenset(e for m in _foreign_pattern().finditer(text) for e in foreign_names()[m.group(0)])


@lru_cache(maxsize=1)
def demonyms() -> dict[str, frozenset[str]]:
    """Demonym -> the English names of its country, both folded ("swiss" -> switzerland; "dutch"
    -> netherlands), from the maintained REST Countries data that `countryinfo` ships: a question
    about "Switzerland's intelligence service" is answered by a page on "the Swiss secret service",
    and no ending rule links Swiss to Switzerland, Dutch to the Netherlands or Danish to Denmark."""
    import pycountry
    from countryinfo import all_countries

    out: dict[str, set[str]] = {}
    for entry in all_countries():
        names = {entry.name()}
        iso = (entry.iso() or {}).get("alpha2")
        known = pycountry.countries.get(alpha_2=iso) if iso else None
        if known is not None and entry.name() in (known.name, getattr(known, "common_name", None)):
            names.update(_english_names(known))  # the same country under its ISO names too
        for demonym in re.split(r"[,/]", entry.demonym() or ""):
            if demonym.strip():
                out.setdefault(demonym.strip().lower(), set()).update(n.lower() for n in names)
    return {d: frozenset(n) for d, n in out.items()}


@lru_cache(maxsize=1)
def _demonyms_by_country() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for demonym, names in demonyms().items():
        for name in names:
            out.setdefault(name, set()).add(demonym)
    return {name: frozenset(found) for name, found in out.items()}


def demonyms_of(country: str) -> frozenset[str]:
    """The demonyms of a folded country name ("costa rica" -> "costa rican")."""
    return _demonyms_by_country().get(country, frozenset())


def demonym_of_one(demonym: str) -> bool:
    """Does the demonym name the people of one country only ("costa rican"; not "dominican", of
    Dominica and of the Dominican Republic)?"""
    names = demonyms().get(demonym, frozenset())
    return bool(names) and all(names <= country_names(n) | {n} for n in names)


def same_country(a: str, b: str) -> bool:
    """Is one folded word the demonym of the country the other names ("swiss", "switzerland")?"""
    return b in demonyms().get(a, ()) or a in demonyms().get(b, ())


def names_country(name: str) -> bool:
    """Is a folded name a country's name, ISO code ("us", "uk" as typed in capitals) or demonym
    ("polish", "swiss")?"""
    return is_country(name) or bool(names_for_code(name)) or name in demonyms()


def names_a_country(text: str) -> bool:
    """Does a text name any country, in English, Spanish, French or Portuguese?"""
    return bool(countries_in(text) or english_of_foreign(text))
