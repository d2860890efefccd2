"""Chat models behind the LLM reader: LangChain's ChatOpenAI for any OpenAI-compatible server,
and a local GGUF file run in-process by llama.cpp.

Everything here imports lazily: the default install has none of these packages, and a missing
one is a clear error naming the extra that brings it (`pip install 'reportqa[llm]'`).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from assistant.config import Settings

EXTRA_HINT = "install the LLM extra: pip install 'reportqa[llm]'"


class LLMSetupError(ValueError):
    """The configured LLM cannot be used (a missing package, file or setting); says what to do."""


def make_chat_model(settings: Settings):
    """The configured LangChain chat model, or None for the extractive reader alone."""
    provider = settings.llm_provider
    if provider == "none":
        return None
    if provider == "openai":
        return _openai(settings)
    if provider == "llamacpp":
        return _llamacpp(settings)
    raise LLMSetupError(f"unknown LLM provider {provider!r} (known: none, openai, llamacpp)")


def model_label(settings: Settings) -> str:
    """What the answer says produced it: "openai:<model>" or "llamacpp:<file name>"."""
    if settings.llm_provider == "llamacpp" and settings.llm_model_path:
        return f"llamacpp:{Path(settings.llm_model_path).name}"
    return f"{settings.llm_provider}:{settings.llm_model or 'default'}"


def _openai(settings: Settings):
    if not settings.llm_base_url or not settings.llm_model:
        raise LLMSetupError("the openai provider needs REPORTQA_LLM_BASE_URL and REPORTQA_LLM_MODEL")
    try:
        from langchain_openai.chat_models.base import BaseChatOpenAI
    except ImportError as exc:
        raise LLMSetupError(f"the openai provider needs langchain-openai: {EXTRA_HINT}") from exc
    # BaseChatOpenAI sends "max_tokens" as such; ChatOpenAI renames it "max_completion_tokens",
    # which llama.cpp's server and older vLLM/Ollama ignore (the answer then runs to the context end).
    return BaseChatOpenAI(
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key or "not-needed",
        model=settings.llm_model,
        timeout=settings.llm_timeout_s,
        max_retries=0,  # a dead endpoint falls back at once instead of retrying for seconds
        max_tokens=settings.llm_max_tokens,
        temperature=0,
    )


def _llamacpp(settings: Settings):
    path = settings.llm_model_path
    if not path:
        raise LLMSetupError("the llamacpp provider needs REPORTQA_LLM_MODEL_PATH (a .gguf file)")
    if not Path(path).is_file():
        raise LLMSetupError(f"REPORTQA_LLM_MODEL_PATH: no such file: {path}")
    try:
        import llama_cpp  # noqa: F401
    except ImportError as exc:
        raise LLMSetupError(f"the llamacpp provider needs llama-cpp-python: {EXTRA_HINT}") from exc
    llama = load_llama(Path(path), settings.llm_context_tokens, settings.llm_threads)
    return chat_model_class()(
        create_chat_completion=llama.create_chat_completion, max_tokens=settings.llm_max_tokens, lock=threading.Lock()
    )


def load_llama(path: Path, context_tokens: int, threads: int | None):
    """A llama.cpp model, quiet, with the CPU-only buffer types every x86 machine runs."""
    from llama_cpp import Llama

    avoid_extra_buffer_types()
    return Llama(
        model_path=str(path),
        n_ctx=context_tokens,
        n_threads=threads,
        n_threads_batch=threads,
        verbose=False,
    )


def avoid_extra_buffer_types() -> None:
    """Build llama.cpp models without its "extra" CPU buffer types (AMX tiles, repacked weights).

    Some virtual machines advertise AMX but fault on its first instruction (llama.cpp issue
    #20824): the first completion then kills the process. The plain CPU path works everywhere,
    and a small model loses little by it."""
    import llama_cpp.llama_cpp as native

    original = native.llama_model_default_params
    if getattr(original, "_reportqa_plain_cpu", False):
        return

    def plain_cpu_params():
        params = original()
        params.use_extra_bufts = False
        return params

    plain_cpu_params._reportqa_plain_cpu = True  # type: ignore[attr-defined]
    native.llama_model_default_params = plain_cpu_params


_ROLES = {"human": "user", "ai": "assistant", "system": "system"}


@lru_cache(maxsize=1)
def chat_model_class():
    """A LangChain chat model over llama.cpp's `create_chat_completion` (built on first use, so
    importing this module needs no LangChain)."""
    from langchain_core.callbacks import CallbackManagerForLLMRun
    from langchain_core.language_models.chat_models import BaseChatModel
    from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
    from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

    class LlamaCppChat(BaseChatModel):
        """llama.cpp's chat completion (streaming too) as a LangChain chat model. One model
        runs one completion at a time: `lock` serialises callers from server threads."""

        create_chat_completion: Callable[..., Any]
        max_tokens: int = 256
        temperature: float = 0.0
        lock: Any = None

        @property
        def _llm_type(self) -> str:
            return "llama-cpp-chat"

        def _call(self, messages: list[BaseMessage], stop, stream: bool, **kwargs):
            params = {"max_tokens": self.max_tokens, "temperature": self.temperature, **kwargs}
            if stop:
                params["stop"] = stop
            rows = [{"role": _ROLES.get(m.type, "user"), "content": m.content} for m in messages]
            return self.create_chat_completion(messages=rows, stream=stream, **params)

        def _generate(
            self,
            messages: list[BaseMessage],
            stop: list[str] | None = None,
            run_manager: CallbackManagerForLLMRun | None = None,
            **kwargs: Any,
        ) -> ChatResult:
            with self.lock or threading.Lock():
                reply = self._call(messages, stop, False, **kwargs)
            choice = reply["choices"][0]
            message = AIMessage(
                content=choice["message"].get("content") or "",
                response_metadata={"finish_reason": choice.get("finish_reason")},
            )
            return ChatResult(generations=[ChatGeneration(message=message)])

        def _stream(
            self,
            messages: list[BaseMessage],
            stop: list[str] | None = None,
            run_manager: CallbackManagerForLLMRun | None = None,
            **kwargs: Any,
        ) -> Iterator[ChatGenerationChunk]:
            with self.lock or threading.Lock():
                for part in self._call(messages, stop, True, **kwargs):
                    choice = part["choices"][0]
                    text = choice.get("delta", {}).get("content") or ""
                    if not text:
                        continue
                    chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                    if run_manager:
                        run_manager.on_llm_new_token(text, chunk=chunk)
                    yield chunk

    return LlamaCppChat
