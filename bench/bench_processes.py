"""Answers per second from one and from two `reportqa serve` processes sharing one Chroma server.

One ReportQA process answers on about one core (Python holds one lock while it scores), so on a
2-core machine a second process, both reading the same `chroma run` server, is how to use the
second core. This starts a real `chroma run` on 127.0.0.1 (temp path), indexes the corpus into
it once, then in each of `--runs` rounds starts 1 and then 2 servers (each with its own data
directory, as behind a load balancer) and measures warm throughput with 1, 4 and 16 concurrent
clients spread evenly over the servers. Figures are medians (min–max) over the rounds.

Usage: python bench/bench_processes.py [--runs 5] [--calls 48] [--corpus DIR]
(default corpus: the bundled reports; e.g. a folder from bench/synth_corpus.py for a larger index)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_api import POOL, WARM_UP, spread, throughput, timed_asks  # noqa: E402
from tests.live_server import OFFLINE_ENV, background_server, free_port, launch, wait_healthy  # noqa: E402

COLLECTION = "bench-processes"


def ingest(corpus: Path, data_dir: Path, env: dict[str, str]) -> float:
    """Index the corpus into the Chroma server through the real CLI; seconds taken."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assistant.app.cli", "ingest", str(corpus)],
        cwd=ROOT,
        env={**os.environ, **OFFLINE_ENV, **env, "REPORTQA_DATA_DIR": str(data_dir)},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--calls", type=int, default=48, help="answers per measurement (split over the clients)")
    p.add_argument("--corpus", type=Path, default=ROOT / "samples" / "reports")
    args = p.parse_args()

    figures: dict[tuple[str, str], list[float]] = {}

    def note(label: str, unit: str, value: float) -> None:
        figures.setdefault((label, unit), []).append(value)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        port = free_port()
        chroma = Path(sys.executable).with_name("chroma")
        cmd = [str(chroma), "run", "--path", str(tmp / "chroma"), "--host", "127.0.0.1", "--port", str(port)]
        env = {"REPORTQA_CHROMA_HOST": "127.0.0.1", "REPORTQA_CHROMA_PORT": str(port)}
        env["REPORTQA_COLLECTION"] = COLLECTION
        with background_server(cmd, f"http://127.0.0.1:{port}/api/v2/heartbeat", tmp / "chroma.log"):
            seconds = ingest(args.corpus, tmp / "writer", env)
            print(f"indexed {args.corpus} into the Chroma server in {seconds:.1f} s", file=sys.stderr)
            for run in range(args.runs):
                for processes in (1, 2):
                    print(f"run {run + 1}/{args.runs}, {processes} process(es) ...", file=sys.stderr, flush=True)
                    servers = [launch(tmp / f"node-{run}-{i}", env, samples=False) for i in range(processes)]
                    try:
                        for s in servers:
                            wait_healthy(s, timeout=300)
                        urls = [s.url for s in servers]
                        for url in urls:
                            with httpx.Client(base_url=url, timeout=60) as client:
                                timed_asks(client, WARM_UP, len(POOL) - WARM_UP)  # warm: imports, spaCy
                        asked = 0
                        for clients in (1, 4, 16):
                            per_client = max(3, args.calls // clients)
                            rate, p50, p95 = throughput(urls, clients, per_client, asked)
                            asked += clients * per_client
                            label = f"{processes} process(es), {clients:>2} client(s)"
                            note(f"{label}: answers/s", "/s", rate)
                            note(f"{label}: p50", "ms", p50)
                            note(f"{label}: p95", "ms", p95)
                    finally:
                        for s in servers:
                            s.stop()
    print(f"\n{'median (min–max) of ' + str(args.runs) + ' runs':<60}")
    for (name, unit), values in figures.items():
        print(f"{name:<48}{spread(values, '{:.1f}'):>26} {unit}")
    for clients in (1, 4, 16):  # the ratio within each round, side by side
        one = figures[(f"1 process(es), {clients:>2} client(s): answers/s", "/s")]
        two = figures[(f"2 process(es), {clients:>2} client(s): answers/s", "/s")]
        ratios = [b / a for a, b in zip(one, two)]
        print(f"{f'2 vs 1 process(es), {clients:>2} client(s): ratio':<48}{spread(ratios, '{:.2f}'):>26} x")


if __name__ == "__main__":
    main()
