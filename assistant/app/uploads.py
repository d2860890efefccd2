"""Uploaded files to paths the ingest pipeline can read: sanitised names, type and size checks.

The original file name matters (it becomes the document's `source`), so each upload is
written under its own temporary folder with its sanitised name, then ingested from there.
The API and the web page both go through `save_uploads`, so their rules cannot drift apart.
Caps come from settings (max_file_bytes, max_upload_name_chars); the request as a whole was
already capped by assistant.app.guard before its body was read.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ingest.loaders import SUPPORTED_SUFFIXES

_COPY_BLOCK = 1024 * 1024
NAME_BYTES = 240  # file systems allow 255 bytes per name; a few spare for a copy's prefix
LONGEST_SUFFIX = 10  # '.docx' is 5: anything longer after the last dot is part of the name
DEFAULT_NAME_CHARS = 120


class UploadError(Exception):
    """An upload refused before ingest; `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def safe_name(name: str, max_chars: int = DEFAULT_NAME_CHARS) -> str:
    """The file name without folders or unusual characters ('../a b?.pdf' -> 'a b_.pdf'),
    shortened to `max_chars` (and 240 UTF-8 bytes) with its suffix kept: a 300-character
    name would otherwise fail to be written at all."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = re.sub(r"[^\w.\- ()]", "_", base).strip(" .") or "upload"
    return shorten(cleaned, max_chars)


def shorten(name: str, max_chars: int) -> str:
    """Cut the stem so the name fits; a cut that leaves trailing dots or spaces trims them."""
    if len(name) <= max_chars and len(name.encode()) <= NAME_BYTES:
        return name
    stem, dot, suffix = name.rpartition(".")
    suffix = f".{suffix}" if dot and stem and len(suffix) < min(LONGEST_SUFFIX, max_chars - 1) else ""
    stem = name[: len(name) - len(suffix)]
    stem = stem[: max_chars - len(suffix)]
    while len((stem + suffix).encode()) > NAME_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    return stem + suffix if stem else ("upload" + suffix)[:max_chars]


def stored_upload(claimed: str, folder: str | Path, stored: Collection[str]) -> Path:
    """The real path of a file the upload route stored in `folder`, else UploadError (403).

    A path in a client's event is a claim, not a fact: a client can name any file on the
    server. Accept only a regular file that, symlinks resolved, lies inside the upload folder
    and is one the upload route recorded as written (`stored`): a copy Gradio made of a
    server file lies in the folder too, but was never uploaded.
    """
    claimed_abs = os.path.abspath(claimed)
    recorded = any(os.path.abspath(s) == claimed_abs for s in stored)
    real = Path(os.path.realpath(claimed))
    if recorded and real.is_relative_to(os.path.realpath(folder)) and real.is_file():
        return real
    shown = Path(claimed).name[:80] or "(no name)"
    raise UploadError(403, f"{shown}: not a file uploaded through this page; choose it again and upload it")


def check_supported(name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(
            415,
            f"{name or '(unnamed)'}: unsupported file type '{suffix or '(none)'}'; "
            f"upload {', '.join(SUPPORTED_SUFFIXES)} files",
        )


def copy_capped(src: BinaryIO, dest: Path, max_bytes: int) -> None:
    written = 0
    with dest.open("wb") as out:
        while block := src.read(_COPY_BLOCK):
            written += len(block)
            if written > max_bytes:
                raise UploadError(413, f"{dest.name}: larger than the {max_bytes / (1024 * 1024):g} MB limit")
            out.write(block)


@contextmanager
def save_uploads(
    files: Sequence[tuple[str, BinaryIO]], max_bytes: int, max_name_chars: int = DEFAULT_NAME_CHARS
) -> Iterator[list[Path]]:
    """Write (file name, stream) pairs to a temporary folder; yields their paths, then cleans up.

    Every name is checked before any file is written, so a bad one refuses the whole request.
    """
    if not files:
        raise UploadError(400, "no files in the upload")
    names = [safe_name(name, max_name_chars) for name, _ in files]
    for name in names:
        check_supported(name)
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
