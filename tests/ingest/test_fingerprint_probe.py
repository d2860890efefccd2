"""Near-duplicates are found by looking up sketch hashes, not by comparing with every document."""

from __future__ import annotations

from ingest.fingerprint import PROBE, fingerprint, similarity
from tests.conftest import DATA


def test_a_near_copy_shares_a_probe_hash_and_another_report_does_not() -> None:
    cicte = (DATA / "cicte-2016-work-plan-report.txt").read_text(encoding="utf-8")
    apec = (DATA / "apec-ctap-chile-2020.txt").read_text(encoding="utf-8")
    copy = cicte.replace("\n", " ").replace("Secretariat", "Secretariat,", 3)  # another export of the same text
    a, b, other = fingerprint(cicte), fingerprint(copy), fingerprint(apec)
    assert similarity(a, b) >= 0.9 and set(a[:PROBE]) & set(b[:PROBE])
    assert similarity(a, other) < 0.1 and not set(a[:PROBE]) & set(other[:PROBE])
