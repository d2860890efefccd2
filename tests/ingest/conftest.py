"""Shared fixtures for the ingest tests: the real reports in tests/data."""

from __future__ import annotations

import pytest
from report_files import ALL_FILES, DATA

from assistant.types import Document
from ingest.loaders import load_document


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    """Every real test file, loaded once per session."""
    return {name: load_document(DATA / name) for name in ALL_FILES}
