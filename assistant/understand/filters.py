"""Filter values as people type them ("oas", "CICTE", "chile") matched to the values stored.

Stored values are whatever the reports say ("CICTE/OAS"), so an exact, case-sensitive match
fails silently. A typed value matches a stored one when their folded forms are equal or the
typed one is a whole part of it ("OAS" of "CICTE/OAS"). A value that matches nothing is an
error that lists the known values, never an empty result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from assistant.types import DocumentInfo, Filters
from vectorstore.lexical import fold

MIN_ID_PREFIX = 4  # of 16 hex digits: 4 tell ~65,000 documents apart


class UnknownFilterError(ValueError):
    def __init__(self, field: str, value: object, known: Sequence[object]) -> None:
        shown = ", ".join(str(k) for k in known) or "none: nothing is indexed"
        super().__init__(f"unknown {field} {value!r}; known {field}s: {shown}")
        self.field, self.value, self.known = field, value, tuple(known)


def _parts(value: str) -> set[str]:
    return {p for p in re.split(r"[/,;|()\s]+", fold(value)) if p}


def match_names(field: str, typed: Iterable[str], stored: Iterable[str]) -> tuple[str, ...]:
    """Every stored value that each typed value names; an unmatched typed value raises."""
    typed = list(typed)
    if not typed:  # (the stored values are every document's: not read for a field not filtered on)
        return ()
    stored = sorted(set(stored))
    out: list[str] = []
    for value in typed:
        want = fold(value).strip()
        hits = [s for s in stored if fold(s) == want] or [s for s in stored if want and want in _parts(s)]
        if not hits and field == "source":  # "report" or "report.PDF" for report.pdf / report.docx
            hits = [s for s in stored if fold(Path(s).stem) in (want, fold(Path(want).stem))]
        if not hits:
            raise UnknownFilterError(field, value, stored)
        out += [h for h in hits if h not in out]
    return tuple(out)


def match_ids(typed: Iterable[str], docs: Sequence[DocumentInfo]) -> tuple[str, ...]:
    out: list[str] = []
    for value in typed:
        want = value.strip().lower()
        hits = [
            d.doc_id for d in docs if d.doc_id == want or (len(want) >= MIN_ID_PREFIX and d.doc_id.startswith(want))
        ]
        if not hits:
            raise UnknownFilterError("document id", value, [d.doc_id for d in docs])
        out += [h for h in hits if h not in out]
    return tuple(out)


def resolve_filters(filters: Filters | None, docs: Sequence[DocumentInfo]) -> Filters | None:
    """The same restrictions in stored values; raises UnknownFilterError on a value nothing has."""
    if filters is None or filters.is_empty():
        return None
    if filters.years:
        years = sorted({d.year for d in docs if d.year is not None})
        for y in filters.years:
            if y not in years:
                raise UnknownFilterError("year", y, years)
    return Filters(
        doc_ids=match_ids(filters.doc_ids, docs),
        sources=match_names("source", filters.sources, (d.source for d in docs)),
        organisations=match_names(
            "organisation", filters.organisations, (d.organisation for d in docs if d.organisation)
        ),
        years=tuple(filters.years),
        countries=match_names("country", filters.countries, (d.country for d in docs if d.country)),
    )
