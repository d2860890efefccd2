"""REST API latency: start the real server, wait for health, time warm POST /api/ask calls.

Prints the start-up time (process start to first healthy /api/health), first on an empty
index (the bundled reports are indexed) then on the index it left, and the median (p50) of
`--calls` warm calls. Usage: python bench/bench_api.py [--calls 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import QUESTIONS  # noqa: E402  (same questions as the in-process benchmark)
from tests.live_server import start_server  # noqa: E402


def timed_asks(client: httpx.Client, calls: int) -> list[float]:
    times = []
    for i in range(calls):
        t0 = time.perf_counter()
        r = client.post("/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})
        times.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return times


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--calls", type=int, default=50)
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        first = start_server(data_dir)  # empty index: loads the model and indexes the bundled reports
        first.stop()
        server = start_server(data_dir)  # the usual start: the index is already there
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                timed_asks(client, len(QUESTIONS) * 2)  # warm: lazy imports, caches
                times = timed_asks(client, args.calls)
        finally:
            server.stop()
    rows = [
        ("start-up to first healthy /api/health, empty index (incl. sample ingest)", f"{first.startup_s:.2f} s"),
        ("start-up to first healthy /api/health, index present", f"{server.startup_s:.2f} s"),
        (f"POST /api/ask p50 of {args.calls} warm calls", f"{statistics.median(times):.1f} ms"),
        ("POST /api/ask p90", f"{statistics.quantiles(times, n=10)[-1]:.1f} ms"),
    ]
    for label, value in rows:
        print(f"{label:<74}{value:>10}")


if __name__ == "__main__":
    main()
