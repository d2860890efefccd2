"""Crashes and concurrent writers: a kill at any point of a write leaves one version, a server
and a CLI never share a data directory silently, same-named files are never silently replaced.

Kills are real SIGKILLs of real processes; the index is a real Chroma in a temp dir.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.core import DocumentNotFound, build
from tests.conftest import DATA, HashEmbedder
from tests.live_server import OFFLINE_ENV, ROOT

REPORT = DATA / "cicte-2016-work-plan-report.txt"
STEPS = ["journal", "original", "chunks", "manifest"]


def run_writer(data_dir: Path, files: list[Path], kill_at: str = "", batch: int = 8) -> subprocess.CompletedProcess:
    cmd = [
        sys.executable,
        "-m",
        "tests.faults.writer",
        str(data_dir),
        *map(str, files),
        "--kill-at",
        kill_at,
        "--batch",
        str(batch),
    ]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def cli(*args: str, data_dir: Path, check: bool = False, **kw) -> subprocess.CompletedProcess:
    env = {**__import__("os").environ, **OFFLINE_ENV, "REPORTQA_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant.app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kw,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def versions(data_dir: Path, name: str) -> list[str]:
    """Doc ids of `name` after a fresh start (which completes or rolls back a pending write)."""
    assistant = build(data_dir=data_dir, embedder=HashEmbedder())
    assistant.recover()
    report = assistant.check()
    assert report.ok, report.problems
    return [d.doc_id for d in assistant.documents() if d.source == name]


def report_versions(tmp_path: Path, seed: int) -> tuple[Path, str, str]:
    """A report file at one path, then changed in place (seeded), with both versions' ids."""
    rng = random.Random(seed)
    work = tmp_path / "report.txt"
    work.write_text(REPORT.read_text())
    first = run_writer(tmp_path / "idx", [work])
    assert first.returncode == 0, first.stderr
    extra = " ".join(rng.choice(["Quito", "Lima", "cyber", "ports", "customs", "training"]) for _ in range(40))
    work.write_text(REPORT.read_text() + f"\n\nIn 2016 the Secretariat also reported: {extra}.\n")
    return work, first.stdout.split()[1], ""


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("step", STEPS)
def test_sigkill_during_a_replacement_leaves_exactly_one_version(tmp_path, step, seed):
    work, old_id, _ = report_versions(tmp_path, seed)
    killed = run_writer(tmp_path / "idx", [work], kill_at=step)
    assert killed.returncode == -signal.SIGKILL
    left = versions(tmp_path / "idx", "report.txt")
    assert len(left) == 1
    rolled_forward = step in ("chunks", "manifest")  # all new chunks reached Chroma: the write completes
    assert (left[0] != old_id) == rolled_forward
    again = run_writer(tmp_path / "idx", [work])  # re-ingest finishes the job, never duplicates
    assert again.stdout.split()[0] == ("unchanged" if rolled_forward else "replaced")
    assert len(versions(tmp_path / "idx", "report.txt")) == 1


def test_sigkill_mid_embedding_keeps_the_work_and_the_next_run_resumes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(REPORT.read_text() for _ in range(4)))
    killed = run_writer(tmp_path / "idx", [big], kill_at="embedded:40", batch=8)
    assert killed.returncode == -signal.SIGKILL
    assert list((tmp_path / "idx" / "pending").glob("*.f32")), "no embedding checkpoint was kept"
    assert versions(tmp_path / "idx", "big.txt") == []  # nothing half-indexed is visible
    done = run_writer(tmp_path / "idx", [big])
    assert done.stdout.split()[0] == "ingested", done.stderr
    assert "resuming the embedding of big.txt at text 40" in done.stderr
    assert not list((tmp_path / "idx" / "pending").glob("*.f32"))
    assert len(versions(tmp_path / "idx", "big.txt")) == 1


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_real_cli_killed_at_a_random_moment_of_a_replacement(tmp_path, seed):
    """The real `reportqa ingest` with the real model, killed at a seeded moment of embedding or writing."""
    work = tmp_path / "report.txt"
    work.write_text(REPORT.read_text())
    cli("ingest", str(work), data_dir=tmp_path / "idx", check=True)
    work.write_text(REPORT.read_text() + f"\n\nA closing note number {seed} on port security in Quito.\n")
    env = {**__import__("os").environ, **OFFLINE_ENV, "REPORTQA_DATA_DIR": str(tmp_path / "idx")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.app.cli", "ingest", str(work)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    seen = b""
    while b"chunk" not in seen and proc.poll() is None:  # the progress bar: embedding has begun
        seen += proc.stderr.read1(256)
    time.sleep(random.Random(seed).uniform(0.0, 2.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    cli("check", "--repair", data_dir=tmp_path / "idx")  # what an operator would run; a start does the same
    assert cli("check", data_dir=tmp_path / "idx").returncode == 0
    docs = cli("docs", "--json", data_dir=tmp_path / "idx", check=True)
    assert docs.stdout.count('"source": "report.txt"') == 1


def two_reports_named_alike(tmp_path: Path) -> tuple[Path, Path]:
    """Two different reports, both called report.txt, in two folders."""
    a, b = tmp_path / "dupA" / "report.txt", tmp_path / "dupB" / "report.txt"
    a.parent.mkdir(), b.parent.mkdir()
    a.write_text(REPORT.read_text())
    b.write_text((DATA / "apec-ctap-chile-2020.txt").read_text())
    return a, b


def test_two_different_files_with_the_same_name_are_both_kept(tmp_path):
    a, b = two_reports_named_alike(tmp_path)
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    results = assistant.ingest([a, b])
    assert [r.status for r in results] == ["ingested", "ingested"]
    assert "also named report.txt" in results[1].note
    assert len(assistant.documents()) == 2
    with pytest.raises(DocumentNotFound, match="matches 2 documents") as err:
        assistant.remove("report.txt")
    assert err.value.ambiguous
    assert assistant.remove(results[1].doc_id[:4]).doc_id == results[1].doc_id
    assert [d.doc_id for d in assistant.documents()] == [results[0].doc_id]


def test_an_upload_never_silently_replaces_a_report_of_the_same_name(tmp_path):
    one, two = two_reports_named_alike(tmp_path)
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    first = assistant.ingest([one], uploaded=True)[0]
    clash = assistant.ingest([two], uploaded=True)[0]
    assert clash.status == "conflict" and "replace" in clash.note
    assert [d.doc_id for d in assistant.documents()] == [first.doc_id]
    replaced = assistant.ingest([two], uploaded=True, replace=True)[0]
    assert replaced.status == "replaced" and replaced.replaced == (first.doc_id,)
    assert [d.doc_id for d in assistant.documents()] == [replaced.doc_id]


def test_two_cli_writers_at_once_take_turns(tmp_path):
    a, b = two_reports_named_alike(tmp_path)
    env_dir = tmp_path / "idx"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "assistant.app.cli", "ingest", str(p)],
            cwd=ROOT,
            env={**__import__("os").environ, **OFFLINE_ENV, "REPORTQA_DATA_DIR": str(env_dir)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (a, b)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    docs = cli("docs", "--json", data_dir=env_dir, check=True).stdout
    assert docs.count('"source": "report.txt"') == 2


class SlowEmbedder(HashEmbedder):
    """Takes its time per batch, like a real model on a large file."""

    def embed_documents(self, texts):
        time.sleep(0.05)
        return super().embed_documents(texts)


def test_a_small_upload_does_not_wait_for_a_large_one_to_be_embedded(tmp_path):
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("\n\n".join(REPORT.read_text() for _ in range(6)))
    small.write_text("The Secretariat met in Quito in 2016 to plan port security training.\n")
    assistant = build(data_dir=tmp_path / "idx", embedder=SlowEmbedder(), embedding_batch_size=4)
    finished: dict[str, float] = {}
    events = []

    def ingest(path: Path) -> None:
        assistant.ingest([path], events.append)
        finished[path.name] = time.perf_counter()

    t = threading.Thread(target=ingest, args=(big,))
    t.start()
    while not any(e.stage == "embedding" and e.done > 0 for e in events):
        time.sleep(0.01)
    ingest(small)
    t.join()
    assert finished["small.txt"] < finished["big.txt"]
    inside = [e for e in events if e.name == "big.txt" and e.stage == "embedding"]
    assert len(inside) > 5 and inside[-1].done == inside[-1].total  # progress inside the file
    assert assistant.check().ok and len(assistant.documents()) == 2


def test_files_over_the_size_and_length_limits_fail_with_the_setting_to_change(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder(), max_file_mb=1)
    r = assistant.ingest([big])[0]
    assert r.status == "failed" and "REPORTQA_MAX_FILE_MB" in r.error
    assistant = build(data_dir=tmp_path / "idx2", embedder=HashEmbedder(), max_document_chars=100_000)
    r = assistant.ingest([big])[0]
    assert r.status == "failed" and "REPORTQA_MAX_DOCUMENT_CHARS" in r.error
    assert assistant.documents() == ()


def test_check_finds_and_repairs_every_kind_of_disagreement(tmp_path):
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    ids = [
        r.doc_id
        for r in assistant.ingest([DATA / "cicte-2016-work-plan-report.pdf", DATA / "apec-ctap-chile-2020.pdf"])
    ]
    assert assistant.check().ok
    assistant.index.drop_chunks(ids[0])  # chunks lost
    (tmp_path / "idx" / "files" / "stray.pdf").write_bytes(b"%PDF-1.4")  # a file nobody owns
    kinds = {p.kind for p in assistant.check().problems}
    assert {"missing_chunks", "stray_file"} <= kinds
    report = assistant.check(repair=True)
    assert report.ok and len(report.repaired) >= 2, report
    fresh = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    assert fresh.check().ok and fresh.health()["chunks"] == sum(d.chunks for d in fresh.documents())


@pytest.mark.slow
def test_a_cli_write_beside_a_running_server_is_refused_and_the_server_stays_right(tmp_path):
    from tests.live_server import launch, start_server
    import httpx

    server = start_server(tmp_path / "data")
    try:
        before = httpx.get(f"{server.url}/api/documents", timeout=30).json()
        refused = cli("ingest", str(DATA / "apec-ctap-chile-2020.docx"), data_dir=tmp_path / "data")
        assert refused.returncode == 3
        assert "ReportQA server" in refused.stderr and server.url.split("//")[1] in refused.stderr
        assert "POST/DELETE /api/documents" in refused.stderr
        assert cli("remove", before[0]["doc_id"], data_dir=tmp_path / "data").returncode == 3
        assert httpx.get(f"{server.url}/api/documents", timeout=30).json() == before
        r = httpx.post(
            f"{server.url}/api/ask", json={"question": "which states got 1540 legislative help in 2016?"}, timeout=60
        )
        assert r.status_code == 200 and r.json()["citations"]
        second = launch(tmp_path / "data", samples=False)  # a second server on the same directory
        assert second.process.wait(60) == 3
        assert "is writing to" in second.log_tail()
        assert cli("check", data_dir=tmp_path / "data").returncode == 0  # reading beside it is fine
    finally:
        server.stop()
    assert cli("remove", before[0]["doc_id"], data_dir=tmp_path / "data").returncode == 0  # free again


@pytest.mark.slow
def test_health_detail_reports_what_disagrees(tmp_path):
    import httpx

    from tests.live_server import start_server

    server = start_server(tmp_path / "data")
    try:
        body = httpx.get(f"{server.url}/api/health", params={"detail": "true"}, timeout=60).json()
        assert body["status"] == "ok" and body["check"] == []
        (tmp_path / "data" / "files" / "stray.txt").write_text("nobody owns me")
        body = httpx.get(f"{server.url}/api/health", params={"detail": "true"}, timeout=60).json()
        assert body["status"] == "inconsistent" and [p["kind"] for p in body["check"]] == ["stray_file"]
        assert (
            "check" not in httpx.get(f"{server.url}/api/health", timeout=60).json()
            or httpx.get(f"{server.url}/api/health", timeout=60).json()["check"] is None
        )
    finally:
        server.stop()
