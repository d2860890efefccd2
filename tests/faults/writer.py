"""A process that ingests files and kills itself (SIGKILL) at a chosen point of the write.

Run by the fault tests as `python -m tests.faults.writer DATA_DIR --kill-at STEP FILE...`.
STEP is a write step the index announces ("journal", "original", "chunks", "manifest") or
"embedded:N" (after N chunks are embedded). The fake embedder keeps it fast; the kill is real.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

from assistant.core import build
from tests.conftest import HashEmbedder


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("data_dir", type=Path)
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--kill-at", default="")
    p.add_argument("--batch", type=int, default=8)
    args = p.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")

    def on_step(step: str) -> None:
        if step == args.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def on_progress(event) -> None:
        if (
            args.kill_at.startswith("embedded:")
            and event.stage == "embedding"
            and event.done >= int(args.kill_at.split(":")[1])
        ):
            os.kill(os.getpid(), signal.SIGKILL)

    assistant = build(
        data_dir=args.data_dir, embedder=HashEmbedder(), on_write_step=on_step, embedding_batch_size=args.batch
    )
    assistant.recover()
    for r in assistant.ingest(args.files, on_progress):
        print(r.status, r.doc_id, r.chunks, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
