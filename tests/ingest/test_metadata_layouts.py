"""Metadata of report layouts the engine was not built on: title, organisation, type, year.

The openings below are written for these tests (invented bodies and wording) in the shapes
real first pages take: a UN-style letterhead, plenary outcomes, a work-plan report whose
title wraps over three lines, a press release.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_document
from ingest.metadata import detect_metadata

UN_STYLE = """United Nations
S/2022/115
Security Council
Distr.: General
14 February 2022
Original: English
Counter-Terrorism Committee
Global survey of the implementation of
Security Council resolution 1373 (2001)
by Member States
Introduction
1. The Counter-Terrorism Committee (CTC) was set up by the Security Council to follow the implementation of \
resolution 1373 (2001). In 2021 the CTC and its experts visited eleven Member States.
2. The Committee notes that many Member States adopted new laws against the financing of terrorism in 2021."""

PLENARY = """Financial Action Task Force
Outcomes FATF Plenary, 19-21 October 2022
Paris, 21 October 2022 – The Financial Action Task Force (FATF) Plenary met for the second time under \
its current Presidency. Delegates of the members and observer organisations took part.
Main outcomes
The FATF Plenary agreed to publish an updated list of jurisdictions under increased monitoring and \
adopted two mutual evaluation reports."""

WORK_PLAN = """RURITANIAN COUNCIL ON MARITIME SECURITY (RCMS)
TWELFTH ORDINARY MEETING
RCMS/doc.4/20
12 March 2020
Original: English
Report on the Implementation of the
2019 Work Plan of the Ruritanian
Council on Maritime Security
(Presented by the RCMS Secretariat)
Introduction
This report describes what the Secretariat of the Ruritanian Council on Maritime Security did in 2019 \
for the member states of the Council, as the Statute of the Council requires.
I. PORT SECURITY
In 2019 the Secretariat trained 240 port officers; a further course will be held in 2020."""

PRESS_RELEASE = """PRESS RELEASE
For immediate release
Ruritanian Maritime Safety Agency
Agency opens a regional training centre for port
security officers
Port Vell, 3 May 2021 – The Ruritanian Maritime Safety Agency (RMSA) today opened a regional training \
centre for port security officers from nine neighbouring countries.
Each year the centre will train 400 officers, the Director of the RMSA said at the opening.
Media contact: press office of the RMSA"""


@pytest.mark.parametrize(
    ("text", "title", "organisation", "document_type", "year"),
    [
        (
            UN_STYLE,
            "Global survey of the implementation of Security Council resolution 1373 (2001) by Member States",
            "CTC",
            "survey",
            2022,
        ),
        (PLENARY, "Outcomes FATF Plenary, 19-21 October 2022", "FATF", "meeting outcomes", 2022),
        (
            WORK_PLAN,
            "Report on the Implementation of the 2019 Work Plan of the Ruritanian Council on Maritime Security",
            "RCMS",
            "report",
            2019,
        ),
        (
            PRESS_RELEASE,
            "Agency opens a regional training centre for port security officers",
            "RMSA",
            "press release",
            2021,
        ),
    ],
    ids=["un-style", "plenary-outcomes", "work-plan-three-lines", "press-release"],
)
def test_layouts_never_seen(text: str, title: str, organisation: str, document_type: str, year: int) -> None:
    meta = detect_metadata(text, fallback_title="scan-0042")
    assert (meta.title, meta.organisation, meta.document_type, meta.year) == (title, organisation, document_type, year)
    assert meta.detected["organisation"] == "detected"


def test_how_each_field_was_found_is_recorded() -> None:
    assert detect_metadata(WORK_PLAN, "x").detected == {
        "title": "detected",
        "organisation": "detected",
        "document_type": "title",
        "year": "title",
        "country": "not found",
    }
    press = detect_metadata(PRESS_RELEASE, "x").detected
    assert (press["title"], press["document_type"], press["year"]) == ("first heading", "front matter", "text")


def test_a_title_cut_mid_phrase_is_joined_with_its_next_line() -> None:
    text = "Annual Report of the\nRuritanian Maritime Safety Agency\n2019\nThe Agency inspected 120 ships in 2019."
    meta = detect_metadata(text, "annual")
    assert meta.title == "Annual Report of the Ruritanian Maritime Safety Agency"
    assert (meta.document_type, meta.year) == ("annual report", 2019)


def test_a_fragment_is_never_a_title() -> None:
    text = "Annual Report of the\nThe Agency inspected 120 ships in 2019 and trained staff.\nPort Inspections\nMore."
    meta = detect_metadata(text, "annual")
    assert meta.title == "Port Inspections" and meta.detected["title"] == "first heading"


def test_first_heading_rather_than_the_file_name() -> None:
    text = "Maritime Security in the Caribbean\nThe ports of the region handled more cargo in 2019 than before."
    meta = detect_metadata(text, "scan-0042")
    assert (meta.title, meta.detected["title"]) == ("Maritime Security in the Caribbean", "first heading")


def test_a_financial_year_in_a_heading_is_no_document_symbol() -> None:
    """ "Q2 2022/23" is the period a title covers; "S/2022/115" is a symbol, never a title."""
    text = "Police Crime Statistics Q2 2022/23, with Ministry\n\nShare this page:\n\nThe police presented figures."
    assert detect_metadata(text, "x").title == "Police Crime Statistics Q2 2022/23, with Ministry"
    assert detect_metadata("S/2022/115\nThe Council met in 2022 and adopted a text.", "x").title != "S/2022/115"


def test_generic_headings_and_letterhead_names_are_not_titles() -> None:
    text = "Ruritanian Maritime Safety Agency\nIntroduction\nThe Agency inspected 120 ships in 2019 and trained staff."
    meta = detect_metadata(text, "scan-0042")
    assert (meta.title, meta.detected["title"]) == ("scan-0042", "file name")
    assert meta.organisation == "Ruritanian Maritime Safety Agency"


def test_a_committee_is_reported_with_the_organisation_it_belongs_to() -> None:
    text = (
        "Coastal Security Committee (CSC)\nReport on the 2021 Activities of the Committee\n"
        "The Coastal Security Committee (CSC) of the Organization of Island States (OIS) met twice in 2021."
    )
    assert detect_metadata(text, "x").organisation == "CSC/OIS"


def test_a_loaded_file_gets_the_same_metadata(tmp_path: Path) -> None:
    path = tmp_path / "scan-0042.txt"
    path.write_text(WORK_PLAN, encoding="utf-8")
    doc = load_document(path)
    assert doc.title.startswith("Report on the Implementation of the 2019 Work Plan")
    assert (doc.organisation, doc.year) == ("RCMS", 2019)


def test_a_dateline_or_a_table_cell_is_no_title() -> None:
    dateline = "ZEMBLA COMMISSION ON PORTS\n\nPort Zembla, D.Z. 29 October, 2031\n\nFinal Act\n\nThe Commission met ..."
    assert detect_metadata(dateline, "x").title == "Final Act"
    cells = "PORT MINISTERS’ OFFICE |\nPort Documents |\nPD(2031)12 |\n\nThe review of harbour safety covers ten ports."
    assert "|" not in detect_metadata(cells, "review-2031").title


def test_no_title_is_taken_from_below_where_the_text_begins(tmp_path: Path) -> None:
    # a headline, then prose: a later sentence naming a "Report" is body text, not the title;
    news = (
        "Zembla Task Force Holds 12th Plenary In Port Zembla\n\n"
        "The Zembla Task Force will hold its 12th plenary from 3 to 6 May 2031. Delegates of nine states attend.\n\n"
        "At the plenary, the draft Mutual Evaluation Report of Ruritania will be discussed by the delegates."
    )
    assert detect_metadata(news, "x").title == "Zembla Task Force Holds 12th Plenary In Port Zembla"
    # with no heading at all, the file name, read as words, is the title of last resort
    path = tmp_path / "ztf_plenary-2031.txt"
    path.write_text(news.split("\n\n", 1)[1], encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "ztf plenary 2031" and doc.detected["title"] == "file name"


def test_a_news_headline_is_the_title_rather_than_its_dateline_or_a_later_heading() -> None:
    text = (
        "Las infracciones penales registradas por la policía de Zembla crecen un 1,46% en la región en 2017\n\n"
        "7 de marzo de 2018\n\n"
        "La memoria presentada hoy recoge un total de 107.957 infracciones penales en 2017, frente a 106.402.\n\n"
        "Datos por provincia\n\nMás."
    )
    meta = detect_metadata(text, "zembla")
    assert meta.title.startswith("Las infracciones penales") and meta.detected["title"] == "first line"
    assert meta.year == 2017
    # a line that only dates the page is no headline
    assert detect_metadata(
        "Fecha de publicación: Jue, 13/01/2022 - 15:49\n\nEl centro atendió 297 incidentes en 2021.", "x"
    ).title != ("Fecha de publicación: Jue, 13/01/2022 - 15:49")
