"""Pure formatting for the web chat: our dataclasses in, HTML strings and table rows out.

Nothing here imports Gradio, so every function is unit-tested as a plain function.
Citation markers `[n]` become links to anchors `src-<turn>-<n>` in the sources panel;
the panel shows each cited passage highlighted inside its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from assistant.answer.compose import RELATED_NOTE
from assistant.types import Answer, Citation, DocumentInfo, Filters, IngestProgress, IngestResult

MARKER = re.compile(r"\[(\d+)\]")
CONTEXT_CHARS = 400  # of paragraph shown on each side of a quote; longer paragraphs are elided
DECLINED_TITLE = "Not in the indexed reports"


@dataclass(frozen=True)
class Turn:
    """One question and its answer, as one browser session remembers it."""

    question: str
    answer: Answer


@dataclass(frozen=True)
class Facets:
    """What the filters can offer: values present in the index."""

    sources: tuple[tuple[str, str], ...]  # (label, source file name)
    organisations: tuple[str, ...]
    years: tuple[int, ...]
    countries: tuple[str, ...]


def facets(docs: Sequence[DocumentInfo]) -> Facets:
    return Facets(
        sources=tuple((f"{d.title} ({d.source})", d.source) for d in docs),
        organisations=tuple(sorted({d.organisation for d in docs if d.organisation})),
        years=tuple(sorted({d.year for d in docs if d.year is not None})),
        countries=tuple(sorted({d.country for d in docs if d.country})),
    )


def filters_from(
    sources: Sequence[str] | None,
    organisations: Sequence[str] | None,
    years: Sequence[int | str] | None,
    countries: Sequence[str] | None,
) -> Filters:
    """Dropdown selections (None or empty means no restriction) as retrieval Filters."""
    return Filters(
        sources=tuple(sources or ()),
        organisations=tuple(organisations or ()),
        years=tuple(int(y) for y in years or ()),
        countries=tuple(countries or ()),
    )


def anchor(turn: int, n: int, related: bool = False) -> str:
    return f"src-{turn}-{'r' if related else ''}{n}"


def link_markers(text: str, turn: int) -> str:
    """Escape answer text and turn each `[n]` into a link to its source card."""
    return MARKER.sub(
        lambda m: f'<a class="rqa-cite" href="#{anchor(turn, int(m.group(1)))}">[{m.group(1)}]</a>',
        escape(text, quote=False),
    )


def answer_body(text: str, turn: int) -> str:
    """Linked answer text; the engine's "- item [n]" lines become a bulleted list."""
    lines = text.split("\n")
    if len(lines) == 1:
        return link_markers(text, turn)
    out, items = [], []
    for line in lines:
        if line.startswith("- "):
            items.append(f"<li>{link_markers(line[2:], turn)}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        out.append(f"<p>{link_markers(line, turn)}</p>")
    if items:
        out.append(f"<ul>{''.join(items)}</ul>")
    return "".join(out)


def engine_note(answer: Answer) -> str:
    """Who wrote an answer when an LLM is configured: the model (and what its check removed), or
    why the extractive answer stands in for it. Nothing for the extractive reader alone."""
    if answer.engine != "extractive":
        removed = len(answer.unsupported)
        extra = f"; {removed} unsupported sentence(s) removed" if removed else ""
        text = f"Written by {answer.engine}, each sentence checked against its passages{extra}."
    elif answer.fallback_reason:
        text = f"Extractive answer: the language model was not used ({answer.fallback_reason})."
    else:
        return ""
    return f"<p class='rqa-engine'>{escape(text, quote=False)}</p>"


def answer_html(answer: Answer, turn: int) -> str:
    """The assistant's chat message: linked answer, or a clear decline."""
    if not answer.abstained:
        return f'<div class="rqa-answer">{answer_body(answer.answer, turn)}{engine_note(answer)}</div>'
    note = (
        "<p class='rqa-related-note'>Related passages are shown separately in the Sources panel; "
        "they are not an answer.</p>"
        if answer.related
        else ""
    )
    return (
        f'<div class="rqa-declined"><strong>{DECLINED_TITLE}</strong>'
        f"<p>{escape(answer.answer.replace(RELATED_NOTE, '') if note else answer.answer, quote=False)}</p>{note}"
        f"{engine_note(answer)}</div>"
    )


def pending_html(partial: str) -> str:
    """What the chat shows while an answer streams in."""
    body = escape(partial, quote=False) if partial else "Searching the reports"
    return f'<div class="rqa-answer rqa-pending">{body} …</div>'


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` lies in `text`: exact, then ignoring whitespace runs and case."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def highlight_in_paragraph(text: str, quote: str, context: int = CONTEXT_CHARS) -> str:
    """HTML of the paragraph holding `quote`, the quote wrapped in <mark>.

    Falls back to the quote alone when the chunk text cannot be matched.
    """
    span = quote_span(text, quote)
    if span is None:
        return f"<mark>{escape(quote, quote=False)}</mark>"
    start, end = span
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    left_from = max(para_start, start - context)
    right_to = min(para_end, end + context)
    left = ("…" if left_from > para_start else "") + escape(text[left_from:start], quote=False)
    right = escape(text[end:right_to], quote=False) + ("…" if right_to < para_end else "")
    return f"{left}<mark>{escape(text[start:end], quote=False)}</mark>{right}"


def where(c: Citation) -> str:
    """'CICTE/OAS · 2016 · p. 4 · II. Section' — the parts that are known (plain text)."""
    parts = [c.organisation or "", str(c.year) if c.year else "", f"p. {c.page}" if c.page else "", c.section or ""]
    return " · ".join(p for p in parts if p)


def source_card(c: Citation, chunk_text: str | None, turn: int, related: bool = False) -> str:
    passage = highlight_in_paragraph(chunk_text or c.quote, c.quote)
    label = "related" if related else f"[{c.n}]"
    return (
        f'<div class="rqa-source" id="{anchor(turn, c.n, related)}">'
        f'<div class="rqa-source-title"><span class="rqa-n">{label}</span> {escape(c.title, quote=False)}</div>'
        # long heading paths are clamped to three lines by CSS; the tooltip keeps them whole
        f'<div class="rqa-source-meta" title="{escape(where(c))}">{escape(where(c), quote=False)}</div>'
        f'<div class="rqa-source-file">{escape(c.source, quote=False)}</div>'
        f'<blockquote class="rqa-passage">{passage}</blockquote></div>'
    )


def chunk_texts(answer: Answer) -> dict[str, str]:
    return {h.chunk.chunk_id: h.chunk.text for h in answer.hits}


def turn_sources_html(t: Turn, turn: int) -> str:
    texts = chunk_texts(t.answer)
    head = f'<h4 class="rqa-turn">Q{turn}: {escape(t.question, quote=False)}</h4>'
    cards = [source_card(c, texts.get(c.chunk_id), turn) for c in t.answer.citations]
    if t.answer.related:
        cards.append('<div class="rqa-related-head">Related passages (not an answer)</div>')
        cards += [source_card(c, texts.get(c.chunk_id), turn, related=True) for c in t.answer.related]
    if not cards:
        cards.append('<p class="rqa-empty">No passages.</p>')
    return f'<section class="rqa-turn-sources">{head}{"".join(cards)}</section>'


def sources_html(turns: Sequence[Turn]) -> str:
    """The sources panel: every turn's citations, newest first, so old [n] links still resolve."""
    if not turns:
        return '<p class="rqa-empty">Sources of each answer appear here.</p>'
    sections = [turn_sources_html(t, i) for i, t in reversed(list(enumerate(turns, start=1)))]
    return f'<div class="rqa-sources">{"".join(sections)}</div>'


def chat_messages(turns: Sequence[Turn], pending: tuple[str, str] | None = None) -> list[dict]:
    """Chatbot messages (role/content dicts); `pending` is (question, partial answer)."""
    out: list[dict] = []
    for i, t in enumerate(turns, start=1):
        out.append({"role": "user", "content": t.question})
        out.append({"role": "assistant", "content": answer_html(t.answer, i)})
    if pending is not None:
        out.append({"role": "user", "content": pending[0]})
        out.append({"role": "assistant", "content": pending_html(pending[1])})
    return out


def plain_answer(answer: Answer) -> str:
    """Answer text plus numbered sources, for the clipboard."""
    return answer.answer + sources_text(answer)


def sources_text(answer: Answer, quote_chars: int | None = None) -> str:
    """ "\n\nSources:\n[1] Title (file, p. 3, section): “quote”" (or the related passages of a
    decline; "" when there are none), for wherever only text is shown; quotes cut at `quote_chars`."""
    cited = answer.citations or answer.related
    if not cited:
        return ""
    lines = ["", "", "Sources:" if answer.citations else "Related passages (not an answer):"]
    for c in cited:
        meta = ", ".join(x for x in (c.source, f"p. {c.page}" if c.page else "", c.section or "") if x)
        quote = c.quote if quote_chars is None or len(c.quote) <= quote_chars else c.quote[:quote_chars].rstrip() + "…"
        lines.append(f"[{c.n}] {c.title} ({meta}): “{quote}”")
    return "\n".join(lines)


DOCUMENT_HEADERS = [
    "Title",
    "File",
    "Organisation",
    "Year",
    "Country",
    "Pages",
    "Chunks",
    "Ingested",
    "Answers from",
    "Id",
]


def answers_from(d: DocumentInfo, sources: dict[str, str]) -> str:
    """'this', or which document answers for a near-identical copy (the same report as a DOCX)."""
    if not d.duplicate_of:
        return "this"
    return f"same text as {sources.get(d.duplicate_of, d.duplicate_of)}"


def document_rows(docs: Sequence[DocumentInfo]) -> list[list]:
    sources = {d.doc_id: d.source for d in docs}
    return [
        [
            d.title,
            d.source,
            d.organisation or "",
            d.year or "",
            d.country or "",
            d.pages or "",
            d.chunks,
            d.ingested_at.replace("T", " ").removesuffix("+00:00") + (" UTC" if d.ingested_at else ""),
            answers_from(d, sources),
            d.doc_id,
        ]
        for d in docs
    ]


INGEST_HEADERS = ["File", "Result", "Chunks", "Detail"]


def ingest_rows(results: Sequence[IngestResult]) -> list[list]:
    """Per-file upload outcome (ingested / replaced / unchanged / duplicate / conflict / failed)
    with the reason or the note (what was replaced, what it duplicates), else the document id."""
    return [[r.path.rsplit("/", 1)[-1], r.status, r.chunks, r.error or r.note or r.doc_id or ""] for r in results]


def progress_step(p: IngestProgress) -> tuple[tuple[int, int], str, str]:
    """(done, total), description and unit for the upload progress bar: inside a large file it
    counts chunks ('Embedding big.pdf: 320/1000 chunks'), between files it counts the files finished."""
    which = f"files {p.first_index}–{p.file_index}" if p.first_index else f"file {p.file_index}"
    where = f" ({which} of {p.files})" if p.files > 1 else ""
    if p.stage == "embedding" and p.total:
        return (p.done, p.total), f"Embedding {p.name}: {p.done}/{p.total} chunks{where}", "chunks"
    verb = {"reading": "Reading", "writing": "Saving", "done": "Indexed"}.get(p.stage, p.stage.capitalize())
    return (p.finished, p.files), f"{verb} {p.name}{where}", "files"


def document_choices(docs: Sequence[DocumentInfo]) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for the removal dropdown."""
    return [(f"{d.source} — {d.title}", d.doc_id) for d in docs]
