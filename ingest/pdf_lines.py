"""Text lines of PDF pages with their geometry.

pypdf gives a page's text as lines, but a PDF has no paragraphs: a line may end because
the paragraph ended or because the text reached the right margin. Telling the two apart
needs to know where each line ends on the page and how wide the next word is, so this
module measures lines with the fonts' own glyph widths (``/Widths`` + ``/ToUnicode``).
It is the only module that touches pypdf page objects besides the loader.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from ingest.normalize import Line

logger = logging.getLogger(__name__)

DEFAULT_GLYPH_WIDTH = 500.0  # thousandths of an em: a typical average for Latin text fonts
_HEX = r"<([0-9A-Fa-f]+)>"
INDENT_POINTS = 5.0  # a first-line indent is at least this far right of the line above
MARGIN_TOLERANCE = 1.0  # points of slack for rounding in glyph widths
_ENDS_IN_HYPHEN = re.compile(r"[^\W\d_][-\u2010\u00ad]$")


@dataclass(frozen=True)
class PdfLine:
    """One visual line: its text, where it starts and ends, and how to measure words on it."""

    text: str
    page: int  # 0-based physical page index
    x: float  # left edge, in points
    right: float  # right edge of the last non-space glyph, in points
    widths: dict[str, float]  # glyph widths (1/1000 em) of the line's main font
    size: float  # effective font size, in points

    def width_of(self, text: str) -> float:
        """Width in points of `text` set in this line's font."""
        return sum(self.widths.get(ch, DEFAULT_GLYPH_WIDTH) for ch in text) * self.size / 1000


def _to_unicode_map(font: Any) -> dict[int, str]:
    """Character code -> text, from the font's /ToUnicode CMap (bfchar and bfrange)."""
    if "/ToUnicode" not in font:
        return {}
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(_HEX + r"\s*" + _HEX, block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "ignore")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(_HEX + r"\s*" + _HEX + r"\s*" + _HEX, block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def font_widths(font: Any) -> dict[str, float]:
    """Unicode character -> glyph width for a simple font; {} when it cannot be worked out."""
    try:
        widths = font.get("/Widths")
        if widths is None:
            return {}
        widths = [float(w) for w in widths.get_object()]
        first = int(font.get("/FirstChar", 0))
        to_unicode = _to_unicode_map(font)
        return {to_unicode.get(code, chr(code)): width for code, width in enumerate(widths, start=first) if width > 0}
    except Exception as exc:  # a malformed font only costs us the width heuristic
        logger.debug("cannot read glyph widths: %s", exc)
        return {}


class _LineCollector:
    """Receives pypdf's text-visitor callbacks and cuts them into measured lines."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.lines: list[PdfLine] = []
        self._parts: list[str] = []
        self._x: float | None = None
        self._right = 0.0
        self._widths: dict[str, float] = {}
        self._size = 0.0
        self._font_cache: dict[int, dict[str, float]] = {}

    def visit(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                self.end_line()
            if piece:
                self._add(piece, cm, tm, font, size)

    def _add(self, piece: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        widths = self._widths_of(font)
        scale = abs(tm[0] * cm[0]) or 1.0
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        eff_size = size * scale
        if self._x is None or not "".join(self._parts).strip():
            self._x, self._widths, self._size = x, widths, eff_size
        if piece.strip():
            width = sum(widths.get(ch, DEFAULT_GLYPH_WIDTH) for ch in piece.rstrip())
            self._right = max(self._right, x + width * eff_size / 1000)
        self._parts.append(piece)

    def _widths_of(self, font: Any) -> dict[str, float]:
        if not font:
            return {}
        key = id(font)
        if key not in self._font_cache:
            self._font_cache[key] = font_widths(font)
        return self._font_cache[key]

    def end_line(self) -> None:
        text = "".join(self._parts)
        if text.strip():
            self.lines.append(PdfLine(text, self.page, self._x or 0.0, self._right, self._widths, self._size or 10.0))
        self._parts, self._x, self._right = [], None, 0.0


def page_lines(page: Any, index: int) -> list[PdfLine]:
    """The non-blank lines of one pypdf page, in reading order, with their geometry."""
    collector = _LineCollector(index)
    page.extract_text(visitor_text=collector.visit)
    collector.end_line()
    return collector.lines


def _runs_into_margin(line: PdfLine, following: PdfLine, margin: float) -> bool:
    """True when `line` ended only because the next word did not fit before the margin.

    A line that leaves room for the next line's first word was ended by the author; so is
    one followed by a line starting further right (a first-line indent). A line ending in
    a hyphen ("Guate-") needed room for the rest of its word ("mala"), not a space and a word.
    """
    words = following.text.split()
    if not words or following.x > line.x + INDENT_POINTS:
        return False
    if _ENDS_IN_HYPHEN.search(line.text.rstrip()):
        needed = line.width_of(words[0]) - line.width_of("-")
    else:
        needed = line.width_of(" " + words[0])
    return line.right + needed > margin - MARGIN_TOLERANCE


def to_source_lines(lines: list[PdfLine]) -> list[Line]:
    """PDF lines as normaliser input, flagging those that wrapped at the right margin.

    The right margin is the document's own: the rightmost line end.
    """
    if not lines:
        return []
    margin = max(line.right for line in lines)
    result = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        wraps = following is not None and _runs_into_margin(line, following, margin)
        result.append(Line(line.text, line.page, wraps))
    return result
