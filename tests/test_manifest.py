"""The document list is an append-only log: a write costs one line per changed record, however
many documents are indexed; a torn last line (a kill mid-append) is ignored; an old one-list
file is read and replaced by the log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.types import DocumentInfo
from vectorstore.manifest import DocumentRecord, Manifest, record_to_json


def record(n: int, title: str = "") -> DocumentRecord:
    info = DocumentInfo(
        doc_id=f"{n:016x}",
        source=f"r{n}.txt",
        title=title or f"Report {n}",
        organisation=None,
        year=2020,
        country=None,
        pages=None,
        chunks=3,
        ingested_at="2026-12-03T00:00:00+00:00",
    )
    return DocumentRecord(info, tuple(range(n, n + 256)), f"{n:016x}.txt")


def test_a_write_appends_only_what_changed_and_a_new_reader_sees_it_all(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    m = Manifest(path)
    records = {r.doc_id: r for r in map(record, range(500))}
    m.save(records)
    size = path.stat().st_size
    grown = []
    for n in range(500, 505):  # one more document each time: the file grows by one line
        records[record(n).doc_id] = record(n)
        m.save(records)
        grown.append(path.stat().st_size - size)
        size = path.stat().st_size
    assert max(grown) < 2 * min(grown) < size / 100
    retitled = record(3, "Renamed")
    records[retitled.doc_id] = retitled
    del records[record(4).doc_id]
    m.save(records)
    assert Manifest(path).load() == records


def test_a_torn_last_line_is_ignored_and_the_next_save_rewrites_it(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    m = Manifest(path)
    records = {r.doc_id: r for r in map(record, range(3))}
    m.save(records)
    with path.open("a") as fh:  # a kill in the middle of appending a fourth record
        fh.write(json.dumps({"put": record_to_json(record(3))})[:40])
    again = Manifest(path)
    assert again.load() == records
    records[record(5).doc_id] = record(5)
    again.save(records)
    assert path.read_text().endswith("\n")
    assert Manifest(path).load() == records


def test_a_damaged_line_inside_the_log_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    Manifest(path).save({r.doc_id: r for r in map(record, range(3))})
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join([lines[0], "garbage\n", *lines[1:]]))
    with pytest.raises(ValueError, match="damaged at line 2.*rebuilt from the indexed chunks"):
        Manifest(path).load()


def test_the_log_is_rewritten_whole_once_it_has_grown(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    m = Manifest(path)
    records = {record(0).doc_id: record(0)}
    for n in range(400):  # the same document retitled 400 times
        records = {record(0).doc_id: record(0, f"Title {n}")}
        m.save(records)
    assert len(path.read_text().splitlines()) < 110
    assert Manifest(path).load() == records


def test_a_list_written_before_the_log_is_read_and_replaced(tmp_path: Path) -> None:
    legacy = tmp_path / "documents.json"
    records = {r.doc_id: r for r in map(record, range(3))}
    legacy.write_text(json.dumps({"version": 1, "documents": [record_to_json(r) for r in records.values()]}))
    m = Manifest(tmp_path / "documents.jsonl")
    assert m.exists() and m.load() == records
    m.save(records)
    assert not legacy.exists()
    assert Manifest(tmp_path / "documents.jsonl").load() == records
