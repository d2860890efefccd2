"""A compact sketch of a document's wording, to notice the same report under another format or name.

The PDF, the DOCX and a text export of one report extract to nearly the same words but never
the same bytes, so the content hash cannot see them as one. A bottom-k MinHash sketch of
word shingles can: its overlap estimates the Jaccard similarity of the two texts' shingles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 4  # short enough to survive line-break and hyphenation differences between formats
SKETCH_SIZE = 256  # bottom-k: a ~6% standard error on the estimate, 256 ints per document
# Two texts are compared only when their sketches share enough of their PROBE smallest hashes
# (about J * PROBE of them at Jaccard similarity J; see Index.similar_records), so looking up
# candidates replaces comparing with every indexed document.
PROBE = 16

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def fingerprint(text: str) -> tuple[int, ...]:
    """The SKETCH_SIZE smallest shingle hashes of the text, ascending."""
    words = _words(text)
    n = SHINGLE_WORDS
    shingles = {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))} if words else set()
    return tuple(sorted({_hash(s) for s in shingles})[:SKETCH_SIZE])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets, from their sketches (0..1)."""
    if not a or not b:
        return 0.0
    k = min(SKETCH_SIZE, len(set(a) | set(b)))
    union_bottom = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union_bottom if h in both) / k
