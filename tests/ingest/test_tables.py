"""Word tables: a data table's rows become lines that carry their column headers; forms do not.

A question such as "which members have status submitted" or "which report is more recent"
is answered from single rows, so each row must be a unit that names its columns.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from report_files import CICTE, CTAP

from assistant.types import Document
from ingest.chunking import split_document
from ingest.fingerprint import fingerprint, similarity
from ingest.loaders import load_document
from ingest.tables import header_row, row_keys, row_line

ROWS = [
    ("Member", "Status", "Updated"),
    ("Ruritania", "submitted", "May 2019"),
    ("Borduria", "pending", "March 2020"),
    ("Syldavia", "submitted", "January 2021"),
]
EXPECTED_ROWS = [
    "Member: Ruritania · Status: submitted · Updated: May 2019",
    "Member: Borduria · Status: pending · Updated: March 2020",
    "Member: Syldavia · Status: submitted · Updated: January 2021",
]


def _add_table(document, rows, bold_header: bool = False, repeat_header: bool = False):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    if bold_header:
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    if repeat_header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    return table


def _report(tmp_path: Path, build) -> Document:
    document = docx.Document()
    document.add_paragraph("Annual Report on National Reporting 2021")
    document.add_paragraph("I. Status of national reports")
    document.add_paragraph("The table below lists each member's report and when it was last updated.")
    build(document)
    document.add_paragraph("The Secretariat will follow up with members whose reports are pending.")
    path = tmp_path / "status.docx"
    document.save(path)
    return load_document(path)


@pytest.mark.parametrize("mark", ["bold", "repeat", "three columns"])
def test_data_table_rows_carry_their_headers(tmp_path: Path, mark: str) -> None:
    doc = _report(tmp_path, lambda d: _add_table(d, ROWS, bold_header=mark == "bold", repeat_header=mark == "repeat"))
    lines = doc.text.split("\n")
    assert lines[3:6] == EXPECTED_ROWS
    assert "Member\nStatus" not in doc.text and lines[6].startswith("The Secretariat will follow up")


def test_rows_stay_together_in_one_chunk_with_their_caption(tmp_path: Path) -> None:
    def build(document) -> None:
        document.add_paragraph("Table 1. Reports received")
        _add_table(document, ROWS, bold_header=True)

    doc = _report(tmp_path, build)
    holding = [c for c in split_document(doc) if "Ruritania" in c.text]
    assert len(holding) == 1
    assert all(row in holding[0].text for row in EXPECTED_ROWS) and "Table 1. Reports received" in holding[0].text
    assert holding[0].section == "I. Status of national reports"


def test_a_long_table_is_cut_between_rows(tmp_path: Path) -> None:
    rows = [ROWS[0]] + [(f"Member state number {i}", "submitted", f"May {1990 + i}") for i in range(80)]
    doc = _report(tmp_path, lambda d: _add_table(d, rows, bold_header=True))
    chunks = [c for c in split_document(doc) if "Member state number" in c.text]
    assert len(chunks) >= 2 and all(len(c.text) <= 2400 for c in chunks)
    rows_seen = [line for chunk in chunks for line in chunk.text.split("\n") if line.startswith("Member: ")]
    assert len(rows_seen) == 80
    assert all(
        re.fullmatch(r"Member: Member state number \d+ · Status: submitted · Updated: May \d{4}", r) for r in rows_seen
    )


def test_merged_caption_row_and_empty_cells(tmp_path: Path) -> None:
    def build(document) -> None:
        table = _add_table(document, [("Reports received", "", ""), *ROWS], bold_header=True)
        top = table.rows[0].cells
        top[0].merge(top[2]).text = "Reports received"
        table.rows[3].cells[2].text = ""  # Borduria: no date given

    lines = _report(tmp_path, build).text.split("\n")
    assert lines[3:7] == ["Reports received", EXPECTED_ROWS[0], "Member: Borduria · Status: pending", EXPECTED_ROWS[2]]


FORMS = {
    "labels with colons": [("Economy:", "Chile"), ("Year:", "2020"), ("Contact Point:", "Julio Torres")],
    "two columns, no header mark": [("Economy", "Chile"), ("Year", "2020")],
    "one column": [("MEASURES UNDERTAKEN SINCE LAST UPDATE",), ("The AEO programme was implemented in 2018.",)],
    "questions": [
        ("Question", "Answer", "Notes"),
        ("Has a national strategy been adopted?", "Yes", ""),
        ("Is a focal point designated?", "No", ""),
    ],
    "sentences in the first row": [("The Secretariat met twice.", "It agreed a plan.", "Members approved it.")] * 2,
}


@pytest.mark.parametrize("name", FORMS)
def test_forms_and_layout_tables_keep_the_cell_by_cell_reading(tmp_path: Path, name: str) -> None:
    rows = FORMS[name]
    doc = _report(tmp_path, lambda d: _add_table(d, rows, bold_header=name == "questions"))
    cells = [cell for row in rows for cell in row if cell]
    lines = doc.text.split("\n")
    assert lines[3 : 3 + len(cells)] == cells
    assert " · " not in doc.text


def test_header_row_rules() -> None:
    assert header_row([list(r) for r in ROWS]) == 0
    assert header_row([["Reports received"], *map(list, ROWS)]) == 1
    assert header_row([["Member", "Status"], ["Ruritania", "submitted"]]) is None  # a form as often as data
    assert header_row([["Member", "Status"], ["Ruritania", "submitted"]], marked=True) == 0
    assert header_row([list(ROWS[0])]) is None  # a header without data
    assert header_row([["", "2019", "2020"], ["Ruritania", "yes", "no"]]) == 0  # an empty corner is fine
    assert header_row([["Member", "Member", "Date"], ["a", "b", "c"]]) is None


def test_row_line_and_row_keys() -> None:
    line = row_line([("Member", "Ruritania"), ("Status", ""), ("", "note"), ("Updated", "May 2019")])
    assert line == "Member: Ruritania · note · Updated: May 2019"
    assert row_keys(line) == {"Member", "Updated"}
    assert row_keys("Telephone Number: (56) 32 Fax Number:") == frozenset()


@pytest.mark.parametrize("stem", [CICTE, CTAP])
def test_the_three_formats_of_a_report_stay_near_duplicates(docs: dict[str, Document], stem: str) -> None:
    prints = {fmt: fingerprint(docs[f"{stem}.{fmt}"].text) for fmt in ("pdf", "docx", "txt")}
    assert similarity(prints["docx"], prints["txt"]) >= 0.9
    assert similarity(prints["pdf"], prints["docx"]) >= 0.9
    assert similarity(prints["pdf"], prints["txt"]) >= 0.9


def test_repeat_header_flag_is_found_in_the_xml(tmp_path: Path) -> None:
    document = docx.Document()
    table = _add_table(document, [("Member", "Status"), ("Ruritania", "submitted")], repeat_header=True)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    path = tmp_path / "two.docx"
    document.save(path)
    assert load_document(path).text == "Member: Ruritania · Status: submitted"


def test_a_plain_text_tables_rows_carry_its_column_headers(tmp_path):
    """A page's text table, its gaps single spaces in some rows: each row names its columns."""
    page = tmp_path / "zembla-frauds-2031.txt"
    page.write_text(
        "Top frauds by dollar loss in 2031:\n\n"
        "Fraud Type  Reports  Victims  Dollar Loss\n"
        "Investments  4,010  3,631  $309.4M\n"
        "Spear Phishing 1,239 668 $58.2M\n"
        "Identity Fraud 11,228  11,228  N/A\n\n"
        "Reports fell in 2031.  Losses did not.\n"
    )
    text = load_document(page).text
    assert "Fraud Type: Spear Phishing · Reports: 1,239 · Victims: 668 · Dollar Loss: $58.2M" in text
    assert "Fraud Type: Identity Fraud · Reports: 11,228 · Victims: 11,228 · Dollar Loss: N/A" in text
    assert "Reports fell in 2031.  Losses did not." in text or "Reports fell in 2031. Losses did not." in text
    assert row_keys(text.splitlines()[-2]) == {"Fraud Type", "Reports", "Victims", "Dollar Loss"}
