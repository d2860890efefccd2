"""Property tests of the chunker on documents built the way the loaders build them.

Raw lines (headings, prose, bullet lists, numbered items, overlong tokens, stray unicode,
PDF-style wrapped lines on several pages) go through the real normaliser and page-span
code, then through `split_document`. The promises checked, for every such document:

- every chunk is the exact slice `doc.text[char_start:char_end]`, trimmed and non-empty;
- chunks are in reading order and never overlap; ids are unique and numbered in order;
- no chunk is longer than `max_chunk_chars` (the chunker cuts even an unbroken token);
- a chunk's pages are the pages its first and last characters are on, and the non-empty
  page spans it overlaps;
- coverage: every non-whitespace character lies in exactly one chunk, except the text of
  a heading that has no text of its own before the next heading (the chunker drops it on
  purpose: there is nothing to retrieve under it). So an uncovered character belongs to
  a paragraph that is uncovered as a whole, and that paragraph is followed by another such
  paragraph, by the start of a chunk (the next section's heading) or by the end of the text;
  a sentence (a non-capitals paragraph ending in ".") is never dropped.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.types import Chunk, Document
from ingest.chunking import split_document
from ingest.headings import is_caps
from ingest.loaders import page_spans
from ingest.normalize import Line, build_text, normalize_text

PROPERTIES = settings(max_examples=150, deadline=None)

VOCABULARY = (
    "security",
    "the",
    "Ministry",
    "cyber",
    "port",
    "2016",
    "e-commerce",
    "training",
    "of",
    "states",
    "Convention",
    "OAS/CICTE",
    "public-",
    "private",
    "(CIT)",
    "1540",
    "“Best",
    "Practices”",
)
WORDS = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(st.characters(categories=("L", "M", "N")), min_size=1, max_size=10),
)
# How extraction spaces words: PDF and Word exports bring tabs, no-break and wide spaces.
GAPS = st.sampled_from([" "] * 6 + ["  ", "\t", "\u00a0", "\u2003", " \u2009", "\u3000"])
ENDINGS = st.sampled_from([".", ".", ".", "!", "?", ";", ".”", "?”", ".)", ":"])
BULLETS = st.sampled_from(["•", "·", "-", "o", "▪", "\uf0b7", "●"])
ROMANS = st.sampled_from(["I", "II", "III", "IV", "IX", "X"])
LETTERS = st.sampled_from("ABCDEFGH")


@st.composite
def phrases(draw: st.DrawFn, min_words: int = 1, max_words: int = 12) -> str:
    words = draw(st.lists(WORDS, min_size=min_words, max_size=max_words))
    return "".join(word + draw(GAPS) for word in words).rstrip()


@st.composite
def sentences(draw: st.DrawFn) -> str:
    text = draw(phrases())
    return text[:1].upper() + text[1:] + draw(ENDINGS)


@st.composite
def headings(draw: st.DrawFn) -> list[str]:
    kind = draw(st.integers(0, 5))
    title = draw(phrases(max_words=6))
    if kind == 0:
        return [f"{draw(ROMANS)}. {title.upper()}"]
    if kind == 1:
        return [f"{draw(LETTERS)}. {title}"]
    if kind == 2:
        return [f"{draw(LETTERS)}.{draw(st.integers(1, 9))} {title}:"]
    if kind == 3:
        return [draw(st.sampled_from(["Introduction", "Background", "Conclusions", "Annex A"]))]
    if kind == 4:
        return [draw(phrases(min_words=2, max_words=9)).upper() + "?"]
    return [f"Contact Point: Name: {title}"]


@st.composite
def paragraphs(draw: st.DrawFn) -> list[str]:
    return [" ".join(draw(st.lists(sentences(), min_size=1, max_size=8)))]


@st.composite
def bullet_lists(draw: st.DrawFn) -> list[str]:
    intro = draw(st.one_of(sentences(), phrases(max_words=4)))
    items = draw(st.lists(st.one_of(sentences(), phrases(max_words=5)), min_size=1, max_size=8))
    return [intro] + [f"{draw(BULLETS)} {item}" for item in items]


@st.composite
def numbered(draw: st.DrawFn) -> list[str]:
    items = draw(st.lists(sentences(), min_size=1, max_size=5))
    return [f"{number}. {item}" for number, item in enumerate(items, start=1)]


LONG_TOKENS = st.text(st.characters(categories=("L", "N")), min_size=40, max_size=900).map(lambda t: [t])
# Anything a PDF line can hold: control characters, line separators, private-use glyphs.
STRAY_LINES = st.text(st.characters(exclude_characters="\n"), max_size=120).map(lambda t: [t])
BLOCKS = st.one_of(headings(), paragraphs(), bullet_lists(), numbered(), LONG_TOKENS, STRAY_LINES)


@st.composite
def wrapped(draw: st.DrawFn, text: str) -> list[Line]:
    """One paragraph as a PDF lays it out: cut into lines, every line but the last may run on."""
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=4)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return [Line(piece, may_continue=index < len(pieces) - 1) for index, piece in enumerate(pieces)]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document built by the real normaliser from generated lines, with or without pages."""
    lines: list[Line] = []
    for block in draw(st.lists(BLOCKS, min_size=1, max_size=14)):
        for text in block:
            lines.extend(draw(wrapped(text)) if draw(st.booleans()) else [Line(text)])
    if draw(st.booleans()):  # a PDF: pages advance line by line, some pages blank
        page = 0
        paged = []
        for line in lines:
            page += draw(st.sampled_from([0, 0, 0, 0, 1, 2]))
            paged.append(Line(line.text, page, line.may_continue))
        text, starts = build_text(paged)
        pages = page_spans(starts, page + 1 + draw(st.integers(0, 1)), len(text))
    else:
        text, pages = build_text(lines)[0], ()
    return Document(doc_id="prop0000", source="generated", title="Generated", text=text, pages=pages)


SIZES = st.integers(20, 500).flatmap(lambda small: st.tuples(st.just(small), st.integers(small, small + 700)))


def check_slices(doc: Document, chunks: list[Chunk], max_chars: int) -> None:
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    for index, chunk in enumerate(chunks):
        assert chunk.chunk_id == f"{doc.doc_id}-{index:04d}"
        assert chunk.text == doc.text[chunk.char_start : chunk.char_end]
        assert chunk.text and chunk.text == chunk.text.strip(), repr(chunk.text)
        assert len(chunk.text) <= max_chars
    assert all(a.char_end <= b.char_start for a, b in zip(chunks, chunks[1:]))


def check_pages(doc: Document, chunks: list[Chunk]) -> None:
    for chunk in chunks:
        if not doc.pages:
            assert (chunk.page_start, chunk.page_end, chunk.pages) == (None, None, ())
            continue
        assert chunk.page_start == doc.page_at(chunk.char_start)
        assert chunk.page_end == doc.page_at(chunk.char_end - 1)
        assert chunk.page_start is not None and chunk.page_end is not None
        assert chunk.page_start <= chunk.page_end
        overlapping = tuple(p for p in doc.pages if p.start < chunk.char_end and p.end > chunk.char_start)
        assert chunk.pages == overlapping
        assert (chunk.pages[0].number, chunk.pages[-1].number) == (chunk.page_start, chunk.page_end)


def is_sentence(paragraph: str) -> bool:
    """Prose the heading rules never take for a heading (a contact line is a heading)."""
    return paragraph.endswith(".") and not is_caps(paragraph) and not paragraph.startswith("Contact Point")


def check_coverage(doc: Document, chunks: list[Chunk]) -> None:
    covered = [False] * len(doc.text)
    for chunk in chunks:
        covered[chunk.char_start : chunk.char_end] = [True] * len(chunk.text)
    starts = {chunk.char_start for chunk in chunks}
    spans = [m.span() for m in re.finditer(r"\S[^\n]*", doc.text)]  # paragraphs, left-trimmed
    for index, (start, end) in enumerate(spans):
        missed = [i for i in range(start, end) if not covered[i] and not doc.text[i].isspace()]
        if not missed:
            continue
        paragraph = doc.text[start:end]
        assert not any(covered[start:end]), f"part of a paragraph is lost: {doc.text[missed[0] :][:40]!r}"
        assert not is_sentence(paragraph.rstrip()), f"a sentence is lost: {paragraph[:60]!r}"
        if index + 1 < len(spans):
            after = spans[index + 1][0]
            assert after in starts or not any(covered[after : spans[index + 1][1]]), paragraph[:60]


@PROPERTIES
@given(documents(), SIZES)
def test_generated_documents_keep_every_promise(doc: Document, sizes: tuple[int, int]) -> None:
    """One test for all promises: generating the documents is most of the cost."""
    chunks = split_document(doc, chunk_chars=sizes[0], max_chunk_chars=sizes[1])
    assert bool(chunks) == bool(doc.text.strip())
    check_slices(doc, chunks, sizes[1])
    check_pages(doc, chunks)
    check_coverage(doc, chunks)


@PROPERTIES
@given(st.text(max_size=3000), SIZES)
def test_any_plain_text_file_chunks_cleanly(raw: str, sizes: tuple[int, int]) -> None:
    """What the TXT loader makes of arbitrary characters: the same promises hold."""
    doc = Document(doc_id="raw00000", source="raw.txt", title="Raw", text=normalize_text(raw))
    chunks = split_document(doc, chunk_chars=sizes[0], max_chunk_chars=sizes[1])
    check_slices(doc, chunks, sizes[1])
    check_coverage(doc, chunks)
