"""Load PDF, DOCX, TXT and Markdown files into `Document`s.

Each format is reduced to `Line`s and handed to the shared normaliser, so the three
versions of one report read the same; pypdf and python-docx objects never leave here.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.types import Document, PageSpan
from ingest.metadata import detect_metadata
from ingest.normalize import (
    Line,
    build_text,
    ends_mid_phrase,
    finished_on,
    wrap_margin,
    wrapped_on,
)
from ingest.tables import MAX_CAPTION_ROWS, header_row, row_line, text_table_rows
from ingest.pdf_lines import page_lines, to_source_lines

if TYPE_CHECKING:
    from pypdf import PdfReader

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".txt", ".md")


class LoadError(Exception):
    """A file that cannot be turned into a Document; the message says which and why."""


def document_id(data: bytes) -> str:
    """Content hash: the same bytes are the same document, whatever the file is called."""
    return hashlib.sha256(data).hexdigest()[:16]


def readable_stem(path: Path) -> str:
    """A file name as words ("fatf_plenary-2024" -> "fatf plenary 2024"): the title of last
    resort, whose words then count as the report's like any title's."""
    return " ".join(re.split(r"[\s_\-]+", path.stem)).strip() or path.stem


def load_document(path: Path) -> Document:
    """Read one file into a normalised Document with page spans and detected metadata."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise LoadError(f"{path.name}: unsupported file type '{suffix or '(none)'}' (supported: {supported})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path.name}: cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise LoadError(f"{path.name}: the file is empty")
    lines, page_count = _read_lines(path.name, suffix, data)
    text, page_starts = build_text(lines)
    if not text.strip():
        hint = " (a scanned PDF needs OCR first)" if suffix == ".pdf" else ""
        raise LoadError(f"{path.name}: no text could be extracted{hint}")
    meta = detect_metadata(text, fallback_title=readable_stem(path))
    logger.info("loaded %s: %d chars, %d pages", path.name, len(text), page_count)
    return Document(
        doc_id=document_id(data),
        source=path.name,
        title=meta.title,
        text=text,
        pages=page_spans(page_starts, page_count, len(text)),
        organisation=meta.organisation,
        year=meta.year,
        country=meta.country,
        document_type=meta.document_type,
        detected=dict(meta.detected),
        file_format=suffix.lstrip("."),
    )


def _read_lines(name: str, suffix: str, data: bytes) -> tuple[list[Line], int]:
    if suffix == ".pdf":
        return _pdf_lines(name, data)
    if suffix == ".docx":
        return _docx_lines(name, data), 0
    return _text_lines(name, data, markdown=suffix == ".md")


def page_spans(page_starts: dict[int, int], page_count: int, text_length: int) -> tuple[PageSpan, ...]:
    """One span per physical page (number = index + 1); a page without text is empty."""
    starts = []
    next_start = text_length
    for index in reversed(range(page_count)):
        next_start = page_starts.get(index, next_start)
        starts.append((index, next_start))
    starts.reverse()
    spans = []
    for position, (index, start) in enumerate(starts):
        end = starts[position + 1][1] if position + 1 < len(starts) else text_length
        spans.append(PageSpan(number=index + 1, start=start, end=end))
    return tuple(spans)


def _pdf_lines(name: str, data: bytes) -> tuple[list[Line], int]:
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = _open_pdf(name, data)
        lines = [line for index, page in enumerate(reader.pages) for line in page_lines(page, index)]
        return to_source_lines(lines), len(reader.pages)
    except LoadError:
        raise
    except DependencyError as exc:  # pypdf names the missing package in its message
        raise LoadError(f"{name}: {_missing_package(exc)}") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"{name}: not a readable PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise LoadError(f"{name}: the PDF is damaged ({type(exc).__name__}: {exc})") from exc


def _open_pdf(name: str, data: bytes) -> PdfReader:
    """A reader, decrypted with the empty user password when that is all it takes.

    Many reports are encrypted with only an owner password (to forbid editing): every viewer
    opens them without asking, so we read them too. Only a user password stops us.
    """
    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
    except NotImplementedError as exc:  # a security handler other than the standard one
        reason = f"the PDF uses an encryption that cannot be read ({exc}); save an unlocked copy"
        raise LoadError(f"{name}: {reason}") from exc
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise LoadError(f"{name}: the PDF is password-protected; save an unlocked copy")
    return reader


def _missing_package(exc: Exception) -> str:
    """Say which package to install: AES decryption is the usual case, via pypdf's extra."""
    if "cryptography" in str(exc):
        return (
            "the PDF is AES-encrypted and decrypting it needs the 'cryptography' package, "
            f"which is not installed (pip install 'pypdf[crypto]'; pypdf says: {exc})"
        )
    return f"reading this PDF needs a package that is not installed ({exc})"


def _docx_lines(name: str, data: bytes) -> list[Line]:
    import docx  # lazy: python-docx is only needed for Word files
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and package errors alike
        raise LoadError(f"{name}: not a readable Word (.docx) document ({exc})") from exc
    texts: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append(Paragraph(child, document).text)
        elif tag == "tbl":
            texts.extend(_table_texts(Table(child, document)))
    return [Line(line) for text in texts for line in text.splitlines()]


def _table_texts(table: Any) -> list[str]:
    """A Word table's lines: one "Header: value · Header: value" line per row of a data
    table, so each row answers on its own; any other table (a form, a layout box, one
    column) is read cell by cell, as the text of the page reads."""
    rows = [_row_cells(row) for row in table.rows]
    header_at = header_row([[_cell_text(c) for c in _distinct(row)] for row in rows], _marked_header(table))
    if header_at is None:
        return _cell_texts(table)
    lines = [" ".join(_cell_text(c) for c in _distinct(row)) for row in rows[:header_at]]  # captions
    headers = [_cell_text(cell) if cell is not None else "" for cell in rows[header_at]]
    for row in rows[header_at + 1 :]:
        lines.append(row_line(_row_pairs(headers, row)))
        lines.extend(text for cell in _distinct(row) for nested in cell.tables for text in _table_texts(nested))
    return [line for line in lines if line.strip()]


def _cell_texts(table: Any) -> list[str]:
    """Cell paragraphs in reading order; a merged cell repeated across the row counts once."""
    texts: list[str] = []
    for row in table.rows:
        for cell in _distinct(row.cells):
            texts.extend(paragraph.text for paragraph in cell.paragraphs)
            for nested in cell.tables:
                texts.extend(_table_texts(nested))
    return texts


def _row_cells(row: Any) -> list[Any]:
    """A row's cells by grid column (None where the row starts late or ends early)."""
    return [None] * row.grid_cols_before + list(row.cells) + [None] * row.grid_cols_after


def _distinct(cells: Sequence[Any]) -> list[Any]:
    """Cells of a row with a merged cell once (python-docx repeats it per grid column)."""
    seen: set[int] = set()
    result = []
    for cell in cells:
        if cell is not None and id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            result.append(cell)
    return result


def _cell_text(cell: Any) -> str:
    return " ".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip())


def _row_pairs(headers: list[str], row: list[Any]) -> list[tuple[str, str]]:
    """(column header, cell text) of a data row; a merged cell under its first column."""
    pairs, seen = [], set()
    for header, cell in zip(headers, row):
        if cell is not None and id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            pairs.append((header, _cell_text(cell)))
    return pairs


def _marked_header(table: Any) -> bool:
    """The author marked a top row (the header, below any caption rows) as a header:
    "repeat as header row", or bold in a table whose rows are not all bold."""
    rows = list(table.rows)
    top = rows[: MAX_CAPTION_ROWS + 1]
    if any(row._tr.xpath("./w:trPr/w:tblHeader") for row in top):
        return True
    return any(_all_bold(row) for row in top) and not all(_all_bold(row) for row in rows)


def _all_bold(row: Any) -> bool:
    """Every run with text is bold, directly or by its character or paragraph style."""
    runs = [(r, p) for cell in _distinct(row.cells) for p in cell.paragraphs for r in p.runs if r.text.strip()]
    return bool(runs) and all(
        r.bold if r.bold is not None else bool(r.style.font.bold or p.style.font.bold) for r, p in runs
    )


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def _text_lines(name: str, data: bytes, markdown: bool) -> tuple[list[Line], int]:
    """A text file's lines, and its pages when it has them: text exported from a PDF (pdftotext,
    a printer driver) separates pages by form feeds, so its citations can name pages too."""
    text = _decode_text(name, data)
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # a form feed closing the last page opens no new one
    paged = len(pages) > 1
    numbered = [(number, line) for number, page in enumerate(pages) for line in page.splitlines()]
    lines = [line for _, line in numbered]
    headed = [markdown and bool(_MARKDOWN_HEADING.match(line)) for line in lines]
    if markdown:  # "## Heading" -> "Heading": headings are recognised by their wording
        lines = [_MARKDOWN_HEADING.sub("", line) for line in lines]
    lines = text_table_rows(lines)  # a table's rows as lines that carry its column headers
    # A line wrapped by hand or by an export mid-phrase runs on into the next non-blank line (on the
    # next page too). In text wrapped at a fixed width, so does a line that reached the right
    # margin, or one with no sentence end before a line opening in lower case. Text broken at no
    # fixed width (pasted from a PDF: "... to the National" / "Parliament (PN). The ...") runs on into
    # a line that opens by ending its sentence; a Markdown heading runs on into nothing.
    following = [*lines[1:], ""]
    margin = wrap_margin(lines)
    out = [
        Line(
            line,
            page=number if paged else None,
            may_continue=bool(after.strip())
            and not heading
            and (ends_mid_phrase(line) or wrapped_on(line, after, margin) or finished_on(line, after)),
        )
        for (number, _), line, after, heading in zip(numbered, lines, following, headed)
    ]
    return out, len(pages) if paged else 0


def _decode_text(name: str, data: bytes) -> str:
    """A text file's characters: by its byte-order mark, else UTF-8, else Windows-1252.

    The mark is read before the binary check because UTF-16 and UTF-32 text is full of
    NUL bytes; after decoding, a NUL character still means a binary file.
    """
    text = _decode_by_bom(name, data)
    if text is None:
        if b"\x00" in data[:4096]:
            raise LoadError(f"{name}: looks like a binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            logger.warning("%s is not UTF-8; reading it as Windows-1252", name)
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text[:4096]:
        raise LoadError(f"{name}: looks like a binary file, not text")
    return text


def _decode_by_bom(name: str, data: bytes) -> str | None:
    """The text after a byte-order mark, or None when the file starts with none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                label = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                raise LoadError(f"{name}: starts with a {label} byte-order mark but is not {label} text") from exc
    return None
