"""REST API latency: start the real server, wait for health, time warm POST /api/ask calls.

Prints the start-up time (process start to first healthy /api/health), first on an empty
index (the bundled reports are indexed) then on the index it left, the first answer (asked a
few seconds after, as a first user would), the p50 and p95 of
`--calls` warm calls, the throughput with 1, 4 and 16 concurrent clients, and a one-shot
`reportqa ask` with the server up (it asks the server) and with `--local` (it loads everything).
Each is measured in `--runs` rounds (a new server each) and printed as median (min–max).
Usage: python bench/bench_api.py [--calls 50] [--runs 5] [--data-dir DIR]   (an existing index is used as is)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import QUESTIONS, distinct_questions  # noqa: E402

POOL = distinct_questions()  # never the same question twice in one server's life
WARM_UP = 10
FIRST_USER_AFTER_S = 8.0  # a user who opens the page when the server is up types for a few seconds
from tests.live_server import start_server  # noqa: E402


def timed_asks(client: httpx.Client, calls: int, offset: int = 0) -> list[float]:
    times = []
    for i in range(offset, offset + calls):
        t0 = time.perf_counter()
        r = client.post("/api/ask", json={"question": POOL[i % len(POOL)]})
        times.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return times


def throughput(urls: Sequence[str], clients: int, per_client: int, start: int = 0) -> tuple[float, float, float]:
    """(answers/s, p50 ms, p95 ms) with `clients` threads each asking `per_client` questions."""

    def client_run(n: int) -> list[float]:
        with httpx.Client(base_url=urls[n % len(urls)], timeout=120) as client:  # client n asks server n mod N
            return timed_asks(client, per_client, start + n * per_client)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        times = sorted(t for part in pool.map(client_run, range(clients)) for t in part)
    elapsed = time.perf_counter() - t0
    return len(times) / elapsed, statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def one_shot(data_dir: Path, *extra: str) -> float:
    env = {**os.environ, "REPORTQA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assistant.app.cli", "ask", QUESTIONS[0], *extra],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t0


def spread(values: list[float], fmt: str) -> str:
    """Median (min–max) of the runs: the form every figure of the closing notes takes."""
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--calls", type=int, default=50)
    p.add_argument("--runs", type=int, default=5, help="rounds of every measurement; figures are medians")
    p.add_argument("--data-dir", type=Path, help="an index to serve (default: a new one with the bundled reports)")
    args = p.parse_args()

    figures: dict[tuple[str, str], list[float]] = {}

    def note(label: str, unit: str, value: float) -> None:
        figures.setdefault((label, unit), []).append(value)

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        if args.data_dir is None:
            first = start_server(data_dir)  # empty index: loads the model and indexes the bundled reports
            first.stop()
            note("start-up to first healthy /api/health, empty index (incl. sample ingest)", "s", first.startup_s)
        for run in range(args.runs):
            print(f"run {run + 1}/{args.runs} ...", file=sys.stderr, flush=True)
            server = start_server(data_dir, samples=False)  # the usual start: the index is already there
            try:
                note("start-up to first healthy /api/health, index present", "s", server.startup_s)
                with httpx.Client(base_url=server.url, timeout=60) as client:
                    time.sleep(FIRST_USER_AFTER_S)  # the first user's question, typed once the page is up
                    first = timed_asks(client, 1, len(POOL) - 1)[0]
                    note(f"first POST /api/ask, {FIRST_USER_AFTER_S:.0f} s after healthy", "ms", first)
                    timed_asks(client, WARM_UP, len(POOL) - WARM_UP - 1)  # warm: lazy imports, spaCy
                    times = sorted(timed_asks(client, args.calls))
                asked = args.calls
                note(f"POST /api/ask p50 of {args.calls} warm calls", "ms", statistics.median(times))
                note("POST /api/ask p95", "ms", times[min(len(times) - 1, int(0.95 * len(times)))])
                for n in (1, 4, 16):
                    per_client = max(10, args.calls // n)
                    rate, p50, p95 = throughput([server.url], n, per_client, asked)
                    asked += n * per_client
                    note(f"{n:>2} concurrent client(s):", "answers/s", rate)
                    note(f"{n:>2} concurrent client(s): p50", "ms", p50)
                    note(f"{n:>2} concurrent client(s): p95", "ms", p95)
                note("one-shot `reportqa ask`, server running (asks it)", "s", one_shot(data_dir))
            finally:
                server.stop()
            note("one-shot `reportqa ask --local` (loads model and index)", "s", one_shot(data_dir, "--local"))
    print(f"\n{'median (min–max) of ' + str(args.runs) + ' runs':<74}")
    for (name, unit), values in figures.items():
        fmt = "{:.2f}" if unit == "s" else "{:.1f}"
        print(f"{name:<64}{spread(values, fmt):>26} {unit}")


if __name__ == "__main__":
    main()
