"""Ingest and ask benchmarks on the bundled corpus; prints medians.

Usage: python bench/bench_core.py [--corpus DIR] [--repeats 20]
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

QUESTIONS = [
    "which states got 1540 legislative help in 2016?",
    "Who is the contact point for cybersecurity in Chile's CTAP?",
    "When was the CSIRT best practices guide published?",
    "How many participants received partial scholarships?",
]


def distinct_questions() -> list[str]:
    """Questions no benchmark asks twice: the single-turn questions of the shipped held-out sets.
    The engine keeps a repeated question's vector and tokens, so a benchmark cycling through a
    few questions would time cache hits, not answers."""
    import json

    out: list[str] = []
    for path in sorted((ROOT / "tests" / "data").glob("heldout*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            if item and not item.get("history"):
                out.append(item["question"])
    return list(dict.fromkeys(out))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data", help="folder of reports to ingest")
    p.add_argument("--repeats", type=int, default=20)
    args = p.parse_args()

    from assistant.core import build

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        assistant = build(data_dir=Path(tmp))
        assistant.embedder.embed_query("warm up")  # model load is not ingest time
        t_load = time.perf_counter() - t0
        t1 = time.perf_counter()
        results = assistant.ingest([args.corpus])
        t_ingest = time.perf_counter() - t1
        chunks = sum(r.chunks for r in results)
        files = sum(r.status == "ingested" for r in results)
        print(f"model load            {t_load:8.2f} s")
        print(f"ingest ({files} files)      {t_ingest:8.2f} s   {chunks} chunks   {chunks / t_ingest:6.1f} chunks/s")
        t2 = time.perf_counter()
        assistant.ingest([args.corpus])
        print(f"re-ingest (unchanged) {time.perf_counter() - t2:8.2f} s")

        for q in QUESTIONS:  # warm: caches, lazy imports
            assistant.ask(q)
        totals, retrieves, answers = [], [], []
        pool = distinct_questions()  # a question never asked before in this process
        for i in range(args.repeats):
            a = assistant.ask(pool[i % len(pool)])
            totals.append(a.timings_ms["total"])
            retrieves.append(a.timings_ms["retrieve"])
            answers.append(a.timings_ms["answer"])
        print(
            f"warm ask (median of {args.repeats})  total {statistics.median(totals):7.1f} ms   "
            f"retrieve {statistics.median(retrieves):7.1f} ms   answer {statistics.median(answers):7.1f} ms"
        )
        fresh = []
        for i in range(args.repeats):  # the sentence-embedding cache emptied: a question never seen
            assistant.engine.clear_cache()
            fresh.append(assistant.ask(pool[(args.repeats + i) % len(pool)]).timings_ms["total"])
        print(f"ask, unit cache empty (median of {args.repeats})  total {statistics.median(fresh):7.1f} ms")


if __name__ == "__main__":
    main()
