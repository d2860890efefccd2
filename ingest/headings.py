"""Recognise section headings in normalised report text.

Policy reports mark structure in a few recurring ways: numbered labels ("II.", "B.",
"A.3"), generic headings ("Introduction"), ALL-CAPS form questions, "Contact Point" blocks
in questionnaires and short bullet lines used as sub-headings. A smaller level number is a
higher rank; the chunker keeps a stack of open headings to build section paths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.normalize import BULLET
from ingest.tables import row_keys

LEVEL_PART = 1  # "I. COUNTER-TERRORISM CAPACITY-BUILDING SECTION"
LEVEL_SECTION = 2  # "A. Cybersecurity", "Introduction"
LEVEL_SUBSECTION = 3  # "A.2 Protect Port Facilities ..."
LEVEL_QUESTION = 4  # "MEASURES UNDERTAKEN SINCE LAST UPDATE TO IMPLEMENT COMMITMENTS"
LEVEL_CONTACT = 5  # "Contact Point: Name: ..."
LEVEL_TOPIC = 6  # "• Tourism security" followed by prose

_MAX_HEADING_CHARS = 160  # longer lines are prose, whatever they start with
_MAX_TOPIC_CHARS = 100
_MAX_PATH_NAME = 120

_ROMAN = re.compile(r"^([IVXLC]{1,6})\.\s+\S")
_LETTER = re.compile(r"^[A-Z]\.\s+\S")
_SUBSECTION = re.compile(r"^[A-Z]\.\d+(?:\.\d+)*\.?\s+\S")
_NAMED = re.compile(
    r"^(?:introduction|executive summary|summary|background|conclusions?|recommendations|"
    r"annex(?:es)?(?: [A-Z0-9]+)?|appendix(?: [A-Z0-9]+)?|foreword|preface)$",
    re.I,
)
_CONTACT = re.compile(r"^(?:Contact Point\b[^:]{0,60}:|[A-Z][\w ]{0,60}Point of Contact:)")
_TERMINAL = re.compile(r"[.;:!?][”\"’)\]]*$")


@dataclass(frozen=True)
class Heading:
    level: int
    name: str  # how the heading appears in a section path


def is_generic_heading(text: str) -> bool:
    """A heading any report may have ("Introduction", "Annex II"): it names no document."""
    return bool(_NAMED.match(text.strip().rstrip(" :")))


def section_name(text: str) -> str:
    """A heading's text as it reads in a path: no bullet, no trailing colon, first sentence."""
    text = text.removeprefix(BULLET).strip()
    first = re.split(r"(?<=[?!])\s", text, maxsplit=1)[0]
    first = first.rstrip(" :")
    if len(first) > _MAX_PATH_NAME:
        first = first[:_MAX_PATH_NAME].rsplit(" ", 1)[0] + "…"
    return first


def is_caps(text: str) -> bool:
    """Mostly upper-case words: how questionnaires print their questions."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def labelled_heading(text: str, last_letter: str | None = None) -> Heading | None:
    """Headings that announce themselves: numbered labels and generic section names.

    "C." and "I." are both letters and Roman numerals: a letter that follows the previous
    lettered heading ("B." then "C.") is a letter, otherwise it is a numeral.
    """
    if len(text) > _MAX_HEADING_CHARS:
        return None
    if _NAMED.match(text.rstrip(" :")):
        return Heading(LEVEL_SECTION, section_name(text))
    sentence_like = text.endswith(".") and not is_caps(text)
    if sentence_like:
        return None
    if _SUBSECTION.match(text):
        return Heading(LEVEL_SUBSECTION, section_name(text))
    roman = _ROMAN.match(text)
    follows_letter = last_letter is not None and text[0] == chr(ord(last_letter) + 1)
    if roman and not (len(roman.group(1)) == 1 and follows_letter):
        return Heading(LEVEL_PART, section_name(text))
    if _LETTER.match(text):
        return Heading(LEVEL_SECTION, section_name(text))
    return None


def _is_topic(paragraphs: Sequence[str], index: int) -> bool:
    """A short bullet without final punctuation that introduces prose, not a list item."""
    text = paragraphs[index]
    if not text.startswith(BULLET) or len(text) > _MAX_TOPIC_CHARS or _TERMINAL.search(text):
        return False
    previous = paragraphs[index - 1] if index else ""
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
    return (
        not previous.startswith(BULLET)
        and bool(following)
        and not following.startswith(BULLET)
        and bool(_TERMINAL.search(following))
        and len(following) >= 60
    )


def classify(paragraphs: Sequence[str], index: int, in_body: bool, last_letter: str | None = None) -> Heading | None:
    """The heading that paragraph `index` is, or None for body text.

    Unlabelled headings (ALL-CAPS, contact blocks, bullet topics) count only `in_body`,
    i.e. after the first labelled heading: before it, title pages are full of capitals.
    `last_letter` is the label of the latest "A."-style heading, to tell "C." from "C" (100).
    """
    text = paragraphs[index]
    if row_keys(text):  # a table row ("Contact Point: ... · Status: ...") is content
        return None
    heading = labelled_heading(text, last_letter)
    if heading or not in_body:
        return heading
    if _CONTACT.match(text):
        return Heading(LEVEL_CONTACT, "Contact Point")
    if _is_topic(paragraphs, index):
        return Heading(LEVEL_TOPIC, section_name(text))
    if not text.startswith(BULLET) and len(text.split()) >= 2 and is_caps(text):
        return Heading(LEVEL_QUESTION, section_name(text))
    return None
