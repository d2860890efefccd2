"""Write-ahead record of the one index write under way, so a kill can be completed or undone.

A write (add a document, replace older versions, demote a near-identical one, remove) is
recorded here before anything changes and cleared when everything has. On the next write
or start, `Index.recover` reads a leftover record: if the new document's chunks all reached
Chroma the write is completed, otherwise it is rolled back. Either way exactly one version
of each document remains.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vectorstore.manifest import DocumentRecord, fsync_dir, record_from_json, record_to_json, write_json_atomic


@dataclass(frozen=True)
class PendingWrite:
    """What one write will do; every part is idempotent, so replaying it twice is safe."""

    add: DocumentRecord | None = None  # the new document (info.chunks = chunks it must have)
    remove: tuple[str, ...] = ()  # documents that go entirely (replaced or removed)
    demote: tuple[str, ...] = ()  # documents that keep their record but lose their chunks to `add`

    def describe(self) -> str:
        parts = []
        if self.add:
            parts.append(f"add {self.add.info.source} ({self.add.doc_id})")
        if self.remove:
            parts.append(f"remove {', '.join(self.remove)}")
        if self.demote:
            parts.append(f"demote {', '.join(self.demote)}")
        return "; ".join(parts) or "nothing"


class Journal:
    """The pending-write file of one data directory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def begin(self, write: PendingWrite) -> None:
        data = {
            "add": record_to_json(write.add) if write.add else None,
            "remove": list(write.remove),
            "demote": list(write.demote),
        }
        write_json_atomic(self.path, data)

    def pending(self) -> PendingWrite | None:
        if not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            # Written atomically, so a torn file cannot come from us; treat it as no write begun.
            return None
        add = record_from_json(data["add"]) if data.get("add") else None
        return PendingWrite(add, tuple(data.get("remove", ())), tuple(data.get("demote", ())))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        fsync_dir(self.path.parent)
