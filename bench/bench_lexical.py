"""Lexical index benchmark: BM25 over N chunk-sized texts, built, saved, and mapped back in.

The index keeps BM25 beside Chroma (`<data dir>/lexical/bm25-<hash of the chunk ids>/`) and maps
it in at start instead of tokenising and scoring every chunk again. This measures both paths at
sizes an ingest benchmark on a 2-core machine cannot reach in reasonable time (100k chunks would
take hours to embed here), on chunk-sized texts drawn from the bundled reports' paragraphs.
Each load runs in a new process (the saved files are in the page cache, as on a server restart).

Usage: python bench/bench_lexical.py [--sizes 10000 100000] [--runs 5] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHUNK_CHARS = 1200  # the default chunk size


def texts(n: int, seed: int = 7) -> list[str]:
    """n chunk-sized texts, each a seeded draw of report paragraphs with its own reference number."""
    from bench.synth_corpus import paragraphs

    rng, paras, out = random.Random(seed), paragraphs(), []
    for i in range(n):
        body = []
        while sum(map(len, body)) < CHUNK_CHARS:
            body.append(rng.choice(paras))
        out.append(f"Report {i} " + " ".join(body)[:CHUNK_CHARS])
    return out


def build(n: int, folder: Path) -> dict:
    from vectorstore.lexical import LexicalIndex, tokenize

    corpus = texts(n)
    t = time.perf_counter()
    tokens = [tokenize(x) for x in corpus]
    t_tok = time.perf_counter() - t
    t = time.perf_counter()
    index = LexicalIndex(tokens)
    t_build = time.perf_counter() - t
    t = time.perf_counter()
    index.save(folder)
    return {"tokenise_s": t_tok, "build_s": t_build, "save_s": time.perf_counter() - t}


def load(folder: Path) -> dict:
    t = time.perf_counter()
    from vectorstore.lexical import LexicalIndex

    t_import = time.perf_counter() - t
    t = time.perf_counter()
    index = LexicalIndex.load(folder)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    hits = index.search("legislative assistance 1540 resolution", 10)
    return {"import_s": t_import, "load_s": t_load, "search_ms": (time.perf_counter() - t) * 1000, "hits": len(hits)}


def worker(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--work", type=Path, default=Path("/tmp/reportqa-bench/lexical"))
    p.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        kind, n, folder = args.worker
        print(json.dumps(build(int(n), Path(folder)) if kind == "build" else load(Path(folder))))
        return
    print(
        f"\nMedian of {args.runs} runs (min–max), each in a new process.\n\n"
        "| chunks | tokenise | build BM25 | save | load (mapped) | first search |\n|---|---|---|---|---|---|"
    )
    for n in args.sizes:
        folder = args.work / f"bm25-{n}"
        subprocess.run(["rm", "-rf", str(folder)], check=True)
        folder.parent.mkdir(parents=True, exist_ok=True)
        built = [worker("build", str(n), str(folder))]
        loads = [worker("load", str(n), str(folder)) for _ in range(args.runs)]
        print(
            f"| {n:,} | {built[0]['tokenise_s']:.1f} s | {built[0]['build_s']:.1f} s | {built[0]['save_s']:.2f} s | "
            f"{spread([x['load_s'] for x in loads])} | {spread([x['search_ms'] for x in loads], 'ms', 1)} |"
        )


if __name__ == "__main__":
    main()
