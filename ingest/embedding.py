"""Embed a document's chunks (and answer units) in batches, reporting progress and keeping what is done.

A large file takes minutes to embed. Each finished batch is appended to a checkpoint file
(raw float32 rows), so an interrupted ingest of the same bytes resumes where it stopped
instead of starting over; the checkpoint goes once the document is written.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

EmbedProgress = Callable[[int, int], None]  # (chunks embedded, chunks in the document)


def text_key(text: str) -> str:
    """The key an embedded text is stored under: the same text, the same vector."""
    return hashlib.sha256(text.encode()).hexdigest()[:20]


LENGTH_SPREAD = 2  # longest text of a batch, at most this many times its shortest (+40 characters)


def checkpoint_path(folder: Path, name: str, texts: Sequence[str]) -> Path:
    """One file per exact list of texts: other chunking settings never resume from it."""
    digest = hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:16]
    return folder / f"{name}-{digest}.f32"


def _resume(path: Path, dim: int | None) -> np.ndarray | None:
    if not path.exists() or dim is None:
        return None
    raw = np.fromfile(path, dtype="float32")
    rows = raw.size // dim
    return raw[: rows * dim].reshape(rows, dim)


def embed_texts(
    texts: Sequence[str],
    name: str,
    embedder,
    batch_size: int,
    checkpoint_dir: Path | None = None,
    progress: EmbedProgress | None = None,
) -> list[list[float]]:
    """Vectors for `texts`, in order, resuming from a checkpoint of an interrupted run.

    Texts are embedded shortest first, so a batch holds texts of about one length: a batch
    mixing 30-token sentences with 256-token chunks pads every sentence to 256 tokens. The
    order is a stable sort of the texts, so a resumed run continues where the last one stopped."""
    if not texts:
        return []
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    ordered = [texts[i] for i in order]
    path = checkpoint_path(checkpoint_dir, name, texts) if checkpoint_dir else None
    dim_file = path.with_suffix(".dim") if path else None
    dim = int(dim_file.read_text()) if dim_file and dim_file.exists() else None
    done = _resume(path, dim) if path else None
    vectors: list[list[float]] = done.tolist() if done is not None else []
    if vectors:
        log.info("resuming the embedding of %s at text %d of %d", name, len(vectors), len(texts))
    if progress:
        progress(len(vectors), len(texts))
    for batch_texts in length_batches(ordered[len(vectors) :], batch_size):
        batch = embedder.embed_documents(batch_texts)
        vectors.extend(batch)
        if path is not None:
            _append(path, dim_file, batch)
        if progress:
            progress(len(vectors), len(texts))
    result: list[list[float]] = [[] for _ in texts]
    for position, index in enumerate(order):
        result[index] = vectors[position]
    return result


def length_batches(ordered: Sequence[str], batch_size: int) -> list[list[str]]:
    """Texts sorted by length cut into batches of at most `batch_size` whose longest text is at
    most LENGTH_SPREAD times its shortest (plus a little): a model pads every text of a batch to
    its longest, so one chunk among twenty sentences would make them all cost a chunk."""
    batches: list[list[str]] = []
    for text in ordered:
        current = batches[-1] if batches else None
        if current is None or len(current) >= batch_size or len(text) > LENGTH_SPREAD * len(current[0]) + 40:
            batches.append([text])
        else:
            current.append(text)
    return batches


def _append(path: Path, dim_file: Path, batch: list[list[float]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = np.asarray(batch, dtype="float32")
    if not dim_file.exists():
        dim_file.write_text(str(rows.shape[1]))
    with path.open("ab") as fh:
        rows.tofile(fh)


def discard_checkpoint(checkpoint_dir: Path | None, name: str, texts: Sequence[str]) -> None:
    if checkpoint_dir and texts:
        path = checkpoint_path(checkpoint_dir, name, texts)
        path.unlink(missing_ok=True)
        path.with_suffix(".dim").unlink(missing_ok=True)
