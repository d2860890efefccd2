"""Write small real PDFs for the tests: one monospaced font, text set line by line.

No PDF library is needed: the file is assembled object by object, with a /Widths table so
the loader measures lines exactly as it does in a report exported by a word processor.
"""

from __future__ import annotations

from pathlib import Path

CHAR_WIDTH = 600  # Courier: every glyph is 600/1000 em
FONT_SIZE = 10
LEADING = 14
LEFT, TOP = 72, 720


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(lines: list[str]) -> bytes:
    ops = [f"BT /F1 {FONT_SIZE} Tf {LEADING} TL {LEFT} {TOP} Td"]
    ops += [f"({_escape(line)}) Tj T*" for line in lines]
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose page i shows `pages[i]`, one string per visual line."""
    widths = " ".join([str(CHAR_WIDTH)] * 95)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in once the page objects are numbered
        (
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding "
            f"/FirstChar 32 /LastChar 126 /Widths [{widths}] >>"
        ).encode(),
    ]
    kids = []
    for lines in pages:
        stream = _content(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects)
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def hyphenate(paragraph: str, width: int, breaks: dict[str, int]) -> list[str]:
    """Lines of at most `width` characters; a word in `breaks` that does not fit is cut after
    that many characters with a hyphen, as a word processor's hyphenation does (a compound is
    cut at its own hyphen)."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
            continue
        cut = breaks.get(word.strip(".,;:"))
        piece = word[:cut] if cut and word[cut - 1] == "-" else f"{word[:cut]}-"  # "public-" / "Guate-"
        head = f"{current} {piece}".strip() if cut else ""
        if cut and len(head) <= width:
            lines.append(head)
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines
