"""A large index answers without embedding anything but the question (units were embedded at ingest).

The old sentence cache cleared itself at 20,000 entries and then raised KeyError, so `ask` failed
on a large corpus; this index holds well over 30,000 answer units.
"""

from __future__ import annotations

import random
import re

from assistant.core import build
from tests.conftest import DATA, HashEmbedder
from vectorstore.lexical import tokenize


class NoEntities:
    """Entity tagging is not what this test measures (the real tagger runs in the other tests)."""

    name = "none"

    def tag(self, texts):
        return [() for _ in texts]


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        self.documents_embedded = 0
        self.texts: list[str] = []

    def embed_documents(self, texts):
        self.documents_embedded += len(texts)
        self.texts.extend(texts)
        return super().embed_documents(texts)


def synthetic_reports(folder, n_docs: int, sentences: int, seed: int = 7) -> None:
    """Seeded reports in the bundled reports' vocabulary; every sentence distinct (a reference number)."""
    rng = random.Random(seed)
    vocabulary = sorted(
        {
            w
            for f in ("cicte-2016-work-plan-report.txt", "apec-ctap-chile-2020.txt")
            for w in re.findall(r"[A-Za-z]{4,}", (DATA / f).read_text())
        }
    )
    for d in range(n_docs):
        lines = [f"Annual Report {d} of the Synthetic Committee", ""]
        for i in range(0, sentences, 4):
            lines.append(
                " ".join(
                    f"{' '.join(rng.choices(vocabulary, k=rng.randint(10, 18))).capitalize()} (ref {d}.{i + j})."
                    for j in range(4)
                )
            )
            lines.append("")
        (folder / f"report-{d:03d}.txt").write_text("\n".join(lines))


def test_ask_on_a_30000_unit_index_embeds_only_the_question_and_its_words(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    synthetic_reports(docs, n_docs=20, sentences=1600)
    embedder = CountingEmbedder()
    assistant = build(data_dir=tmp_path / "idx", embedder=embedder, tagger=NoEntities(), embedding_batch_size=256)
    results = assistant.ingest([docs])
    assert all(r.status == "ingested" for r in results), results
    assert assistant.index._units.count() > 30_000
    before = embedder.documents_embedded
    questions = (
        "which states got 1540 legislative help in 2016?",
        "who is the contact point for customs?",
        "When was the CSIRT best practices guide published?",
    )
    for question in questions:
        answer = assistant.ask(question)
        assert answer.citations or answer.related
    # nothing but the questions (embed_query) and the kinds of thing they ask for ("states", "place",
    # embedded in one batch per question) was embedded: no text of the index
    asked = set(" ".join(questions).lower().replace("?", "").split()) | {"place"}
    assert set(embedder.texts[before:]) <= asked
    assert assistant.engine.scorer.embedded_at_question_time == 0


def test_a_restart_maps_the_saved_lexical_index_and_a_write_replaces_it(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    synthetic_reports(docs, n_docs=3, sentences=40)
    first = build(data_dir=tmp_path / "data", embedder=HashEmbedder(), tagger=NoEntities())
    first.ingest([docs / "report-000.txt", docs / "report-001.txt"])
    query = " ".join(first.index.snapshot.chunks[5].text.split()[:12])
    before = first.index.lexical_search(query, 5, None)
    saved = sorted(p.name for p in (tmp_path / "data" / "lexical").glob("bm25-*"))
    assert len(saved) == 1

    again = build(data_dir=tmp_path / "data", embedder=HashEmbedder(), tagger=NoEntities())
    assert [(c.chunk_id, round(s, 5)) for c, s in again.index.lexical_search(query, 5, None)] == [
        (c.chunk_id, round(s, 5)) for c, s in before
    ]
    assert again.index.snapshot.lexical.knows(tokenize(query)[0])
    assert again.index._tokens == {}  # mapped from disk: nothing was tokenised or read back

    again.ingest([docs / "report-002.txt"])
    again.index.snapshot  # noqa: B018 - the first read after a write derives the new snapshot
    now = sorted(p.name for p in (tmp_path / "data" / "lexical").glob("bm25-*"))
    assert len(now) == 1 and now != saved


def test_a_sentence_already_stored_is_not_embedded_again(tmp_path):
    """Next year's report repeats most of this year's sentences: only its chunks and its new
    sentences are embedded, and every unit of both reports still has its vector."""
    embedder = CountingEmbedder()
    assistant = build(data_dir=tmp_path / "idx", embedder=embedder, tagger=NoEntities())
    shared = [f"The Zembla committee held meeting number {n} in the capital and agreed its plan." for n in range(12)]
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    (first / "zembla-2031.txt").write_text("Zembla Report 2031\n\n" + " ".join(shared) + "\n")
    assistant.ingest([first])
    before = embedder.documents_embedded
    new = "In 2032 the committee also trained forty port officers in Valmora."
    (second / "zembla-2032.txt").write_text("Zembla Report 2032\n\n" + " ".join(shared) + " " + new + "\n")
    assistant.ingest([second])
    chunks = [c for c in assistant.index.snapshot.chunks if c.source == "zembla-2032.txt"]
    embedded = embedder.documents_embedded - before
    assert embedded <= len(chunks) + 3, embedded  # the chunks, the heading and the new sentence
    assert assistant.ask("how many port officers did the Zembla committee train in 2032?").citations
