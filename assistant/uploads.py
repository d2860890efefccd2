"""Uploaded files to paths the ingest pipeline can read: sanitised names, type and size checks.

The original file name matters (it becomes the document's `source`), so each upload is
written under its own temporary folder with its sanitised name, then ingested from there.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ingest.loaders import SUPPORTED_SUFFIXES

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # a 300-page report PDF is ~10 MB; anything far larger is a mistake
_COPY_BLOCK = 1024 * 1024


class UploadError(Exception):
    """An upload refused before ingest; `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def safe_name(name: str) -> str:
    """The file name without folders or unusual characters ('../a b?.pdf' -> 'a b_.pdf')."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = re.sub(r"[^\w.\- ()]", "_", base).strip(" .")
    return cleaned or "upload"


def check_supported(name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(
            415, f"{name or '(unnamed)'}: unsupported file type '{suffix or '(none)'}'; "
            f"upload {', '.join(SUPPORTED_SUFFIXES)} files"
        )


def copy_capped(src: BinaryIO, dest: Path, max_bytes: int) -> None:
    written = 0
    with dest.open("wb") as out:
        while block := src.read(_COPY_BLOCK):
            written += len(block)
            if written > max_bytes:
                raise UploadError(413, f"{dest.name}: larger than the {max_bytes // (1024 * 1024)} MB limit")
            out.write(block)


@contextmanager
def save_uploads(files: Sequence[tuple[str, BinaryIO]], max_bytes: int = MAX_UPLOAD_BYTES) -> Iterator[list[Path]]:
    """Write (file name, stream) pairs to a temporary folder; yields their paths, then cleans up.

    Every file is checked before any is written, so a bad one refuses the whole request.
    """
    if not files:
        raise UploadError(400, "no files in the upload")
    names = [safe_name(name) for name, _ in files]
    for original, name in zip((n for n, _ in files), names):
        check_supported(original or name)
    tmp = Path(tempfile.mkdtemp(prefix="reportqa-upload-"))
    try:
        paths = []
        for i, (name, (_, stream)) in enumerate(zip(names, files)):
            folder = tmp / str(i)  # one folder each: two uploads may share a name
            folder.mkdir()
            copy_capped(stream, folder / name, max_bytes)
            paths.append(folder / name)
        yield paths
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
