"""One writer per data directory, across processes.

Embedded Chroma keeps state in memory that another process's writes make stale (a server
that outlives a CLI ingest answers HTTP 500 `Error finding id`). So a process that writes
holds an exclusive `flock` on `<data_dir>/lock`: a server for its whole life, a CLI write
for one command. A second writer learns who holds it and either waits (another CLI write)
or is refused with a message naming the server to use instead.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

POLL_S = 0.5


@dataclass(frozen=True)
class Holder:
    pid: int
    role: str  # "server" | "writer"
    detail: str = ""  # the server's URL, or the command

    def describe(self) -> str:
        what = (
            f"a ReportQA server (pid {self.pid}{', ' + self.detail if self.detail else ''})"
            if self.role == "server"
            else f"another ReportQA command (pid {self.pid}{': ' + self.detail if self.detail else ''})"
        )
        return what


class DataDirBusy(RuntimeError):
    """Another process writes to this data directory."""

    def __init__(self, data_dir: Path, holder: Holder | None) -> None:
        self.holder = holder
        who = holder.describe() if holder else "another process"
        hint = (
            " Upload or remove reports through that server (the web page's Documents tab or "
            "POST/DELETE /api/documents), or stop it first."
            if holder and holder.role == "server"
            else " Wait for it to finish, or stop it."
        )
        super().__init__(f"{who} is writing to {data_dir}.{hint}")


class DataDirLock:
    """An exclusive lock on a data directory; use as a context manager or acquire/release."""

    def __init__(self, data_dir: Path, role: str, detail: str = "") -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / "lock"
        self.role = role
        self.detail = detail
        self._fd: int | None = None

    def holder(self) -> Holder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            return Holder(int(data["pid"]), str(data["role"]), str(data.get("detail", "")))
        except (OSError, ValueError, KeyError):
            return None

    def acquire(self, wait_s: float = 0.0, on_wait=None) -> DataDirLock:
        """Take the lock; wait up to `wait_s` while another CLI command holds it, never for a server."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait_s
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = self.holder()
                if (holder and holder.role == "server") or time.monotonic() >= deadline:
                    os.close(fd)
                    raise DataDirBusy(self.data_dir, holder) from None
                if on_wait and not told:
                    on_wait(holder)
                    told = True
                time.sleep(POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "role": self.role, "detail": self.detail}).encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DataDirLock:
        return self.acquire() if self._fd is None else self

    def __exit__(self, *exc: object) -> None:
        self.release()
