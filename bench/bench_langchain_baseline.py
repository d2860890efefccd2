"""Side by side, in one run: the LangChain default recipe against ReportQA, same items.

Baseline: pypdf page text -> RecursiveCharacterTextSplitter(1000, 200) -> the same bundled
MiniLM -> Chroma (langchain_chroma) -> top-5 dense similarity search.
Ours: the Assistant as users get it (structure-aware chunks, hybrid BM25 + dense with RRF,
thesaurus/glossary bridging, extractive cited answer).

Both are scored with the eval's own rules (assistant.evaluation.evaluate): hit@5 / all-sources@5 (a gold
quote counts when it lies inside a retrieved chunk), warm latency medians, and, for the
answers, the pass rate (every fact present, answer short). The baseline's "answer" is its
top-5 chunks pasted together: it contains many facts and fails the length rule.

Usage: python bench/bench_langchain_baseline.py [--gold tests/data/dev.jsonl] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def baseline_store(pdfs: list[Path], embedder, directory: Path):
    """The recipe from LangChain's RAG tutorial: PDF pages read by pypdf (or whole .txt files)."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter
    from pypdf import PdfReader

    pages = [
        Document(page_content=page.extract_text() or "", metadata={"source": pdf.name, "page": n})
        for pdf in pdfs
        if pdf.suffix == ".pdf"
        for n, page in enumerate(PdfReader(pdf).pages, start=1)
    ] + [
        Document(page_content=f.read_text(encoding="utf-8"), metadata={"source": f.name})
        for f in pdfs
        if f.suffix == ".txt"
    ]
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(pages)
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=str(directory), settings=Settings(anonymized_telemetry=False))
    store = Chroma(client=client, collection_name="baseline", embedding_function=embedder)
    store.add_documents(splits)
    return store, len(splits)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "dev.jsonl")
    p.add_argument("--reports", type=Path, default=ROOT / "samples" / "reports")
    p.add_argument(
        "--baseline-txt",
        type=Path,
        default=None,
        help="give the baseline the .txt versions from this folder instead of the PDFs (clean text, no PDF layout)",
    )
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--repeats", type=int, default=3, help="timed passes over the items (after one warm-up pass)")
    args = p.parse_args()

    from assistant.core import build
    from assistant.evaluation.evaluate import answer_is_short, facts_found, load_gold, quote_in_chunks

    items = [i for i in load_gold(args.gold) if i.answerable and i.sources]
    pdfs = sorted(args.reports.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        ours = build(data_dir=Path(tmp) / "ours")
        embedder = ours.embedder
        embedder.embed_query("warm up")
        t0 = time.perf_counter()
        ours.ingest(pdfs)
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        base_files = [args.baseline_txt / f"{f.stem}.txt" for f in pdfs] if args.baseline_txt else pdfs
        store, n_base = baseline_store(base_files, embedder, Path(tmp) / "baseline")
        t_base = time.perf_counter() - t0

        rows = {"baseline": [], "reportqa": []}
        base_times, ours_retrieve, ours_total = [], [], []
        for rep in range(args.repeats + 1):
            for item in items:
                t = time.perf_counter()
                docs = store.similarity_search(item.question, k=args.k)
                dt = time.perf_counter() - t
                answer = ours.ask(item.question, history=item.history, k=args.k)
                if rep == 0:  # warm-up pass also collects quality
                    base_chunks = [(d.metadata["source"], d.page_content) for d in docs]
                    pasted = "\n\n".join(d.page_content for d in docs)
                    our_chunks = [(h.chunk.source, h.chunk.text) for h in answer.hits]
                    for name, chunks, text, abstained in (
                        ("baseline", base_chunks, pasted, False),
                        ("reportqa", our_chunks, answer.answer, answer.abstained),
                    ):
                        inside = [quote_in_chunks(q, d, chunks) for d, q in item.sources]
                        found = facts_found(text, item.must_include)
                        rows[name].append(
                            (
                                any(inside),
                                all(inside),
                                found / max(1, len(item.must_include)),
                                not abstained
                                and found == len(item.must_include)
                                and answer_is_short(text, item.answer),
                            )
                        )
                    continue
                base_times.append(dt)
                ours_retrieve.append(answer.timings_ms["retrieve"] / 1000)
                ours_total.append(answer.timings_ms["total"] / 1000)

    def frac(name: str, col: int) -> float:
        return sum(r[col] for r in rows[name]) / len(rows[name])

    print(
        f"{len(items)} answerable gold items with sources from {args.gold.name}; k={args.k}; "
        f"latency = median of {args.repeats} warm passes"
    )
    print(
        f"index: baseline {n_base} chunks in {t_base:.1f} s; "
        f"reportqa {sum(d.chunks for d in ours.documents())} chunks in {t_ours:.1f} s"
    )
    print(f"{'':22}{'baseline':>10}{'reportqa':>10}{'ratio':>8}")
    for label, col in (("hit@5", 0), ("all-sources@5", 1), ("facts in answer", 2), ("answer pass rate", 3)):
        b, o = frac("baseline", col), frac("reportqa", col)
        print(f"{label:22}{b:10.3f}{o:10.3f}{(o / b if b else float('inf')):8.2f}")
    b = median_ms(base_times)
    for label, samples in (("retrieve ms (median)", ours_retrieve), ("full answer ms", ours_total)):
        o = median_ms(samples)
        print(f"{label:22}{b:10.1f}{o:10.1f}{o / b:8.2f}")
    print("baseline latency is its top-5 similarity search; its 'answer' is the 5 chunks pasted together")


if __name__ == "__main__":
    main()
