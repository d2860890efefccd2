"""Accuracy on a gold question set, through the same Assistant users talk to.

Pure scoring functions (facts, length rule, quote matching, citation validity, decline
precision/recall) plus `evaluate(assistant, items)` and the per-item diagnostics written to
`--out`; the Markdown/PNG report lives in eval_report.py.
"""

from __future__ import annotations

from collections import Counter

import json
import math
import re
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path

from assistant.app.serialize import citation_to_dict
from assistant.text import strip_markers
from assistant.types import Answer, Citation, Document, Hit


class GoldFormatError(ValueError):
    """A gold file line that cannot be used, with file:line in the message."""


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answerable: bool
    answer: str
    must_include: tuple[tuple[str, ...], ...]
    sources: tuple[tuple[str, str], ...]  # (doc file name, quote)
    type: str
    history: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemResult:
    item: GoldItem
    answer: Answer
    passed: bool
    facts_found: int
    hit: bool  # at least one gold quote inside the retrieved chunks
    all_sources: bool
    valid_citations: int
    latency_ms: float


@dataclass(frozen=True)
class EvalReport:
    results: tuple[ItemResult, ...]
    summary: dict
    by_type: dict[str, dict] = field(default_factory=dict)


def load_gold(path: Path) -> list[GoldItem]:
    """Read a JSONL gold set; a bad line raises GoldFormatError naming file and line."""
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such file")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            items.append(
                GoldItem(
                    id=str(d["id"]),
                    question=d["question"],
                    answerable=bool(d["answerable"]),
                    answer=d.get("answer", ""),
                    must_include=tuple(tuple(alts) for alts in d.get("must_include", [])),
                    sources=tuple((s["doc"], s["quote"]) for s in d.get("sources", [])),
                    type=d.get("type", "unknown"),
                    history=tuple(d.get("history") or ()),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldFormatError(f"{path}:{n}: {type(exc).__name__}: {exc}") from exc
    if not items:
        raise GoldFormatError(f"{path}: no gold items (expected one JSON object per line)")
    return items


def facts_found(answer_text: str, must_include: Sequence[Sequence[str]]) -> int:
    """Facts present: any alternative is a case-insensitive substring of the answer."""
    low = strip_markers(answer_text).lower()
    return sum(1 for alts in must_include if any(a.lower() in low for a in alts))


def missing_facts(answer_text: str, must_include: Sequence[Sequence[str]]) -> list[str]:
    """The first alternative of every required fact the answer lacks (same rule as facts_found)."""
    missing = [alts for alts in must_include if not facts_found(answer_text, [alts])]
    return [alts[0] if alts else "(a fact with no alternatives)" for alts in missing]


def length_limit(reference: str) -> int:
    """Answers are short: at most max(600, 3 x reference) characters, markers not counted."""
    return max(600, 3 * len(reference))


def answer_is_short(answer_text: str, reference: str) -> bool:
    return len(strip_markers(answer_text)) <= length_limit(reference)


def normalise(text: str) -> str:
    """Compare passages across formats: quotes, bullets and whitespace folded, lower case."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("•", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def quote_in_chunks(quote: str, doc: str, chunks: Sequence[tuple[str, str]]) -> bool:
    """Is a gold quote inside a retrieved chunk of the same report (any format)?

    `chunks` are (source file name, text); reports match on the file stem, so the .txt
    quoted in the gold set matches its .pdf in the index. A multi-line quote counts when
    each of its lines lies in some retrieved chunk of that report.
    """
    stem = Path(doc).stem
    texts = [normalise(t) for s, t in chunks if Path(s).stem == stem]
    if any(normalise(quote) in t for t in texts):
        return True
    lines = [normalise(x) for x in quote.splitlines() if x.strip()]
    return len(lines) > 1 and all(any(x in t for t in texts) for x in lines)


def citation_is_valid(c: Citation, doc: Document) -> bool:
    """The quote appears verbatim in the document, on the cited page where pages exist."""
    if c.page is None or not doc.pages:
        return c.quote in doc.text
    span = next((p for p in doc.pages if p.number == c.page), None)
    return span is not None and c.quote in doc.text[span.start : span.end + len(c.quote)]


def score_item(item: GoldItem, answer: Answer, latency_ms: float, load: Callable[[str], Document | None]) -> ItemResult:
    found = facts_found(answer.answer, item.must_include)
    if item.answerable:
        passed = (
            not answer.abstained and found == len(item.must_include) and answer_is_short(answer.answer, item.answer)
        )
    else:
        passed = answer.abstained
    chunks = [(h.chunk.source, h.chunk.text) for h in answer.hits]
    inside = [quote_in_chunks(q, d, chunks) for d, q in item.sources]
    valid = 0
    for c in answer.citations:
        doc = load(c.doc_id)
        valid += bool(doc and citation_is_valid(c, doc))
    return ItemResult(item, answer, passed, found, any(inside), bool(inside) and all(inside), valid, latency_ms)


def decline_scores(declined: Sequence[bool], unanswerable: Sequence[bool]) -> dict:
    """Declining judged as a classifier whose positive class is "unanswerable".

    precision: of the declined items, the share really unanswerable (None when nothing was
    declined); recall: of the unanswerable items, the share declined (None when there are none);
    F1 = 2TP / (declined + unanswerable), so it is 0 when either side is empty and the other is not.
    """
    tp = sum(d and u for d, u in zip(declined, unanswerable, strict=True))
    n_declined, n_unanswerable = sum(declined), sum(unanswerable)

    def ratio(num: int, den: int) -> float | None:
        return round(num / den, 4) if den else None

    return {
        "declined_total": n_declined,
        "decline_precision": ratio(tp, n_declined),
        "decline_recall": ratio(tp, n_unanswerable),
        "decline_f1": ratio(2 * tp, n_declined + n_unanswerable),
    }


def summarise(results: Sequence[ItemResult]) -> dict:
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    with_sources = [r for r in answerable if r.item.sources]
    cited = sum(len(r.answer.citations) for r in results)
    latencies = sorted(r.latency_ms for r in results)

    def frac(xs: Sequence[bool]) -> float | None:
        return round(sum(xs) / len(xs), 4) if xs else None

    return {
        "items": len(results),
        "answerable": len(answerable),
        "pass_rate": frac([r.passed for r in answerable]),
        "fact_recall": round(
            statistics.mean(r.facts_found / len(r.item.must_include) for r in answerable if r.item.must_include), 4
        )
        if any(r.item.must_include for r in answerable)
        else None,
        "unanswerable": len(unanswerable),
        "declined_correctly": sum(r.passed for r in unanswerable),
        "wrongly_declined": sum(r.answer.abstained for r in answerable),
        **decline_scores([r.answer.abstained for r in results], [not r.item.answerable for r in results]),
        "hit_at_k": frac([r.hit for r in with_sources]),
        "all_sources_at_k": frac([r.all_sources for r in with_sources]),
        "citation_validity": round(sum(r.valid_citations for r in results) / cited, 4) if cited else None,
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1)
        if latencies
        else None,
        # Which reader wrote the answers; with an LLM, how often it fell back and what the check removed.
        "engines": dict(Counter(r.answer.engine for r in results)),
        "fallbacks": sum(r.answer.fallback_reason is not None for r in results),
        "unsupported_removed": sum(len(r.answer.unsupported) for r in results),
    }


def evaluate(
    assistant, items: Sequence[GoldItem], k: int = 5, progress: Callable[[int, int], None] | None = None
) -> EvalReport:
    """Run every item through `assistant.ask` and score it."""
    from ingest.loaders import LoadError, load_document

    cache: dict[str, Document | None] = {}

    def load(doc_id: str) -> Document | None:
        if doc_id not in cache:
            try:
                cache[doc_id] = load_document(assistant.index.original_path(doc_id))
            except (LoadError, OSError):
                cache[doc_id] = None
        return cache[doc_id]

    results = []
    for n, item in enumerate(items, start=1):
        t0 = time.perf_counter()
        answer = assistant.ask(item.question, history=item.history, k=k)
        results.append(score_item(item, answer, (time.perf_counter() - t0) * 1000, load))
        if progress:
            progress(n, len(items))
    types = sorted({r.item.type for r in results})
    by_type = {t: summarise([r for r in results if r.item.type == t]) for t in types}
    return EvalReport(tuple(results), summarise(results), by_type)


def miss_reason(r: ItemResult) -> str | None:
    """Why an item failed, in words, or None when it passed."""
    if r.passed:
        return None
    if not r.item.answerable:
        return "answered an unanswerable"
    if r.answer.abstained:
        return "declined"
    missing = missing_facts(r.answer.answer, r.item.must_include)
    if missing:
        return "missing: " + "; ".join(missing)
    return f"too long: {len(strip_markers(r.answer.answer))} > {length_limit(r.item.answer)} characters"


def gold_in_hit(item: GoldItem, hit: Hit) -> bool:
    return any(quote_in_chunks(q, d, [(hit.chunk.source, hit.chunk.text)]) for d, q in item.sources)


def first_gold_rank(item: GoldItem, hits: Sequence[Hit]) -> int | None:
    """1-based rank of the first retrieved chunk holding a gold quote; None when none does."""
    return next((n for n, h in enumerate(hits, start=1) if gold_in_hit(item, h)), None)


def answer_why(answer: Answer) -> dict:
    """The engine's decision features (`Answer.why`), {} from an engine that records none."""
    why = getattr(answer, "why", None)
    return why if isinstance(why, Mapping) else {}


def jsonable(value):
    """The engine's features as plain JSON: tuples and sets to lists, numpy and dataclasses unwrapped."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(v) for v in value), key=str)
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, float):
        return value if math.isfinite(value) else None  # NaN is not JSON
    if value is None or isinstance(value, (str, int)):
        return value
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return jsonable(value.tolist())
    return str(value)


def result_to_dict(r: ItemResult) -> dict:
    """One line of the --out file: the answer, what it was built from, and why it passed or not."""
    a = r.answer
    return {
        "id": r.item.id,
        "type": r.item.type,
        "question": r.item.question,
        "standalone_question": a.standalone_question,
        "answerable": r.item.answerable,
        "answer": a.answer,
        "abstained": a.abstained,
        "engine": a.engine,
        "fallback_reason": a.fallback_reason,
        "unsupported": list(a.unsupported),
        "citations": [citation_to_dict(c) for c in a.citations],
        "related": [citation_to_dict(c) for c in a.related],
        "why": jsonable(answer_why(a)),
        "retrieved": [
            {
                "doc_id": h.chunk.doc_id,
                "source": h.chunk.source,
                "page": h.chunk.page_start,
                "section": h.chunk.section,
                "text": h.chunk.text,
                "score": round(h.score, 6),
                "dense_rank": h.dense_rank,
                "lexical_rank": h.lexical_rank,
                "has_gold": gold_in_hit(r.item, h),
            }
            for h in a.hits
        ],
        "gold_rank": first_gold_rank(r.item, a.hits),
        "latency_ms": round(r.latency_ms, 1),
        "timings_ms": jsonable(a.timings_ms),
        "passed": r.passed,
        "failure": miss_reason(r),
        "facts_found": r.facts_found,
        "facts_total": len(r.item.must_include),
        "missing": missing_facts(a.answer, r.item.must_include),
        "answer_chars": len(strip_markers(a.answer)),
        "length_limit": length_limit(r.item.answer),
    }
