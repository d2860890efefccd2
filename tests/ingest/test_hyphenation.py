"""A word cut by a hyphen at a line end comes out whole; a real hyphen stays.

Quotes are cited from the normalised text, so a name cut in two ("Guate-" / "mala") would be
cited mid-name and missed by a search for the name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_maker import hyphenate, write_pdf

from ingest.loaders import load_document
from ingest.normalize import Line, build_text, keeps_hyphen, vocabulary


def _joined(*pieces: str, context: str = "") -> str:
    """The paragraph the pieces make when each but the last reached the right margin."""
    lines = [Line(context)] if context else []
    lines += [Line(p, may_continue=True) for p in pieces[:-1]] + [Line(pieces[-1])]
    return build_text(lines)[0].split("\n")[-1]


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (("Delegations from Guate-", "mala attended."), "Delegations from Guatemala attended."),
        (("an inter-", "national workshop"), "an international workshop"),
        (("officers of Ruri-", "tania and Borduria"), "officers of Ruritania and Borduria"),  # no lexicon knows it
        (("INTERNA-", "TIONAL COOPERATION"), "INTERNATIONAL COOPERATION"),
        (("public-", "private partnerships"), "public-private partnerships"),  # two words, no closed form
        (("the Asia-", "Pacific region"), "the Asia-Pacific region"),
        (("IFC-", "Singapore."), "IFC-Singapore."),
        (("cross-border e-", "commerce"), "cross-border e-commerce"),
        (("a co-", "operation agreement"), "a co-operation agreement"),
        (("non-", "proliferation"), "non-proliferation"),
        (("self-", "assessment"), "self-assessment"),
        (("COVID-", "19 measures"), "COVID-19 measures"),
    ],
)
def test_default_decision_without_evidence_in_the_document(pieces: tuple[str, ...], expected: str) -> None:
    assert _joined(*pieces) == expected


def test_the_documents_own_spelling_wins() -> None:
    assert _joined("cyber-", "security", context="Cyber-security is a priority.") == "cyber-security"
    assert _joined("the counter-", "terrorism plan", context="Counterterrorism matters.") == "the counterterrorism plan"
    # both spellings occur: the more frequent one wins
    context = "Co-operation and cooperation; more cooperation."
    assert _joined("co-", "operation", context=context) == "cooperation"


def test_keeps_hyphen_reads_counts() -> None:
    words = vocabulary(["well-known well-known wellknown"])
    assert keeps_hyphen("well", "known", words)
    assert not keeps_hyphen("Guate", "mala", vocabulary([]))


def test_a_hyphen_before_a_lower_case_line_joins_even_without_layout_flag() -> None:
    """Text exports of PDFs keep the layout's lines: a broken word still comes out whole."""
    text, _ = build_text([Line("the delegation of Guate-"), Line("mala and others."), Line("Next.")])
    assert text == "the delegation of Guatemala and others.\nNext."


def test_soft_hyphen_at_a_line_end_always_joins() -> None:
    text, _ = build_text([Line("Guate\u00ad", may_continue=True), Line("mala."), Line("A soft\u00adhyphen.")])
    assert text == "Guatemala.\nA softhyphen."


def test_page_offsets_stay_right_after_a_join() -> None:
    lines = [Line("the delegation of Guate-", 0, True), Line("mala and Ruri-", 1, True), Line("tania met.", 1)]
    text, starts = build_text(lines)
    assert text == "the delegation of Guatemala and Ruritania met."
    assert text[starts[1] :].startswith("mala and")


PARAGRAPH = (
    "In 2019 the Secretariat trained border officers from Guatemala, Honduras and Ruritania in an "
    "international course on public-private cooperation. The Asia-Pacific partners funded the "
    "course; the delegation of Guatemala reported on cyber-security and self-assessment tools."
)


@pytest.mark.parametrize(
    ("width", "cut"), [(30, "Ruri-"), (31, "Asia-"), (33, "Guate-"), (35, "inter-"), (38, "self-")]
)
def test_a_real_pdf_with_hyphenated_lines_reads_whole_words(tmp_path: Path, width: int, cut: str) -> None:
    breaks = {
        "Guatemala,": 5,
        "Guatemala": 5,
        "Ruritania": 4,
        "international": 5,
        "public-private": 7,
        "Asia-Pacific": 5,
        "cyber-security": 6,
        "self-assessment": 5,
    }
    lines = hyphenate(PARAGRAPH, width, breaks)
    assert cut in {line.rsplit(" ", 1)[-1] for line in lines if line.endswith("-")}
    middle = len(lines) // 2  # the paragraph runs on from page 1 to page 2
    note = "- Cyber-security drills go on."  # the document's own spelling of the compound
    doc = load_document(write_pdf(tmp_path / "hyphenated.pdf", [lines[:middle], [*lines[middle:], note]]))
    assert doc.text == f"{PARAGRAPH}\n• Cyber-security drills go on."
    assert doc.page_at(doc.text.index(lines[middle].split()[0], len(" ".join(lines[:middle])) - 5)) == 2


def test_accented_words_are_joined_whole() -> None:
    assert _joined("held in Valpa-", "raíso in 2017") == "held in Valparaíso in 2017"
    assert _joined("the Ministério da Justiça e Segu-", "rança Pública") == (
        "the Ministério da Justiça e Segurança Pública"
    )
