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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SOFT_HYPHEN = "\u00ad"
_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)[-\u2010]$")
# Prefixes English writes with a hyphen before a word ("co-operation", "non-state",
# "self-assessment"); a hyphenation program rarely splits a word right after them.
HYPHEN_PREFIXES = frozenset({"co", "non", "self"})
# Closed-class English words (articles, prepositions, conjunctions, possessives): a sentence
# does not end on one, so a text line ending on one was wrapped, not ended ("held in
# Strasbourg, from" / "17 to 18 November 2009").
_NEVER_LAST = frozenset(
    """a an the of to from in on at by for with without under between into onto upon via
    and or nor but than as that whose its their our his her your this these those""".split()
)
_LAST_WORD = re.compile(r"([^\W\d_]+)$")


@dataclass(frozen=True)
class Line:
    """A line of source text; `may_continue` when the layout, not the author, ended it."""

    text: str
    page: int | None = None  # 0-based physical page, None for formats without pages
    may_continue: bool = False


def clean_line(text: str) -> str:
    """One line with canonical spaces and bullet; "" for page furniture.

    Soft hyphens go, except one ending the line: it marks a word broken by the layout,
    which `join_wrapped` joins (and `build_text` drops when nothing follows).
    """
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()
    soft_break = text.endswith(SOFT_HYPHEN) and len(text) > 1
    text = text.replace(SOFT_HYPHEN, "").rstrip() + (SOFT_HYPHEN if soft_break else "")
    if any(pattern.match(text) for pattern in _NOISE):
        return ""
    match = _BULLET_RE.match(text)
    if match and len(text) > match.end():
        text = BULLET + text[match.end() :]
    return text


def ends_mid_phrase(text: str) -> bool:
    """A line that stops where no sentence can: on an article, a preposition or a conjunction."""
    match = _LAST_WORD.search(text.rstrip())
    return bool(match) and match.group(1).lower() in _NEVER_LAST


_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)\]]*$")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


# Plain text wrapped at a fixed width: most lines end near the same right margin.
WRAP_MIN_LINES = 8
WRAP_MIN_WIDTH = 30  # narrower still: lines of their own (addresses, lists), whatever their share
WRAP_COLUMN_WIDTH = 60  # below this, a narrow column (a newsletter's): wrapped only if mid-sentence breaks show it
WRAP_MAX_WIDTH = 160
WRAP_NEAR_MARGIN = 0.85  # a line this close to the margin reached it
WRAP_SHARE = 0.3  # the share of lines that must reach it for the text to count as wrapped


def wrap_margin(lines: Sequence[str]) -> int | None:
    """The right margin of text wrapped at a fixed width (about 70-100 characters in e-mails and
    exports), or None when its lines are paragraphs of their own.

    A web page may quote a wrapped passage (a wire story, an e-mail) among paragraphs of one line
    each: the margin is then that of the shorter lines, where breaks in mid-sentence show it."""
    written = [line.rstrip() for line in lines if line.strip()]
    margin = _margin(written, breaks=False)
    if margin is None:
        short = [line for line in written if len(line) <= WRAP_MAX_WIDTH]
        if len(short) < len(written):
            found = _margin(short, breaks=True)  # (a list of short lines of their own is no wrapped passage)
            margin = found if found is not None and found >= WRAP_COLUMN_WIDTH else None
    return margin


def _margin(written: Sequence[str], breaks: bool) -> int | None:
    """The margin `wrap_margin` finds in these lines; with `breaks`, only where lines that reach
    it and end no sentence go on in lower case often enough (as for a narrow column)."""
    lengths = sorted(map(len, written))
    if len(lengths) < WRAP_MIN_LINES:
        return None
    margin = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(n >= WRAP_NEAR_MARGIN * margin for n in lengths) / len(lengths)
    if not (WRAP_MIN_WIDTH <= margin <= WRAP_MAX_WIDTH and near >= WRAP_SHARE):
        return None
    if breaks or margin < WRAP_COLUMN_WIDTH:  # short lines of their own (an address) reach a margin too
        reached = [
            b for a, b in zip(written, written[1:]) if len(a) >= WRAP_NEAR_MARGIN * margin and not ends_sentence(a)
        ]
        if sum(b.lstrip()[:1].islower() for b in reached) < WRAP_SHARE * max(1, len(reached)):
            return None
    return margin


_TABLE_ROW = re.compile(r"^\||\S(?: {2,}|\t)\S")  # a "|" row, or cells set apart by column gaps


def wrapped_on(text: str, after: str, margin: int | None) -> bool:
    """In text wrapped at `margin` (see `wrap_margin`), does this line run on into the next? It
    has no sentence end, is no table row, and reached the margin or is followed by a line opening
    in lower case ("... of the Colombo Plan member countries" / "was held in ...")."""
    if margin is None or not text.strip() or ends_sentence(text) or _TABLE_ROW.search(text.strip()):
        return False
    if len(text.rstrip()) * WRAP_NEAR_MARGIN > margin:  # far past the margin: a paragraph of its own
        return False
    return len(text.rstrip()) >= WRAP_NEAR_MARGIN * margin or after.lstrip()[:1].islower()


def runs_across_blank(text: str, later: str) -> bool:
    """A line that runs on into the next written one, whatever lies between (a blank line, a
    paragraph break of a DOCX export, a PDF layout break): a line of prose with no sentence end
    that stops where no sentence can (on "of the") or before a line opening where no paragraph
    does, in lower case or with a bracketed figure ("... a record number of reports" /
    "(463,938), with ..."). Exports from PDF break mid-sentence like this; a short line before
    a blank one ("It met again in" / "March.") is left a paragraph of its own."""
    text, later = text.strip(), later.lstrip()
    if not text or not later or ends_sentence(text) or text.startswith("|") or starts_block(later):
        return False
    # a heading or a form field ("Original: Spanish") ends without a full stop, and a title set
    # in small capitals may follow it in lower case: only a line of prose runs on
    if len(text.split()) < PROSE_MIN_WORDS:
        return False
    return ends_mid_phrase(text) or later[:1].islower() or bool(_BRACKETED_FIGURE.match(later))


PROSE_MIN_WORDS = 6  # shorter lines without a full stop are headings, labels or table cells
_BRACKETED_FIGURE = re.compile(r"\(\d")


# A line whose first words end a sentence ("Parliament (PN). The 2018 Annual Reports ...") ends the
# one the line before left open, when that one is prose: at most this many words before the stop.
FINISHING_WORDS = 3
_FINISHING = re.compile(rf"^((?:\S+\s+){{0,{FINISHING_WORDS - 1}}}\S*[a-z)\]][.!?;]['\"”’)\]]*)\s+[A-Z\d\"“(]")


_ABBREVIATION_STOP = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|No|Nos|St|Prof|Gen|Col|Capt|Sr|Jr|Hon|Rev|vs|etc|e\.g|i\.e)\.\S*$", re.I
)


def finished_on(text: str, later: str) -> bool:
    """Does a line of prose with no sentence end (" ... to the National") run on into a line that
    opens by ending a sentence ("Parliament (PN). The 2018 ...")? Text pasted from a PDF breaks
    anywhere; a heading stands before a whole sentence, a numbered paragraph ("2. In 2019")."""
    text, later = text.strip(), later.lstrip()
    if not text or ends_sentence(text) or text.startswith("|") or len(text.split()) < PROSE_MIN_WORDS:
        return False
    # a title ("Overview of the 2031 Annual Report on Floods") capitalises most of its words
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if sum(w[0].isupper() for w in words) * 2 >= len(words):
        return False
    m = _FINISHING.match(later)
    # "Mr. President, ...", "No. 1": an abbreviation's stop ends no sentence
    return bool(m) and not starts_block(later) and not _ABBREVIATION_STOP.search(m.group(1))


def starts_block(text: str) -> bool:
    """True when a line can only be the start of a paragraph (bullet, section label)."""
    return text.startswith(BULLET) or bool(LABEL_START_RE.match(text)) or is_form_label(text)


def is_form_label(text: str) -> bool:
    """A form field such as "Telephone Number:" or "Contact Point 2:" at the line start."""
    match = _FORM_LABEL_RE.match(text)
    if not match:
        return False
    words = match.group(1).split()
    return len(words) <= 7 and all(w[0].isupper() or (w.isdigit() and len(w) <= 2) or w in _SMALL_WORDS for w in words)


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """How often each lower-cased word (hyphenated compounds kept whole) occurs in a document."""
    return Counter(word.lower() for text in texts for word in _WORD_RE.findall(text))


def join_wrapped(left: str, right: str, words: Mapping[str, int]) -> str:
    """Re-join two pieces of a paragraph the layout put on separate lines.

    A word cut at the line end ("Guate-" + "mala") is joined whole; a real hyphen
    ("public-" + "private") is kept. `words` is the document's own vocabulary (see
    `keeps_hyphen`). A soft hyphen (U+00AD) marks a break the author allowed, never a hyphen.
    """
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    match = _LINE_END_HYPHEN.search(left)
    if not match or not right[:1].isalnum():
        return f"{left} {right}"
    first = re.match(r"[^\W\d_]+", right)
    if first and not keeps_hyphen(match.group(1), first.group(0), words):
        return left[: match.end(1)] + right
    return left + right  # "IFC-" + "Singapore", "e-" + "commerce", "COVID-" + "19"


def keeps_hyphen(stem: str, rest: str, words: Mapping[str, int]) -> bool:
    """Whether "stem-" at a line end + "rest" on the next line is a hyphenated compound.

    Evidence, strongest first: how the document itself spells the word elsewhere (closed
    "cybersecurity" vs "cyber-security", the more frequent wins); a capitalised continuation
    ("Asia-" + "Pacific", "IFC-" + "Singapore"); a one-letter stem ("e-" + "commerce") or a
    compounding prefix ("co-", "non-", "self-"); an English lexicon (the joined form is a word:
    "inter-" + "national"; both halves are words and the joined form is not: "public-" +
    "private"). Without any, a lower-case continuation is a word the layout broke ("Guate-mala").
    """
    closed, hyphenated = words.get(f"{stem}{rest}".lower(), 0), words.get(f"{stem}-{rest}".lower(), 0)
    if closed != hyphenated:
        return hyphenated > closed
    if rest[0].isupper() and not (stem.isupper() and rest.isupper()):
        return True
    if len(stem) == 1 or stem.lower() in HYPHEN_PREFIXES:
        return True
    if is_word(f"{stem}{rest}"):
        return False
    return is_word(stem) and is_word(rest)


@lru_cache(maxsize=4096)
def is_word(token: str) -> bool:
    """An English word according to simplemma's dictionary (inflected forms included)."""
    import simplemma  # lazy: consulted only for line-end hyphens the document cannot settle

    return simplemma.is_known(token.lower(), lang="en")


def breaks_word(previous: str, following: str) -> bool:
    """A line ending in a letter and a hyphen, continued in lower case on the next line."""
    return bool(_LINE_END_HYPHEN.search(previous) or previous.endswith(SOFT_HYPHEN)) and following[:1].islower()


def _runs_on(previous: Line, line: Line) -> bool:
    """Whether `line` continues the paragraph `previous` belongs to."""
    if line.text.startswith(BULLET) or BARE_LABEL_RE.match(line.text):  # "1." alone opens an item
        return False
    if BARE_LABEL_RE.match(previous.text):  # "II." on its own line, title on the next
        return True
    if breaks_word(previous.text, line.text):  # a hyphen ends the line, the word goes on
        return True
    if runs_across_blank(previous.text, line.text):  # whatever the format put between them
        return True
    return previous.may_continue and not starts_block(line.text)


def build_text(lines: Sequence[Line]) -> tuple[str, dict[int, int]]:
    """Normalised text from source lines, and the offset where each page's text starts.

    Paragraphs are separated by a single "\\n". A page whose first line continues the
    previous page's paragraph starts mid-paragraph, so citations still land on the page
    the reader sees.
    """
    cleaned = [Line(clean_line(line.text), line.page, line.may_continue) for line in lines]
    cleaned = [line for line in cleaned if line.text]
    words = vocabulary(line.text for line in cleaned)
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
                paragraphs.append(current.removesuffix(SOFT_HYPHEN))
                offset += len(paragraphs[-1]) + 1
            current, start = line.text, offset
        if line.page is not None and line.page not in page_starts:
            page_starts[line.page] = start
        previous = line
    if previous is not None:
        paragraphs.append(current.removesuffix(SOFT_HYPHEN))
    return "\n".join(paragraphs), page_starts


def normalize_text(text: str) -> str:
    """Normalise plain text whose lines are paragraphs (TXT, Markdown, DOCX paragraphs)."""
    return build_text([Line(line) for line in text.splitlines()])[0]
