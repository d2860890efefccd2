"""REST API latency: start the real server, wait for health, time warm POST /api/ask calls.

Prints the start-up time (process start to first healthy /api/health), first on an empty
index (the bundled reports are indexed) then on the index it left, the median (p50) of
`--calls` warm calls, the throughput with 1, 4 and 16 concurrent clients, and a one-shot
`reportqa ask` with the server up (it asks the server) and with `--local` (it loads everything).
Usage: python bench/bench_api.py [--calls 50] [--data-dir DIR]   (an existing index is used as is)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import QUESTIONS  # noqa: E402  (same questions as the in-process benchmark)
from tests.live_server import start_server  # noqa: E402


def timed_asks(client: httpx.Client, calls: int, offset: int = 0) -> list[float]:
    times = []
    for i in range(offset, offset + calls):
        t0 = time.perf_counter()
        r = client.post("/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})
        times.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return times


def throughput(url: str, clients: int, per_client: int) -> tuple[float, float, float]:
    """(answers/s, p50 ms, p95 ms) with `clients` threads each asking `per_client` questions."""

    def client_run(offset: int) -> list[float]:
        with httpx.Client(base_url=url, timeout=120) as client:
            return timed_asks(client, per_client, offset)

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


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--calls", type=int, default=50)
    p.add_argument("--data-dir", type=Path, help="an index to serve (default: a new one with the bundled reports)")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        first = None
        if args.data_dir is None:
            first = start_server(data_dir)  # empty index: loads the model and indexes the bundled reports
            first.stop()
        server = start_server(data_dir, samples=False)  # the usual start: the index is already there
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                timed_asks(client, len(QUESTIONS) * 2)  # warm: lazy imports, caches
                times = timed_asks(client, args.calls)
            loads = {n: throughput(server.url, n, max(10, args.calls // n)) for n in (1, 4, 16)}
            via_server = one_shot(data_dir)
        finally:
            server.stop()
        local = one_shot(data_dir, "--local")
    rows = [
        ("start-up to first healthy /api/health, index present", f"{server.startup_s:.2f} s"),
        (f"POST /api/ask p50 of {args.calls} warm calls", f"{statistics.median(times):.1f} ms"),
        ("POST /api/ask p90", f"{statistics.quantiles(times, n=10)[-1]:.1f} ms"),
    ]
    if first is not None:
        label = "start-up to first healthy /api/health, empty index (incl. sample ingest)"
        rows.insert(0, (label, f"{first.startup_s:.2f} s"))
    for n, (rate, p50, p95) in loads.items():
        rows.append((f"{n} concurrent client(s): answers/s, p50, p95", f"{rate:.1f}/s {p50:.0f} {p95:.0f} ms"))
    rows.append(("one-shot `reportqa ask`, server running (asks it)", f"{via_server:.2f} s"))
    rows.append(("one-shot `reportqa ask --local` (loads model and index)", f"{local:.2f} s"))
    for label, value in rows:
        print(f"{label:<74}{value:>22}")


if __name__ == "__main__":
    main()
