"""BM25 over chunk texts (bm25s), plus the tokenizer the answer engine shares with it.

The index is derived from the chunks Chroma holds and rebuilt on the first read after a
write (vectorstore.index keeps each document's tokens), so the two can never disagree about
what is indexed; Chroma stays the one source of truth.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

STOPWORDS = frozenset(
    """a an and are as at be been being but by did do does for from had has have he her hers him his
    how i if in into is it its me my of on or our she so than that the their them then there these they
    this those to was we were what when where which who whom whose why will with would you your
    about also any can could may might must shall should than s t""".split()
)

# Texts whose tokens are kept in memory (sentences and chunks retrieved again and again).
TOKEN_CACHE_SIZE = 8_192

_TOKEN = re.compile(r"[a-z0-9]+(?:[@.][a-z0-9]+)*")


# Letters that no accent-stripping decomposes: "Elazığ" is Elazig, "Łódź" Lodz, "Tromsø" Tromso.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Bogotá', 'BOGOTA' and 'bogota' meet."""
    if text.isascii():  # most text: nothing to strip (a tenth of the cost of the general path)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A deliberately light suffix stripper: plurals, -ed/-ing and a final -e, nothing aggressive.

    The final -e goes so that "state"/"states" and "create"/"created" share a stem.
    """
    if word.isdigit() or len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ing") and len(word) >= 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 5:
        word = word[:-2]
    if word.endswith("ial") and len(word) >= 7:  # financial/financing, presidential/president
        word = word[:-3]
    elif word.endswith("al") and len(word) >= 6:  # national/nation, regional/region
        word = word[:-2]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    # British and American spellings meet: "organised"/"organized", "analyse"/"analyze",
    # "organisation"/"organization".
    if len(word) >= 6:
        word = _BRITISH_ENDING.sub(r"\1z\2", word)
    return word


_BRITISH_ENDING = re.compile(r"([iy])s(ation|at|$)")
# Bumped when `tokenize` changes: saved BM25 tokens of an older tokenizer are made again.
TOKENIZER_VERSION = 2


def words(text: str) -> list[str]:
    """Folded word tokens, stop-words kept (for phrase and entity matching)."""
    out: list[str] = []
    for token in _TOKEN.findall(fold(text)):
        # "17.h" and "cescudero@aduana.cl" stay whole; "u.s." style dotted runs split.
        out.append(token)
        if "." in token and "@" not in token:
            out.extend(p for p in token.split(".") if p)
    return out


def tokenize(text: str, cache: bool = True) -> list[str]:
    """Stemmed content tokens: what BM25 and term overlap compare.

    "cyber security" also yields "cybersecurity": the reports write both. `cache=False` for text
    tokenised once (whole chunks at ingest), which would only push answers' sentences out.
    """
    return list(_tokens(text) if cache else _tokens.__wrapped__(text))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _tokens(text: str) -> tuple[str, ...]:
    """Every answer tokenises the same retrieved sentences again: they are tokenised once."""
    ws = words(text)
    out = [stem(w) for w in ws if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    out += [stem(a + b) for a, b in zip(ws, ws[1:]) if a == "cyber" and b.isalpha()]
    return tuple(out)


# Stems are looked up by their first letters this many at a time (Spanish cognates: "observ").
PREFIX_KEY = 6
NAME_KEY = 4  # letters another form of a name shares with the typed one (see stems_opening_as)


class LexicalIndex:
    """BM25 over a fixed list of texts; build a new one when the texts change."""

    def __init__(self, tokens: Sequence[list[str]]) -> None:
        """BM25 over texts given as their `tokenize` output (the index keeps each document's
        tokens, so a rebuild after a write tokenises only what changed)."""
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

        self.size = len(tokens)
        self._tokens = [toks or ["\u2205"] for toks in tokens]
        self._bm25 = bm25s.BM25()
        if self.size:
            self._bm25.index(self._tokens, show_progress=False)
        self._df: dict[str, int] = {}
        for toks in self._tokens:
            for tok in set(toks):
                self._df[tok] = self._df.get(tok, 0) + 1

    def save(self, path: Path) -> None:
        """Write the BM25 matrices to `path` (a new directory), for `load` to map back in."""
        self._bm25.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        """A saved index, its matrices memory-mapped: no tokenising, no scoring pass. Document
        frequencies are the matrix's column lengths."""
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self = cls.__new__(cls)
        self._bm25 = bm25s.BM25.load(str(path), mmap=True, show_progress=False)
        self.size = int(self._bm25.scores["num_docs"])
        counts = np.diff(np.asarray(self._bm25.scores["indptr"]))
        self._df = {tok: int(counts[i]) for tok, i in self._bm25.vocab_dict.items() if tok and counts[i]}
        return self

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency of a stemmed token over the indexed texts."""
        df = self._df.get(token, 0)
        return float(np.log(1 + (self.size - df + 0.5) / (df + 0.5)))

    def knows(self, token: str) -> bool:
        """Does any indexed text contain this stemmed token?"""
        return token in self._df

    def stems_starting(self, prefix: str) -> tuple[str, ...]:
        """Indexed stems that start with `prefix` (of PREFIX_KEY letters or more); the prefix
        table is built on first use, once per index."""
        table = self._buckets(PREFIX_KEY)
        return tuple(t for t in table.get(prefix[:PREFIX_KEY], ()) if t.startswith(prefix))

    def stems_opening_as(self, token: str) -> tuple[str, ...]:
        """Indexed stems whose first NAME_KEY letters are `token`'s ("hondur" of "honduran" and
        "honduras"): a lookup, where scanning the vocabulary costs milliseconds at 100k chunks."""
        return tuple(self._buckets(NAME_KEY).get(token[:NAME_KEY], ())) if len(token) >= NAME_KEY else ()

    def _buckets(self, key: int) -> dict[str, list[str]]:
        """Alphabetic stems of at least `key` letters by their first `key` letters, built on first use."""
        tables = self.__dict__.setdefault("_tables", {})
        table = tables.get(key)
        if table is None:
            table = {}
            for tok in self._df:
                if len(tok) >= key and tok.isalpha():
                    table.setdefault(tok[:key], []).append(tok)
            tables[key] = table
        return table

    def frequency(self, token: str) -> int:
        """In how many indexed texts a stemmed token occurs."""
        return self._df.get(token, 0)

    __contains__ = knows  # `token in index`: the index as a vocabulary, without copying it

    def vocabulary(self) -> frozenset[str]:
        """Every stemmed token of the indexed texts."""
        return frozenset(self._df)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Top-k (position, score) pairs with a positive score, optionally restricted to the
        positions where `mask` is non-zero."""
        tokens = [t for t in tokenize(query) if t in self._df]
        if not tokens or not self.size:
            return []
        if mask is not None and not mask.any():
            return []
        scores = self._bm25.get_scores(tokens, weight_mask=mask)
        # the top k among the texts that hold a query word at all (a few hundred of 100,000),
        # best first, ties by position: no partition of the whole corpus per search
        held = np.flatnonzero(scores > 0)
        if len(held) > k:
            held = held[np.argpartition(-scores[held], k - 1)[:k]]
        order = sorted(held.tolist(), key=lambda i: (-scores[i], i))
        return [(i, float(scores[i])) for i in order]
