"""`python -m assistant.llm.llamacpp_server --model FILE.gguf ...`: llama.cpp's OpenAI-compatible
server (`python -m llama_cpp.server`, same options) on the plain CPU path.

Some virtual machines advertise AMX but fault on its first instruction, which kills llama.cpp's
server on its first completion (see `backends.avoid_extra_buffer_types`); this entry point
builds the model without those buffer types and is otherwise llama.cpp's own server.
"""

from __future__ import annotations

import runpy
import sys


def main() -> None:
    from assistant.llm.backends import EXTRA_HINT, avoid_extra_buffer_types

    try:
        import llama_cpp.server  # noqa: F401
    except ImportError as exc:
        sys.exit(f"llama.cpp's server is not installed ({exc}): {EXTRA_HINT}")
    avoid_extra_buffer_types()
    sys.argv[0] = "llama_cpp.server"
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
