"""Chunking follows the reports' structure and every chunk is an exact slice of its document."""

from __future__ import annotations

import re

import pytest
from report_files import ALL_FILES, CICTE, CTAP, FORMATS, SENTENCE_1540

from assistant.types import Chunk, Document
from ingest.chunking import split_document

TOP_LEVEL = re.compile(r"^(?:[IVX]+\.|[A-Z]\.)\s")  # "II. ...", "B. ..." heading lines
LABELLED = re.compile(r"^(?:[IVX]+\.|[A-Z]\.(?:\d+)?)\s")


@pytest.fixture(scope="module")
def chunks(docs: dict[str, Document]) -> dict[str, list[Chunk]]:
    return {name: split_document(doc) for name, doc in docs.items()}


@pytest.mark.parametrize("name", ALL_FILES)
def test_chunk_text_is_the_document_slice(docs: dict[str, Document], chunks: dict[str, list[Chunk]], name: str) -> None:
    doc = docs[name]
    for index, chunk in enumerate(chunks[name]):
        assert chunk.text == doc.text[chunk.char_start : chunk.char_end]
        assert chunk.text == chunk.text.strip() and chunk.text
        assert chunk.chunk_id == f"{doc.doc_id}-{index:04d}"
        assert (chunk.doc_id, chunk.source, chunk.title) == (doc.doc_id, doc.source, doc.title)
        assert (chunk.organisation, chunk.year, chunk.country) == (doc.organisation, doc.year, doc.country)
        assert len(chunk.text) <= 2400
    starts = [c.char_start for c in chunks[name]]
    assert starts == sorted(starts)
    assert all(a.char_end <= b.char_start for a, b in zip(chunks[name], chunks[name][1:]))


@pytest.mark.parametrize("name", ALL_FILES)
def test_no_chunk_mixes_two_top_level_sections(chunks: dict[str, list[Chunk]], name: str) -> None:
    """A top-level heading may only open a chunk (after other headings), never follow body text."""
    for chunk in chunks[name]:
        lines = chunk.text.split("\n")
        for position, line in enumerate(lines):
            if TOP_LEVEL.match(line):
                assert all(LABELLED.match(before) for before in lines[:position]), chunk.text[:300]


@pytest.mark.parametrize("fmt", FORMATS)
def test_1540_list_of_ten_states_sits_in_one_chunk(chunks: dict[str, list[Chunk]], fmt: str) -> None:
    holding = [c for c in chunks[f"{CICTE}.{fmt}"] if SENTENCE_1540 in c.text]
    assert len(holding) == 1
    assert holding[0].section == (
        "II. COUNTER-TERRORISM POLICY SECTION > Implementation of United Nations Security Council resolution 1540"
    )


def test_1540_chunk_is_on_the_pdf_page_pypdf_finds_it(chunks: dict[str, list[Chunk]]) -> None:
    from pypdf import PdfReader
    from report_files import DATA

    pages = PdfReader(DATA / f"{CICTE}.pdf").pages
    found = [i + 1 for i, p in enumerate(pages) if "10 member states" in " ".join(p.extract_text().split())]
    chunk = next(c for c in chunks[f"{CICTE}.pdf"] if SENTENCE_1540 in c.text)
    assert chunk.page_at(chunk.text.index(SENTENCE_1540)) == found[0]
    assert chunk.page_start <= found[0] <= chunk.page_end
    assert found[0] in [p.number for p in chunk.pages]


@pytest.mark.parametrize("fmt", FORMATS)
def test_customs_course_list_stays_with_its_intro(chunks: dict[str, list[Chunk]], fmt: str) -> None:
    intro = "Chilean Customs has national instructors in the following courses"
    items = (
        "Commodity Identification Training (CIT)",
        "Weapons of Mass Destruction Interdiction Training (WMD)",
        "Strategic Trade Control Enforcement Program (STCE)",
    )
    holding = [c for c in chunks[f"{CTAP}.{fmt}"] if intro in c.text]
    assert len(holding) == 1
    assert all(item in holding[0].text for item in items) and holding[0].text.count("• The ") == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_section_paths(chunks: dict[str, list[Chunk]], fmt: str) -> None:
    cicte = {c.section for c in chunks[f"{CICTE}.{fmt}"]}
    ctap = {c.section for c in chunks[f"{CTAP}.{fmt}"]}
    assert "I. COUNTER-TERRORISM CAPACITY-BUILDING SECTION > B. Critical infrastructure > Tourism security" in cicte
    assert "I. COUNTER-TERRORISM CAPACITY-BUILDING SECTION > C. Border controls > Maritime security" in cicte
    port_contact = "A.2 Protect Port Facilities and Ships Engaged in International Voyages > Contact Point"
    aviation_measures = (
        "A.3 Protect International Aviation > MEASURES UNDERTAKEN SINCE LAST UPDATE TO IMPLEMENT COMMITMENTS"
    )
    assert any(s.endswith(port_contact) for s in ctap)
    assert any(s.endswith(aviation_measures) for s in ctap)
    assert any(s.startswith("B. HALTING TERRORIST FINANCING > WHAT SPECIFIC CAPACITY BUILDING NEEDS") for s in ctap)


@pytest.mark.parametrize("name", [f"{CICTE}.pdf", f"{CICTE}.txt"])
def test_headings_are_searchable_in_chunk_text(chunks: dict[str, list[Chunk]], name: str) -> None:
    opening = {c.text.split("\n")[0] for c in chunks[name]}
    assert {"B. Critical infrastructure", "C. Border controls", "II. COUNTER-TERRORISM POLICY SECTION"} <= opening


@pytest.mark.parametrize("stem", [CICTE, CTAP])
def test_pdf_chunks_know_their_pages(docs: dict[str, Document], chunks: dict[str, list[Chunk]], stem: str) -> None:
    doc = docs[f"{stem}.pdf"]
    for chunk in chunks[f"{stem}.pdf"]:
        assert chunk.page_start == doc.page_at(chunk.char_start)
        assert chunk.page_end == doc.page_at(chunk.char_end - 1)
        assert [p.number for p in chunk.pages] == list(range(chunk.page_start, chunk.page_end + 1))
    assert chunks[f"{stem}.docx"][0].page_start is None and chunks[f"{stem}.docx"][0].pages == ()


def _doc(text: str) -> Document:
    return Document(doc_id="synthetic0000000", source="s.txt", title="S", text=text)


def test_small_synthetic_text() -> None:
    text = (
        "Preface words.\nI. FIRST PART\nA. Topic one\nBody of topic one.\n"
        "We did three things:\n• one\n• two\n• three\nB. Topic two\nBody two.\n"
        "II. SECOND PART\nClosing remarks."
    )
    chunks = split_document(_doc(text))
    assert [(c.section, c.text) for c in chunks] == [
        ("", "Preface words."),
        (
            "I. FIRST PART > A. Topic one",
            "I. FIRST PART\nA. Topic one\nBody of topic one.\nWe did three things:\n• one\n• two\n• three",
        ),
        ("I. FIRST PART > B. Topic two", "B. Topic two\nBody two."),
        ("II. SECOND PART", "II. SECOND PART\nClosing remarks."),
    ]


def test_long_list_is_cut_between_items_only() -> None:
    items = [f"• Item {i} " + "word " * 40 for i in range(30)]
    text = "I. PART\nThe items are:\n" + "\n".join(item.strip() for item in items)
    chunks = split_document(_doc(text), chunk_chars=600, max_chunk_chars=1200)
    assert len(chunks) > 1
    assert chunks[0].text.startswith("I. PART\nThe items are:\n• Item 0 ")
    for chunk in chunks:
        assert len(chunk.text) <= 1200
        assert all(line.startswith(("• Item", "I. PART", "The items")) for line in chunk.text.split("\n"))
    assert sum(c.text.count("• Item") for c in chunks) == 30  # nothing repeated, nothing lost


def test_long_paragraph_is_cut_at_sentences() -> None:
    sentences = [f"Sentence number {i} says something about security cooperation." for i in range(80)]
    chunks = split_document(_doc(" ".join(sentences)), chunk_chars=500, max_chunk_chars=1000)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.startswith("Sentence number") and chunk.text.endswith("cooperation.")
        assert len(chunk.text) <= 500


def test_headings_without_text_open_their_subsection_or_go() -> None:
    text = "A. PART\nA.1 Sub:\nContent here.\nB. EMPTY PART\nC. LAST\nEnd."
    chunks = split_document(_doc(text))
    assert [(c.section, c.text) for c in chunks] == [
        ("A. PART > A.1 Sub", "A. PART\nA.1 Sub:\nContent here."),
        ("C. LAST", "C. LAST\nEnd."),
    ]
    assert [c.text for c in split_document(_doc("I. ONLY A HEADING"))] == ["I. ONLY A HEADING"]


def test_closing_quote_stays_with_its_sentence_when_a_paragraph_is_cut() -> None:
    """Found by the property tests: the "”" between two cut sentences was in neither chunk."""
    text = "Officials said “the port is safe.” Then the audit began in 2016."
    chunks = split_document(_doc(text), chunk_chars=30, max_chunk_chars=40)
    assert [c.text for c in chunks] == ["Officials said “the port is safe.”", "Then the audit began in 2016."]


def test_text_of_only_nested_headings_gives_each_heading_once() -> None:
    """Found by the property tests: the heading folded into its sub-section was chunked twice."""
    chunks = split_document(_doc("A. PART\nA.1 Sub"))
    assert [(c.section, c.text, c.char_start) for c in chunks] == [
        ("A. PART", "A. PART", 0),
        ("A. PART > A.1 Sub", "A.1 Sub", 8),
    ]
