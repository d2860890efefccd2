"""A filtered dense search gives what Chroma's own metadata filter gives, without asking Chroma
to filter (which scans its metadata on every query): few accepted chunks are ranked exactly from
their stored vectors, many are taken from a deeper unfiltered query, whichever costs less."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.core import build
from assistant.types import Filters
from tests.conftest import HashEmbedder
from tests.test_scale_units import NoEntities, synthetic_reports
from vectorstore.index import OVERFETCH_MAX, exact_is_cheaper, overfetch_depth


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    root = tmp_path_factory.mktemp("filtered")
    docs = root / "docs"
    docs.mkdir()
    synthetic_reports(docs, n_docs=120, sentences=48)
    built = build(data_dir=root / "idx", embedder=HashEmbedder(), tagger=NoEntities())
    assert all(r.status == "ingested" for r in built.ingest([docs]))
    return built


def queries(assistant, n: int = 12) -> list[list[float]]:
    chunks = assistant.index.snapshot.chunks
    return [HashEmbedder().embed_query(" ".join(chunks[i * 37 % len(chunks)].text.split()[:10])) for i in range(n)]


def chroma_filtered(assistant, vector, k, filters):
    """What Chroma's own filtered query returns (the reference)."""
    return [(c.chunk_id, round(s, 4)) for c, s in assistant.index._store.search(vector, k, filters)]


def exact_nearest(assistant, vector, k, filters) -> set[str]:
    """The k accepted chunks nearest the vector, by brute force over all of them."""
    ids = [c.chunk_id for c in assistant.index.snapshot.chunks if filters.accepts(c)]
    stored = assistant.index._store.vectors(ids)
    matrix = np.asarray([stored[i] for i in ids])
    return {ids[j] for j in np.argsort(-(matrix @ np.asarray(vector)))[:k]}


def ours(assistant, vector, k, filters):
    return [(c.chunk_id, round(s, 4)) for c, s in assistant.index.dense_search(vector, k, filters)]


def test_few_accepted_chunks_are_ranked_exactly(assistant):
    snap = assistant.index.snapshot
    doc_ids = tuple(d.doc_id for d in assistant.documents()[:3])
    filters = Filters(doc_ids=doc_ids)
    accepted = sum(c.doc_id in doc_ids for c in snap.chunks)
    assert accepted > 5 and exact_is_cheaper(accepted, overfetch_depth(accepted, len(snap.chunks), 5))
    for vector in queries(assistant):
        found = ours(assistant, vector, 5, filters)
        assert found == chroma_filtered(assistant, vector, 5, filters)
        assert all(snap.chunk(cid).doc_id in doc_ids for cid, _ in found)


def test_many_accepted_chunks_come_from_a_deeper_unfiltered_query(assistant):
    snap = assistant.index.snapshot
    doc_ids = tuple(d.doc_id for d in assistant.documents()[::2])
    filters = Filters(doc_ids=doc_ids)
    accepted = sum(c.doc_id in doc_ids for c in snap.chunks)
    assert not exact_is_cheaper(accepted, overfetch_depth(accepted, len(snap.chunks), 30))
    for vector in queries(assistant):
        found = ours(assistant, vector, 30, filters)
        assert len(found) == 30
        assert all(snap.chunk(cid).doc_id in doc_ids for cid, _ in found)
        # (as near as Chroma's own filter gets to the exact 30: both search one HNSW graph)
        exact = exact_nearest(assistant, vector, 30, filters)
        got = len(exact & {cid for cid, _ in found})
        assert got >= 27
        assert got >= len(exact & {cid for cid, _ in chroma_filtered(assistant, vector, 30, filters)}) - 2


def test_a_filter_nothing_passes_finds_nothing(assistant):
    assert assistant.index.dense_search(queries(assistant, 1)[0], 5, Filters(doc_ids=("no-such-doc",))) == []


def test_a_question_naming_a_report_searches_it_and_the_rest(assistant):
    """The path a question takes when it names a document (`prefer`): answers come from it."""
    doc = assistant.documents()[7]
    chunk = next(c for c in assistant.index.snapshot.chunks if c.doc_id == doc.doc_id)
    hits = assistant.search(" ".join(chunk.text.split()[:12]), filters=Filters(doc_ids=(doc.doc_id,)))
    assert hits and all(h.chunk.doc_id == doc.doc_id for h in hits)


def test_the_cheaper_way_is_taken_as_the_index_grows():
    """At 100k chunks a filter keeping 1% is ranked exactly (1,000 vectors read, not a 6,000-deep
    query), one keeping 10% by the deeper query (600 results, not 10,000 vectors read); neither
    falls to Chroma's own filter, whose metadata scan grows with the whole index."""
    total = 100_000
    for share, exact in ((0.001, True), (0.01, True), (0.1, False), (0.5, False)):
        accepted = int(total * share)
        depth = overfetch_depth(accepted, total, 30)
        assert exact_is_cheaper(accepted, depth) is exact
        assert exact or depth <= OVERFETCH_MAX
