"""Metadata is read from what a report says, so other reports of the same kinds work too."""

from __future__ import annotations

import pytest
from report_files import CICTE, CTAP, FORMATS

from assistant.types import Document
from ingest.metadata import detect_country, detect_metadata, detect_year, title_case


@pytest.mark.parametrize("fmt", FORMATS)
def test_cicte_report_metadata(docs: dict[str, Document], fmt: str) -> None:
    doc = docs[f"{CICTE}.{fmt}"]
    assert doc.title == (
        "Report on the Implementation of the 2016 Work Plan of the Inter-American Committee against Terrorism"
    )
    assert (doc.organisation, doc.year, doc.country) == ("CICTE/OAS", 2016, None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_apec_ctap_metadata(docs: dict[str, Document], fmt: str) -> None:
    doc = docs[f"{CTAP}.{fmt}"]
    assert doc.title == "APEC Counter-Terrorism Action Plan — Chile"
    assert (doc.organisation, doc.year, doc.country) == ("APEC", 2020, "Chile")


SYNTHETIC_CTAP = """Objective: Where appropriate, to self-assess progress against \
APEC Leaders’ and Ministers’ counter-terrorism commitments, and to identify capacity building needs \
to assist the CTTF.
A.1 Protect Cargo:
MEASURES UNDERTAKEN SINCE LAST UPDATE TO IMPLEMENT COMMITMENTS
• In 2018 Peruvian Customs joined the AEO programme; Peru signed an MRA with Chile in 2019.
• Peru trained 300 officers in 2021. Our economy hosted a workshop in Lima.
• Peru will hold a regional exercise in 2023.
• The National Cybersecurity Policy (2020-2025) was adopted by Peru.
"""


def test_another_economys_action_plan() -> None:
    meta = detect_metadata(SYNTHETIC_CTAP, fallback_title="ctap-peru")
    assert meta.title == "APEC Counter-Terrorism Action Plan — Peru"
    assert (meta.organisation, meta.country) == ("APEC", "Peru")
    assert meta.year == 2021  # 2023 is planned ("will"), a range counts as its start year


def test_another_years_cicte_report() -> None:
    text = (
        "INTER-AMERICAN COMMITTEE AGAINST TERRORISM (CICTE)\nEIGHTEENTH REGULAR SESSION\n"
        "REPORT ON THE IMPLEMENTATION OF THE 2017 WORK PLAN\n"
        "OF THE INTER-AMERICAN COMMITTEE AGAINST TERRORISM\n"
        "In 2017 the Secretariat assisted Mexico, Panama and Chile, three OAS member states. "
        "Work in 2018 will continue."
    )
    meta = detect_metadata(text, fallback_title="x")
    assert meta.title == (
        "Report on the Implementation of the 2017 Work Plan of the Inter-American Committee against Terrorism"
    )
    assert (meta.organisation, meta.year, meta.country) == ("CICTE/OAS", 2017, None)


def test_fallbacks_when_the_text_says_nothing() -> None:
    meta = detect_metadata("Some notes without any clues.", fallback_title="my-notes")
    assert meta == type(meta)("my-notes", None, None, None)
    assert meta.detected == {
        "title": "file name",
        "organisation": "not found",
        "document_type": "not found",
        "year": "not found",
        "country": "not found",
    }


def test_country_needs_self_reference_and_dominance() -> None:
    many = "Chile and Mexico and Panama. Chile, Mexico, Panama, Chile, Mexico, Panama."
    assert detect_country(many) is None
    assert detect_country(many + " Our country thanks them.") is None
    assert detect_country("Chilean law. Chile acted. Chile and Peru. Our economy grew.") == "Chile"


def test_year_rule() -> None:
    assert detect_year("Anything from 2012.", title="Plan for 2015") == 2015
    assert detect_year("Done in 2018. The ABC systems will be implemented in 2021.") == 2018
    assert detect_year("No years here.") is None
    # a number after the current year names a thing (a vessel, an agenda), not the report's year
    assert detect_year("The trawler '2071 Haneul' sank in 2023 off the coast.", now=2026) == 2023
    # a page comparing "this year" with a named year is of the year after it
    assert detect_year("Thefts fell 21 percent this year compared to 2017.", now=2026) == 2018


def test_title_case_keeps_small_words_and_acronyms() -> None:
    assert title_case("REPORT OF THE INTER-AMERICAN COMMITTEE (CICTE)") == (
        "Report of the Inter-American Committee (CICTE)"
    )
