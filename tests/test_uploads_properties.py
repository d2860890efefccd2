"""Property tests of upload-name sanitising: whatever name a client sends, the file we write
stays in its folder, is not hidden, fits the file system, keeps its type, and is stable."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from assistant.app.uploads import NAME_BYTES, safe_name, save_uploads
from ingest.loaders import SUPPORTED_SUFFIXES

names = st.text(max_size=600)  # any characters: separators, dots, NUL, emoji, lone surrogates
caps = st.integers(min_value=16, max_value=255)  # max_upload_name_chars is at least 16
suffixes = st.sampled_from([*SUPPORTED_SUFFIXES, ".PDF", ".Docx"])
# a name's stem: no folder separators (the folder part adds those), something visible in it
stems = st.text(st.characters(blacklist_characters="/\\"), min_size=1, max_size=400).filter(
    lambda s: any(c.isalnum() for c in s)
)


@given(names, caps)
@example("../../etc/passwd", 120)
@example("a" * 300 + ".pdf", 120)
@example("é" * 200 + ".docx", 255)
@example(". . .", 16)
def test_a_safe_name_is_one_plain_visible_name_within_the_caps(name, cap):
    out = safe_name(name, cap)
    assert out and "/" not in out and "\\" not in out and "\0" not in out
    assert not out.startswith(".") and out not in (".", "..")
    assert len(out) <= cap and len(out.encode()) <= NAME_BYTES
    assert out.encode("utf-8")  # no lone surrogates: the file system can take it


@given(names, caps)
def test_safe_name_is_idempotent(name, cap):
    once = safe_name(name, cap)
    assert safe_name(once, cap) == once


@given(st.text(max_size=80), stems, suffixes, caps)
@example("", "report " * 60, ".pdf", 120)
@example("C:\\Users\\me\\", "年度報告" * 30, ".docx", 16)
def test_a_supported_suffix_survives_folders_odd_characters_and_shortening(folder, stem, suffix, cap):
    out = safe_name(f"{folder}/{stem}{suffix}", cap)
    assert out.endswith(suffix) and out.lower().endswith(tuple(SUPPORTED_SUFFIXES))


@settings(max_examples=25, deadline=None)
@given(stems, suffixes, caps)
def test_every_sanitised_upload_can_be_written_and_read_back(stem, suffix, cap):
    """The real write, not just the string: a 300-byte name used to fail here with a 500."""
    import io

    with save_uploads([(stem + suffix, io.BytesIO(b"text"))], max_bytes=100, max_name_chars=cap) as paths:
        assert paths[0].read_bytes() == b"text" and Path(paths[0]).parent.parent.name.startswith("reportqa-upload-")
