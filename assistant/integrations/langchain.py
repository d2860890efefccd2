"""ReportQA for other LangChain apps: its hybrid search as a retriever, its model as embeddings.

A LangChain chain gets the same ranked chunks `reportqa search` gives (dense + BM25, fused,
Spanish bridged), as `Document`s whose metadata says where each came from, so the chain's
answer can cite report, page and section the way ReportQA does.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.types import Filters, Hit


def hit_document(hit: Hit, rank: int) -> Document:
    """One retrieved chunk as a LangChain Document (metadata: report, page, section, chunk id)."""
    c = hit.chunk
    metadata = {
        "chunk_id": c.chunk_id,
        "doc_id": c.doc_id,
        "report": c.title,
        "source": c.source,
        "page": c.page_start,
        "page_end": c.page_end,
        "section": c.section or None,
        "organisation": c.organisation,
        "year": c.year,
        "country": c.country,
        "score": float(hit.score),
        "rank": rank,
    }
    return Document(page_content=c.text, metadata={k: v for k, v in metadata.items() if v is not None}, id=c.chunk_id)


class ReportQARetriever(BaseRetriever):
    """`assistant.search` as a LangChain retriever; `filters` narrows it like the API's filters."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any  # assistant.core.Assistant (not a pydantic type)
    k: int = 5
    filters: Filters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.assistant.search(query, self.filters, self.k)
        return [hit_document(h, rank) for rank, h in enumerate(hits, start=1)]


class ReportQAEmbeddings(Embeddings):
    """The embedder ReportQA indexes with (the bundled MiniLM by default), for LangChain vector stores."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, v)) for v in self.embedder.embed_documents(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self.embedder.embed_query(text)))
