"""Which kind of named thing a noun of the question names ("which cities", "what court"), read
by meaning with the bundled embedding model rather than from a word list.

A question asking for "the three pilot sites" is answered by a passage naming three places, though
it never says "sites"; one asking for "the penalties" is not answered by a passage naming an agency.
A noun close in meaning to "place" is said by a passage that names one the question does not
(the recogniser's labels); other nouns have to be said in words.
"""

from __future__ import annotations

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


class NounClasses:
    """Maps a question's asked nouns to the labels of the named things they stand for."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._classes: np.ndarray | None = None  # embedded on first use: no model load at start

    def labels(self, words: Sequence[str]) -> tuple[frozenset[str], ...]:
        """For each word, the labels of the class it names (empty when it names none)."""
        if not words:
            return ()
        # (embedded as queries, as the question is: cached, and never counted as indexing work)
        if self._classes is None:
            self._classes = np.asarray([self.embedder.embed_query(name) for name in CLASS_LABELS])
        vectors = np.asarray([self.embedder.embed_query(word) for word in words])
        similarity = vectors @ self._classes.T
        kinds = list(CLASS_LABELS.values())
        return tuple(kinds[int(row.argmax())] if row.max() >= CLASS_SIMILARITY else frozenset() for row in similarity)
