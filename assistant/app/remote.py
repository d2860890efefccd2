"""A one-shot `reportqa ask` answered by the server already running on the same data directory.

Loading torch, the embedding model and the index costs a one-shot command seconds; a running
`reportqa serve` has them loaded and answers in milliseconds. The server records its URL in the
data directory's lock file; the CLI finds it there, checks it is alive, and asks it over HTTP
(standard library only, so this path imports nothing heavy).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import asdict
from pathlib import Path

from assistant.types import Filters

HEALTH_TIMEOUT_S = 0.5  # a live server answers its health check in milliseconds


def running_server(data_dir: Path, token: str | None = None) -> str | None:
    """The URL of the live `reportqa serve` holding this data directory, or None."""
    from vectorstore.lock import DataDirLock

    holder = DataDirLock(Path(data_dir), "reader").holder()
    if holder is None or holder.role != "server" or not holder.detail.startswith("http"):
        return None
    try:
        os.kill(holder.pid, 0)
    except (ProcessLookupError, PermissionError, OSError):
        return None
    url = holder.detail.rstrip("/")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        request = urllib.request.Request(f"{url}/api/health", headers=headers)
        with urllib.request.urlopen(request, timeout=HEALTH_TIMEOUT_S) as reply:
            return url if reply.status == 200 else None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def ask_server(
    url: str,
    question: str,
    history: list[str],
    filters: Filters | None,
    k: int | None,
    token: str | None,
    timeout_s: float,
) -> dict:
    """POST /api/ask; the `reportqa ask --json` dict. Raises ValueError with the server's reason
    for a refused question, OSError when the server cannot be reached."""
    body: dict = {"question": question, "history": history}
    if filters is not None and not filters.is_empty():
        body["filters"] = {name: list(values) for name, values in asdict(filters).items() if values}
    if k is not None:
        body["k"] = k
    headers = {"Content-Type": "application/json"} | ({"Authorization": f"Bearer {token}"} if token else {})
    request = urllib.request.Request(f"{url}/api/ask", json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as reply:
            return json.loads(reply.read())
    except urllib.error.HTTPError as exc:
        detail = json.loads(exc.read() or b"{}").get("detail", exc.reason)
        if isinstance(detail, list):
            detail = "; ".join(str(d.get("msg", d)) for d in detail)
        raise ValueError(f"the server refused the question ({exc.code}): {detail}") from None
