"""Prompt templates kept as files, so wording changes are reviewed as text, not code."""

from __future__ import annotations

from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent


def load_prompt(name: str) -> str:
    """The raw template `prompts/<name>.md`; a clear error names what exists."""
    path = PROMPTS_DIR / f"{name}.md"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in PROMPTS_DIR.glob("*.md")))
        raise FileNotFoundError(f"no prompt named {name!r} in {PROMPTS_DIR} (known: {known})")
    return path.read_text(encoding="utf-8")


def render_prompt(name: str, **values: str) -> str:
    """Fill a template's {placeholders} (LangChain's f-string templates: missing values fail)."""
    from langchain_core.prompts import PromptTemplate

    return PromptTemplate.from_template(load_prompt(name)).format(**values)


def chat_prompt(system: str, human: str):
    """A LangChain chat prompt from two template files: the system rules and the user turn."""
    from langchain_core.prompts import ChatPromptTemplate

    return ChatPromptTemplate.from_messages([("system", load_prompt(system)), ("human", load_prompt(human))])
