"""Text normalisation shared by every file format.

The same report arrives as PDF, DOCX or plain text, and a quote cited from one must be
findable in the others, so all loaders reduce their input to `Line`s and this module turns
lines into one canonical text: one paragraph per line ("\\n"-separated), canonical bullets
("• "), single spaces, no page furniture, and PDF lines that were wrapped by the layout
re-joined into their paragraph. The loaders only decide *whether* a line may run on into
the next (a PDF line that reached the right margin); the rules here are the same for all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BULLET = "• "
# Bullet glyphs seen in Word/PDF exports; "" and "" are Symbol-font private-use bullets.
_BULLET_RE = re.compile(r"^(?:[·•▪◦‣∙●■□➢►❖✓\uf0b7\uf0a7\uf0d8\uf076]|o(?=\s)|-(?=\s))\s*")
# Every kind of space (tab, no-break, em, ideographic, stray "\r" or line separator in a PDF
# line) is one " ": chunk boundaries and quotes are found by splitting at spaces.
_SPACES = re.compile(r"[^\S\n]+")
# Zero-width marks, and U+FFFD: a glyph the converter could not decode carries no text
# and PDF extraction puts it in a different place than the DOCX/TXT export does.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\ufeff\ufffd]")
_NOISE = (
    re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$"),  # page headers such as "- 2 -"
    re.compile(r"^\[image:[^\]]*\]$", re.I),  # image placeholders left by converters
    re.compile(r"^page\s+\d+(\s+of\s+\d+)?$", re.I),
)
# Section labels: "II.", "A.", "A.1", "B.2.3", "1.", "a." — followed by text or alone.
_LABEL = r"(?:[IVXLC]{1,6}\.|[A-Z]\.(?:\d+(?:\.\d+)*\.?)?|[a-z]\.|\d{1,2}(?:\.\d+)+\.?|\d{1,2}\.)"
LABEL_START_RE = re.compile(rf"^{_LABEL}(?=\s)")
BARE_LABEL_RE = re.compile(rf"^{_LABEL}$")
_FORM_LABEL_RE = re.compile(r"^([A-Z][^:.;,()]{0,60}):(?:\s|$)")
_SMALL_WORDS = {"of", "and", "for", "the", "to", "in", "on", "at", "by", "a"}
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass(frozen=True)
class Line:
    """A line of source text; `may_continue` when the layout, not the author, ended it."""

    text: str
    page: int | None = None  # 0-based physical page, None for formats without pages
    may_continue: bool = False


def clean_line(text: str) -> str:
    """One line with canonical spaces and bullet; "" for page furniture."""
    text = _INVISIBLE.sub("", text).replace("\u00ad", "")
    text = _SPACES.sub(" ", text).strip()
    if any(pattern.match(text) for pattern in _NOISE):
        return ""
    match = _BULLET_RE.match(text)
    if match and len(text) > match.end():
        text = BULLET + text[match.end():]
    return text


def starts_block(text: str) -> bool:
    """True when a line can only be the start of a paragraph (bullet, section label)."""
    return text.startswith(BULLET) or bool(LABEL_START_RE.match(text)) or is_form_label(text)


def is_form_label(text: str) -> bool:
    """A form field such as "Telephone Number:" or "Contact Point 2:" at the line start."""
    match = _FORM_LABEL_RE.match(text)
    if not match:
        return False
    words = match.group(1).split()
    return len(words) <= 7 and all(
        w[0].isupper() or (w.isdigit() and len(w) <= 2) or w in _SMALL_WORDS for w in words
    )


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-cased words (hyphenated compounds kept whole) of a document."""
    return {word.lower() for text in texts for word in _WORD_RE.findall(text)}


def join_wrapped(left: str, right: str, words: set[str]) -> str:
    """Re-join two pieces of a paragraph the layout put on separate lines.

    A hyphen at the end of `left` is dropped only when the document itself spells the word
    closed ("cyber-" + "security" when "cybersecurity" occurs elsewhere) and never spells
    it hyphenated; otherwise it is kept ("public-" + "private"), because Word and
    LibreOffice exports break lines at real hyphens far more often than they hyphenate.
    """
    match = re.search(r"([A-Za-z]+)-$", left)
    if not match or not right[:1].isalnum():
        return f"{left} {right}"
    first = re.match(r"[a-z]+", right)
    if first:
        closed = (match.group(1) + first.group(0)).lower()
        hyphenated = f"{match.group(1)}-{first.group(0)}".lower()
        if closed in words and hyphenated not in words:
            return left[:-1] + right
    return left + right  # "IFC-" + "Singapore", "e-" + "commerce"


def _runs_on(previous: Line, line: Line) -> bool:
    """Whether `line` continues the paragraph `previous` belongs to."""
    if line.text.startswith(BULLET):
        return False
    if BARE_LABEL_RE.match(previous.text):  # "II." on its own line, title on the next
        return True
    return previous.may_continue and not starts_block(line.text)


def build_text(lines: Sequence[Line]) -> tuple[str, dict[int, int]]:
    """Normalised text from source lines, and the offset where each page's text starts.

    Paragraphs are separated by a single "\\n". A page whose first line continues the
    previous page's paragraph starts mid-paragraph, so citations still land on the page
    the reader sees.
    """
    cleaned = [Line(clean_line(l.text), l.page, l.may_continue) for l in lines]
    cleaned = [l for l in cleaned if l.text]
    words = vocabulary(l.text for l in cleaned)
    paragraphs: list[str] = []
    page_starts: dict[int, int] = {}
    offset = 0  # where the current paragraph starts in the final text
    current = ""
    previous: Line | None = None
    for line in cleaned:
        if previous is not None and _runs_on(previous, line):
            current = join_wrapped(current, line.text, words)
            start = offset + len(current) - len(line.text)
        else:
            if previous is not None:
                paragraphs.append(current)
                offset += len(current) + 1
            current, start = line.text, offset
        if line.page is not None and line.page not in page_starts:
            page_starts[line.page] = start
        previous = line
    if previous is not None:
        paragraphs.append(current)
    return "\n".join(paragraphs), page_starts


def normalize_text(text: str) -> str:
    """Normalise plain text whose lines are paragraphs (TXT, Markdown, DOCX paragraphs)."""
    return build_text([Line(line) for line in text.splitlines()])[0]
