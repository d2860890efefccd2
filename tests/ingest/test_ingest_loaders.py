"""Loaders on the real reports: identical text across formats, pages as a viewer shows them."""

from __future__ import annotations

import codecs
import hashlib
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.types import Document
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_document

from report_files import ALL_FILES, CICTE, CTAP, DATA, SENTENCE_1540


@pytest.mark.parametrize("name", ALL_FILES)
def test_every_real_file_loads(docs: dict[str, Document], name: str) -> None:
    doc = docs[name]
    assert doc.source == name
    assert doc.doc_id == hashlib.sha256((DATA / name).read_bytes()).hexdigest()[:16]
    assert doc.file_format == name.rsplit(".", 1)[1]
    assert len(doc.text) > 10_000
    assert "\t" not in doc.text and "  " not in doc.text and "·" not in doc.text
    assert "- 2 -" not in doc.text and "[image:" not in doc.text


@pytest.mark.parametrize("stem", [CICTE, CTAP])
def test_formats_give_the_same_words(docs: dict[str, Document], stem: str) -> None:
    """TXT and DOCX agree exactly; the PDF differs at most in where paragraphs break."""
    txt, docx, pdf = (docs[f"{stem}.{fmt}"].text for fmt in ("txt", "docx", "pdf"))
    assert docx == txt
    assert pdf.replace("\n", " ") == txt.replace("\n", " ")


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_1540_sentence_is_verbatim_in_every_format(docs: dict[str, Document], fmt: str) -> None:
    assert SENTENCE_1540 in docs[f"{CICTE}.{fmt}"].text


def _pypdf_page_of(path: Path, needle: str) -> int:
    """1-based page where pypdf's own extraction finds `needle` (whitespace-insensitive)."""
    squeeze = "".join(needle.split())
    for index, page in enumerate(PdfReader(path).pages):
        if squeeze in "".join(page.extract_text().split()):
            return index + 1
    raise AssertionError(f"{needle!r} not in {path.name}")


@pytest.mark.parametrize(
    ("stem", "needle"),
    [
        (CICTE, "In 2016, the Implementation of United Nations Security Council Resolution 1540"),
        (CICTE, "Execution began of the “Strengthening Tourism Security Capacities"),
        (CTAP, "Chilean Customs has national instructors in the following courses"),
        (CTAP, "Law 21.250 on Implementation of the Convention on Biological and Chemical Weapons"),
    ],
)
def test_pdf_page_numbers_match_the_viewer(docs: dict[str, Document], stem: str, needle: str) -> None:
    doc = docs[f"{stem}.pdf"]
    assert doc.page_at(doc.text.index(needle)) == _pypdf_page_of(DATA / f"{stem}.pdf", needle)


def test_physical_page_not_printed_header_number(docs: dict[str, Document]) -> None:
    """The CICTE PDF's first page prints "- 2 -"; a viewer calls it page 1."""
    doc = docs[f"{CICTE}.pdf"]
    assert doc.page_at(doc.text.index("Introduction")) == 1


@pytest.mark.parametrize(("stem", "count"), [(CICTE, 4), (CTAP, 20)])
def test_pdf_page_spans_tile_the_text(docs: dict[str, Document], stem: str, count: int) -> None:
    pages = docs[f"{stem}.pdf"].pages
    assert [p.number for p in pages] == list(range(1, count + 1))
    assert pages[0].start == 0 and pages[-1].end == len(docs[f"{stem}.pdf"].text)
    assert all(a.end == b.start for a, b in zip(pages, pages[1:]))


def test_sentence_across_a_page_break_is_joined(docs: dict[str, Document]) -> None:
    """Page 3 of the CICTE PDF ends mid-sentence; the text reads on, page 4 starts inside it."""
    doc = docs[f"{CICTE}.pdf"]
    joined = "and all other forms of illegal financing. Officers from agencies"
    assert joined in doc.text
    page4 = doc.pages[3].start
    assert doc.text[page4:].startswith("financing. Officers")


def test_docx_and_txt_have_no_pages(docs: dict[str, Document]) -> None:
    assert docs[f"{CICTE}.docx"].pages == () and docs[f"{CTAP}.txt"].pages == ()
    assert docs[f"{CTAP}.docx"].page_at(100) is None


def test_text_exported_with_form_feeds_has_pages(tmp_path: Path) -> None:
    """pdftotext separates pages by form feeds: the text keeps them as pages, and a sentence
    running over the break reads on, its second page starting inside it."""
    path = tmp_path / "export.txt"
    path.write_text(
        "Ruritania Annual Report 2031\n\nThe coast guard trained forty officers in\f"
        "port security in May 2031.\n\nA drill followed in June.\f\nAnnex: contacts.\n\f"
    )
    doc = load_document(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert "forty officers in port security in May 2031." in doc.text
    assert doc.text[doc.pages[1].start :].startswith("port security")
    assert doc.page_at(doc.text.index("June")) == 2 and doc.page_at(doc.text.index("Annex")) == 3
    plain = tmp_path / "plain.txt"
    plain.write_text("Ruritania Annual Report 2031\n\nOne page, no form feed.\f")
    assert load_document(plain).pages == ()


def test_garbage_pdf_raises_load_error(tmp_path: Path) -> None:
    bogus = tmp_path / "report.pdf"
    bogus.write_bytes(b"this is not a PDF at all \x00\x01\x02" * 20)
    with pytest.raises(LoadError, match="report.pdf"):
        load_document(bogus)


def test_garbage_docx_raises_load_error(tmp_path: Path) -> None:
    bogus = tmp_path / "report.docx"
    bogus.write_bytes(b"PK\x03\x04 broken zip")
    with pytest.raises(LoadError, match="report.docx"):
        load_document(bogus)


def test_unsupported_extension_raises_load_error(tmp_path: Path) -> None:
    sheet = tmp_path / "figures.xlsx"
    sheet.write_bytes(b"whatever")
    with pytest.raises(LoadError, match=r"figures\.xlsx: unsupported file type '\.xlsx'"):
        load_document(sheet)
    assert ".xlsx" not in SUPPORTED_SUFFIXES


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file_raises_load_error(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    with pytest.raises(LoadError, match="empty.txt: the file is empty"):
        load_document(empty)


def test_missing_file_raises_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="gone.pdf: cannot read"):
        load_document(tmp_path / "gone.pdf")


def test_markdown_headings_lose_their_hashes(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Annual Report on Security 2019\n\n## Introduction\nWe did things in 2019.\n")
    doc = load_document(note)
    assert doc.text == "Annual Report on Security 2019\nIntroduction\nWe did things in 2019."
    assert doc.title == "Annual Report on Security 2019" and doc.file_format == "md"


def _encrypted_copy(tmp_path: Path, algorithm: str, user_password: str = "") -> Path:
    """The CICTE PDF encrypted as Acrobat does it; an empty user password opens in any viewer."""
    from pypdf import PdfWriter

    path = tmp_path / f"locked-{algorithm}.pdf"
    writer = PdfWriter(clone_from=DATA / f"{CICTE}.pdf")
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    writer.write(path)
    assert PdfReader(path).is_encrypted
    return path


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_pdf_with_only_an_owner_password_reads_like_the_plain_one(
    docs: dict[str, Document], tmp_path: Path, algorithm: str
) -> None:
    doc = load_document(_encrypted_copy(tmp_path, algorithm))
    plain = docs[f"{CICTE}.pdf"]
    assert doc.text == plain.text and doc.pages == plain.pages and doc.title == plain.title


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_pdf_that_needs_a_user_password_is_refused_clearly(tmp_path: Path, algorithm: str) -> None:
    locked = _encrypted_copy(tmp_path, algorithm, user_password="secret")
    with pytest.raises(LoadError, match=f"{locked.name}: the PDF is password-protected; save an unlocked copy"):
        load_document(locked)


def test_missing_crypto_backend_is_named(tmp_path: Path) -> None:
    """An install without `cryptography` (or pycryptodome) says what to install, in a fresh interpreter."""
    locked = _encrypted_copy(tmp_path, "AES-256")
    script = (
        "import sys\n"
        "sys.modules['cryptography'] = sys.modules['Crypto'] = None  # as if not installed\n"
        "from ingest.loaders import LoadError, load_document\n"
        "try:\n    load_document(sys.argv[1])\nexcept LoadError as exc:\n    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(locked)], capture_output=True, text=True, check=True)
    assert result.stdout.startswith(f"{locked.name}: the PDF is AES-encrypted"), result.stdout + result.stderr
    assert "'cryptography' package" in result.stdout and "pip install 'pypdf[crypto]'" in result.stdout


BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


@pytest.mark.parametrize("encoding", BOMS)
def test_text_with_a_byte_order_mark_reads_like_utf8(docs: dict[str, Document], tmp_path: Path, encoding: str) -> None:
    """Notepad and Excel save "Unicode text" as UTF-16 with a BOM: full of NUL bytes, still text."""
    original = (DATA / f"{CICTE}.txt").read_text(encoding="utf-8")
    converted = tmp_path / f"{CICTE}.txt"
    converted.write_bytes(BOMS[encoding] + original.encode(encoding))
    doc = load_document(converted)
    plain = docs[f"{CICTE}.txt"]
    assert doc.text == plain.text and doc.title == plain.title and doc.year == plain.year


def test_random_bytes_with_nuls_are_still_refused_as_binary(tmp_path: Path) -> None:
    noise = random.Random(8).randbytes(8192)
    assert b"\x00" in noise[:4096] and not noise.startswith(tuple(BOMS.values()))
    path = tmp_path / "noise.txt"
    path.write_bytes(noise)
    with pytest.raises(LoadError, match="noise.txt: looks like a binary file, not text"):
        load_document(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (codecs.BOM_UTF16_LE + b"\x01\x00\x00\x00" * 50, "looks like a binary file, not text"),
        (codecs.BOM_UTF16_LE + "Annual report".encode("utf-16-le") + b"\x00\xd8", "mark but is not UTF-16 text"),
    ],
)
def test_a_byte_order_mark_does_not_let_binary_through(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "fake.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=f"fake.txt: .*{message}"):
        load_document(path)


def test_a_text_line_cut_mid_phrase_runs_on_and_a_blank_line_still_ends_a_paragraph(tmp_path: Path) -> None:
    """Hand-wrapped text: a line ending on "from" or "the" continues; one ending on a full stop, or
    followed by a blank line, does not."""
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Annual Report of the\nCommittee of Experts\n\n"
        "1. The committee met in Strasbourg, from\n17 to 18 November 2009, under its chair.\n"
        "2. It adopted its report.\nIt closed the meeting.\n\nIt met again in\n\nMarch.\n",
        encoding="utf-8",
    )
    lines = load_document(path).text.split("\n")
    assert lines[0] == "Annual Report of the Committee of Experts"
    assert "1. The committee met in Strasbourg, from 17 to 18 November 2009, under its chair." in lines
    assert "It closed the meeting." in lines and "It met again in" in lines and "March." in lines


def wrap(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` characters, as an export or e-mail wraps it."""
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


ZEMBLA_PLAN = (
    "The first meeting of the focal points of the Zembla Plan member countries was held in "
    "Ruritania in 2008 and the second was held in Freedonia in 2009. Delegates from twelve "
    "states attended both meetings, and a third one is planned for the coming year in the "
    "capital of Zembla, where the secretariat of the plan has its seat since it was founded."
)
NEWSLETTER = (
    "This month the first regional centre opened its doors in the capital. The founding "
    "agreement was signed by delegates of Ruritania, Freedonia, Zembla and Osterlich at a "
    "ceremony held in the foreign ministry on 3 March 2005, and two more states said they "
    "would sign it before the board of trustees meets again in the autumn of that year."
)


@pytest.mark.parametrize(
    "paragraph,width,sentence",
    [
        (ZEMBLA_PLAN, 72, "member countries was held in Ruritania in 2008"),
        (NEWSLETTER, 39, "delegates of Ruritania, Freedonia, Zembla and Osterlich at a ceremony held"),
    ],
)
def test_text_wrapped_at_a_fixed_width_is_read_as_paragraphs(
    tmp_path: Path, paragraph: str, width: int, sentence: str
) -> None:
    """Wrapped as e-mails and exports are (72), or set in a newsletter's narrow column (39): lines
    breaking mid-sentence join up, so a list of members is one sentence; an address of lines about
    as long stays lines of its own (the test below)."""
    from ingest.loaders import load_document

    wrapped = wrap(paragraph + " " + paragraph.replace("first", "fourth"), width)
    path = tmp_path / "wrapped.txt"
    path.write_text("ZEMBLA PLAN\n\n1.\n" + "\n".join(wrapped) + "\n", encoding="utf-8")
    text = load_document(path).text
    assert sentence in text and all(line.endswith(".") for line in text.splitlines()[1:])  # no sentence cut
    assert text.splitlines()[:2] == ["ZEMBLA PLAN", "1. " + text.splitlines()[1][3:]]  # "1." opens the item


def test_short_lines_and_table_rows_stay_lines_of_their_own(tmp_path: Path) -> None:
    from ingest.loaders import load_document

    rows = [f"| Zembla {n} | 20{n:02d} | signed |" for n in range(12)]
    address = ["Ministry of Security of Zembla", "Av. Libertador 123", "Zembla City"] * 4
    path = tmp_path / "table.txt"
    path.write_text("\n".join(rows + address) + "\n", encoding="utf-8")
    assert len(load_document(path).text.splitlines()) == len(rows) + len(address)
