"""The document list, persisted beside Chroma as one JSON file replaced atomically.

Chroma holds chunks; this file holds what is known about each document as a whole (title,
origin, fingerprint, which near-identical document answers for it). A document without
chunks (a duplicate) lives only here. Writes go to a temporary file that is fsynced and
renamed over the old one, so a kill leaves either the old list or the new one, never half.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from assistant.types import DocumentInfo

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


@dataclass(frozen=True)
class DocumentRecord:
    """One document as the manifest keeps it: what listings show plus what identity needs."""

    info: DocumentInfo
    fingerprint: tuple[int, ...] = ()
    original: str | None = None  # file name of the stored copy under files/, e.g. "<doc_id>.pdf"

    @property
    def doc_id(self) -> str:
        return self.info.doc_id

    def with_info(self, **changes: object) -> DocumentRecord:
        return replace(self, info=replace(self.info, **changes))


def record_to_json(record: DocumentRecord) -> dict:
    return {**asdict(record.info), "fingerprint": list(record.fingerprint), "original": record.original}


def record_from_json(data: dict) -> DocumentRecord:
    known = {f.name for f in fields(DocumentInfo)}
    info = DocumentInfo(**{k: v for k, v in data.items() if k in known})
    return DocumentRecord(info, tuple(data.get("fingerprint") or ()), data.get("original"))


def write_json_atomic(path: Path, data: object, text: str | None = None) -> None:
    """Write JSON (or `text`, already JSON) so that a crash at any point leaves the previous file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text if text is not None else json.dumps(data, ensure_ascii=False, indent=1))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX needs the directory itself synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Manifest:
    """Load and save the document records of one data directory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> dict[str, DocumentRecord]:
        if not self.path.exists():
            return {}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        return {r["doc_id"]: record_from_json(r) for r in data.get("documents", [])}

    def save(self, records: dict[str, DocumentRecord]) -> None:
        """One record per line, each encoded by json's C encoder: rewriting the list after every
        write must stay cheap at thousands of documents (indented JSON is encoded in Python and
        put each of a fingerprint's 256 numbers on a line of its own)."""
        ordered = sorted(records.values(), key=lambda r: (r.info.source, r.doc_id))
        lines = ",\n".join(json.dumps(record_to_json(r), ensure_ascii=False) for r in ordered)
        text = f'{{"version": {FORMAT_VERSION}, "documents": [\n{lines}\n]}}\n'
        write_json_atomic(self.path, None, text)
