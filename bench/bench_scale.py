"""Scale benchmark: the embedding floor, ingest and questions at growing corpus sizes. Prints tables.

Usage: python bench/bench_scale.py [--sizes 1000 3000 10000] [--ingest-runs 5] [--query-runs 5] [--runs 5]
       [--work DIR] [--skip-ingest]

- floor: raw embedding throughput of the bundled model: chunk-sized texts (batch 16/32/64), and the
  very texts ingest embeds (chunks and answer units, sorted by length) at the best batch size;
- ingest (per size, a fresh index per round, --ingest-runs rounds): chunks/s, pages/s (the synthetic
  reports have form-feed pages) and texts/s, as a fraction of the floor measured just before; cost per
  file over the first and the last 10% of files; peak RSS; re-ingest of the unchanged corpus; where
  the time went (reading, tagging, embedding, writing);
  (the 3,000-chunk corpus is 1,000 files: its first and last 10% say whether the cost is flat);
- questions (--query-runs new processes per size): index load to the first answer, the lexical index
  at start, warm ask and search p50/p95 with and without a filter, RSS.
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


def spread(values: list[float], fmt: str = "{:.1f}") -> str:
    """Median (min–max) of several runs; one run is printed alone."""
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# --- workers (one process each) --------------------------------------------------------------
def ingest_texts(paths: list[Path]) -> tuple[list[str], list[str]]:
    """What ingest embeds for these files, in order: (chunk texts, answer-unit texts), each
    answer unit once however many files say it (ingest keeps a stored unit's vector)."""
    from assistant.answer.scoring import unit_texts
    from ingest.chunking import split_document
    from ingest.loaders import load_document
    from ingest.pipeline import texts_to_embed

    chunks, units = [], {}
    for path in paths:
        doc_chunks = split_document(load_document(path))
        texts, keyed = texts_to_embed(doc_chunks, unit_texts)
        chunks += texts[: len(doc_chunks)]
        units.update(keyed)
    return chunks, list(units.values())


def work_floor(corpus: Path) -> dict:
    """The model alone, no ReportQA around it: chunk-sized texts at batch 16/32/64, and the very
    texts ingest embeds for 40 files (chunks and answer units, all sorted shortest first) at each
    batch size; the best of those is the floor."""
    from vectorstore.embeddings import SentenceEmbedder

    files = sorted(corpus.glob("*.txt"))[:40]
    chunks, units = ingest_texts(files)
    emb = SentenceEmbedder()
    emb.embed_documents(chunks[:8])  # load and warm
    out: dict = {}
    for batch in (16, 32, 64):
        emb.batch_size = batch
        t = time.perf_counter()
        emb.embed_documents(chunks[:128])
        out[str(batch)] = 128 / (time.perf_counter() - t)
    texts = sorted(chunks + units, key=len)
    sorted_rates = {}
    for batch in (16, 32, 64):
        emb.batch_size = batch
        t = time.perf_counter()
        for start in range(0, len(texts), batch):
            emb.embed_documents(texts[start : start + batch])
        sorted_rates[batch] = len(texts) / (time.perf_counter() - t)
    best = max(sorted_rates, key=sorted_rates.get)
    out.update(ingest_texts_per_s=sorted_rates[best], floor_batch=best, sorted_rates=sorted_rates)
    out["texts_per_chunk"] = len(texts) / len(chunks)
    return out


def work_ingest(corpus: Path, data: Path) -> dict:
    from assistant.core import build

    a = build(data_dir=data)
    a.embedder.embed_query("warm up")
    ends: dict[int, float] = {}
    groups: list[tuple[int, int]] = []  # (first, last) file of each group embedded together

    stages: dict[str, float] = {}  # seconds spent in each stage a progress event opens
    last = {"stage": "", "at": 0.0}

    def progress(p) -> None:
        now = time.perf_counter()
        if last["stage"]:
            stages[last["stage"]] = stages.get(last["stage"], 0.0) + now - last["at"]
        last.update(stage=p.stage, at=now)
        if p.stage == "done":
            ends[p.file_index] = now
        elif p.stage == "tagging":
            groups.append((p.first_index or p.file_index, p.file_index))

    started = time.perf_counter()
    results = a.ingest([corpus], progress)
    total = time.perf_counter() - started
    # Files are tagged and embedded in groups and finish together, so one file's own span says
    # little: each file of a group costs the group's time (from the previous group's end) over its files.
    per_file, prev = [], started
    for lo, hi in groups:
        end = max(ends[i] for i in range(lo, hi + 1))
        per_file += [(end - prev) / (hi - lo + 1)] * (hi - lo + 1)
        prev = end
    tenth = max(1, len(per_file) // 10)
    t = time.perf_counter()
    again = a.ingest([corpus])
    reingest = time.perf_counter() - t
    chunk_texts, unit_texts = ingest_texts(sorted(corpus.glob("*.txt")))
    return {
        "files": len(results),
        "texts": len(chunk_texts) + len(unit_texts),
        "chunks": sum(r.chunks for r in results),
        "pages": sum(d.pages or 0 for d in a.documents()),
        "ingested": sum(r.status == "ingested" for r in results),
        "seconds": total,
        "first10_ms": statistics.mean(per_file[:tenth]) * 1000,
        "last10_ms": statistics.mean(per_file[-tenth:]) * 1000,
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
    a.warm_up()  # as `reportqa serve` does: the lazily loaded Spanish dictionary is no question's cost
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
        "chunks": a.health()["chunks"],  # what the index holds (an ingest stopped early holds fewer)
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
    p.add_argument("--ingest-runs", type=int, default=5, help="fresh ingests (each with its floor) per size")
    p.add_argument("--query-runs", type=int, default=5, help="new processes asking questions per size")
    p.add_argument("--skip-ingest", action="store_true", help="ask the indexes a previous run left in --work")
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
    ingested = {size: work / f"data-{size}" for size in args.sizes}
    if not args.skip_ingest:
        print(
            f"\nIngest, {args.ingest_runs} round(s) per size, each a fresh index in a new process after a new "
            "measurement of the floor (the model alone on the texts ingest embeds, sorted, best batch size); "
            "median (min–max) of the rounds:"
        )
        print(
            "\n| chunks (files) | floor texts/s | ingest s | chunks/s | pages/s | texts/s | of floor | "
            "per file, first 10% | last 10% | last / first | peak RSS | re-ingest unchanged |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|"
        )
    for size in [] if args.skip_ingest else args.sizes:
        data = work / f"data-{size}"
        rounds, floors = [], []
        for _ in range(args.ingest_runs):
            floors.append(run_worker("floor", str(corpora[size])))
            subprocess.run(["rm", "-rf", str(data)], check=True)
            rounds.append(run_worker("ingest", str(corpora[size]), str(data)))
        r = rounds[0]
        pairs = list(zip(rounds, floors))

        def col(value, fmt: str = "{:.1f}") -> str:
            return spread([value(x, f) for x, f in pairs], fmt)

        print(
            f"| {r['chunks']} ({r['files']}) | {col(lambda x, f: f['ingest_texts_per_s'])} | "
            f"{col(lambda x, f: x['seconds'])} | {col(lambda x, f: x['chunks'] / x['seconds'])} | "
            f"{col(lambda x, f: x['pages'] / x['seconds'])} | "
            f"{col(lambda x, f: x['texts'] / x['seconds'])} | "
            f"{col(lambda x, f: x['texts'] / x['seconds'] / f['ingest_texts_per_s'], '{:.0%}')} | "
            f"{col(lambda x, f: x['first10_ms'], '{:.0f} ms')} | {col(lambda x, f: x['last10_ms'], '{:.0f} ms')} | "
            f"{col(lambda x, f: x['last10_ms'] / x['first10_ms'], '{:.2f}×')} | "
            f"{col(lambda x, f: x['peak_rss_mb'], '{:.0f} MB')} | {col(lambda x, f: x['reingest_s'], '{:.2f} s')} |"
        )
        shares = {k: [x["stages"].get(k, 0.0) / x["seconds"] for x in rounds] for k in sorted(r["stages"])}
        print("|  | where the time went: " + ", ".join(f"{k} {spread(v, '{:.0%}')}" for k, v in shares.items()) + " |")
        rates = {b: [f["sorted_rates"][b] for f in floors] for b in floors[0]["sorted_rates"]}
        print(
            "|  | the model alone, texts/s by batch size: "
            + ", ".join(f"{b}: {spread(v)}" for b, v in rates.items())
            + "; chunk-sized texts, unsorted: "
            + " / ".join(spread([f[b] for f in floors]) for b in ("16", "32", "64"))
            + f" ({floors[0]['texts_per_chunk']:.1f} texts per chunk) |"
        )

    print(
        f"\nQuestions, {args.query_runs} new process(es) per size, each asking {args.runs} rounds of "
        f"{len(QUESTIONS)} questions; median (min–max) over the processes:"
    )
    print(
        "\n| chunks | load to first answer | lexical index at start | ask p50 / p95 | search p50 / p95 | "
        "filtered ask p50 / p95 | filtered search p50 / p95 | RSS |\n|---|---|---|---|---|---|---|---|"
    )
    for size in args.sizes:
        qs = [run_worker("query", str(ingested[size]), str(args.runs)) for _ in range(args.query_runs)]

        def col(key: str, fmt: str = "{:.0f}", qs=qs) -> str:
            return spread([q[key] for q in qs], fmt)

        print(
            f"| {qs[0]['chunks']:,} | {col('first_answer_s', '{:.1f} s')} | {col('lexical_s', '{:.2f} s')} | "
            f"{col('ask_p50')} / {col('ask_p95')} ms | {col('search_p50')} / {col('search_p95')} ms | "
            f"{col('ask_filtered_p50')} / {col('ask_filtered_p95')} ms | "
            f"{col('search_filtered_p50')} / {col('search_filtered_p95')} ms | {col('rss_mb', '{:.0f} MB')} |"
        )
    print(f"\n(filter: organisation; each process asks {args.runs * len(QUESTIONS)} distinct questions per kind)")


if __name__ == "__main__":
    main()
