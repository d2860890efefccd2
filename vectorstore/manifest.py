"""The document list, persisted beside Chroma as an append-only log of records.

Chroma holds chunks; this file holds what is known about each document as a whole (title,
origin, fingerprint, which near-identical document answers for it). A document without
chunks (a duplicate) lives only here. A write appends one JSON line per record it changed
(fsynced), so it costs the same at ten documents and at thirty thousand (rewriting the whole
list, fingerprints and all, grew with every document); the log is rewritten whole, to a
temporary file renamed over the old one, once it has grown to LOG_SLACK lines per record.
A kill mid-append leaves at most a torn last line, which loading ignores (the write's journal
entry completes or undoes it) and the next save rewrites away.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from assistant.types import DocumentInfo

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 1: one JSON list, rewritten whole (documents.json)


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


LOG_SLACK = 2  # the log is rewritten whole when it holds more than this many lines per record (+100)


class Manifest:
    """Load and save the document records of one data directory (`documents.jsonl`; a
    `documents.json` list from before the log is read once and replaced by the next save)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.legacy = path.with_suffix(".json")
        self._saved: dict[str, DocumentRecord] | None = None  # what the file holds; None: rewrite it whole
        self._lines = 0

    def exists(self) -> bool:
        return self.path.exists() or self.legacy.exists()

    def load(self) -> dict[str, DocumentRecord]:
        self._saved, self._lines = None, 0
        if self.path.exists():
            records, self._lines, whole = read_log(self.path)
            self._saved = dict(records) if whole else None
            return records
        if self.legacy.exists():
            data = json.loads(self.legacy.read_text(encoding="utf-8"))
            return {r["doc_id"]: record_from_json(r) for r in data.get("documents", [])}
        return {}

    def save(self, records: dict[str, DocumentRecord]) -> None:
        """Append what changed since the last load or save; rewrite the log when it has grown."""
        saved = self._saved
        if saved is None or self._lines > LOG_SLACK * len(records) + 100 or not self.path.exists():
            self._rewrite(records)
            return
        lines = [_line({"put": record_to_json(r)}) for d, r in records.items() if not _same(saved.get(d), r)]
        lines += [_line({"drop": d}) for d in saved if d not in records]
        if lines:
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write("".join(lines))
                fh.flush()
                os.fsync(fh.fileno())
            self._lines += len(lines)
        self._saved = dict(records)

    def _rewrite(self, records: dict[str, DocumentRecord]) -> None:
        ordered = sorted(records.values(), key=lambda r: (r.info.source, r.doc_id))
        text = _line({"version": FORMAT_VERSION}) + "".join(_line({"put": record_to_json(r)}) for r in ordered)
        write_json_atomic(self.path, None, text)
        self.legacy.unlink(missing_ok=True)
        self._saved, self._lines = dict(records), len(ordered) + 1


def _line(entry: dict) -> str:
    return json.dumps(entry, ensure_ascii=False) + "\n"


def _same(old: DocumentRecord | None, new: DocumentRecord) -> bool:
    return old is new or old == new


def read_log(path: Path) -> tuple[dict[str, DocumentRecord], int, bool]:
    """Replay the log: (records, lines read, whether it ended cleanly). A torn last line (a kill
    mid-append) is ignored; a bad line anywhere else means the file was damaged: an error."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    whole = text.endswith("\n")
    records: dict[str, DocumentRecord] = {}
    body = lines[:-1] if whole else lines
    for n, line in enumerate(body):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            if n == len(body) - 1 and not whole:
                log.warning("%s: ignored a torn last line (an interrupted write)", path)
                break
            raise ValueError(
                f"{path} is damaged at line {n + 1}: restore it from a backup, or delete it and the list is "
                "rebuilt from the indexed chunks"
            ) from None
        if "put" in entry:
            record = record_from_json(entry["put"])
            records[record.doc_id] = record
        elif "drop" in entry:
            records.pop(entry["drop"], None)
        elif entry.get("version", FORMAT_VERSION) > FORMAT_VERSION:
            raise ValueError(f"{path} was written by a newer ReportQA (format {entry['version']})")
    return records, len(body), whole
