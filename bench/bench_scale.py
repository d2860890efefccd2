"""Scale benchmark: the embedding floor, ingest and questions at growing corpus sizes. Prints tables.

Usage: python bench/bench_scale.py [--sizes 1000 3000 10000] [--runs 5] [--work DIR]

- floor: raw embedding throughput of the bundled model on chunk-sized texts (batch 16/32/64);
- ingest (per size, fresh index): chunks/s and pages/s, as a fraction of the floor measured in the
  same run; per-file time over the first and the last 10% of files; peak RSS; re-ingest of the
  unchanged corpus;
  (the 3,000-chunk corpus is 1,000 files: its first and last 10% say whether the cost is flat);
- load and questions (a new process per size): index load to the first answer, lexical index build,
  warm ask and search p50/p95 with and without a filter, RSS.
Each step runs in its own process so peak memory and cold starts are its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_core import distinct_questions  # noqa: E402

QUESTIONS = [
    "which states got 1540 legislative help?",
    "who organised the cargo ship inspection workshop?",
    "how many CSIRTs participated in the cyber exercises?",
    "when was the national cybersecurity policy adopted?",
    "what training did customs officers receive on dual-use goods?",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# --- workers (one process each) --------------------------------------------------------------
def ingest_texts(paths: list[Path]) -> tuple[list[str], list[str]]:
    """What ingest embeds for these files, file by file as it does: (chunk texts, answer-unit texts)."""
    from assistant.answer.scoring import unit_texts
    from ingest.chunking import split_document
    from ingest.loaders import load_document
    from ingest.pipeline import texts_to_embed

    chunks, units = [], []
    for path in paths:
        doc_chunks = split_document(load_document(path))
        texts, _ = texts_to_embed(doc_chunks, unit_texts)
        chunks += texts[: len(doc_chunks)]
        units += texts[len(doc_chunks) :]
    return chunks, units


def work_floor(corpus: Path) -> dict:
    """The model alone, no ReportQA around it: chunk-sized texts at batch 16/32/64, and the very
    texts ingest embeds for 40 files (chunks and answer units, shortest first, batch 32)."""
    from vectorstore.embeddings import SentenceEmbedder

    files = sorted(corpus.glob("*.txt"))[:40]
    chunks, units = ingest_texts(files)
    emb = SentenceEmbedder()
    emb.embed_documents(chunks[:8])  # load and warm
    out = {}
    for batch in (16, 32, 64):
        emb.batch_size = batch
        t = time.perf_counter()
        emb.embed_documents(chunks[:128])
        out[str(batch)] = 128 / (time.perf_counter() - t)
    emb.batch_size = 32
    texts = sorted(chunks + units, key=len)
    t = time.perf_counter()
    for start in range(0, len(texts), 32):
        emb.embed_documents(texts[start : start + 32])
    out["ingest_texts_per_s"] = len(texts) / (time.perf_counter() - t)
    out["texts_per_chunk"] = len(texts) / len(chunks)
    return out


def work_ingest(corpus: Path, data: Path) -> dict:
    from assistant.core import build

    a = build(data_dir=data)
    a.embedder.embed_query("warm up")
    starts: dict[int, float] = {}
    ends: dict[int, float] = {}

    stages: dict[str, float] = {}  # seconds spent in each stage a progress event opens
    last = {"stage": "", "at": 0.0}

    def progress(p) -> None:
        now = time.perf_counter()
        if last["stage"]:
            stages[last["stage"]] = stages.get(last["stage"], 0.0) + now - last["at"]
        last.update(stage=p.stage, at=now)
        if p.stage == "done":
            ends[p.file_index] = now
        elif p.file_index not in starts:
            starts[p.file_index] = now

    t = time.perf_counter()
    results = a.ingest([corpus], progress)
    total = time.perf_counter() - t
    per_file = [ends[i] - starts[i] for i in sorted(ends) if i in starts]
    tenth = max(1, len(per_file) // 10)
    t = time.perf_counter()
    again = a.ingest([corpus])
    reingest = time.perf_counter() - t
    chunk_texts, unit_texts = ingest_texts(sorted(corpus.glob("*.txt")))
    return {
        "files": len(results),
        "texts": len(chunk_texts) + len(unit_texts),
        "chunks": sum(r.chunks for r in results),
        "ingested": sum(r.status == "ingested" for r in results),
        "seconds": total,
        "first10_ms": statistics.median(per_file[:tenth]) * 1000,
        "last10_ms": statistics.median(per_file[-tenth:]) * 1000,
        "reingest_s": reingest,
        "unchanged": sum(r.status == "unchanged" for r in again),
        "peak_rss_mb": rss_mb(),
        "stages": {k: v for k, v in stages.items() if k != "done"},
    }


def work_query(data: Path, runs: int) -> dict:
    t0 = time.perf_counter()
    from assistant.core import build

    a = build(data_dir=data)
    t_build = time.perf_counter() - t0
    t = time.perf_counter()
    _ = a.index.snapshot.lexical
    t_lexical = time.perf_counter() - t
    a.ask(QUESTIONS[0])
    t_first = time.perf_counter() - t0
    org = next((d.organisation for d in a.documents() if d.organisation), None)
    filters = None
    if org:
        from assistant.types import Filters

        filters = Filters(organisations=(org,))
    timings: dict[str, list[float]] = {"ask": [], "search": [], "ask_filtered": [], "search_filtered": []}
    pool = distinct_questions()  # never the same question twice: repeats would time cache hits
    calls = (
        ("ask", lambda q: a.ask(q)),
        ("search", lambda q: a.search(q)),
        ("ask_filtered", lambda q: a.ask(q, filters=filters)),
        ("search_filtered", lambda q: a.search(q, filters=filters)),
    )
    asked = 0
    for _ in range(runs):
        for _q in QUESTIONS:
            for name, call in calls:
                q = pool[asked % len(pool)]
                asked += 1
                t = time.perf_counter()
                call(q)
                timings[name].append((time.perf_counter() - t) * 1000)
    return {
        "build_s": t_build,
        "lexical_s": t_lexical,
        "first_answer_s": t_first,
        "filter": org,
        **{f"{k}_p50": statistics.median(v) for k, v in timings.items()},
        **{f"{k}_p95": pct(v, 0.95) for k, v in timings.items()},
        "rss_mb": rss_mb(),
    }


def run_worker(*args: str) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    out = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True, env=env)
    if out.returncode:
        raise SystemExit(f"worker {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000], help="corpus sizes in chunks")
    p.add_argument("--runs", type=int, default=5, help="question rounds per size (5 questions each)")
    p.add_argument("--work", type=Path, default=Path("/tmp/reportqa-bench"))
    p.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        kind, *rest = args.worker
        if kind == "floor":
            result = work_floor(Path(rest[0]))
        elif kind == "ingest":
            result = work_ingest(Path(rest[0]), Path(rest[1]))
        else:
            result = work_query(Path(rest[0]), int(rest[1]))
        print(json.dumps(result))
        return

    from bench.synth_corpus import write_corpus

    work = args.work
    corpora = {}
    for size in args.sizes:
        t = time.perf_counter()
        corpora[size] = work / f"corpus-{size}"
        write_corpus(corpora[size], size)
        print(f"corpus of ~{size} chunks written in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    floor = run_worker("floor", str(corpora[args.sizes[0]]))
    print("\n| embedding floor (model alone) | batch 16 | batch 32 | batch 64 |\n|---|---|---|---|")
    print(f"| chunk-sized texts/s | {floor['16']:.1f} | {floor['32']:.1f} | {floor['64']:.1f} |")
    print(
        f"\nIngest embeds each chunk and each distinct answer unit (sentence, list item): "
        f"{floor['texts_per_chunk']:.1f} texts per chunk. The model alone embeds those texts at "
        f"{floor['ingest_texts_per_s']:.1f} texts/s (shortest first, batch 32): the floor below."
    )
    print(
        "\n| chunks (files) | ingest s | chunks/s | texts/s | of floor | per file, first 10% | last 10% | "
        "peak RSS | re-ingest unchanged |\n|---|---|---|---|---|---|---|---|---|"
    )
    ingested = {}
    for size in args.sizes:
        data = work / f"data-{size}"
        subprocess.run(["rm", "-rf", str(data)], check=True)
        r = run_worker("ingest", str(corpora[size]), str(data))
        ingested[size] = data
        rate, texts = r["chunks"] / r["seconds"], r["texts"] / r["seconds"]
        print(
            f"| {r['chunks']} ({r['files']}) | {r['seconds']:.1f} | {rate:.1f} | {texts:.1f} | "
            f"{texts / floor['ingest_texts_per_s']:.0%} | "
            f"{r['first10_ms']:.0f} ms | {r['last10_ms']:.0f} ms | {r['peak_rss_mb']:.0f} MB | "
            f"{r['reingest_s']:.2f} s |"
        )
        stage_share = ", ".join(f"{k} {v / r['seconds']:.0%}" for k, v in sorted(r["stages"].items()))
        print(f"|  | where the time went: {stage_share} |||||||| ")

    print(
        "\n| chunks | load to first answer | lexical build | ask p50 / p95 | search p50 / p95 | "
        "filtered ask p50 / p95 | filtered search p50 / p95 | RSS |\n|---|---|---|---|---|---|---|---|"
    )
    for size in args.sizes:
        q = run_worker("query", str(ingested[size]), str(args.runs))
        print(
            f"| {size} | {q['first_answer_s']:.1f} s | {q['lexical_s']:.2f} s | "
            f"{q['ask_p50']:.0f} / {q['ask_p95']:.0f} ms | {q['search_p50']:.0f} / {q['search_p95']:.0f} ms | "
            f"{q['ask_filtered_p50']:.0f} / {q['ask_filtered_p95']:.0f} ms | "
            f"{q['search_filtered_p50']:.0f} / {q['search_filtered_p95']:.0f} ms | {q['rss_mb']:.0f} MB |"
        )
    print(f"\n(filter: organisation; {args.runs} rounds of {len(QUESTIONS)} questions per size)")


if __name__ == "__main__":
    main()
