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

from assistant.app.serialize import hit_to_dict
from assistant.types import Filters, Hit


def hit_document(hit: Hit, rank: int) -> Document:
    """One retrieved chunk as a LangChain Document; its metadata is the API's hit record
    (`/api/search`) without the text, plus "report" (the title) for citing."""
    record = hit_to_dict(hit, rank)
    text = record.pop("text")
    metadata = {k: v for k, v in record.items() if v is not None} | {"report": hit.chunk.title}
    return Document(page_content=text, metadata=metadata, id=hit.chunk.chunk_id)


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
