"""Which kind of named thing a noun of the question names ("which cities", "what court"), read
by meaning with the bundled embedding model rather than from a word list.

A question asking for "the three pilot sites" is answered by a passage naming three places, though
it never says "sites"; one asking for "the penalties" is not answered by a passage naming an agency.
A noun close in meaning to "place" is said by a passage that names one the question does not
(the recogniser's labels); other nouns have to be said in words.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from vectorstore.embeddings import Embedder

# The named-entity labels that name a thing of each class.
# (not organisations: "which ransomware group ..." is as close to "organisation" as "structure", and
# a passage naming some agency does not name the group asked for; not persons: "passengers" are
# people, and a contact point's name says nothing of them)
CLASS_LABELS: dict[str, frozenset[str]] = {
    "place": frozenset({"GPE", "LOC", "FAC"}),
}
# A noun names a class when its embedding is at least this close to the class's name (cosine).
# Set on the labelled sets: place-like nouns ("cities" 0.52, "sites" 0.45, "court" 0.45, "region"
# 0.44) stand apart from attributes ("penalties" at most 0.24, "lessons" 0.36) and from "state"
# (0.42), which as often means a government as a place.
CLASS_SIMILARITY = 0.44
# Asked nouns whose vectors are kept (nouns recur from question to question).
NOUNS_KEPT = 4_096


class NounClasses:
    """Maps a question's asked nouns to the labels of the named things they stand for."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._classes: np.ndarray | None = None  # embedded on first use: no model load at start
        self._nouns: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the server's threads share one

    def labels(self, words: Sequence[str]) -> tuple[frozenset[str], ...]:
        """For each word, the labels of the class it names (empty when it names none)."""
        if not words:
            return ()
        if self._classes is None:
            self._classes = self._vectors(list(CLASS_LABELS))
        similarity = self._vectors(words) @ self._classes.T
        kinds = list(CLASS_LABELS.values())
        return tuple(kinds[int(row.argmax())] if row.max() >= CLASS_SIMILARITY else frozenset() for row in similarity)

    def _vectors(self, words: Sequence[str]) -> np.ndarray:
        """The words' vectors, the ones not seen lately embedded in one call: a call costs about
        as much for one short word as for several, so a question's nouns share one."""
        with self._lock:
            new = [w for w in dict.fromkeys(words) if w not in self._nouns]
        embedded = dict(zip(new, self.embedder.embed_documents(new))) if new else {}
        with self._lock:
            for word, vector in embedded.items():
                self._nouns[word] = np.asarray(vector, dtype="float32")
            vectors = np.stack([self._nouns[w] for w in words])
            for word in words:
                self._nouns.move_to_end(word)
            while len(self._nouns) > NOUNS_KEPT:
                self._nouns.popitem(last=False)
        return vectors
