"""Which organisation a report comes from, read from what the report says about itself.

No list of known organisations: the evidence is the report's letterhead (lines at the top
that are names of bodies: "United Nations" / "Security Council" / "Counter-Terrorism
Committee"), the acronyms it defines ("Financial Action Task Force (FATF)") and how often
it names them. A committee or secretariat that the text places inside a larger
organisation ("OAS member states", "… (CICTE) of the Organization of American States (OAS)")
is reported with it: "CICTE/OAS".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FRONT_MATTER_CHARS = 2500  # title pages: evidence here outweighs a passing mention later
_FRONT_WEIGHT = 4  # a front-matter mention counts this many times more
_LETTERHEAD_LINES = 12  # paragraphs at the top where a letterhead can be
_NAME_LINE_CHARS = 90

# Nouns that head the name of a body ("... Committee", "... Task Force"): domain vocabulary.
_BODY_NOUNS = (
    r"Agency|Alliance|Assembly|Association|Authority|Bank|Board|Bureau|Centre|Center|Commission|"
    r"Committee|Community|Conference|Council|Court|Department|Directorate|Forum|Fund|Group|Institute|"
    r"Ministry|Nations|Network|Office|Organi[sz]ation|Parliament|Partnership|Programme|Secretariat|"
    r"Service|Task Force|Union|Cooperation"
)
# Bodies that belong to a larger organisation: reported as "BODY/PARENT" when the text names it.
_SUB_BODY = re.compile(r"\b(?:Committee|Sub-?committee|Secretariat|Directorate|Working Group)\b", re.I)
_BODY = re.compile(rf"\b(?:{_BODY_NOUNS})\b", re.I)
_ACRONYM = r"[A-Z][A-Z&]{1,9}"
_NAME_WORD = r"(?:[A-Z][\w’'&.-]*|of|the|and|for|against|on|in|to|de|del|la|el)"
_DEFINITION = re.compile(rf"\b((?:{_NAME_WORD}\s+){{0,11}}{_NAME_WORD})\s*\(({_ACRONYM})\)")
_MEMBERS_OF = r"[Mm]ember (?:[Ss]tates|[Ee]conomies|[Cc]ountries)"
_MEMBERS = re.compile(rf"\b({_ACRONYM}|[A-Z][\w-]+(?: [A-Z][\w-]+){{0,3}})(?:[’']s)? {_MEMBERS_OF}")
# What only an organisation has: members, leaders, ministers, a secretariat, a plenary, a chair.
_ORGAN = r"[Mm]embers|Leaders|Ministers|Secretariat|Plenary|Chair|Presidency"
_ORGANS = re.compile(rf"\b({_ACRONYM})(?:[’']s?)? (?:{_MEMBERS_OF}|{_ORGAN})\b")
_FUNCTION_WORDS = {"of", "the", "and", "for", "against", "on", "in", "to", "de", "del", "la", "el"}


@dataclass(frozen=True)
class Body:
    """An organisation named in the text: its acronym when it has one, else its name."""

    name: str
    acronym: str | None = None

    @property
    def label(self) -> str:
        return self.acronym or self.name


def detect_organisation(text: str, letterhead_ends: int | None = None) -> str | None:
    """The organisation a report comes from: "FATF", "CICTE/OAS"; None without evidence.

    `letterhead_ends` is the paragraph where the title starts, when known: a body named
    after it ("… of the Ruritanian / Council on Maritime Security") is not the letterhead.
    """
    definitions = defined_acronyms(text)
    body = letterhead_body(text, definitions, letterhead_ends) or most_named_body(text, definitions)
    if body is None:
        return None
    parent = parent_of(text, body, definitions)
    return f"{body.label}/{parent}" if parent else body.label


def initials(name: str) -> str:
    """ "Inter-American Committee against Terrorism" -> "IACT" (function words skipped)."""
    parts = re.split(r"[\s-]+", name)
    return "".join(p[0].upper() for p in parts if p and p.lower() not in _FUNCTION_WORDS and p[0].isalpha())


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym -> the name the text defines it with ("Financial Action Task Force (FATF)").

    The name is the shortest run of words before the brackets whose initials spell the
    acronym; an acronym of another language ("… against Terrorism (CICTE)") keeps the
    whole capitalised run, from its first word that is not a function word.
    """
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        if acronym in found:
            continue
        for size in range(1, len(words) + 1):
            if initials(" ".join(words[-size:])) == acronym:
                found[acronym] = " ".join(words[-size:])
                break
        else:
            while words and words[0].lower() in _FUNCTION_WORDS:
                words = words[1:]
            if words and _BODY.search(" ".join(words)):
                found[acronym] = " ".join(words)
    return found


def is_name_line(line: str) -> bool:
    """A letterhead line: the name of a body and nothing else ("Security Council")."""
    line = re.sub(rf"\s*\({_ACRONYM}\)$", "", line.strip())
    words = line.split()
    if not words or len(line) > _NAME_LINE_CHARS or words[0].lower() in _FUNCTION_WORDS:
        return False
    capitalised = all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in words)
    return capitalised and bool(_BODY.search(line)) and not re.search(r"\d|[.:;,]$", line)


def _body_of(line: str, text: str, definitions: dict[str, str]) -> Body:
    """A letterhead line as a Body, with the acronym the text uses for it."""
    bracketed = re.search(rf"\(({_ACRONYM})\)$", line.strip())
    name = re.sub(rf"\s*\({_ACRONYM}\)$", "", line.strip())
    if bracketed:
        return Body(name, bracketed.group(1))
    for acronym, defined in definitions.items():
        if defined.lower() == name.lower():
            return Body(name, acronym)
    guess = initials(name)
    if len(guess) >= 2 and re.search(rf"\b{guess}\b", text):
        return Body(name, guess)
    return Body(name)


def letterhead_body(text: str, definitions: dict[str, str], ends: int | None = None) -> Body | None:
    """The most specific body of the letterhead: the last name line at the top of the text.

    A letterhead runs from general to specific ("United Nations" / "Security Council" /
    "Counter-Terrorism Committee"); it ends at the title (paragraph `ends`) or where the
    body text starts (a sentence).
    """
    last = None
    for line in text[:FRONT_MATTER_CHARS].split("\n")[: min(_LETTERHEAD_LINES, ends if ends is not None else 10**6)]:
        if line.endswith(".") and len(line.split()) >= 8:
            break
        if is_name_line(line):
            last = line
    return _body_of(last, text, definitions) if last else None


def _mentions(text: str, body: Body) -> int:
    count = len(re.findall(rf"\b{re.escape(body.acronym)}\b", text)) if body.acronym else 0
    if body.name != body.acronym:
        count += len(re.findall(re.escape(body.name), text, re.I))
    return count


def most_named_body(text: str, definitions: dict[str, str]) -> Body | None:
    """Without a letterhead: the body the text names most, front-matter mentions weighted.

    Candidates are bodies the text shows to be organisations: defined with a body noun
    ("… Committee (CTC)"), named on a line of their own on the first page, or with
    members, leaders or a secretariat ("APEC member economies", "the FATF Plenary").
    """
    candidates = [Body(name, acronym) for acronym, name in definitions.items() if _BODY.search(name)]
    candidates += filter(None, (_member_body(m.group(1), definitions) for m in _MEMBERS.finditer(text)))
    candidates += [Body(definitions.get(m.group(1), m.group(1)), m.group(1)) for m in _ORGANS.finditer(text)]
    front = text[:FRONT_MATTER_CHARS]
    candidates += [_body_of(line, text, definitions) for line in front.split("\n") if is_name_line(line)]
    scored = {b.label: (_mentions(text, b) + _FRONT_WEIGHT * _mentions(front, b), b) for b in candidates}
    if not scored:
        return None
    return max(scored.values(), key=lambda pair: pair[0])[1]


def _member_body(name: str, definitions: dict[str, str]) -> Body | None:
    """The body before "member states": its last acronym ("All OAS" -> OAS), or a body name."""
    acronyms = re.findall(rf"\b{_ACRONYM}\b", name)
    if acronyms:
        return Body(definitions.get(acronyms[-1], acronyms[-1]), acronyms[-1])
    if not _BODY.search(name):
        return None
    return Body(name, next((a for a, n in definitions.items() if n.lower() == name.lower()), None))


def parent_of(text: str, body: Body, definitions: dict[str, str]) -> str | None:
    """The organisation a committee or secretariat belongs to, when the text says so.

    "(CICTE) of the Organization of American States (OAS)" says it directly; otherwise the
    organisation whose "member states" the text speaks of most.
    """
    if not _SUB_BODY.search(body.name):
        return None
    if body.acronym:
        direct = re.search(rf"\({body.acronym}\) of the [^()\n]{{3,80}}\(({_ACRONYM})\)", text)
        if direct and direct.group(1) != body.acronym:
            return direct.group(1)
    members = filter(None, (_member_body(m.group(1), definitions) for m in _MEMBERS.finditer(text)))
    parents = [b.label for b in members if b.label != body.label and not _inside(b.name, body)]
    return max(set(parents), key=parents.count) if parents else None


def _inside(candidate: str, body: Body) -> bool:
    """ "Member States" of the body itself, or a word of its own name."""
    return candidate.lower() in body.name.lower()
