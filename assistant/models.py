"""The only place that knows model providers: turn settings into an embedder and an entity tagger."""

from __future__ import annotations

from assistant.config import Settings
from vectorstore.embeddings import Embedder, SentenceEmbedder


def make_embedder(settings: Settings) -> Embedder:
    """The sentence-transformers embedder named by settings (bundled MiniLM by default)."""
    return SentenceEmbedder(settings.embedding_model, batch_size=settings.embedding_batch_size)


def make_tagger(settings: Settings):
    """The spaCy named-entity tagger named by settings (loaded on first use)."""
    from assistant.nlp import EntityTagger

    return EntityTagger(settings.nlp_model)
